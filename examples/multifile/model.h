/* The model of the multifile example: y = a exp(-b t) + c, with the
 * parameters p = (a, b, c). */
#ifndef MULTIFILE_MODEL_H
#define MULTIFILE_MODEL_H
double model(const double *p, double t);
double loss(const double *p, const double *t, const double *y, int n);
#endif
