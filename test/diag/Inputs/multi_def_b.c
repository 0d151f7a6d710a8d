double w = 2.0;
double g(double x);

double h(double x) { return g(x) + x; }

double g(double x) { return 2.0 * x; }
