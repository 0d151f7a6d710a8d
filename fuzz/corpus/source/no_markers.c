double g(double a, double b) { double t = a; t *= b; t /= (1 + b * b); return t > 1 ? t : -t; }
