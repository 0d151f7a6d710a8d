/*
 * chunk.c -- vector mode: K tangents in register-sized chunks.
 *
 * gcc (12) keeps a generic vector wider than the target's vector registers
 * in memory when its value lives across a loop iteration: under -mavx2
 * without AVX-512 a fg_v8d (64 bytes, two ymm) goes through the stack at
 * every use, and a jvp8 ran 1.6x slower than with plain SSE2 (docs/usage.md).
 * An array of register-sized vectors, indexed by constants after unrolling,
 * it keeps in registers. So for K >= 4 this stage rewrites each tangent
 * function widen.c made, where it can, so that a tangent value is an array
 * of FG_CHUNKS vectors and each tangent statement runs once per chunk:
 *
 *   fg_v8d s_dot = a_dot * x;    ->   fg_a8d s_dot;
 *                                     for (int fg_h = 0; fg_h < FG_CHUNKS; fg_h++)
 *                                       s_dot[fg_h] = a_dot[fg_h] * x;
 *
 * fg_aKd is fg_cKd[FG_CHUNKS] and fg_cKd a vector of K / FG_CHUNKS doubles
 * (floats: see choose_types; emit.c defines the types, and out.c picks
 * FG_CHUNKS when it is compiled: under gcc, K doubles / one vector
 * register (xmm, ymm or zmm); 1 under clang, which needs no chunks). The
 * bytes are those of fg_vKd, so pointers, sizes and the function boundary
 * do not change, and FG_CHUNKS = 1 is the full-width code.
 *
 * Rules, over the statements of a tangent function:
 *   a statement that computes vectors: v = e;   the chunk loop, with v and every
 *                                               vector leaf of e indexed [fg_h]
 *   a vector declaration with an initializer    the declaration, then the loop
 *   a call on scalars inside such a statement   computed once, before the loop
 *   a type naming fg_vKd (views, casts, sizes)  fg_aKd (same bytes)
 *   a vector passed by value to a tangent       computed first, by its loop; the
 *   function, (fg_argN = e, &fg_argN)           call takes &fg_argN (same bytes)
 *   fg_v8d x_dot[n] = {e0, e1}                  the declaration, then x_dot[0] = e0 ...
 * A function keeps its full-width vectors when it reads single directions
 * or vectors as a whole: OpenMP directives, tangent structs, v[k] on a
 * vector, element lists (fg_vK){a, b, ...}, calls with vector arguments
 * other than __builtin_convertvector, impure calls in an arm of a vector
 * ?:, vectors in conditions, loop headers, other comma expressions or
 * increments, side effects on scalars inside a tangent statement.
 */
#include "fgcc_int.h"

#include <string.h>

typedef struct {
  Analysis *a;
  Type *chunk[2], *array[2]; /* [0] double, [1] float: fg_cKd, fg_aKd */
  const char *each, *chunk_of; /* the family's macros: FG_EACH / FG_EACH_F, FG_H / FG_HF */
  int temps;                 /* hoisted calls: fg_c1, fg_c2, ... */
  Vec pre;                   /* declarations of the statement being chunked */
  int in_arm;                /* inside an arm of a vector ?: */
} C;

static bool name_free(Analysis *a, const char *name);

static bool is_vector(const Type *t) { return t && t->width > 1 && t->kind != TY_STRUCT; }
static bool is_wide_struct(const Type *t) { return t && t->kind == TY_STRUCT && t->width > 1; }
static int kind_index(const Type *t) { return t->kind == TY_FLOAT; }

/* ------------------------------------------------------------ can it? */

/* Does the subtree compute a vector anywhere? (&v is a pointer to its
 * bytes, which chunks keep.) */
static int vector_node(Expr *e) {
  if (e->kind == EX_SIZEOF || e->kind == EX_ALIGNOF)
    return -1;
  if (e->kind == EX_ADDR) /* &v: its pointer and index only */
    return expr_any(e->lhs->lhs, vector_node) || expr_any(e->lhs->rhs, vector_node) ? 1 : -1;
  return is_vector(e->ty);
}
static bool has_vector(Expr *e) { return expr_any(e, vector_node); }

static bool is_leaf(Expr *e) {
  switch (e->kind) {
  case EX_VAR: case EX_DEREF: case EX_MEMBER: return true;
  case EX_INDEX: return !is_vector(e->lhs->ty); /* not an element of a vector */
  default: return false;
  }
}

static bool is_zero_literal(Expr *init) {
  return init && init->kind == EX_INIT && init->nargs == 1 && init->args[0]->kind == EX_NUM &&
         strcmp(init->args[0]->text, "0") == 0;
}

static bool is_convert(Expr *e) {
  return e->kind == EX_CALL && e->text && strcmp(e->text, "__builtin_convertvector") == 0 && e->nargs == 2;
}

static bool has_effects(Expr *e);

/* A scalar part of a tangent statement: no effects but calls, which are
 * hoisted (and must return a scalar). */
static bool scalar_ok(Expr *e) {
  if (!e)
    return true;
  if (e->kind == EX_CALL)
    return type_is_scalar(e->ty) && !has_vector(e);
  if (has_effects(e))
    return false;
  return !has_vector(e);
}

static int effect_node(Expr *e) {
  switch (e->kind) {
  case EX_ASSIGN: case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC: return 1;
  case EX_SIZEOF: case EX_ALIGNOF: return -1;
  case EX_CALL: return -1; /* hoisted, with its arguments */
  default: return 0;
  }
}
static bool has_effects(Expr *e) { return expr_any(e, effect_node); }

static int call_node(Expr *e) { return e->kind == EX_CALL; }
static bool has_call(Expr *e) { return expr_any(e, call_node); }

/* A call other than to a math.h function (which may run once per chunk:
 * it has no effects). */
static int impure_call_node(Expr *e) {
  TypeKind k;
  return e->kind == EX_CALL && (e->fn || !e->text || !math_rule(e->text, &k));
}
static bool has_impure_call(Expr *e) { return expr_any(e, impure_call_node); }

/* A vector expression the chunk loop can compute piecewise. */
static bool vector_ok(Expr *e) {
  if (!is_vector(e->ty))
    return scalar_ok(e);
  if (is_leaf(e)) /* its pointer and index are scalars */
    return !has_effects(e) && !has_vector(e->lhs) && !has_vector(e->rhs);
  switch (e->kind) {
  case EX_BINARY: return vector_ok(e->lhs) && vector_ok(e->rhs);
  case EX_UNARY: return vector_ok(e->lhs);
  case EX_CAST: return is_vector(e->lhs->ty) && vector_ok(e->lhs);
  case EX_COND: /* a call hoisted out of an arm is evaluated always */
    return scalar_ok(e->cond) && !has_impure_call(e->lhs) && !has_impure_call(e->rhs) && vector_ok(e->lhs) &&
           vector_ok(e->rhs);
  case EX_COMPOUND: return is_zero_literal(e->lhs);
  case EX_CALL: return is_convert(e) && is_vector(e->args[0]->ty) && vector_ok(e->args[0]);
  default: return false;
  }
}

/* The tangent statement forms: v = e, v op= e. */
static bool assign_ok(Expr *e) {
  return e->kind == EX_ASSIGN && is_vector(e->lhs->ty) && is_leaf(e->lhs) && vector_ok(e->lhs) &&
         vector_ok(e->rhs);
}

/* widen.c passes a vector by value to a tangent function as
 * (fg_argN = e, (const double *)&fg_argN): is e that comma? */
static bool is_arg_temp(Expr *e) {
  if (e->kind != EX_COMMA || e->lhs->kind != EX_ASSIGN || e->lhs->op != OP_NONE)
    return false;
  Expr *t = e->lhs->lhs, *r = e->rhs;
  while (r->kind == EX_CAST)
    r = r->lhs;
  return t->kind == EX_VAR && is_vector(t->ty) && r->kind == EX_ADDR && r->lhs->kind == EX_VAR && r->lhs->var == t->var;
}

/* Can the statement e be computed as: its argument temporaries first (each
 * by the chunk loop), then e with the temporaries' addresses in their
 * place? Only where nothing in e is sequenced before them (arguments,
 * arithmetic, casts, right-hand sides; not under ?:, &&, || or a comma),
 * and when they are computed without calls or effects. */
static bool lift_ok(Expr *e, bool safe) {
  if (!e || e->kind == EX_SIZEOF || e->kind == EX_ALIGNOF)
    return true;
  if (is_arg_temp(e))
    return safe && vector_ok(e->lhs->rhs) && !has_call(e->lhs->rhs) && !has_effects(e->lhs->rhs);
  if (e->kind == EX_ADDR)
    return !has_vector(e);
  if (is_vector(e->ty))
    return false;
  bool branches = e->kind == EX_COND || e->kind == EX_COMMA ||
                  (e->kind == EX_BINARY && (e->op == OP_LOGAND || e->op == OP_LOGOR));
  safe = safe && !branches;
  if (!lift_ok(e->lhs, safe) || !lift_ok(e->rhs, safe) || !lift_ok(e->cond, safe))
    return false;
  for (int i = 0; i < e->nargs; i++)
    if (!lift_ok(e->args[i], safe))
      return false;
  return true;
}

static bool type_ok(Type *t) {
  for (; t; t = t->kind == TY_PTR || t->kind == TY_ARRAY ? t->base : NULL)
    if (is_wide_struct(t))
      return false;
  return true;
}

static bool exprs_typed_ok(Expr *e) {
  if (!e)
    return true;
  if (!type_ok(e->ty) || !type_ok(e->cast_ty) || (e->kind == EX_VAR && !type_ok(e->var->ty)))
    return false;
  if (!exprs_typed_ok(e->lhs) || !exprs_typed_ok(e->rhs) || !exprs_typed_ok(e->cond))
    return false;
  for (int i = 0; i < e->nargs; i++)
    if (!exprs_typed_ok(e->args[i]))
      return false;
  return true;
}

static bool no_vector(Expr *e) { return exprs_typed_ok(e) && !has_vector(e); }

/* Does t hold vectors (of kind k; TY_VOID: any) by pointer or array? */
static bool type_has_vector(Type *t, TypeKind k) {
  for (; t; t = t->kind == TY_PTR || t->kind == TY_ARRAY ? t->base : NULL)
    if (is_vector(t) && (k == TY_VOID || t->kind == k))
      return true;
  return false;
}

/* double x_dot[n] of vectors (one dimension, n known) */
static bool is_vector_array(Type *t) { return t->kind == TY_ARRAY && is_vector(t->base) && t->array_len > 0; }

/* {e0, e1, ...}: each element a vector the loop computes; at most 16
 * elements zeroed after them (one assignment each). */
static bool elements_ok(Type *t, Expr *init) {
  if (init->kind != EX_INIT || init->nargs > t->array_len || (init->nargs < t->array_len && t->array_len > 16))
    return false;
  for (int i = 0; i < init->nargs; i++)
    if (!is_vector(init->args[i]->ty) || init->args[i]->kind == EX_INIT || !vector_ok(init->args[i]))
      return false;
  return true;
}

/* A for loop's init: no vector values (a declaration list takes no loop). */
static bool header_ok(Stmt *init) {
  if (!init)
    return true;
  if (init->kind == ST_EXPR)
    return no_vector(init->expr);
  for (int i = 0; i < init->nstmts; i++) {
    Var *v = init->stmts[i]->var;
    if (!type_ok(v->ty) || is_vector(v->ty) || (v->init && !no_vector(v->init)))
      return false;
  }
  return true;
}

static bool stmt_ok(Stmt *s) {
  if (!s)
    return true;
  switch (s->kind) {
  case ST_EXPR:
    return exprs_typed_ok(s->expr) && (!has_vector(s->expr) || assign_ok(s->expr) || lift_ok(s->expr, true));
  case ST_DECL: {
    Var *v = s->var;
    if (!type_ok(v->ty))
      return false;
    if (!v->init)
      return true;
    if (is_vector(v->ty))
      return exprs_typed_ok(v->init) && vector_ok(v->init);
    if (is_vector_array(v->ty))
      return exprs_typed_ok(v->init) && elements_ok(v->ty, v->init);
    return exprs_typed_ok(v->init) && (!has_vector(v->init) || (!type_has_vector(v->ty, TY_VOID) && lift_ok(v->init, true)));
  }
  case ST_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (!stmt_ok(s->stmts[i]))
        return false;
    return true;
  case ST_IF: return no_vector(s->expr) && stmt_ok(s->then) && stmt_ok(s->els);
  case ST_FOR:
    return header_ok(s->init) && no_vector(s->cond) && no_vector(s->step) && stmt_ok(s->body);
  case ST_WHILE: case ST_DO: case ST_SWITCH: case ST_CASE:
    return no_vector(s->expr) && stmt_ok(s->body);
  case ST_DEFAULT: case ST_LABEL: return stmt_ok(s->body);
  case ST_RETURN: return exprs_typed_ok(s->expr) && (!has_vector(s->expr) || lift_ok(s->expr, true));
  case ST_OMP: return false;
  default: return true;
  }
}

/* ------------------------------------------------------------ types */

/* t with fg_vKd replaced by fg_aKd (pointers and arrays keep their shape). */
static Type *chunk_type(C *c, Type *t) {
  if (!t)
    return t;
  if (is_vector(t)) {
    Type *r = arena_alloc(sizeof(Type));
    *r = *c->array[kind_index(t)]; /* unqualified: C before C23 converts no T (*)[n] to const T (*)[n] */
    return r;
  }
  if (t->kind != TY_PTR && t->kind != TY_ARRAY)
    return t;
  Type *base = chunk_type(c, t->base);
  if (base == t->base)
    return t;
  Type *r = arena_alloc(sizeof(Type));
  *r = *t;
  r->base = base;
  return r;
}

/* Every type in the tree, fg_vKd -> fg_aKd (and EX_TEXT type names). */
static void retype_expr(C *c, Expr *e) {
  if (!e)
    return;
  e->ty = chunk_type(c, e->ty);
  e->cast_ty = chunk_type(c, e->cast_ty);
  retype_expr(c, e->lhs);
  retype_expr(c, e->rhs);
  retype_expr(c, e->cond);
  for (int i = 0; i < e->nargs; i++)
    retype_expr(c, e->args[i]);
}

/* ------------------------------------------------------------ the loop */

static Expr *chunk_of(C *c, Expr *e);

static const char *temp_name(C *c) {
  const char *name;
  do
    name = arena_printf("fg_c%d", ++c->temps);
  while (!name_free(c->a, name));
  return name;
}

/* A scalar operand inside the loop: its calls are computed once, before
 * it (a conditional holding a call as a whole, so that the call stays
 * conditional). */
static Expr *hoist_calls(C *c, Expr *e) {
  if (!e || c->in_arm) /* in an arm of ?: math calls stay (evaluated per chunk) */
    return e;
  bool branches = e->kind == EX_COND || (e->kind == EX_BINARY && (e->op == OP_LOGAND || e->op == OP_LOGOR));
  if (e->kind == EX_CALL || (branches && has_call(e))) {
    Type *ty = arena_alloc(sizeof(Type));
    *ty = *e->ty;
    ty->is_const = true;
    ty->is_volatile = false;
    Var *t = new_var(temp_name(c), ty, VAR_LOCAL, e->loc);
    t->init = e;
    Stmt *d = new_stmt(ST_DECL, e->loc);
    d->var = t;
    vec_push(&c->pre, d);
    return new_var_ref(t);
  }
  e->lhs = hoist_calls(c, e->lhs);
  e->rhs = hoist_calls(c, e->rhs);
  e->cond = hoist_calls(c, e->cond);
  for (int i = 0; i < e->nargs; i++)
    e->args[i] = hoist_calls(c, e->args[i]);
  return e;
}

/* Chunk fg_h of a vector expression (retyped): leaves indexed [fg_h], the
 * operations on chunks. */
static Expr *chunk_of(C *c, Expr *e) {
  if (!is_vector(e->ty))
    return hoist_calls(c, e);
  Type *ct = c->chunk[kind_index(e->ty)];
  if (is_leaf(e)) {
    if (e->kind == EX_INDEX)
      e->rhs = hoist_calls(c, e->rhs);
    Expr **arg = arena_alloc(sizeof(Expr *));
    arg[0] = e;
    return new_call(c->chunk_of, arg, 1, ct); /* FG_H(e): (e)[fg_h], or e */
  }
  switch (e->kind) {
  case EX_CALL: /* __builtin_convertvector(x, fg_vKf) */
    e->args[0] = chunk_of(c, e->args[0]);
    e->args[1]->text = ct->name;
    break;
  case EX_COMPOUND:
    e->cast_ty = ct;
    e->lhs->ty = ct;
    break;
  case EX_CAST:
    e->cast_ty = ct;
    e->lhs = chunk_of(c, e->lhs);
    break;
  case EX_COND:
    e->cond = hoist_calls(c, e->cond);
    c->in_arm++;
    e->lhs = chunk_of(c, e->lhs);
    e->rhs = chunk_of(c, e->rhs);
    c->in_arm--;
    break;
  default:
    e->lhs = e->lhs ? chunk_of(c, e->lhs) : NULL;
    e->rhs = e->rhs ? chunk_of(c, e->rhs) : NULL;
    break;
  }
  e->ty = ct;
  return e;
}

/* FG_EACH { body }: FG_EACH is the loop over the chunks, or nothing when
 * there is one (gcc optimises the code around even a loop of one
 * iteration differently: measured 1.6x slower). */
static Stmt *chunk_loop(C *c, Stmt *body, Loc loc) {
  Stmt *each = new_stmt(ST_TEXT, loc);
  each->text = c->each;
  Vec v = {0};
  vec_push(&v, each);
  if (body->kind != ST_BLOCK) {
    Vec one = {0};
    vec_push(&one, body);
    body = new_block(&one, loc);
  }
  vec_push(&v, body);
  return new_block(&v, loc);
}

/* lhs op= rhs on chunks, in the loop; the hoisted calls go to c->pre. */
static Stmt *chunk_assign(C *c, Expr *assign, Loc loc) {
  assign->rhs = chunk_of(c, assign->rhs);
  assign->lhs = chunk_of(c, assign->lhs);
  assign->ty = assign->lhs->ty;
  return chunk_loop(c, new_expr_stmt(assign), loc);
}

static void chunk_stmt(C *c, Stmt **sp);

/* c->pre to out (and empty again) */
static void take_pre(C *c, Vec *out) {
  for (int j = 0; j < c->pre.len; j++)
    vec_push(out, c->pre.data[j]);
  c->pre = (Vec){0};
}

/* the statements of chunk_loop's block to out */
static void put_loop(Vec *out, Stmt *loop) {
  for (int j = 0; j < loop->nstmts; j++)
    vec_push(out, loop->stmts[j]);
}

/* e with its argument temporaries' commas replaced by their addresses; the
 * chunk loops computing the temporaries go to c->pre (lift_ok holds). */
static Expr *lift(C *c, Expr *e) {
  if (!e || e->kind == EX_SIZEOF || e->kind == EX_ALIGNOF || e->kind == EX_ADDR)
    return e;
  if (is_arg_temp(e)) {
    put_loop(&c->pre, chunk_assign(c, e->lhs, e->loc));
    return e->rhs;
  }
  e->lhs = lift(c, e->lhs);
  e->rhs = lift(c, e->rhs);
  e->cond = lift(c, e->cond);
  for (int i = 0; i < e->nargs; i++)
    e->args[i] = lift(c, e->args[i]);
  return e;
}

/* Statement s of a block (retyped) as the statements that compute it, to out. */
static void put_chunked(C *c, Vec *out, Stmt *s) {
  if (s->kind == ST_EXPR && s->expr->kind == EX_ASSIGN && is_vector(s->expr->lhs->ty)) {
    Stmt *loop = chunk_assign(c, s->expr, s->loc);
    take_pre(c, out);
    put_loop(out, loop);
    return;
  }
  if (s->kind == ST_DECL)
    s->var->init = lift(c, s->var->init);
  else
    s->expr = lift(c, s->expr);
  take_pre(c, out);
  vec_push(out, s);
}

/* In a block a vector declaration with an initializer becomes the
 * declaration, then the loop that computes it. */
static void chunk_decl(C *c, Vec *out, Stmt *s) {
  Expr *init = s->var->init;
  s->var->init = NULL;
  retype_expr(c, init);
  s->var->ty = chunk_type(c, s->var->ty);
  Expr *target = new_var_ref(s->var);
  Stmt *loop = chunk_assign(c, new_assign(OP_NONE, target, init), s->loc);
  take_pre(c, out);
  vec_push(out, s);
  put_loop(out, loop);
}

/* fg_v8d x_dot[n] = {e0, e1}: the declaration, then x_dot[0] = e0, ...,
 * the rest zero, each by the loop. */
static void chunk_elements(C *c, Vec *out, Stmt *s) {
  Var *v = s->var;
  Expr *init = v->init;
  v->init = NULL;
  Type *el = v->ty->base;
  v->ty = chunk_type(c, v->ty);
  vec_push(out, s);
  for (long i = 0; i < v->ty->array_len; i++) {
    Expr *e = i < init->nargs ? init->args[i] : NULL;
    if (e)
      retype_expr(c, e);
    else {
      Expr *zero = new_expr(EX_INIT, el, s->loc);
      zero->args = arena_alloc(sizeof(Expr *));
      zero->args[0] = new_num("0", type_basic(TY_INT));
      zero->nargs = 1;
      e = new_expr(EX_COMPOUND, chunk_type(c, el), s->loc);
      e->lhs = zero;
      e->cast_ty = e->ty;
    }
    Expr *target = new_expr(EX_INDEX, v->ty->base, s->loc);
    target->lhs = new_var_ref(v);
    target->rhs = new_num(arena_printf("%ld", i), type_basic(TY_INT));
    Stmt *loop = chunk_assign(c, new_assign(OP_NONE, target, e), s->loc);
    take_pre(c, out);
    put_loop(out, loop);
  }
}

static void chunk_block(C *c, Stmt *blk) {
  Vec out = {0};
  for (int i = 0; i < blk->nstmts; i++) {
    Stmt *s = blk->stmts[i];
    if (s->kind == ST_DECL && s->var->init && is_vector_array(s->var->ty)) {
      chunk_elements(c, &out, s);
    } else if (s->kind == ST_DECL && s->var->init && is_vector(s->var->ty)) {
      chunk_decl(c, &out, s);
    } else if (s->kind == ST_EXPR || s->kind == ST_RETURN || (s->kind == ST_DECL && s->var->init)) {
      retype_expr(c, s->kind == ST_DECL ? s->var->init : s->expr);
      if (s->kind == ST_DECL)
        s->var->ty = chunk_type(c, s->var->ty);
      put_chunked(c, &out, s);
    } else {
      chunk_stmt(c, &blk->stmts[i]);
      vec_push(&out, blk->stmts[i]);
    }
  }
  blk->stmts = (Stmt **)out.data;
  blk->nstmts = out.len;
}

/* A statement outside a block (an if's branch, a loop's body): as a block
 * when it becomes several. */
static void chunk_alone(C *c, Stmt **sp) {
  Stmt *s = *sp;
  Vec out = {0};
  retype_expr(c, s->expr);
  put_chunked(c, &out, s);
  *sp = out.len == 1 ? out.data[0] : new_block(&out, s->loc);
}

static void chunk_stmt(C *c, Stmt **sp) {
  Stmt *s = *sp;
  if (!s)
    return;
  switch (s->kind) {
  case ST_EXPR: case ST_RETURN: chunk_alone(c, sp); return;
  case ST_DECL:
    s->var->ty = chunk_type(c, s->var->ty);
    retype_expr(c, s->var->init);
    return;
  case ST_BLOCK: chunk_block(c, s); return;
  case ST_IF:
    retype_expr(c, s->expr);
    chunk_stmt(c, &s->then);
    chunk_stmt(c, &s->els);
    return;
  case ST_FOR:
    chunk_stmt(c, &s->init);
    retype_expr(c, s->cond);
    retype_expr(c, s->step);
    chunk_stmt(c, &s->body);
    return;
  default:
    retype_expr(c, s->expr);
    chunk_stmt(c, &s->body);
    return;
  }
}

/* ------------------------------------------------------------ the pass */

static Type *named_vector(TypeKind k, int width, const char *name) {
  Type *t = arena_alloc(sizeof(Type));
  t->kind = k;
  t->width = width;
  t->name = name;
  return t;
}

static bool name_free(Analysis *a, const char *name) {
  for (int i = 0; i < a->prog->nidents; i++)
    if (strcmp(a->prog->idents[i], name) == 0)
      return false;
  return true;
}

/* Does the tree compute double vectors (else only float ones)? */
static int double_vector_node(Expr *e) { return is_vector(e->ty) && e->ty->kind == TY_DOUBLE; }
static bool has_double_vector(Expr *e) { return expr_any(e, double_vector_node); }

static bool stmt_has_double(Stmt *s) {
  if (!s)
    return false;
  if (has_double_vector(s->expr) || has_double_vector(s->cond) || has_double_vector(s->step))
    return true;
  if (s->kind == ST_DECL && (type_has_vector(s->var->ty, TY_DOUBLE) || has_double_vector(s->var->init)))
    return true;
  if (stmt_has_double(s->init) || stmt_has_double(s->then) || stmt_has_double(s->els) || stmt_has_double(s->body))
    return true;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_has_double(s->stmts[i]))
      return true;
  return false;
}

/* The chunk types of a function: a register holds K / FG_CHUNKS doubles
 * (fg_cKd; its floats fg_cKx, half a register) where the function computes
 * double vectors, K / FG_CHUNKS_F floats (fg_cKf) where it computes only
 * float ones. */
static void choose_types(C *c, bool doubles) {
  int k = c->a->width;
  const char *el = doubles ? "dx" : "ff";
  for (int i = 0; i < 2; i++) {
    TypeKind kind = i ? TY_FLOAT : TY_DOUBLE;
    c->chunk[i] = named_vector(kind, k, arena_printf("fg_c%d%c", k, el[i]));
    c->array[i] = named_vector(kind, k, arena_printf("fg_a%d%c", k, el[i]));
  }
  c->each = doubles ? "FG_EACH" : "FG_EACH_F";
  c->chunk_of = doubles ? "FG_H" : "FG_HF";
}

/* diff.c's scalar temporaries (fg_t1, ...) declared at the top of a
 * chunked function start at 0: gcc with -fsanitize=address warns that one
 * set in an arm of ?: and read in the same arm of the tangent's ?: "may be
 * used uninitialized" once the read sits in a chunk loop (a dead store
 * for the optimiser otherwise). */
static void zero_temps(Stmt *body) {
  for (int i = 0; i < body->nstmts; i++) {
    Stmt *s = body->stmts[i];
    if (s->kind == ST_DECL && !s->var->init && type_is_scalar(s->var->ty) && !is_vector(s->var->ty) &&
        strncmp(s->var->name, "fg_t", 4) == 0)
      s->var->init = new_num("0", type_basic(TY_INT));
  }
}

void chunk_program(Program *p, Analysis *a) {
  (void)p;
  if (a->width < 4)
    return;
  C c = {.a = a};
  const char *h = "fg_h";
  for (int i = 1; !name_free(a, h); i++)
    h = arena_printf("fg_h%d", i);
  a->chunk_index = h;
  for (int i = 0; i < a->nvariants; i++) {
    Func *fn = a->variants[i]->out;
    if (!fn || !fn->body || !stmt_ok(fn->body))
      continue;
    bool doubles = stmt_has_double(fn->body);
    choose_types(&c, doubles);
    c.temps = 0;
    chunk_stmt(&c, &fn->body);
    zero_temps(fn->body);
    if (doubles)
      a->chunked_d = true;
    else
      a->chunked_f = true;
  }
}
