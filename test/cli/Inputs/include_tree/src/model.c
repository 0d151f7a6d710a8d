#include <math.h>
#include "model.h"
#  include   "sub/scale.h"
#include "other.h"
#include <fgcc.h>

FG_DIFF double f(FG_WRT double x) { return SCALE * sq(sin(x)) + twice(x); }
