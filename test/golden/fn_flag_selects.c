// --fn NAME differentiates an unannotated function w.r.t. all its floating
// parameters; --fn NAME:P1,P2 w.r.t. P1 and P2 only (plus non-const floating
// pointer outputs). Functions not named are only turned into prototypes.
// RUN: %fgcc %s --fn g -o %t.all.c
// RUN: grep -v '^ *//' %t.all.c | FileCheck %s --check-prefix=ALL
// RUN: %cc -fsyntax-only %t.all.c
// RUN: %gcc -O2 -c %t.all.c -o %t.all.o
// RUN: %fgcc %s --fn g:a,c -o %t.ac.c
// RUN: grep -v '^ *//' %t.ac.c | FileCheck %s --check-prefix=AC
// RUN: %cc -fsyntax-only %t.ac.c
// RUN: %fgcc %s --fn=g:b --fn out -o %t.two.c
// RUN: grep -v '^ *//' %t.two.c | FileCheck %s --check-prefix=TWO
// RUN: %cc -fsyntax-only %t.two.c
// RUN: %gcc -O2 -c %t.two.c -o %t.two.o
double g(double a, double b, double c, int n) { return a * b * c * n; }
void out(double a, double *o) { *o = a * a; }
double other(double a) { return a; }
// ALL:       {{^}}double g_jvp(double a, double a_dot, double b, double b_dot, double c, double c_dot, int n, double *ret_dot);
// ALL-NOT:   {{out_jvp|other_jvp}}
// ALL-LABEL: {{^}}double g_jvp(double a, double a_dot, double b, double b_dot, double c, double c_dot, int n, double *ret_dot){{$}}
// ALL-NEXT:  {{^}}{
// ALL-NEXT:  {{^}}    *ret_dot = ((a_dot * b + a * b_dot) * c + a * b * c_dot) * n;
// ALL-NEXT:  {{^}}    return a * b * c * n;
// ALL-NEXT:  {{^}}}
// ALL-NOT:   {{out_jvp|other_jvp}}

// AC:       {{^}}double g_jvp(double a, double a_dot, double b, double c, double c_dot, int n, double *ret_dot);
// AC-LABEL: {{^}}double g_jvp(double a, double a_dot, double b, double c, double c_dot, int n, double *ret_dot){{$}}
// AC-NEXT:  {{^}}{
// AC-NEXT:  {{^}}    *ret_dot = (a_dot * b * c + a * b * c_dot) * n;

// TWO-DAG:   {{^}}double g_jvp(double a, double b, double b_dot, double c, int n, double *ret_dot);
// TWO-DAG:   {{^}}void out_jvp(double a, double a_dot, double *o, double *o_dot);
// TWO-NOT:   other_jvp
