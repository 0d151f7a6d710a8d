/*
 * widen.c -- vector mode (fgcc --width K): K tangents beside one primal pass.
 *
 * diff.c builds every tangent function for one direction. With K > 1 this
 * stage widens those functions in place: each tangent value becomes a
 * vector of K values (a GCC/Clang vector type: fg_v8d holds 8 doubles,
 * fg_v8f 8 floats), so one tangent statement computes all K directions,
 * the primal statements run once, and the C compiler maps the vectors onto
 * the machine's vector units (SSE2 by default, AVX2 or AVX-512 under
 * -march). Nothing else of the differentiator changes: the width is a
 * property of the tangent types.
 *
 * Tangent storage keeps its shape with K values per element: the tangent
 * of a double is a fg_vKd, of a double * a fg_vKd *, of double[n] a
 * fg_vKd[n]. So element j of direction k lives at j*K + k (interleaved),
 * and a shadow pointer moves K values per step of its primal.
 *
 * At the function boundary tangents are flat pointers to floating data: an
 * active scalar's tangent and ret_dot point to K values, an array's to
 * its interleaved values. The prologue takes vector views of them
 * (x_dot_v); calls between tangent functions pass flat pointers too.
 *
 * Rules, bottom-up over every expression of a tangent function:
 *   tangent leaf (x_dot, p_dot[i], *q_dot)      its vector type
 *   vector op scalar                            scalar cast to the element type
 *                                               (C's arithmetic conversion)
 *   vector converted to another precision       __builtin_convertvector
 *   scalar stored where a vector goes           (fg_vK){0} + scalar; 0 -> (fg_vK){0}
 *   memset/memcpy/memmove on a shadow           size * K
 *   malloc/calloc/realloc/aligned_alloc of one  size * K
 *   fgblas_NAME_k(...) of a BLAS rule (blas.def)  flat pointers, as at the boundary
 *   a user derivative of width K (FG_JVP_WIDTH)  called once, flat pointers
 *   a user derivative of width 1 (FG_JVP)        called once per direction
 * What has no vector form yet is refused with a message: structs and
 * unions that carry derivatives, long double, and width-1 user derivatives
 * (FG_JVP) given pointer tangents.
 */
#include "fgcc_int.h"

#include <string.h>

typedef struct {
  Analysis *a;
  int width;
  Func *fn;       /* the tangent function being widened */
  Vec temps;      /* temporaries added (flat-pointer arguments) */
  Vec prologue;   /* declarations of the parameters' vector views */
  StrMap names;   /* names used in fn */
  bool refused;   /* one message per function is enough */
} W;

static Expr *widen_expr(W *w, Expr *e);

/* ------------------------------------------------------------------ types */

static bool is_vector(const Type *t) { return t && t->width > 1; }

static const char *vector_name(TypeKind k, int width) {
  return arena_printf("fg_v%d%c", width, k == TY_FLOAT ? 'f' : 'd');
}

/* The vector of `width` values of floating kind k, with t's qualifiers. */
static Type *vector_type(TypeKind k, int width, const Type *quals) {
  Type *t = arena_alloc(sizeof(Type));
  t->kind = k;
  t->width = width;
  t->name = vector_name(k, width);
  if (quals) {
    t->is_const = quals->is_const;
    t->is_volatile = quals->is_volatile;
  }
  return t;
}

/* Refuse in vector mode, once per function; false if it was already. */
static bool refuse(W *w, Loc loc, const char *what) {
  if (w->refused)
    return false;
  w->refused = true;
  error_at(loc, "vector mode (--width %d) does not support %s yet", w->width, what);
  return true;
}

/* The tangent storage type of a primal type: floats become vectors,
 * pointers and arrays keep their shape around them. */
static Type *widen_type(W *w, Type *t, Loc loc) {
  if (!t || !type_carries_float(t) || is_vector(t))
    return t;
  switch (t->kind) {
  case TY_FLOAT: case TY_DOUBLE:
    return vector_type(t->kind, w->width, t);
  case TY_PTR: case TY_ARRAY: {
    Type *c = arena_alloc(sizeof(Type));
    *c = *t;
    c->name = NULL; /* a typedef name would spell the scalar type */
    c->base = widen_type(w, t->base, loc);
    return c;
  }
  case TY_LDOUBLE:
    refuse(w, loc, "long double derivatives (GCC and Clang have no long double vectors)");
    return t;
  default:
    refuse(w, loc, "structs or unions that carry derivatives");
    return t;
  }
}

/* The flat type a tangent parameter has at the boundary: const F * for a
 * scalar, F * for ret_dot and pointers (as the primal), in scalar types. */
static Type *flat_type(Type *t) {
  if (type_is_float(t)) {
    Type *c = arena_alloc(sizeof(Type));
    *c = *type_basic(t->kind);
    c->is_const = true;
    return type_ptr_to(c);
  }
  if (t->kind == TY_ARRAY)
    return type_ptr_to(t->base);
  return t;
}

/* A widened pointer or array: points to vectors, at some depth. */
static bool is_widened_ptr(const Type *t) {
  return t && (t->kind == TY_PTR || t->kind == TY_ARRAY) && (is_vector(t->base) || is_widened_ptr(t->base));
}

static bool widened(const Type *t) { return is_vector(t) || is_widened_ptr(t); }

/* ------------------------------------------------------- building blocks */

static Expr *mk(ExprKind k, Type *ty, Expr *lhs, Expr *rhs) {
  Expr *e = new_expr(k, ty, lhs ? lhs->loc : (Loc){0});
  e->lhs = lhs;
  e->rhs = rhs;
  return e;
}

static Expr *mk_cast(Type *ty, Expr *x) {
  Expr *e = mk(EX_CAST, ty, x, NULL);
  e->cast_ty = ty;
  return e;
}

static Expr *text_expr(const char *text) {
  Expr *e = new_expr(EX_TEXT, type_basic(TY_VOID), (Loc){0});
  e->text = text;
  return e;
}

/* (fg_vK){0}: K zeros. */
static Expr *vector_zero(Type *vt) {
  Expr *init = new_expr(EX_INIT, vt, (Loc){0});
  init->args = arena_alloc(sizeof(Expr *));
  init->args[0] = new_num("0", type_basic(TY_INT));
  init->nargs = 1;
  Expr *e = mk(EX_COMPOUND, vt, init, NULL);
  e->cast_ty = vector_type(vt->kind, vt->width, NULL);
  return e;
}

static bool is_zero(Expr *e) {
  while (e->kind == EX_CAST)
    e = e->lhs;
  return e->kind == EX_NUM && (strcmp(e->text, "0") == 0 || strcmp(e->text, "0.0") == 0);
}

/* A scalar where the vector type vt goes: (vt){0}, or K copies of it. */
static Expr *broadcast(Expr *e, Type *vt) {
  Type *v = vector_type(vt->kind, vt->width, NULL);
  if (is_zero(e))
    return vector_zero(v);
  Expr *s = e->ty && e->ty->kind == vt->kind && !e->ty->name ? e : mk_cast(type_basic(vt->kind), e);
  return new_binary(OP_ADD, vector_zero(v), s, v);
}

/* A vector in precision k: as it is, or __builtin_convertvector. */
static Expr *to_kind(Expr *e, TypeKind k) {
  if (e->ty->kind == k)
    return e;
  Type *vt = vector_type(k, e->ty->width, NULL);
  Expr **args = arena_alloc(sizeof(Expr *) * 2);
  args[0] = e;
  args[1] = text_expr(vt->name);
  return new_call("__builtin_convertvector", args, 2, vt);
}

/* Is e, as printed, certainly of C type k (the IR may type `c ? 1 : 0` as
 * double, but C types it int)? */
static bool spelled_as(Expr *e, TypeKind k) {
  if (!e->ty || e->ty->kind != k)
    return false;
  switch (e->kind) {
  case EX_VAR: case EX_INDEX: case EX_DEREF: case EX_MEMBER: case EX_CALL:
    return true;
  case EX_CAST:
    return !e->implicit || spelled_as(e->lhs, k);
  case EX_NUM: {
    size_t n = strlen(e->text);
    bool f = n && (e->text[n - 1] == 'f' || e->text[n - 1] == 'F') && strpbrk(e->text, ".eEpP") &&
             strncmp(e->text, "0x", 2) != 0;
    return k == TY_FLOAT ? f : !f && strpbrk(e->text, ".eE") && !strpbrk(e->text, "lL");
  }
  case EX_BINARY:
    return spelled_as(e->lhs, k) && spelled_as(e->rhs, k);
  case EX_UNARY:
    return spelled_as(e->lhs, k);
  default:
    return false;
  }
}

/* A scalar operand of arithmetic in kind k beside a vector: cast unless it
 * is spelled in k (an int or a long beside a vector does not convert). */
static Expr *operand_in(Expr *e, TypeKind k) {
  if (is_vector(e->ty))
    return to_kind(e, k);
  if (spelled_as(e, k))
    return e;
  return mk_cast(type_basic(k), e);
}

/* The call's arguments as its own array: diff.c may share one array
 * between a primal call and its tangent twin. */
static void own_args(Expr *call) {
  Expr **args = arena_alloc(sizeof(Expr *) * (size_t)(call->nargs + 1));
  memcpy(args, call->args, sizeof(Expr *) * (size_t)call->nargs);
  call->args = args;
}

/* e * K, for a size in bytes. */
static Expr *times_width(W *w, Expr *size) {
  Expr *k = new_num(arena_printf("%d", w->width), type_basic(TY_INT));
  return new_binary(OP_MUL, k, size, size->ty);
}

/* ----------------------------------------------------------- expressions */

static Expr *strip_casts(Expr *e) {
  while (e->kind == EX_CAST)
    e = e->lhs;
  return e;
}

/* An allocation for a shadow: K times the bytes, and casts to the
 * widened pointer type. */
static Expr *widen_alloc(W *w, Expr *rhs, Type *target) {
  if (rhs->kind == EX_CAST) {
    rhs->lhs = widen_alloc(w, rhs->lhs, target);
    if (rhs->cast_ty && rhs->cast_ty->kind == TY_PTR && type_carries_float(rhs->cast_ty))
      rhs->cast_ty = rhs->ty = target;
    return rhs;
  }
  if (rhs->kind != EX_CALL || !is_alloc_call(rhs))
    return rhs;
  int size = call_named(rhs, "malloc") ? 0 : call_named(rhs, "realloc") || call_named(rhs, "aligned_alloc") ||
                                                     call_named(rhs, "calloc") ? 1 : -1;
  if (size >= 0 && size < rhs->nargs) {
    own_args(rhs);
    rhs->args[size] = times_width(w, rhs->args[size]);
  }
  return rhs;
}

/* What goes into storage of type t (assignment, initialisation). */
static Expr *store_value(W *w, Type *t, Expr *rhs) {
  if (is_vector(t) && !is_vector(rhs->ty))
    return broadcast(rhs, t);
  if (is_vector(t))
    return to_kind(rhs, t->kind);
  if (is_widened_ptr(t) && !is_widened_ptr(rhs->ty) && is_alloc_call(strip_casts(rhs)))
    return widen_alloc(w, rhs, t);
  if (is_widened_ptr(t) && rhs->kind == EX_CAST && is_widened_ptr(strip_casts(rhs)->ty))
    rhs->cast_ty = rhs->ty = t;
  return rhs;
}

static bool is_arith(Op op) { return op == OP_ADD || op == OP_SUB || op == OP_MUL || op == OP_DIV; }

static Expr *widen_binary(W *w, Expr *e) {
  (void)w;
  bool lv = is_vector(e->lhs->ty), rv = is_vector(e->rhs->ty);
  if (is_widened_ptr(e->lhs->ty) || is_widened_ptr(e->rhs->ty)) {
    if (e->op == OP_ADD || e->op == OP_SUB) /* pointer arithmetic moves by elements: K values each */
      e->ty = is_widened_ptr(e->lhs->ty) ? e->lhs->ty : e->rhs->ty;
    return e;
  }
  if (!lv && !rv)
    return e;
  fg_assert(is_arith(e->op) && type_is_float(e->ty));
  int width = lv ? e->lhs->ty->width : e->rhs->ty->width;
  e->lhs = operand_in(e->lhs, e->ty->kind);
  e->rhs = operand_in(e->rhs, e->ty->kind);
  e->ty = vector_type(e->ty->kind, width, NULL);
  return e;
}

static Expr *widen_cast(W *w, Expr *e) {
  if (is_vector(e->lhs->ty)) {
    Type *t = e->cast_ty ? e->cast_ty : e->ty;
    fg_assert(type_is_float(t) || t->kind == TY_VOID);
    return t->kind == TY_VOID ? e : to_kind(e->lhs, t->kind);
  }
  if (is_widened_ptr(e->lhs->ty) && e->ty->kind == TY_PTR && type_carries_float(e->ty)) {
    e->ty = widen_type(w, e->ty, e->loc);
    if (e->cast_ty)
      e->cast_ty = e->ty;
  }
  return e;
}

static Expr *widen_cond(Expr *e) {
  Type *vt = is_vector(e->lhs->ty) ? e->lhs->ty : is_vector(e->rhs->ty) ? e->rhs->ty : NULL;
  if (vt) {
    Type *t = vector_type(type_is_float(e->ty) ? e->ty->kind : vt->kind, vt->width, NULL);
    e->lhs = is_vector(e->lhs->ty) ? to_kind(e->lhs, t->kind) : broadcast(e->lhs, t);
    e->rhs = is_vector(e->rhs->ty) ? to_kind(e->rhs, t->kind) : broadcast(e->rhs, t);
    e->ty = t;
  } else if (is_widened_ptr(e->lhs->ty) || is_widened_ptr(e->rhs->ty)) {
    e->ty = is_widened_ptr(e->lhs->ty) ? e->lhs->ty : e->rhs->ty;
  }
  return e;
}

static Expr *widen_assign(W *w, Expr *e) {
  Type *t = e->lhs->ty;
  if (!widened(t))
    return e;
  if (e->op == OP_NONE)
    e->rhs = store_value(w, t, e->rhs);
  else if (is_vector(t))
    e->rhs = is_vector(e->rhs->ty) ? to_kind(e->rhs, t->kind) : operand_in(e->rhs, t->kind);
  e->ty = t;
  return e;
}

/* ------------------------------------------------------------------ calls */

static Variant *variant_named(W *w, const char *name) {
  for (int i = 0; name && i < w->a->nvariants; i++)
    if (w->a->variants[i]->out && strcmp(w->a->variants[i]->jvp_name, name) == 0)
      return w->a->variants[i];
  return NULL;
}

static const char *fresh(W *w, const char *base);

/* A new local of the function being widened, declared at its top. */
static Var *new_temp(W *w, Type *ty, Loc loc) {
  Var *t = new_var(fresh(w, arena_printf("fg_arg%d", w->temps.len + 1)), ty, VAR_LOCAL, loc);
  vec_push(&w->temps, t);
  return t;
}

/* v through a temporary of vector type vt, as the flat pointer pt:
 * (tmp = v, (pt)&tmp). */
static Expr *through_temp(W *w, Expr *v, Type *vt, Type *pt) {
  Var *t = new_temp(w, vector_type(vt->kind, vt->width, NULL), v->loc);
  Expr *set = new_assign(OP_NONE, new_var_ref(t), store_value(w, t->ty, v));
  Expr *addr = mk(EX_ADDR, type_ptr_to(t->ty), new_var_ref(t), NULL);
  return mk(EX_COMMA, pt, set, mk_cast(pt, addr));
}

/* A tangent argument for a flat parameter of type pt: a vector value goes
 * through a temporary, (tmp = v, (const F *)&tmp); a widened pointer is
 * cast to the flat pointer type. */
static Expr *flat_arg(W *w, Expr *arg, Type *pt) {
  if (is_vector(arg->ty))
    return through_temp(w, arg, arg->ty, pt);
  if (is_zero(arg) && pt->kind == TY_PTR && pt->base->is_const && type_is_float(pt->base))
    return through_temp(w, arg, vector_type(pt->base->kind, w->width, NULL), pt);
  if (is_widened_ptr(arg->ty))
    return mk_cast(pt, arg);
  return arg;
}

/* The function whose user derivative (FG_JVP, --jvp) `name` is, or NULL;
 * *jvp is that derivative and *width its width (1, or K: FG_JVP_WIDTH). */
static Func *user_jvp_of(W *w, const char *name, Func **jvp, int *width) {
  for (int i = 0; i < w->a->njvps; i++)
    if (strcmp(w->a->jvp_fn[i]->name, name) == 0 && user_jvp(w->a, w->a->jvp_of_fn[i]) == w->a->jvp_fn[i]) {
      *jvp = w->a->jvp_fn[i];
      *width = w->a->jvp_width[i];
      return w->a->jvp_of_fn[i];
    }
  return NULL;
}

/* Which arguments of a call to g's derivative are tangents: each parameter
 * that can carry one is followed by it, ret_dot comes last (diff.c). */
static bool *tangent_positions(Func *g, int nargs) {
  bool *t = arena_alloc(sizeof(bool) * (size_t)(nargs + 1));
  int at = 0;
  for (int i = 0; i < g->nparams && at < nargs; i++, at++)
    if (param_can_be_active(g->params[i]) && at + 1 < nargs)
      t[++at] = true;
  if (type_carries_float(g->ret) && nargs > 0)
    t[nargs - 1] = true;
  return t;
}

static Expr *comma(Expr *a, Expr *b) { return a ? mk(EX_COMMA, b->ty, a, b) : b; }

/* v, or a temporary holding it when it is more than a name or a number. */
static Expr *once(W *w, Expr *v, Expr **seq) {
  if (v->kind == EX_VAR || v->kind == EX_NUM)
    return v;
  Var *t = new_temp(w, type_unqual(v->ty), v->loc);
  *seq = comma(*seq, new_assign(OP_NONE, new_var_ref(t), v));
  return new_var_ref(t);
}

static Expr *vector_of(Var **parts, int width, Type *vt) {
  Expr *init = new_expr(EX_INIT, vt, (Loc){0});
  init->args = arena_alloc(sizeof(Expr *) * (size_t)width);
  for (int k = 0; k < width; k++)
    init->args[k] = new_var_ref(parts[k]);
  init->nargs = width;
  Expr *e = mk(EX_COMPOUND, vt, init, NULL);
  e->cast_ty = vt;
  return e;
}

/* A user derivative has the width-1 convention: in vector mode it is called
 * once per direction k with the k-th value of each scalar tangent, and the
 * K result tangents are gathered into the vector:
 *   (a1 = .., t1 = x_dot, p = g_jvp(a1, t1[0], &r0), ..., g_jvp(a1, t1[K-1], &rK-1),
 *    rd = (fg_vK){r0, ..}, p)
 * A pointer's interleaved tangents cannot be handed to it without copies:
 * refused (a null tangent pointer is passed on as it is). */
static Expr *call_per_direction(W *w, Expr *e, Func *g) {
  bool *tan = tangent_positions(g, e->nargs);
  Expr *seq = NULL, **base = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  Expr *ret = NULL;
  for (int i = 0; i < e->nargs; i++) {
    Expr *a = e->args[i];
    if (tan[i] && i == e->nargs - 1 && type_carries_float(g->ret) && is_widened_ptr(a->ty)) {
      ret = a;
    } else if (tan[i] && is_widened_ptr(a->ty)) {
      if (refuse(w, e->loc, arena_printf("passing the tangents of pointer argument %d to the width-1 derivative "
                                         "'%s' (FG_JVP)", i + 1, e->text)))
        note_at(e->loc, "a derivative of '%s' for this width takes them all in one call: declare it with "
                        "FG_JVP_WIDTH(%s, %d) (docs/usage.md)", g->name, g->name, w->width);
      return e;
    }
    base[i] = ret == a ? a : once(w, a, &seq);
  }
  Var **parts = arena_alloc(sizeof(Var *) * (size_t)w->width);
  Expr *value = NULL;
  for (int k = 0; k < w->width; k++) {
    Expr **args = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
    for (int i = 0; i < e->nargs; i++) {
      args[i] = base[i];
      if (base[i] == ret) {
        parts[k] = new_temp(w, type_basic(ret->ty->base->kind), e->loc);
        args[i] = mk(EX_ADDR, type_ptr_to(parts[k]->ty), new_var_ref(parts[k]), NULL);
      } else if (tan[i] && is_vector(base[i]->ty)) {
        args[i] = mk(EX_INDEX, type_basic(base[i]->ty->kind), base[i], new_num(arena_printf("%d", k), type_basic(TY_INT)));
      }
    }
    Expr *call = new_call(e->text, args, e->nargs, e->ty);
    call->loc = e->loc;
    if (k + 1 < w->width || !e->ty || e->ty->kind == TY_VOID)
      seq = comma(seq, call);
    else
      value = once(w, call, &seq);
  }
  if (ret)
    seq = comma(seq, new_assign(OP_NONE, ret->kind == EX_ADDR ? ret->lhs : mk(EX_DEREF, ret->ty->base, ret, NULL),
                                vector_of(parts, w->width, vector_type(ret->ty->base->kind, w->width, NULL))));
  return value ? comma(seq, value) : seq;
}

/* One tangent argument to a width-K user derivative, for its parameter of
 * type pt: a scalar's tangent (vector, or 0) through a temporary; a
 * widened pointer cast to pt; a null pointer as it is. */
static Expr *wide_tangent_arg(W *w, Expr *a, Type *pt, bool scalar) {
  if (scalar)
    return through_temp(w, a, vector_type(pt->base->kind, w->width, NULL), pt);
  return is_widened_ptr(a->ty) ? mk_cast(pt, a) : a;
}

/* A user derivative of width K (FG_JVP_WIDTH(g, K), K = --width) takes
 * its tangents as NAME_jvpK does, so it is called once, with flat pointers:
 *   g_jvpK(a, (t1 = a_dot, (const double *)&t1), p, (const double *)p_dot, (double *)&r)
 * a scalar's tangent points to its K values (an inactive scalar's 0 to K
 * zeros), a pointer's to its interleaved values; the null tangent of an
 * inactive pointer stays null, as at width 1. */
static Expr *call_full_width(W *w, Expr *e, Func *g, Func *jvp) {
  own_args(e);
  for (int i = 0, at = 0; i < g->nparams && at + 1 < e->nargs; i++, at++)
    if (param_can_be_active(g->params[i])) {
      at++;
      e->args[at] = wide_tangent_arg(w, e->args[at], jvp->params[at]->ty, type_is_float(g->params[i]->ty));
    }
  if (type_carries_float(g->ret))
    e->args[e->nargs - 1] = wide_tangent_arg(w, e->args[e->nargs - 1], jvp->params[e->nargs - 1]->ty, false);
  return e;
}

/* The scalar type of a vector's elements, with its qualifiers. */
static Type *element_type(const Type *vt) {
  Type *t = arena_alloc(sizeof(Type));
  *t = *type_basic(vt->kind);
  t->is_const = vt->is_const;
  return t;
}

/* A width-K helper of a BLAS rule (a VSTEP row of blas.def, lib/fgblas.c.in)
 * takes interleaved tangents as flat pointers: a widened pointer is cast
 * to F *, a vector (alpha_dot) is passed as a pointer to its K values. */
static Expr *flat_blas_call(W *w, Expr *e) {
  own_args(e);
  for (int i = 0; i < e->nargs; i++) {
    Expr *a = e->args[i];
    if (is_vector(a->ty))
      e->args[i] = flat_arg(w, a, flat_type(a->ty));
    else if (is_widened_ptr(a->ty) && is_vector(a->ty->base))
      e->args[i] = mk_cast(type_ptr_to(element_type(a->ty->base)), a);
  }
  return e;
}

static bool any_widened_arg(Expr *e) {
  for (int i = 0; i < e->nargs; i++)
    if (widened(e->args[i]->ty))
      return true;
  return false;
}

static Expr *widen_call(W *w, Expr *e) {
  if (e->lhs || !e->text)
    return e;
  Variant *callee = variant_named(w, e->text);
  if (callee) {
    Func *out = callee->out;
    own_args(e);
    for (int i = 0; i < e->nargs && i < out->nparams; i++)
      if (out->params[i]->holds_tangent)
        e->args[i] = flat_arg(w, e->args[i], out->params[i]->ty);
    return e;
  }
  if ((call_named(e, "memset") || call_named(e, "memcpy") || call_named(e, "memmove")) && e->nargs == 3 &&
      is_widened_ptr(e->args[0]->ty)) {
    own_args(e);
    e->args[2] = times_width(w, e->args[2]);
    return e;
  }
  Func *jvp = NULL;
  int width = 0;
  Func *g = user_jvp_of(w, e->text, &jvp, &width);
  if (g && width == w->width)
    return call_full_width(w, e, g, jvp);
  if (call_named(e, "free") || is_alloc_call(e) || !any_widened_arg(e)) /* allocations: store_value */
    return e;
  if (g)
    return call_per_direction(w, e, g);
  if (strncmp(e->text, "fgblas_", 7) == 0)
    return flat_blas_call(w, e);
  refuse(w, e->loc, arena_printf("the call to '%s' with tangents", e->text));
  return e;
}

static void widen_var(W *w, Var *v) {
  if (v->holds_tangent && !v->widened) {
    v->ty = widen_type(w, v->ty, v->loc);
    v->widened = true;
  }
}

static Expr *widen_node(W *w, Expr *e) {
  switch (e->kind) {
  case EX_VAR:
    widen_var(w, e->var);
    e->ty = e->var->ty;
    return e;
  case EX_INDEX:
    if (is_widened_ptr(e->lhs->ty))
      e->ty = e->lhs->ty->base;
    else if (is_widened_ptr(e->rhs->ty))
      e->ty = e->rhs->ty->base;
    return e;
  case EX_DEREF:
    if (is_widened_ptr(e->lhs->ty))
      e->ty = e->lhs->ty->base;
    return e;
  case EX_ADDR:
    if (widened(e->lhs->ty))
      e->ty = type_ptr_to(e->lhs->ty);
    return e;
  case EX_MEMBER:
    if (widened(e->lhs->ty))
      refuse(w, e->loc, "structs or unions that carry derivatives");
    return e;
  case EX_UNARY:
    if (is_vector(e->lhs->ty))
      e->ty = e->lhs->ty;
    return e;
  case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    e->ty = e->lhs->ty;
    return e;
  case EX_BINARY: return widen_binary(w, e);
  case EX_CAST: return widen_cast(w, e);
  case EX_COND: return widen_cond(e);
  case EX_ASSIGN: return widen_assign(w, e);
  case EX_COMMA: e->ty = e->rhs->ty; return e;
  case EX_CALL: return widen_call(w, e);
  default:
    return e;
  }
}

static Expr *widen_expr(W *w, Expr *e) {
  if (!e || e->kind == EX_SIZEOF || e->kind == EX_ALIGNOF || e->kind == EX_TEXT)
    return e;
  e->lhs = widen_expr(w, e->lhs);
  e->rhs = widen_expr(w, e->rhs);
  e->cond = widen_expr(w, e->cond);
  for (int i = 0; i < e->nargs; i++)
    e->args[i] = widen_expr(w, e->args[i]);
  return widen_node(w, e);
}

/* ------------------------------------------------------------- statements */

/* An initializer list for widened storage of type t: each element stored
 * as into its element ({a_dot, 0} -> {a_dot, (fg_vKd){0}}). */
static Expr *widen_init(W *w, Type *t, Expr *init) {
  if (init->kind != EX_INIT)
    return store_value(w, t, widen_expr(w, init));
  if (is_vector(t) && init->nargs == 1 && init->args[0]->kind != EX_INIT)
    return store_value(w, t, widen_expr(w, init->args[0])); /* {x}: x */
  if (is_vector(t))
    return vector_zero(t); /* {0} */
  Type *elem = t->kind == TY_ARRAY ? t->base : NULL;
  for (int i = 0; elem && i < init->nargs; i++)
    init->args[i] = widen_init(w, elem, init->args[i]);
  return init;
}

static void widen_stmt(W *w, Stmt *s);

/* The argument temporaries made inside a region are private to its threads,
 * like diff.c's temporaries. */
static void widen_omp(W *w, Stmt *s) {
  int before = w->temps.len;
  widen_stmt(w, s->body);
  for (int i = before; i < w->temps.len; i++)
    s->text = arena_printf("%s%s%s", s->text, i == before ? " private(" : ", ", ((Var *)w->temps.data[i])->name);
  if (w->temps.len > before)
    s->text = arena_printf("%s)", s->text);
}

static void widen_stmt(W *w, Stmt *s) {
  if (!s)
    return;
  if (s->kind == ST_OMP && s->body && omp_takes_private(s->text)) {
    widen_omp(w, s);
    return;
  }
  if (s->kind == ST_DECL) {
    widen_var(w, s->var);
    if (s->var->ty->kind == TY_ARRAY)
      s->var->ty->vla_len = widen_expr(w, s->var->ty->vla_len);
    if (s->var->init && widened(s->var->ty))
      s->var->init = widen_init(w, s->var->ty, s->var->init);
    else if (s->var->init)
      s->var->init = widen_expr(w, s->var->init);
  }
  s->expr = widen_expr(w, s->expr);
  s->cond = widen_expr(w, s->cond);
  s->step = widen_expr(w, s->step);
  widen_stmt(w, s->init);
  widen_stmt(w, s->then);
  widen_stmt(w, s->els);
  widen_stmt(w, s->body);
  for (int i = 0; i < s->nstmts; i++)
    widen_stmt(w, s->stmts[i]);
}

/* ------------------------------------------------------------------ names */

static void collect_names(W *w, Stmt *s) {
  if (!s)
    return;
  if (s->kind == ST_DECL)
    strmap_put(&w->names, s->var->name, (void *)s->var->name);
  collect_names(w, s->init);
  collect_names(w, s->then);
  collect_names(w, s->els);
  collect_names(w, s->body);
  for (int i = 0; i < s->nstmts; i++)
    collect_names(w, s->stmts[i]);
}

static bool name_taken(W *w, const char *name) {
  if (strmap_get(&w->names, name))
    return true;
  for (int i = 0; i < w->a->prog->nidents; i++)
    if (strcmp(w->a->prog->idents[i], name) == 0)
      return true;
  return false;
}

static const char *fresh(W *w, const char *base) {
  const char *name = base;
  for (int i = 1; name_taken(w, name); i++)
    name = arena_printf("%s%d", base, i);
  strmap_put(&w->names, name, (void *)name);
  return name;
}

/* ------------------------------------------------------------- functions */

/* The tangent parameter p becomes flat at the boundary; the body keeps
 * using p, now a local vector view of it: x_dot_v = *(const fg_vKd *)x_dot. */
static Var *flat_param(W *w, Var *p, Vec *prologue) {
  Var *flat = new_var(p->name, flat_type(p->ty), VAR_PARAM, p->loc);
  flat->holds_tangent = true;
  p->name = fresh(w, arena_printf("%s_v", p->name));
  p->storage = VAR_LOCAL;
  widen_var(w, p);
  Expr *src = new_var_ref(flat);
  if (is_vector(p->ty)) {
    Type *vt = vector_type(p->ty->kind, p->ty->width, NULL);
    vt->is_const = true;
    src = mk(EX_DEREF, vt, mk_cast(type_ptr_to(vt), src), NULL);
  } else {
    src = mk_cast(p->ty, src);
  }
  p->init = src;
  Stmt *decl = new_stmt(ST_DECL, p->loc);
  decl->var = p;
  vec_push(prologue, decl);
  return flat;
}

/* The boundary of f: flat tangent parameters, their views first in the body. */
static void flatten_params(W *w, Func *f) {
  collect_names(w, f->body);
  for (int i = 0; i < f->nparams; i++)
    strmap_put(&w->names, f->params[i]->name, (void *)f->params[i]->name);
  for (int i = 0; i < f->nparams; i++)
    if (f->params[i]->holds_tangent)
      f->params[i] = flat_param(w, f->params[i], &w->prologue);
}

/* The body, once every function's boundary is flat; the temporaries go
 * first, then the views, then the statements. */
static void widen_body(W *w, Func *f) {
  widen_stmt(w, f->body);
  Vec all = {0};
  for (int i = 0; i < w->temps.len; i++) {
    Stmt *decl = new_stmt(ST_DECL, f->loc);
    decl->var = w->temps.data[i];
    vec_push(&all, decl);
  }
  for (int i = 0; i < w->prologue.len; i++)
    vec_push(&all, w->prologue.data[i]);
  for (int i = 0; i < f->body->nstmts; i++)
    vec_push(&all, f->body->stmts[i]);
  f->body->stmts = (Stmt **)all.data;
  f->body->nstmts = all.len;
}

/* Widen every tangent function (a->width > 1); the tangents of active
 * globals are widened where the functions use them. */
void widen_program(Program *p, Analysis *a) {
  (void)p;
  if (a->width <= 1)
    return;
  W *ws = arena_alloc(sizeof(W) * (size_t)(a->nvariants + 1));
  for (int i = 0; i < a->nvariants; i++) {
    ws[i] = (W){.a = a, .width = a->width, .fn = a->variants[i]->out};
    if (ws[i].fn)
      flatten_params(&ws[i], ws[i].fn);
  }
  for (int i = 0; i < a->nvariants; i++)
    if (ws[i].fn)
      widen_body(&ws[i], ws[i].fn);
}
