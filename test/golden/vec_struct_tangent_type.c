// Vector mode: the tangent of a struct is struct S_dotK, defined at the top
// of out.c after a forward declaration of each: the members that carry
// derivatives in order (a double as fg_v4d, a double * as fg_v4d *, a
// nested struct as its own S_dotK, defined first), the int member left out.
// A struct pointer's tangent parameter is struct S_dotK *, a struct passed
// by value gets const struct S_dotK *, viewed as a local copy.
// RUN: %fgcc --width 4 %s -o %t.c
// RUN: grep -v '^ *//' %t.c | FileCheck %s
// RUN: %cc -fsyntax-only %t.c
#include <fgcc.h>

struct vec { double x, y; };
struct body { int id; struct vec pos; double *w; double mass[2]; };

static double dot(struct vec a, struct vec b) { return a.x * b.x + a.y * b.y; }

FG_DIFF double f(FG_WRT const struct body *b, int n) {
  return dot(b->pos, b->pos) * b->mass[1] + b->w[n];
}
// CHECK:       {{^}}/* the tangents of structs: the members that carry derivatives, K values each */
// CHECK-NEXT:  {{^}}struct body_dot4;
// CHECK-NEXT:  {{^}}struct vec_dot4;
// CHECK-NEXT:  {{^}}struct vec_dot4 { fg_v4d x; fg_v4d y; };
// CHECK-NEXT:  {{^}}struct body_dot4 { struct vec_dot4 pos; fg_v4d *w; fg_v4d mass[2]; };
// CHECK-LABEL: {{^}}double f_jvp4(const struct body *b, const struct body_dot4 *b_dot, int n, double *ret_dot){{$}}
// CHECK:       {{^}}    const struct body_dot4 *b_dot_v = (const struct body_dot4 *)b_dot;
// CHECK-LABEL: {{^}}static double dot_jvp4(struct vec a, const struct vec_dot4 *a_dot, struct vec b, const struct vec_dot4 *b_dot, double *ret_dot){{$}}
// CHECK:       {{^}}    struct vec_dot4 a_dot_v = *a_dot;
