// RUN: rm -f %t.out.c
// RUN: not %fgcc %s -o %t.out.c 2>&1 | FileCheck %s
// RUN: test ! -e %t.out.c
// FG_DIFF on a prototype only (no definition in the file): the message must
// say that f has no body here, at the prototype, not "mark a function with
// FG_DIFF" (it is marked).
#include <fgcc.h>

// CHECK: diff_on_prototype.c:[[@LINE+1]]:{{[0-9]+}}: error: {{.*}}'f'{{.*(body|definition)}}
FG_DIFF double f(double x);
