// -p DIR reads in.c's compile command from DIR/compile_commands.json and
// parses with its flags: here the -DCUBE the file needs (without it the
// #error fires). Flags on fgcc's command line come after the database's.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: echo '[{"directory": "%t.dir", "file": "%s", "command": "cc -std=c11 -DCUBE=1 -c %s -o in.o"}]' > %t.dir/compile_commands.json
// RUN: %fgcc -p %t.dir %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -DCUBE=1 -fsyntax-only %t.c
// RUN: %gcc -DCUBE=1 -O2 -c %t.c -o %t.o
// RUN: not %fgcc %s -o %t.none.c 2>&1 | FileCheck %s --check-prefix=NODB
// RUN: test ! -e %t.none.c
// RUN: %fgcc -p %t.dir %s -UCUBE -DCUBE=0 -o %t.sq.c
// RUN: grep -v '^ *//' %t.sq.c | FileCheck %s --check-prefix=LATER
#include <fgcc.h>

#ifndef CUBE
#error CUBE must be defined (by the compile command)
#endif

FG_DIFF double f(double x) {
#if CUBE
  return x * x * x;
#else
  return x * x;
#endif
}
// NODB: error: CUBE must be defined
// CHECK-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// CHECK-NEXT:  {{^}}{
// CHECK-NEXT:  {{^}}    *ret_dot = (x_dot * x + x * x_dot) * x + x * x * x_dot;
// CHECK-NEXT:  {{^}}    return x * x * x;
// LATER-LABEL: {{^}}double f_jvp(double x, double x_dot, double *ret_dot){{$}}
// LATER-NEXT:  {{^}}{
// LATER-NEXT:  {{^}}    *ret_dot = x_dot * x + x * x_dot;
// LATER-NEXT:  {{^}}    return x * x;
