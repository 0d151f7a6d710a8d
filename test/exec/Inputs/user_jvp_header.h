/* An external function and its derivative, declared in a header only. */
#include <fgcc.h>
double ext_cube(double x);
FG_JVP(ext_cube) double ext_cube_jvp(double x, double x_dot, double *ret_dot);
