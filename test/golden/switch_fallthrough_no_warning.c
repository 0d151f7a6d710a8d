// A case that falls through into the next must stay warning-free under
// gcc -Wextra (-Wimplicit-fallthrough): the input marks the fallthrough with
// a comment gcc recognises, and out.c must keep such a marker (for example
// the comment itself) before the next case label. fgcc drops comments inside
// bodies, so gcc -O2 -Wextra -Werror rejects out.c while it accepts in.c.
// RUN: %gcc -O2 -c %s -o %t.in.o
// RUN: %fgcc %s -o %t.c
// RUN: %cc -fsyntax-only %t.c
// RUN: %gcc -O2 -c %t.c -o %t.o
#include <fgcc.h>

FG_DIFF double f(int mode, double x) {
  double r = x;
  switch (mode) {
  case 1:
    r *= x;
    /* fall through */
  case 2:
    r += x;
    break;
  default:
    r = -x;
  }
  return r;
}
