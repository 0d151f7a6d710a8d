/* The second source of the outside project's loss: (sum_i w_i)^2 / 2. */
double penalty(const double *w, int n) {
  double sum = 0;
  for (int i = 0; i < n; i++)
    sum += w[i];
  return 0.5 * sum * sum;
}
