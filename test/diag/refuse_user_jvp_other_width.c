// RUN: rm -f %t.out.c
// RUN: not %fgcc %s --width 4 -o %t.out.c 2>&1 | FileCheck %s --check-prefix=W4
// RUN: test ! -e %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s --check-prefix=W1
// RUN: test ! -e %t.out.c
// A derivative of another width than the run's is ignored: at --width 4
// (or width 1) g's only derivative, of width 8, is not called, so g has
// none; the refusal at the call is followed by a note on the ignored one.
#include <fgcc.h>

double g(double x);
FG_JVP_WIDTH(g, 8) double g_jvp8(double x, const double *x_dot, double *ret_dot);

FG_DIFF double f(double x) { return g(x) * 2; }
// W4: refuse_user_jvp_other_width.c:[[@LINE-1]]:37: error: no derivative for 'g': it has no body in this file and no built-in rule; supply one with FG_JVP(g) or --jvp g=NAME
// W4: refuse_user_jvp_other_width.c:[[@LINE-4]]:27: note: 'g_jvp8' is the derivative of 'g' for --width 8 (FG_JVP_WIDTH); this run (--width 4) calls one of width 4 (FG_JVP_WIDTH) or 1 (FG_JVP)
// W1: refuse_user_jvp_other_width.c:[[@LINE-3]]:37: error: no derivative for 'g'
// W1: refuse_user_jvp_other_width.c:[[@LINE-6]]:27: note: 'g_jvp8' is the derivative of 'g' for --width 8 (FG_JVP_WIDTH); this run (width 1) calls one of width 1 (FG_JVP)
