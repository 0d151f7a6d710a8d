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
 * fg_vKd[n], of a struct S the struct S_dotK (its members that carry
 * derivatives, each widened so). So element j of direction k lives at
 * j*K + k (interleaved), and a shadow pointer moves K values per step of
 * its primal.
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
 *   s_dot.x, p_dot->x on a tangent struct       the member of S_dotK
 *   memset/memcpy/memmove on a shadow           size * K (floats), size (pointers),
 *                                               sizeof(S) -> sizeof(S_dotK) (structs)
 *   malloc/calloc/realloc/aligned_alloc of one  the same
 *   #pragma omp atomic on a vector tangent      one scalar atomic per direction
 *   fgblas_NAME_k(...) of a BLAS rule (blas.def)  flat pointers, as at the boundary
 *   a user derivative of width K (FG_JVP_WIDTH)  called once, flat pointers
 *   a user derivative of width 1 (FG_JVP)        called once per direction
 * What has no vector form yet is refused with a message: long double,
 * struct sizes not written with sizeof, struct initializers with elided
 * braces, struct tangents to user derivatives, and width-1 user
 * derivatives (FG_JVP) given pointer tangents.
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

static bool is_vector(const Type *t) { return t && t->width > 1 && t->kind != TY_STRUCT; }

/* A tangent struct (S_dotK, made by wide_struct). */
static bool is_wide_struct(const Type *t) { return t && t->kind == TY_STRUCT && t->width > 1; }

static Type *wide_struct(W *w, Type *t, Loc loc);

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
  if (!t || is_vector(t) || is_wide_struct(t) || !type_carries_float(t))
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
    return wide_struct(w, t, loc);
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

/* A widened pointer or array: points to vectors or tangent structs, at some depth. */
static bool is_widened_ptr(const Type *t) {
  return t && (t->kind == TY_PTR || t->kind == TY_ARRAY) &&
         (is_vector(t->base) || is_wide_struct(t->base) || is_widened_ptr(t->base));
}

static bool widened(const Type *t) { return is_vector(t) || is_wide_struct(t) || is_widened_ptr(t); }

/* A struct, or a pointer or array of them at some depth. */
static bool points_to_struct(const Type *t) {
  while (t && (t->kind == TY_PTR || t->kind == TY_ARRAY))
    t = t->base;
  return t && t->kind == TY_STRUCT;
}

/* --------------------------------------------------------- tangent structs */

static const char *struct_key(const Type *t) { return t->tag ? t->tag : t->name; }

/* Are a and b one struct? The same declaration, or copies of one tag with
 * the same members (two inputs' copies: link.c checks they agree; a local
 * struct that hides a file-scope one of its tag has other members). */
static bool same_struct(const Type *a, const Type *b) {
  if (a->fields == b->fields)
    return true;
  if (!struct_key(a) || !struct_key(b) || strcmp(struct_key(a), struct_key(b)) != 0 || a->nfields != b->nfields)
    return false;
  for (int i = 0; i < a->nfields; i++)
    if (!a->fields[i].name || !b->fields[i].name || strcmp(a->fields[i].name, b->fields[i].name) != 0)
      return false;
  return true;
}

static bool known_tag(Analysis *a, const char *tag) {
  for (int i = 0; i < a->wide_structs.len; i++)
    if (strcmp(((Type *)a->wide_structs.data[i])->tag, tag) == 0)
      return true;
  return false;
}

static Type *known_wide_struct(Analysis *a, const Type *t) {
  for (int i = 0; i < a->wide_structs.len; i++) {
    Type *s = a->wide_structs.data[i];
    if (same_struct(s->tangent_of, t))
      return s;
  }
  return NULL;
}

/* Where the code fgcc reads defines `struct tag` or a macro `tag`, or NULL. */
static const Loc *tag_defined(Program *p, const char *tag) {
  const char *st = arena_printf("struct %s", tag);
  for (int i = 0; i < p->ntypes; i++)
    if (strcmp(p->types[i].name, st) == 0)
      return &p->types[i].loc;
  for (int i = 0; i < p->nmacros; i++)
    if (strcmp(p->macros[i].name, tag) == 0)
      return &p->macros[i].loc;
  return NULL;
}

/* S_dotK for struct S (or typedef name S), fg_struct_dotK for a struct
 * with neither (then fg_struct_dotK_2, ... for the next). The caller
 * declares S_dotK in its own code: in the code fgcc reads the name is
 * refused, since out.c defines it. */
static const char *tangent_tag(W *w, const Type *t, Loc loc) {
  const char *base = arena_printf("%s_dot%d", struct_key(t) ? struct_key(t) : "fg_struct", w->width);
  const char *tag = base;
  for (int i = 2; !struct_key(t) && (tag_defined(w->a->prog, tag) || known_tag(w->a, tag)); i++)
    tag = arena_printf("%s_%d", base, i);
  const Loc *at = tag_defined(w->a->prog, tag);
  if (at && !w->refused) {
    w->refused = true;
    error_at(loc, "the tangent of '%s' at --width %d is 'struct %s', which out.c defines, but the code fgcc reads "
                  "defines that name too", t->name ? t->name : "struct", w->width, tag);
    note_at(*at, "defined here: declare it only in the code that calls the _jvp%d functions", w->width);
  }
  return tag;
}

static Type *with_quals(Type *t, const Type *quals) {
  if (!quals->is_const && !quals->is_volatile)
    return t;
  Type *c = arena_alloc(sizeof(Type));
  *c = *t;
  c->is_const = quals->is_const;
  c->is_volatile = quals->is_volatile;
  return c;
}

/* The members of t that carry derivatives, widened, appended to s; those
 * of an unnamed struct member (C11) in its place, as C names them (p.x). */
static bool add_members(W *w, Type *s, const Type *t, Loc loc) {
  for (int i = 0; i < t->nfields; i++) {
    Field *f = &t->fields[i];
    if (!type_carries_float(f->ty))
      continue;
    if (!f->name && f->ty->kind != TY_STRUCT) {
      refuse(w, loc, "unions that carry derivatives");
      return false;
    }
    if (!f->name && !add_members(w, s, f->ty, loc))
      return false;
    if (f->name)
      s->fields[s->nfields++] = (Field){f->name, widen_type(w, f->ty, loc)};
  }
  return true;
}

static int member_count(const Type *t) {
  int n = 0;
  for (int i = 0; i < t->nfields; i++)
    n += t->fields[i].name ? 1 : member_count(t->fields[i].ty);
  return n;
}

/* The tangent of struct t at width K, made once per struct: struct S_dotK
 * holds the members of S that carry derivatives, in order, each widened (a
 * double becomes fg_vKd, laid out as double[K]; a double * a fg_vKd *; a
 * struct T member its T_dotK); the others are left out, since no tangent
 * reads them. It is registered before its members are widened, so a struct
 * that points to itself finds it. */
static Type *wide_struct(W *w, Type *t, Loc loc) {
  Type *s = known_wide_struct(w->a, t);
  if (s)
    return with_quals(s, t);
  if (t->kind != TY_STRUCT) {
    refuse(w, loc, "unions that carry derivatives");
    return t;
  }
  s = arena_alloc(sizeof(Type));
  s->kind = TY_STRUCT;
  s->width = w->width;
  s->tangent_of = t;
  s->tag = tangent_tag(w, t, loc);
  s->name = arena_printf("struct %s", s->tag);
  s->fields = arena_alloc(sizeof(Field) * (size_t)(member_count(t) + 1));
  vec_push(&w->a->wide_structs, s);
  return add_members(w, s, t, loc) ? with_quals(s, t) : t;
}

static Field *field_named(const Type *s, const char *name) {
  for (int i = 0; name && i < s->nfields; i++)
    if (strcmp(s->fields[i].name, name) == 0)
      return &s->fields[i];
  return NULL;
}

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

/* Is text `sizeof(T)` with T a spelling of struct t ("struct S", or its
 * typedef name)? The front end keeps sizeof(type) as text. */
static bool sizeof_names(const char *text, const Type *t) {
  char name[256];
  int n = 0;
  if (strncmp(text, "sizeof", 6) != 0)
    return false;
  for (const char *p = text + 6; *p && n < 255; p++) {
    if (*p == ' ' && (n == 0 || name[n - 1] == ' '))
      continue;
    if (*p != '(' && *p != ')')
      name[n++] = *p == '\t' || *p == '\n' ? ' ' : *p;
  }
  while (n > 0 && name[n - 1] == ' ')
    n--;
  name[n] = 0;
  return (t->tag && strcmp(name, arena_printf("struct %s", t->tag)) == 0) || (t->name && strcmp(name, t->name) == 0);
}

/* size with one sizeof(S) factor replaced by sizeof(S_dotK), as new nodes
 * (diff.c may share the size with the primal call); NULL if size is not
 * written as a multiple of sizeof(S): n * sizeof(struct S), sizeof *p. */
static Expr *resized(Expr *size, Type *ws) {
  Expr *c = arena_alloc(sizeof(Expr));
  *c = *size;
  if (size->kind == EX_SIZEOF) {
    Type *of = size->cast_ty ? size->cast_ty : size->lhs->ty;
    if (!of || of->kind != TY_STRUCT || !same_struct(of, ws->tangent_of))
      return NULL;
    c->cast_ty = type_unqual(ws);
    c->lhs = NULL;
    return c;
  }
  if (size->kind == EX_TEXT) {
    c->text = arena_printf("sizeof(%s)", ws->name);
    return sizeof_names(size->text, ws->tangent_of) ? c : NULL;
  }
  if (size->kind == EX_CAST)
    return (c->lhs = resized(size->lhs, ws)) ? c : NULL;
  if (size->kind == EX_BINARY && size->op == OP_MUL) {
    if ((c->lhs = resized(size->lhs, ws)))
      return c;
    c->lhs = size->lhs;
    return (c->rhs = resized(size->rhs, ws)) ? c : NULL;
  }
  return NULL;
}

/* The bytes of a shadow for `size` bytes of primal elements, elem being
 * the shadow's (widened) element type: K times for floating values, as
 * many for pointers (one pointer per primal pointer), and for a tangent
 * struct sizeof(S_dotK) per sizeof(S) of the size. */
static Expr *shadow_bytes(W *w, Type *elem, Expr *size, Loc loc) {
  while (elem->kind == TY_ARRAY)
    elem = elem->base;
  if (is_vector(elem))
    return times_width(w, size);
  if (!is_wide_struct(elem))
    return size;
  Expr *r = resized(size, elem);
  if (!r)
    refuse(w, loc, arena_printf("a size of memory holding '%s' that is not written as a multiple of its sizeof "
                                "(n * sizeof(%s), sizeof *p)", elem->tangent_of->name, elem->tangent_of->name));
  return r ? r : size;
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
    rhs->args[size] = shadow_bytes(w, target->base, rhs->args[size], rhs->loc);
  }
  return rhs;
}

static Expr *widen_init(W *w, Type *t, Expr *init);

/* (struct S){...} where a tangent struct goes (diff.c's zero of a struct
 * tangent, or its elements): (struct S_dotK){...}. */
static Expr *wide_compound(W *w, Type *t, Expr *rhs) {
  if (w->refused)
    return rhs;
  fg_assert(rhs->kind == EX_COMPOUND);
  Expr *c = arena_alloc(sizeof(Expr));
  *c = *rhs;
  c->ty = t;
  c->cast_ty = type_unqual(t);
  c->lhs = widen_init(w, t, rhs->lhs);
  return c;
}

/* What goes into storage of type t (assignment, initialisation). */
static Expr *store_value(W *w, Type *t, Expr *rhs) {
  if (is_wide_struct(t) && !is_wide_struct(rhs->ty))
    return wide_compound(w, t, rhs);
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

static Expr *widen_cond(W *w, Expr *e) {
  Type *vt = is_vector(e->lhs->ty) ? e->lhs->ty : is_vector(e->rhs->ty) ? e->rhs->ty : NULL;
  Type *st = is_wide_struct(e->lhs->ty) ? e->lhs->ty : is_wide_struct(e->rhs->ty) ? e->rhs->ty : NULL;
  if (st) {
    e->lhs = store_value(w, st, e->lhs);
    e->rhs = store_value(w, st, e->rhs);
    e->ty = st;
  } else if (vt) {
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
  Var *t = new_temp(w, is_wide_struct(vt) ? type_unqual(vt) : vector_type(vt->kind, vt->width, NULL), v->loc);
  Expr *set = new_assign(OP_NONE, new_var_ref(t), store_value(w, t->ty, v));
  Expr *addr = mk(EX_ADDR, type_ptr_to(t->ty), new_var_ref(t), NULL);
  return mk(EX_COMMA, pt, set, mk_cast(pt, addr));
}

/* A tangent argument for a flat parameter of type pt: a vector value goes
 * through a temporary, (tmp = v, (const F *)&tmp); a widened pointer is
 * cast to the flat pointer type. */
static Expr *flat_arg(W *w, Expr *arg, Type *pt) {
  if (is_vector(arg->ty) || is_wide_struct(arg->ty))
    return through_temp(w, arg, arg->ty, pt);
  if (pt->kind == TY_PTR && is_wide_struct(pt->base) && arg->kind == EX_COMPOUND) /* (struct S){0} */
    return through_temp(w, arg, pt->base, pt);
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
    } else if (tan[i] && is_wide_struct(a->ty)) {
      int arg = 0; /* the argument of g whose tangent this is */
      for (int j = 0; j < i; j++)
        arg += !tan[j];
      refuse(w, e->loc, arena_printf("passing the tangent of struct argument %d to the user derivative '%s'", arg,
                                     e->text));
      return e;
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
  for (int i = 0; i <= g->nparams; i++) {
    Type *t = i < g->nparams ? g->params[i]->ty : g->ret;
    if (points_to_struct(t) && type_carries_float(t)) {
      refuse(w, e->loc, arena_printf("struct tangents for the width-%d derivative '%s' (FG_JVP_WIDTH)", w->width,
                                     jvp->name));
      return e;
    }
  }
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
      is_widened_ptr(strip_casts(e->args[0])->ty)) {
    own_args(e);
    e->args[2] = shadow_bytes(w, strip_casts(e->args[0])->ty->base, e->args[2], e->loc);
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

/* s_dot.x, p_dot->x: the member of the tangent struct. */
static Expr *widen_member(Expr *e) {
  Type *s = !e->arrow ? e->lhs->ty : is_widened_ptr(e->lhs->ty) ? e->lhs->ty->base : NULL;
  if (!is_wide_struct(s))
    return e;
  Field *f = field_named(s, e->text);
  fg_assert(f); /* diff.c reads only the members that carry derivatives */
  e->ty = with_quals(f->ty, s);
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
  case EX_MEMBER: return widen_member(e);
  case EX_UNARY:
    if (is_vector(e->lhs->ty))
      e->ty = e->lhs->ty;
    return e;
  case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    e->ty = e->lhs->ty;
    return e;
  case EX_BINARY: return widen_binary(w, e);
  case EX_CAST: return widen_cast(w, e);
  case EX_COND: return widen_cond(w, e);
  case EX_ASSIGN: return widen_assign(w, e);
  case EX_COMMA: e->ty = e->rhs->ty; return e;
  case EX_CALL: return widen_call(w, e);
  default:
    return e;
  }
}

/* A compound literal is widened where it is stored (store_value): its
 * type says whether it is a tangent. */
static Expr *widen_expr(W *w, Expr *e) {
  if (!e || e->kind == EX_SIZEOF || e->kind == EX_ALIGNOF || e->kind == EX_TEXT || e->kind == EX_COMPOUND)
    return e;
  e->lhs = widen_expr(w, e->lhs);
  e->rhs = widen_expr(w, e->rhs);
  e->cond = widen_expr(w, e->cond);
  for (int i = 0; i < e->nargs; i++)
    e->args[i] = widen_expr(w, e->args[i]);
  return widen_node(w, e);
}

/* ------------------------------------------------------------- statements */

/* {a_dot, 0, b_dot} for struct S -> the initializer of S_dotK: the
 * elements of the members it keeps. A nested struct or array needs its own
 * braces (without them its elements would land in other members). */
static bool elided(W *w, Expr *x) {
  refuse(w, x->loc, "an initializer of a struct that leaves out the braces of a nested struct or array");
  return false;
}

/* The elements of init for the members of t, stored into out (those of an
 * unnamed member in its place, as add_members lays them out). */
static bool struct_elements(W *w, Type *s, const Type *t, Expr *init, Expr *out) {
  if (init->nargs > t->nfields)
    return elided(w, init);
  for (int i = 0; i < init->nargs; i++) {
    Field *f = &t->fields[i];
    Expr *x = init->args[i];
    bool aggregate = f->ty->kind == TY_ARRAY || f->ty->kind == TY_STRUCT;
    if (!type_carries_float(f->ty))
      continue;
    if (aggregate && x->kind != EX_INIT && !(x->ty && x->ty->kind == TY_STRUCT && f->ty->kind == TY_STRUCT))
      return elided(w, x);
    if (!f->name && (x->kind != EX_INIT || !struct_elements(w, s, f->ty, x, out)))
      return x->kind != EX_INIT ? elided(w, x) : false;
    if (f->name)
      out->args[out->nargs++] = widen_init(w, field_named(s, f->name)->ty, x);
  }
  return true;
}

static Expr *widen_struct_init(W *w, Type *s, Expr *init) {
  Expr *out = arena_alloc(sizeof(Expr));
  *out = *init;
  out->ty = s;
  out->args = arena_alloc(sizeof(Expr *) * (size_t)(s->nfields + 1));
  out->nargs = 0;
  bool zero = init->nargs == 1 && is_zero(init->args[0]); /* {0} */
  if (!zero && !struct_elements(w, s, s->tangent_of, init, out))
    return init;
  if (out->nargs == 0) { /* {0}: every member kept was left to zero */
    out->args[0] = new_num("0", type_basic(TY_INT));
    out->nargs = 1;
  }
  return out;
}

/* An initializer list for widened storage of type t: each element stored
 * as into its element ({a_dot, 0} -> {a_dot, (fg_vKd){0}}). */
static Expr *widen_init(W *w, Type *t, Expr *init) {
  if (init->kind != EX_INIT)
    return store_value(w, t, widen_expr(w, init));
  if (is_wide_struct(t))
    return widen_struct_init(w, t, init);
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

static Stmt *decl_stmt(Var *v) {
  Stmt *d = new_stmt(ST_DECL, v->loc);
  d->var = v;
  return d;
}

/* An atomic `x_dot += e_dot` of a vector (diff.c makes the tangent update
 * of an atomic update atomic): OpenMP has no atomic vector update, so each
 * direction is updated atomically on its own, which sums the same:
 *   { fg_vKd fg_a = e_dot;
 *     for (int fg_k = 0; fg_k < K; fg_k++)
 *   #pragma omp atomic
 *       ((double *)&x_dot)[fg_k] += fg_a[fg_k]; }
 * x_dot is evaluated K times: diff.c's tangent lvalues have no side effects. */
static void widen_omp_atomic(W *w, Stmt *s) {
  Expr *e = s->body->expr;
  Type *vt = e->lhs->ty, *ft = type_basic(vt->kind), *it = type_basic(TY_INT);
  Var *a = new_var(fresh(w, "fg_a"), type_unqual(vt), VAR_LOCAL, s->loc);
  a->init = store_value(w, a->ty, e->rhs);
  Var *k = new_var(fresh(w, "fg_k"), it, VAR_LOCAL, s->loc);
  k->init = new_num("0", it);
  Expr *x = mk(EX_INDEX, ft, mk_cast(type_ptr_to(ft), mk(EX_ADDR, type_ptr_to(vt), e->lhs, NULL)), new_var_ref(k));
  Stmt *update = new_stmt(ST_EXPR, s->loc);
  update->expr = new_assign(e->op, x, mk(EX_INDEX, ft, new_var_ref(a), new_var_ref(k)));
  Stmt *atomic = new_stmt(ST_OMP, s->loc);
  atomic->text = s->text;
  atomic->body = update;
  Stmt *loop = new_stmt(ST_FOR, s->loc);
  loop->init = decl_stmt(k);
  loop->cond = new_binary(OP_LT, new_var_ref(k), new_num(arena_printf("%d", w->width), it), it);
  loop->step = mk(EX_POSTINC, it, new_var_ref(k), NULL);
  loop->body = atomic;
  Vec stmts = {0};
  vec_push(&stmts, decl_stmt(a));
  vec_push(&stmts, loop);
  *s = *new_block(&stmts, s->loc);
}

static bool is_vector_atomic(const Stmt *s) {
  return s->kind == ST_OMP && strncmp(s->text, "atomic", 6) == 0 && s->body && s->body->kind == ST_EXPR &&
         s->body->expr->kind == EX_ASSIGN && is_vector(s->body->expr->lhs->ty);
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
  if (is_vector_atomic(s))
    widen_omp_atomic(w, s);
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

/* A tangent parameter's type at the boundary: flat_type(), but a struct's
 * tangent is its S_dotK: by pointer (const struct S_dotK *) for a struct
 * passed by value, struct S_dotK * for a struct S *. */
static Type *boundary_type(W *w, Type *t, Loc loc) {
  if (t->kind == TY_STRUCT) {
    Type *c = arena_alloc(sizeof(Type));
    *c = *widen_type(w, t, loc);
    c->is_const = true;
    return type_ptr_to(c);
  }
  return points_to_struct(t) ? widen_type(w, t, loc) : flat_type(t);
}

/* The tangent parameter p becomes flat at the boundary; the body keeps
 * using p, now a local vector view of it: x_dot_v = *(const fg_vKd *)x_dot. */
static Var *flat_param(W *w, Var *p, Vec *prologue) {
  Var *flat = new_var(p->name, boundary_type(w, p->ty, p->loc), VAR_PARAM, p->loc);
  flat->holds_tangent = true;
  p->name = fresh(w, arena_printf("%s_v", p->name));
  p->storage = VAR_LOCAL;
  widen_var(w, p);
  Expr *src = new_var_ref(flat);
  if (is_wide_struct(p->ty)) {
    src = mk(EX_DEREF, flat->ty->base, src, NULL);
  } else if (is_vector(p->ty)) {
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
