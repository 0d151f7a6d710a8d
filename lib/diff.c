/*
 * diff.c -- forward-mode differentiation: variant -> tangent function (IR).
 *
 * Every expression is turned into a Dual: its primal value p and its
 * tangent t (NULL when the tangent is zero), both free of side effects, to
 * be evaluated after the statements the translation pushed onto `pre`.
 * Side effects (calls, assignments, ++) become statements of their own, in
 * evaluation order; a value needed twice (in p and in t) goes into a
 * temporary. Each primal statement is emitted right after its tangent
 * statements, inside the original control structure: forward mode never
 * reverses control flow, so goto, break and early returns cost nothing.
 *
 * Tangents of storage shadow the storage: x -> x_dot, a[i].f -> a_dot[i].f,
 * p->w[k] -> p_dot->w[k], with the primal indices. Pointers that carry a
 * derivative have shadow pointers moving with them (--x; -> --x_dot;).
 */
#include "fgcc_int.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  Expr *p, *t;
} Dual;

typedef struct {
  Analysis *a;
  Variant *v;
  Func *fn;
  Vec *pre;         /* statements to run before the current expression's value */
  Vec temps;        /* temporaries, declared at the top of the body */
  Var *ret_dot;
  StrMap names;     /* names taken in this function */
  Loc loc;          /* the statement being translated: emitted code points to it */
} D;

static Dual diff_expr(D *d, Expr *e);
static Dual diff_lvalue(D *d, Expr *e);
static void diff_stmt(D *d, Stmt *s, Vec *out);
static void diff_effect(D *d, Expr *e);
static void diff_stmt_kind(D *d, Stmt *s, Vec *out);
static void diff_omp(D *d, Stmt *s, Vec *out);
static Stmt *void_use(Var *v, Loc loc);

/* ------------------------------------------------------------------ names */

/* A set of names: identifiers of the input plus everything generated. */
static StrMap global_names;

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static const char **sorted_idents;
static int nsorted_idents;

static bool is_ident(const char *name) {
  return nsorted_idents &&
         bsearch(&name, sorted_idents, (size_t)nsorted_idents, sizeof(char *), cmp_str) != NULL;
}

static bool name_taken(D *d, const char *name) {
  return is_ident(name) || strmap_get(&global_names, name) || (d && strmap_get(&d->names, name));
}

/* `base`, or base1, base2, ... : the first that clashes with nothing. */
static const char *fresh_name(D *d, const char *base) {
  const char *name = base;
  for (int i = 1; name_taken(d, name); i++)
    name = arena_printf("%s%d", base, i);
  strmap_put(d ? &d->names : &global_names, name, (void *)name);
  return name;
}

static bool is_global(Var *v) {
  return v->storage == VAR_GLOBAL || v->storage == VAR_STATIC_GLOBAL || v->storage == VAR_EXTERN;
}

/* The tangent variable of v: same type, name x_dot. */
static Var *dot_var(D *d, Var *v) {
  if (!v->dot) {
    if (!v->dot_name)
      v->dot_name = fresh_name(is_global(v) ? NULL : d, arena_printf("%s_dot", v->name));
    v->dot = new_var(v->dot_name, v->ty, v->storage, v->loc);
    v->dot->is_tangent = true;
    v->dot->holds_tangent = true;
  }
  return v->dot;
}

/* ------------------------------------------------------- building blocks */

static bool is_zero_num(Expr *e) { return e && e->kind == EX_NUM && strcmp(e->text, "0") == 0; }
static bool is_one_num(Expr *e) { return e && e->kind == EX_NUM && strcmp(e->text, "1") == 0; }

static Expr *mk(ExprKind k, Type *ty, Expr *lhs, Expr *rhs) {
  Expr *e = new_expr(k, ty, lhs ? lhs->loc : (Loc){0});
  e->lhs = lhs;
  e->rhs = rhs;
  return e;
}

static Expr *mk_cast(Type *ty, Expr *x, bool implicit) {
  Expr *e = mk(EX_CAST, ty, x, NULL);
  e->cast_ty = ty;
  e->implicit = implicit;
  return e;
}

static Expr *mk_member(Expr *base, Expr *orig) {
  Expr *e = mk(EX_MEMBER, orig->ty, base, NULL);
  e->text = orig->text;
  e->arrow = orig->arrow;
  return e;
}

static Expr *mk_comma(Expr *l, Expr *r) { return mk(EX_COMMA, r->ty, l, r); }

/* Zero of a type as a value: 0 for scalars, (T){0} for aggregates. */
static Expr *zero_value(Type *ty) {
  if (type_is_scalar(ty))
    return new_num("0", ty);
  Expr *init = new_expr(EX_INIT, ty, (Loc){0});
  init->args = arena_alloc(sizeof(Expr *));
  init->args[0] = new_num("0", type_basic(TY_INT));
  init->nargs = 1;
  Expr *e = mk(EX_COMPOUND, ty, init, NULL);
  e->cast_ty = type_unqual(ty);
  return e;
}

/* Zero of a type in an initializer: 0 or {0}. */
static Expr *zero_init(Type *ty) {
  Expr *e = zero_value(ty);
  return e->kind == EX_COMPOUND ? e->lhs : e;
}

/* d(a + b) = da + db, with zero tangents folded away. */
static Expr *fold_add(Expr *a, Expr *b, Type *ty) {
  if (!a)
    return b;
  if (!b)
    return a;
  return new_binary(OP_ADD, a, b, ty);
}

static Expr *fold_neg(Expr *a) {
  if (!a)
    return NULL;
  if (a->kind == EX_UNARY && a->op == OP_NEG)
    return a->lhs;
  return new_unary(OP_NEG, a, a->ty);
}

static Expr *fold_sub(Expr *a, Expr *b, Type *ty) {
  if (!b)
    return a;
  if (!a)
    return fold_neg(b);
  return new_binary(OP_SUB, a, b, ty);
}

static Expr *fold_mul(Expr *a, Expr *b, Type *ty) {
  if (!a || !b || is_zero_num(a) || is_zero_num(b))
    return NULL;
  if (is_one_num(a))
    return b;
  if (is_one_num(b))
    return a;
  if (a->kind == EX_UNARY && a->op == OP_NEG)
    return fold_neg(fold_mul(a->lhs, b, ty));
  return new_binary(OP_MUL, a, b, ty);
}

static Expr *fold_div(Expr *a, Expr *b, Type *ty) {
  if (!a)
    return NULL;
  return new_binary(OP_DIV, a, b, ty);
}

static void emit(D *d, Expr *e) {
  Stmt *s = new_expr_stmt(e);
  if (d->loc.file)
    s->loc = d->loc;
  vec_push(d->pre, s);
}

static void emit_assign(D *d, Expr *lhs, Expr *rhs) { emit(d, new_assign(OP_NONE, lhs, rhs)); }

/* -------------------------------------------------------- temporaries */

static Type *temp_type(Type *ty) {
  if (ty->kind == TY_ARRAY)
    return type_ptr_to(ty->base);
  return type_unqual(ty);
}

/* Is e's value a tangent (built from tangent variables)? A comma's value
 * is its right side, an assignment's its target; calls return primals. */
static bool tangent_valued(Expr *e) {
  if (!e)
    return false;
  switch (e->kind) {
  case EX_VAR: return e->var->holds_tangent;
  case EX_INDEX: return tangent_valued(e->lhs) || tangent_valued(e->rhs);
  case EX_DEREF: case EX_MEMBER: case EX_CAST: case EX_UNARY: case EX_ADDR: case EX_ASSIGN:
  case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    return tangent_valued(e->lhs);
  case EX_BINARY: case EX_COND: return tangent_valued(e->lhs) || tangent_valued(e->rhs);
  case EX_COMMA: return tangent_valued(e->rhs);
  default: return false;
  }
}

/* tmp = e; returns tmp. */
static Expr *hoist(D *d, Expr *e) {
  fg_assert(e->ty && e->ty->kind != TY_VOID && e->ty->kind != TY_FUNC);
  Var *t = new_var(fresh_name(d, arena_printf("fg_t%d", d->temps.len + 1)), temp_type(e->ty), VAR_LOCAL, e->loc);
  t->holds_tangent = tangent_valued(e);
  vec_push(&d->temps, t);
  emit_assign(d, new_var_ref(t), e);
  return new_var_ref(t);
}

static bool is_math_call(Expr *e) {
  TypeKind k;
  return e->kind == EX_CALL && !e->lhs && e->text && math_rule(e->text, &k);
}

static bool has_side_effects(Expr *e) {
  if (!e)
    return false;
  switch (e->kind) {
  case EX_ASSIGN: case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    return true;
  case EX_CALL:
    if (!is_math_call(e))
      return true;
    break;
  case EX_TEXT: case EX_SIZEOF: case EX_ALIGNOF:
    return false;
  default:
    break;
  }
  if (has_side_effects(e->lhs) || has_side_effects(e->rhs) || has_side_effects(e->cond))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (has_side_effects(e->args[i]))
      return true;
  return false;
}

/* The number of nodes of e, counted up to `limit` only: cheap() asks it
 * at every level of a chain a * b * c * ..., which must stay linear. */
static int node_count(Expr *e, int limit) {
  if (!e || limit <= 0)
    return 0;
  int n = 1;
  n += node_count(e->lhs, limit - n);
  n += node_count(e->rhs, limit - n);
  n += node_count(e->cond, limit - n);
  for (int i = 0; i < e->nargs && n < limit; i++)
    n += node_count(e->args[i], limit - n);
  return n;
}

static int is_call(Expr *e) { return e->kind == EX_CALL; }
static bool has_call(Expr *e) { return expr_any(e, is_call); }

/* Cheap to evaluate twice: small, without calls or side effects. The C
 * compiler merges repeated arithmetic; calls (exp, sin) it may not, so they
 * get a temp, and side effects must run once. */
static Expr *cheap(D *d, Expr *e) {
  if (!e || e->kind == EX_INIT || (node_count(e, 7) <= 6 && !has_call(e) && !has_side_effects(e)))
    return e;
  return hoist(d, e);
}

/* Evaluated more than once: side effects go first, into a temp. */
static Expr *pure(D *d, Expr *e) {
  if (!e || !has_side_effects(e))
    return e;
  return hoist(d, e);
}

/* ------------------------------------------------------------ activity */

static bool lvalue_active(D *d, Expr *e);

static bool pointer_active(D *d, Expr *e) { return expr_varied(d->a, d->v, e); }

/* Does writing to this lvalue need a tangent write? */
static bool lvalue_active(D *d, Expr *e) {
  if (!type_carries_float(e->ty))
    return false;
  switch (e->kind) {
  case EX_VAR:
    return var_is_active(d->a, d->v, e->var);
  case EX_INDEX: case EX_DEREF:
    return pointer_active(d, e->lhs);
  case EX_MEMBER:
    return e->arrow ? pointer_active(d, e->lhs) : lvalue_active(d, e->lhs);
  case EX_CAST:
    return lvalue_active(d, e->lhs);
  default:
    return false;
  }
}

static bool is_mem_call(Expr *e) {
  return call_named(e, "free") || call_named(e, "memcpy") || call_named(e, "memmove") || call_named(e, "memset");
}

static bool calls_jvp(D *d, Expr *e) {
  if (e->kind != EX_CALL || e->lhs || !e->fn || is_math_call(e))
    return false;
  if (!e->fn->body && !user_jvp(d->a, e->fn))
    return false;
  return call_mask(d->a, d->v, e) != NULL;
}

static bool mem_call_active(D *d, Expr *e) {
  return is_mem_call(e) && e->nargs > 0 && pointer_active(d, e->args[0]);
}

/* A CBLAS routine with a rule (not one defined or given a derivative here). */
static const BlasRule *blas_call_rule(D *d, Expr *e, TypeKind *kind) {
  if (e->kind != EX_CALL || e->lhs || !e->text || (e->fn && (e->fn->body || user_jvp(d->a, e->fn))))
    return NULL;
  const BlasRule *r = blas_rule(e->text, kind);
  return r && r->nparams == e->nargs ? r : NULL;
}

/* Does the BLAS call write to storage with a tangent? */
static bool blas_call_active(D *d, Expr *e) {
  TypeKind kind;
  const BlasRule *r = blas_call_rule(d, e, &kind);
  for (int i = 0; r && i < e->nargs; i++)
    if (r->is_out[i] && pointer_active(d, e->args[i]))
      return true;
  return false;
}

static bool effects_uncached(D *d, Expr *e);

/* Does the expression write to storage with a tangent, or call something
 * that must be differentiated? Memoised per node, like expr_varied. */
static bool has_active_effects(D *d, Expr *e) {
  if (!e)
    return false;
  expr_memo_sync(e, d->v);
  if (!e->memo_effects)
    e->memo_effects = effects_uncached(d, e) ? 2 : 1;
  return e->memo_effects == 2;
}

static bool effects_uncached(D *d, Expr *e) {
  switch (e->kind) {
  case EX_ASSIGN: case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    if (lvalue_active(d, e->lhs))
      return true;
    break;
  case EX_CALL:
    if (calls_jvp(d, e) || mem_call_active(d, e) || blas_call_active(d, e))
      return true;
    break;
  case EX_TEXT: case EX_SIZEOF: case EX_ALIGNOF:
    return false;
  default:
    break;
  }
  if (has_active_effects(d, e->lhs) || has_active_effects(d, e->rhs) || has_active_effects(d, e->cond))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (has_active_effects(d, e->args[i]))
      return true;
  return false;
}

/* Must this expression be differentiated: does its value carry a tangent,
 * or does it write somewhere that has one? */
static bool needs_diff(D *d, Expr *e) {
  return e && (expr_varied(d->a, d->v, e) || has_active_effects(d, e));
}

/* An expression without derivative content: kept as is. Its value is used
 * once; where a caller needs it twice, cheap() or pure() make a temp. */
static Dual inactive(D *d, Expr *e) {
  (void)d;
  return (Dual){e, NULL};
}

/* ------------------------------------------------------------ lvalues */

/* A pointer or array used as a base: arrays are lvalues, pointers values. */
static Dual diff_base(D *d, Expr *e) {
  if (e->ty && e->ty->kind == TY_ARRAY)
    return diff_lvalue(d, e);
  return diff_expr(d, e);
}

/* The primal lvalue and its shadow (NULL if the storage has no tangent);
 * index expressions are evaluated once. */
static Dual diff_lvalue(D *d, Expr *e) {
  switch (e->kind) {
  case EX_VAR: {
    bool act = var_is_active(d->a, d->v, e->var) && type_carries_float(e->ty);
    return (Dual){e, act ? new_var_ref(dot_var(d, e->var)) : NULL};
  }
  case EX_INDEX: {
    Dual b = diff_base(d, e->lhs);
    Expr *i = b.t ? pure(d, diff_expr(d, e->rhs).p) : diff_expr(d, e->rhs).p;
    Expr *p = mk(EX_INDEX, e->ty, b.p, i);
    Expr *t = b.t && type_carries_float(e->ty) ? mk(EX_INDEX, e->ty, b.t, i) : NULL;
    return (Dual){p, t};
  }
  case EX_DEREF: {
    Dual b = diff_expr(d, e->lhs);
    Expr *t = b.t && type_carries_float(e->ty) ? mk(EX_DEREF, e->ty, b.t, NULL) : NULL;
    return (Dual){mk(EX_DEREF, e->ty, b.p, NULL), t};
  }
  case EX_MEMBER: {
    Dual b = e->arrow ? diff_expr(d, e->lhs) : diff_lvalue(d, e->lhs);
    Expr *t = b.t && type_carries_float(e->ty) ? mk_member(b.t, e) : NULL;
    return (Dual){mk_member(b.p, e), t};
  }
  case EX_CAST:
    if (e->implicit)
      return diff_lvalue(d, e->lhs);
    break;
  case EX_COMPOUND:
    return diff_expr(d, e);
  default:
    break;
  }
  return diff_expr(d, e);
}

/* -------------------------------------------------------------- operators */

static Dual diff_cast(D *d, Expr *e) {
  Dual x = diff_expr(d, e->lhs);
  Expr *p = mk_cast(e->ty, x.p, e->implicit);
  p->cast_ty = e->cast_ty;
  Expr *t = NULL;
  if (x.t && type_carries_float(e->ty)) {
    t = mk_cast(e->ty, x.t, e->implicit);
    t->cast_ty = e->cast_ty;
  }
  return (Dual){p, t};
}

static Dual diff_unary(D *d, Expr *e) {
  Dual x = diff_expr(d, e->lhs);
  Expr *p = new_unary(e->op, x.p, e->ty);
  p->loc = e->loc;
  if (e->op == OP_NEG)
    return (Dual){p, fold_neg(x.t)};
  if (e->op == OP_PLUS)
    return (Dual){p, x.t};
  return (Dual){p, NULL};
}

/* Evaluate `e` with its side effects collected in their own list, so that
 * they can run conditionally (&&, ||, ?:). */
static Dual diff_guarded(D *d, Expr *e, Vec *pre) {
  Vec *saved = d->pre;
  d->pre = pre;
  Dual r = diff_expr(d, e);
  d->pre = saved;
  return r;
}

/* (s1, s2, ..., last) from expression statements. */
static Expr *comma_of(Vec *pre, Expr *last) {
  Expr *e = NULL;
  for (int i = 0; i < pre->len; i++) {
    Stmt *s = pre->data[i];
    fg_assert(s->kind == ST_EXPR);
    e = e ? mk_comma(e, s->expr) : s->expr;
  }
  if (!last)
    return e;
  return e ? mk_comma(e, last) : last;
}

/* a && b, a || b: b's side effects only run when b is evaluated. */
static Dual diff_logical(D *d, Expr *e) {
  Expr *l = diff_expr(d, e->lhs).p;
  Vec pre = {0};
  Expr *r = diff_guarded(d, e->rhs, &pre).p;
  return (Dual){new_binary(e->op, l, comma_of(&pre, r), e->ty), NULL};
}

static bool is_pointer(Type *t) { return t && (t->kind == TY_PTR || t->kind == TY_ARRAY); }

/* Pointer arithmetic: the shadow pointer moves by the same offset. */
static Dual diff_pointer_arith(D *d, Expr *e, Dual l, Dual r) {
  Expr *p, *t = NULL;
  if (is_pointer(e->lhs->ty)) {
    if (l.t)
      r.p = cheap(d, r.p);
    p = new_binary(e->op, l.p, r.p, e->ty);
    if (l.t)
      t = new_binary(e->op, l.t, r.p, e->ty);
  } else {
    if (r.t)
      l.p = cheap(d, l.p);
    p = new_binary(e->op, l.p, r.p, e->ty);
    if (r.t)
      t = new_binary(e->op, l.p, r.t, e->ty);
  }
  return (Dual){p, t};
}

static Dual diff_binary(D *d, Expr *e) {
  if (e->op == OP_LOGAND || e->op == OP_LOGOR)
    return diff_logical(d, e);
  Dual l = diff_expr(d, e->lhs), r = diff_expr(d, e->rhs);
  Type *ty = e->ty;
  if ((e->op == OP_ADD || e->op == OP_SUB) && is_pointer(ty))
    return diff_pointer_arith(d, e, l, r);
  if (!type_is_float(ty))
    return (Dual){new_binary(e->op, l.p, r.p, ty), NULL};
  switch (e->op) {
  case OP_ADD: /* d(a + b) = da + db */
    return (Dual){new_binary(OP_ADD, l.p, r.p, ty), fold_add(l.t, r.t, ty)};
  case OP_SUB: /* d(a - b) = da - db */
    return (Dual){new_binary(OP_SUB, l.p, r.p, ty), fold_sub(l.t, r.t, ty)};
  case OP_MUL: /* d(a * b) = da * b + a * db */
    if (r.t)
      l.p = cheap(d, l.p);
    if (l.t)
      r.p = cheap(d, r.p);
    return (Dual){new_binary(OP_MUL, l.p, r.p, ty), fold_add(fold_mul(l.t, r.p, ty), fold_mul(l.p, r.t, ty), ty)};
  case OP_DIV: /* d(a / b) = (da - (a / b) * db) / b */
    if (!r.t) {
      if (l.t)
        r.p = cheap(d, r.p);
      return (Dual){new_binary(OP_DIV, l.p, r.p, ty), fold_div(l.t, r.p, ty)};
    } else {
      r.p = cheap(d, r.p);
      Expr *q = hoist(d, new_binary(OP_DIV, l.p, r.p, ty));
      return (Dual){q, fold_div(fold_sub(l.t, fold_mul(q, r.t, ty), ty), r.p, ty)};
    }
  default:
    return (Dual){new_binary(e->op, l.p, r.p, ty), NULL};
  }
}

static Expr *void_zero(void) { return mk_cast(type_basic(TY_VOID), new_num("0", type_basic(TY_INT)), false); }

/* c ? a : b -- the tangent follows the branch taken. */
static Dual diff_cond(D *d, Expr *e) {
  Expr *c = diff_expr(d, e->cond).p;
  Vec lpre = {0}, rpre = {0};
  Dual l = diff_guarded(d, e->lhs, &lpre), r = diff_guarded(d, e->rhs, &rpre);
  bool void_ty = !e->ty || e->ty->kind == TY_VOID;
  bool want_t = (l.t || r.t) && !void_ty;
  if (want_t || lpre.len || rpre.len)
    c = cheap(d, c);
  Expr *lv = comma_of(&lpre, l.p), *rv = comma_of(&rpre, r.p);
  if (void_ty) {
    Expr *x = mk(EX_COND, e->ty, lv ? lv : void_zero(), rv ? rv : void_zero());
    x->cond = c;
    emit(d, mk_cast(type_basic(TY_VOID), x, false));
    return (Dual){NULL, NULL};
  }
  Expr *p = mk(EX_COND, e->ty, lv, rv);
  p->cond = c;
  if (lpre.len || rpre.len)
    p = hoist(d, p);
  Expr *t = NULL;
  if (want_t) {
    t = mk(EX_COND, e->ty, l.t ? l.t : zero_value(e->ty), r.t ? r.t : zero_value(e->ty));
    t->cond = c;
  }
  return (Dual){p, t};
}

/* ------------------------------------------------------------ assignment */

static Expr *strip_casts(Expr *e) {
  while (e->kind == EX_CAST)
    e = e->lhs;
  return e;
}

/* The same chain of casts around a different innermost expression. */
static Expr *rewrap_casts(Expr *orig, Expr *inner) {
  if (orig->kind != EX_CAST)
    return inner;
  Expr *c = mk_cast(orig->ty, rewrap_casts(orig->lhs, inner), orig->implicit);
  c->cast_ty = orig->cast_ty;
  return c;
}

static Expr *call_with(Expr *orig, const char *name, Expr **args, int nargs) {
  Expr *c = new_call(name, args, nargs, orig->ty);
  c->loc = orig->loc;
  return c;
}

/* The variable whose storage an lvalue designates (a[i].x, p->w[k]: a, p),
 * or NULL when it cannot be told; as analyse.c follows storage. */
static Var *storage_root(Expr *e) {
  switch (e->kind) {
  case EX_VAR:
    return e->var;
  case EX_CAST: case EX_ADDR: case EX_INDEX: case EX_DEREF:
    return storage_root(e->lhs);
  case EX_MEMBER:
    return storage_root(e->lhs);
  case EX_BINARY:
    return storage_root(is_pointer(e->lhs->ty) ? e->lhs : e->rhs);
  case EX_COMMA:
    return storage_root(e->rhs);
  default:
    return NULL;
  }
}

/* Must the tangent of this storage start at zero (analyse.c: a call may
 * write it without writing the tangent)? Unknown storage: yes. */
static bool tangent_zeroed(D *d, Expr *lvalue) {
  Var *v = storage_root(lvalue);
  return !v || is_global(v) || d->v->var_zeroed[v->id];
}

/* p = malloc(n) with a shadow: p_dot = malloc(n), the shadow initialised
 * where the primal is (each store into p[i] writes p_dot[i]); calloc(1, n)
 * where an opaque call may write the primal (tangent_zeroed). calloc
 * gives a calloc'd shadow; realloc moves the shadow too (its grown part,
 * like the primal's, is written before it is read). */
static Dual diff_alloc(D *d, Expr *rhs, bool zeroed) {
  Expr *call = strip_casts(rhs);
  Expr **args = arena_alloc(sizeof(Expr *) * (size_t)(call->nargs + 1));
  for (int i = 0; i < call->nargs; i++)
    args[i] = cheap(d, diff_expr(d, call->args[i]).p);
  Expr *tcall;
  if (call_named(call, "malloc") && call->nargs == 1 && zeroed) {
    Expr **targs = arena_alloc(sizeof(Expr *) * 2);
    targs[0] = new_num("1", type_basic(TY_INT));
    targs[1] = args[0];
    tcall = call_with(call, "calloc", targs, 2);
  } else if (call_named(call, "realloc") && call->nargs == 2) {
    Dual old = diff_expr(d, call->args[0]);
    if (!old.t) {
      error_at(call->loc, "realloc of memory without a tangent into a pointer that carries a derivative");
      return (Dual){rhs, NULL};
    }
    Expr **targs = arena_alloc(sizeof(Expr *) * 2);
    targs[0] = old.t;
    targs[1] = args[1];
    args[0] = old.p;
    tcall = call_with(call, "realloc", targs, 2);
  } else {
    tcall = call_with(call, call->text, args, call->nargs);
  }
  Expr *p = rewrap_casts(rhs, call_with(call, call->text, args, call->nargs));
  return (Dual){p, rewrap_casts(rhs, tcall)};
}

static bool is_null_constant(Expr *e) {
  e = strip_casts(e);
  return e->kind == EX_NUM && (strcmp(e->text, "0") == 0 || strcmp(e->text, "NULL") == 0);
}

/* The tangent stored by `lhs = rhs` when rhs has none. */
static Expr *tangent_or_zero(D *d, Expr *t, Expr *lhs_t, Expr *rhs) {
  if (t)
    return t;
  if (lhs_t->ty->kind == TY_PTR && !is_null_constant(rhs)) {
    error_at(rhs->loc, "cannot tell where this pointer points: it is stored where a derivative is carried, but "
                       "it does not come from a variable, an array or malloc fgcc can follow");
    (void)d;
  }
  return zero_value(lhs_t->ty);
}

static bool same_var(Expr *a, Expr *b) {
  return a && b && a->kind == EX_VAR && b->kind == EX_VAR && a->var == b->var;
}

/* x = e:  x_dot = de;  x = e; (the tangent first: de may read the old x).
 * x = x + c leaves the tangent as it is: no x_dot = x_dot (-Wself-assign). */
static Dual diff_plain_assign(D *d, Expr *e) {
  Dual L = diff_lvalue(d, e->lhs);
  bool alloc = L.t && is_alloc_call(strip_casts(e->rhs));
  Dual R = alloc ? diff_alloc(d, e->rhs, tangent_zeroed(d, e->lhs)) : diff_expr(d, e->rhs);
  if (L.t && !same_var(L.t, R.t))
    emit_assign(d, L.t, tangent_or_zero(d, R.t, L.t, e->rhs));
  emit_assign(d, L.p, R.p);
  return L;
}

static void emit_op_assign(D *d, Op op, Expr *lhs, Expr *rhs) { emit(d, new_assign(op, lhs, rhs)); }

/* x op= e for each op, tangent rule beside the primal one. */
static Dual diff_compound_assign(D *d, Expr *e) {
  Dual L = diff_lvalue(d, e->lhs);
  Dual R = diff_expr(d, e->rhs);
  Type *ty = e->lhs->ty;
  if (!L.t) {
    emit_op_assign(d, e->op, L.p, R.p);
    return L;
  }
  if (is_pointer(ty)) { /* p += k: the shadow moves with it */
    R.p = cheap(d, R.p);
    emit_op_assign(d, e->op, L.t, R.p);
    emit_op_assign(d, e->op, L.p, R.p);
    return L;
  }
  switch (e->op) {
  case OP_ADD: case OP_SUB: /* d(x += e) : dx += de */
    if (R.t)
      emit_op_assign(d, e->op, L.t, R.t);
    emit_op_assign(d, e->op, L.p, R.p);
    break;
  case OP_MUL: /* d(x *= e) : dx = dx * e + x * de */
    R.p = cheap(d, R.p);
    if (R.t)
      emit_assign(d, L.t, fold_add(new_binary(OP_MUL, L.t, R.p, ty), fold_mul(L.p, R.t, ty), ty));
    else
      emit_op_assign(d, OP_MUL, L.t, R.p);
    emit_op_assign(d, OP_MUL, L.p, R.p);
    break;
  case OP_DIV: /* q = x / e; dx = (dx - q * de) / e; x = q (e may read x) */
    R.p = cheap(d, R.p);
    if (R.t) {
      Expr *q = hoist(d, new_binary(OP_DIV, L.p, R.p, ty));
      emit_assign(d, L.t, new_binary(OP_DIV, fold_sub(L.t, fold_mul(q, R.t, ty), ty), R.p, ty));
      emit_assign(d, L.p, q);
    } else {
      emit_op_assign(d, OP_DIV, L.t, R.p);
      emit_op_assign(d, OP_DIV, L.p, R.p);
    }
    break;
  default:
    emit_op_assign(d, e->op, L.p, R.p);
    break;
  }
  return L;
}

static Dual diff_assign(D *d, Expr *e) {
  return e->op == OP_NONE ? diff_plain_assign(d, e) : diff_compound_assign(d, e);
}

/* ++x, x--: a floating x keeps its tangent; a pointer's shadow moves too. */
static Dual diff_incdec(D *d, Expr *e, bool want_value) {
  Dual L = diff_lvalue(d, e->lhs);
  bool moves = L.t && is_pointer(e->lhs->ty);
  bool pre = e->kind == EX_PREINC || e->kind == EX_PREDEC;
  ExprKind k = (e->kind == EX_PREINC || e->kind == EX_POSTINC) ? EX_PREINC : EX_PREDEC;
  Dual old = L;
  if (want_value && !pre) {
    old.p = hoist(d, L.p);
    if (moves)
      old.t = hoist(d, L.t);
  }
  if (moves)
    emit(d, mk(k, L.t->ty, L.t, NULL));
  emit(d, mk(k, e->ty, L.p, NULL));
  return want_value ? old : (Dual){NULL, NULL};
}

/* ------------------------------------------------------------------ calls */

/* f(a, b) for a math.h f: r = f(a, b); dr = df/da * da + df/db * db. */
static Dual diff_math(D *d, Expr *e) {
  TypeKind kind;
  const MathRule *rule = math_rule(e->text, &kind);
  Dual *args = arena_alloc(sizeof(Dual) * (size_t)(e->nargs + 1));
  bool any_t = false;
  for (int i = 0; i < e->nargs; i++) {
    args[i] = diff_expr(d, e->args[i]);
    any_t |= args[i].t != NULL;
  }
  Expr **ps = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 3));
  for (int i = 0; i < e->nargs; i++)
    ps[i] = any_t ? cheap(d, args[i].p) : args[i].p;
  Expr *call = call_with(e, e->text, ps, e->nargs);
  if (!any_t || !type_is_float(e->ty))
    return (Dual){call, NULL};
  Expr *r = hoist(d, call);
  Expr *t = NULL;
  for (int i = 0; i < e->nargs && i < rule->arity; i++) {
    if (!args[i].t)
      continue;
    Expr *partial = math_partial(rule, i, ps, r, kind);
    t = fold_add(t, fold_mul(partial, args[i].t, e->ty), e->ty);
  }
  return (Dual){r, t};
}

/* free, memcpy, memmove, memset on storage with a shadow: same on the shadow. */
static Dual diff_mem_call(D *d, Expr *e, bool want_value) {
  Dual *args = arena_alloc(sizeof(Dual) * (size_t)(e->nargs + 1));
  Expr **ps = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  Expr **ts = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  for (int i = 0; i < e->nargs; i++) {
    args[i] = diff_expr(d, e->args[i]);
    ps[i] = ts[i] = cheap(d, args[i].p);
  }
  Expr *tcall = NULL;
  if (args[0].t) {
    ts[0] = args[0].t;
    if (call_named(e, "memset")) {
      ts[1] = new_num("0", type_basic(TY_INT));
      tcall = call_with(e, "memset", ts, e->nargs);
    } else if (call_named(e, "free")) {
      tcall = call_with(e, "free", ts, e->nargs);
    } else if (args[1].t) {
      ts[1] = args[1].t;
      tcall = call_with(e, e->text, ts, e->nargs);
    } else { /* copying data without a tangent: the destination's tangent is zero */
      Expr **zs = arena_alloc(sizeof(Expr *) * 3);
      zs[0] = args[0].t;
      zs[1] = new_num("0", type_basic(TY_INT));
      zs[2] = ps[2];
      tcall = call_with(e, "memset", zs, 3);
    }
    emit(d, tcall);
  }
  Expr *call = call_with(e, e->text, ps, e->nargs);
  if (want_value && e->ty && e->ty->kind != TY_VOID)
    return (Dual){hoist(d, call), NULL};
  emit(d, call);
  return (Dual){NULL, NULL};
}

static const char *callee_name(D *d, Expr *e, bool *mask) {
  Func *uj = user_jvp(d->a, e->fn);
  if (uj)
    return uj->name;
  Variant *v = find_variant(d->a, e->fn, mask);
  fg_assert(v && v->jvp_name);
  return v->jvp_name;
}

/* g(a, b) -> g_jvp(a, a_dot, b, b_dot, &r_dot); inactive arguments with an
 * active parameter pass a zero tangent: 0 for a scalar, a null pointer for
 * a pointer (a user derivative reads no tangent there; docs/usage.md). */
static Dual diff_user_call(D *d, Expr *e, bool want_value) {
  bool *mask = call_mask(d->a, d->v, e);
  Func *callee = e->fn;
  Vec args = {0};
  for (int i = 0; i < e->nargs; i++) {
    Dual x = diff_expr(d, e->args[i]);
    vec_push(&args, x.p);
    if (i >= callee->nparams || !mask[i])
      continue;
    Type *pty = callee->params[i]->ty;
    if (!x.t && pty->kind == TY_PTR && !user_jvp(d->a, callee) && !is_null_constant(e->args[i]))
      error_at(e->args[i]->loc, "argument %d of '%s' points to data without a tangent, but the derivative "
                                "'%s' needs one for it", i + 1, callee->name, callee_name(d, e, mask));
    vec_push(&args, x.t ? x.t : zero_value(pty));
  }
  Expr *rd = NULL;
  bool ret_dot = type_carries_float(callee->ret);
  if (ret_dot) {
    Var *t = new_var(fresh_name(d, arena_printf("fg_t%d", d->temps.len + 1)), type_unqual(callee->ret), VAR_LOCAL, e->loc);
    t->holds_tangent = true;
    vec_push(&d->temps, t);
    rd = new_var_ref(t);
    vec_push(&args, mk(EX_ADDR, type_ptr_to(t->ty), rd, NULL));
  }
  Expr *call = call_with(e, callee_name(d, e, mask), (Expr **)args.data, args.len);
  if (!want_value || !e->ty || e->ty->kind == TY_VOID) {
    emit(d, call);
    return (Dual){NULL, NULL};
  }
  return (Dual){hoist(d, call), rd};
}

/* ------------------------------------------------------------ BLAS calls */

/* The names of a blas.def template, bound to one call's arguments. */
typedef struct {
  BlasBinder b;
  const BlasRule *rule;
  Dual *args;       /* per parameter: primal and tangent (NULL: none) */
  Expr *result;     /* r */
  Expr *result_dot; /* r_dot (width K): &the tangent the RET steps add to */
  int width;        /* K */
  bool beta_spent;  /* BETA was used: later steps add with 1 */
} BlasNames;

static Expr *blas_name(BlasBinder *b, const char *name) {
  BlasNames *n = (BlasNames *)b;
  if (strcmp(name, "r") == 0)
    return n->result;
  if (strcmp(name, "r_dot") == 0 && n->result_dot)
    return n->result_dot;
  if (strcmp(name, "K") == 0)
    return new_num(arena_printf("%d", n->width), type_basic(TY_INT));
  if (strcmp(name, "BETA") == 0) {
    int i = blas_param_index(n->rule, "beta");
    fg_assert(i >= 0);
    Expr *beta = n->beta_spent ? new_num("1", type_basic(TY_INT)) : n->args[i].p;
    n->beta_spent = true;
    return beta;
  }
  size_t len = strlen(name);
  bool dot = len > 4 && strcmp(name + len - 4, "_dot") == 0;
  int i = blas_param_index(n->rule, dot ? arena_strndup(name, len - 4) : name);
  if (i < 0)
    return NULL;
  if (!dot)
    return n->args[i].p;
  if (n->args[i].t)
    return n->args[i].t;
  /* a scalar without a tangent: 0; a pointer: the step's condition should have excluded it */
  fg_assert(!is_pointer(n->args[i].p->ty));
  return new_num("0", type_basic(TY_INT));
}

/* Does a step's condition hold: "A", "!A&!x", "A|alpha", "" (always)? */
static bool blas_when(BlasNames *n, const char *when) {
  bool any = strchr(when, '|') != NULL;
  for (const char *p = when; *p;) {
    bool neg = *p == '!';
    p += neg;
    size_t len = strcspn(p, "|&");
    int i = blas_param_index(n->rule, arena_strndup(p, len));
    fg_assert(i >= 0);
    bool holds = (n->args[i].t != NULL) != neg;
    if (any && holds)
      return true;
    if (!any && !holds)
      return false;
    p += len + (p[len] != 0);
  }
  return !any;
}

/* The tangent the width-K RET steps add to: rt = 0, r_dot = &rt. */
static Expr *blas_result_dot(D *d, BlasNames *n, Type *ty, Loc loc) {
  Var *t = new_var(fresh_name(d, arena_printf("fg_t%d", d->temps.len + 1)), type_unqual(ty), VAR_LOCAL, loc);
  t->holds_tangent = true;
  vec_push(&d->temps, t);
  emit_assign(d, new_var_ref(t), new_num("0", type_basic(TY_INT)));
  n->result_dot = mk(EX_ADDR, type_ptr_to(t->ty), new_var_ref(t), NULL);
  return new_var_ref(t);
}

/* cblas_xNAME(...) with a rule (blas.def): its steps whose conditions hold,
 * PRE ones before the primal call, POST ones after it; a returned value's
 * tangent is the sum of the RET terms. In vector mode (--width K) the
 * VSTEP rows instead: the same phases, and the RET steps are calls adding
 * the K tangents of the result into *r_dot after the primal call. */
static Dual diff_blas(D *d, Expr *e, bool want_value) {
  TypeKind kind;
  int width = d->a->width > 1 ? d->a->width : 1;
  BlasNames n = {{blas_name}, blas_call_rule(d, e, &kind), NULL, NULL, NULL, width, false};
  n.args = arena_alloc(sizeof(Dual) * (size_t)(e->nargs + 1));
  Expr **ps = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  for (int i = 0; i < e->nargs; i++) {
    Dual x = diff_expr(d, e->args[i]);
    n.args[i] = (Dual){ps[i] = cheap(d, x.p), x.t ? cheap(d, x.t) : NULL};
  }
  Expr *call = call_with(e, e->text, ps, e->nargs);
  bool value = n.rule->returns && want_value;
  if (value)
    n.result = hoist(d, call);
  const BlasStep *steps = width > 1 ? n.rule->vsteps : n.rule->steps;
  int nsteps = width > 1 ? n.rule->nvsteps : n.rule->nsteps;
  Vec post = {0};
  Expr *rt = value && width > 1 ? blas_result_dot(d, &n, e->ty, e->loc) : NULL;
  for (int i = 0; i < nsteps; i++) {
    const BlasStep *s = &steps[i];
    if ((s->phase == BLAS_RET && !value) || !blas_when(&n, s->when))
      continue;
    Expr *x = blas_template(s->call, kind, s->phase == BLAS_RET && width == 1, &n.b);
    x->loc = e->loc; /* the user's call, for later stages' messages */
    if (s->phase == BLAS_RET && width == 1)
      rt = fold_add(rt, x, e->ty);
    else if (s->phase == BLAS_PRE)
      emit(d, x);
    else
      vec_push(&post, x);
  }
  if (!value)
    emit(d, call);
  for (int i = 0; i < post.len; i++)
    emit(d, post.data[i]);
  if (value && width > 1)
    return (Dual){n.result, rt};
  return value ? (Dual){n.result, rt ? hoist(d, rt) : NULL} : (Dual){NULL, NULL};
}

static Dual diff_call(D *d, Expr *e, bool want_value) {
  TypeKind kind;
  if (is_math_call(e))
    return diff_math(d, e);
  if (mem_call_active(d, e))
    return diff_mem_call(d, e, want_value);
  if (calls_jvp(d, e))
    return diff_user_call(d, e, want_value);
  if (blas_call_rule(d, e, &kind) && (blas_call_active(d, e) || (want_value && expr_varied(d->a, d->v, e))))
    return diff_blas(d, e, want_value);
  /* anything else has no derivative (refused by the analysis if it needed one) */
  Expr **ps = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  for (int i = 0; i < e->nargs; i++)
    ps[i] = diff_expr(d, e->args[i]).p;
  Expr *c = mk(EX_CALL, e->ty, e->lhs ? diff_expr(d, e->lhs).p : NULL, NULL);
  c->text = e->text;
  c->fn = e->fn;
  c->args = ps;
  c->nargs = e->nargs;
  c->loc = e->loc;
  return inactive(d, c);
}

/* { a, b } -> { a_dot, b_dot } (zeros where an element has no tangent). */
static Dual diff_init(D *d, Expr *e) {
  Expr *p = new_expr(EX_INIT, e->ty, e->loc), *t = new_expr(EX_INIT, e->ty, e->loc);
  p->args = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  t->args = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  p->nargs = t->nargs = e->nargs;
  bool any = false;
  for (int i = 0; i < e->nargs; i++) {
    Dual x = diff_expr(d, e->args[i]);
    p->args[i] = x.p;
    t->args[i] = x.t ? x.t : zero_init(e->args[i]->ty);
    any |= x.t != NULL;
  }
  return (Dual){p, any ? t : NULL};
}

static Dual diff_compound(D *d, Expr *e) {
  Dual x = diff_init(d, e->lhs);
  Expr *p = mk(EX_COMPOUND, e->ty, x.p, NULL);
  p->cast_ty = e->cast_ty;
  if (!x.t)
    return (Dual){p, NULL};
  Expr *t = mk(EX_COMPOUND, e->ty, x.t, NULL);
  t->cast_ty = e->cast_ty;
  return (Dual){p, t};
}

/* ------------------------------------------------------------ expressions */

static Dual diff_expr(D *d, Expr *e) {
  if (!e)
    return (Dual){NULL, NULL};
  if (!needs_diff(d, e))
    return inactive(d, e);
  switch (e->kind) {
  case EX_VAR: case EX_INDEX: case EX_DEREF: case EX_MEMBER:
    return diff_lvalue(d, e);
  case EX_CAST:
    return diff_cast(d, e);
  case EX_UNARY:
    return diff_unary(d, e);
  case EX_ADDR: {
    Dual x = diff_lvalue(d, e->lhs);
    return (Dual){mk(EX_ADDR, e->ty, x.p, NULL), x.t ? mk(EX_ADDR, e->ty, x.t, NULL) : NULL};
  }
  case EX_BINARY:
    return diff_binary(d, e);
  case EX_ASSIGN:
    return diff_assign(d, e);
  case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    return diff_incdec(d, e, true);
  case EX_COND:
    return diff_cond(d, e);
  case EX_COMMA:
    diff_effect(d, e->lhs);
    return diff_expr(d, e->rhs);
  case EX_CALL:
    return diff_call(d, e, true);
  case EX_INIT:
    return diff_init(d, e);
  case EX_COMPOUND:
    return diff_compound(d, e);
  default:
    error_at(e->loc, "cannot differentiate this kind of expression (%s)", e->text ? e->text : "?");
    return (Dual){e, NULL};
  }
}

/* An expression evaluated for its effects only (statement context). */
static void diff_effect(D *d, Expr *e) {
  if (!needs_diff(d, e)) {
    emit(d, e);
    return;
  }
  switch (e->kind) {
  case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    diff_incdec(d, e, false);
    return;
  case EX_COMMA:
    diff_effect(d, e->lhs);
    diff_effect(d, e->rhs);
    return;
  case EX_CALL: {
    Dual r = diff_call(d, e, false);
    if (r.p && has_side_effects(r.p))
      emit(d, r.p);
    return;
  }
  case EX_CAST:
    if (e->ty->kind == TY_VOID) {
      diff_effect(d, e->lhs);
      return;
    }
    break;
  default:
    break;
  }
  Dual r = diff_expr(d, e);
  (void)r;
}

/* ------------------------------------------------------------- statements */

static Stmt *copy_stmt(Stmt *s) {
  Stmt *c = new_stmt(s->kind, s->loc);
  *c = *s;
  return c;
}

/* Statements translated into a single statement (a block if several). */
static Stmt *diff_substmt(D *d, Stmt *s) {
  if (!s)
    return NULL;
  Vec out = {0};
  diff_stmt(d, s, &out);
  if (out.len == 1)
    return out.data[0];
  return new_block(&out, s->loc);
}

/* Run an expression's side effects into `out`, return its pure primal. */
static Expr *diff_into(D *d, Expr *e, Vec *out) {
  Vec *saved = d->pre;
  d->pre = out;
  Expr *p = diff_expr(d, e).p;
  d->pre = saved;
  return p;
}

static void diff_expr_stmt(D *d, Stmt *s, Vec *out) {
  if (!needs_diff(d, s->expr)) {
    vec_push(out, s);
    return;
  }
  Vec *saved = d->pre;
  d->pre = out;
  diff_effect(d, s->expr);
  d->pre = saved;
}

static Stmt *decl_of(Var *v, Loc loc) {
  Stmt *s = new_stmt(ST_DECL, loc);
  s->var = v;
  return s;
}

static bool is_vla(Type *t) {
  for (; t && t->kind == TY_ARRAY; t = t->base)
    if (t->vla_len)
      return true;
  return false;
}

/* T x = e;  ->  T x = e; T x_dot = de;  T x; -> T x; T x_dot; (every store
 * into x writes x_dot, a zero for an inactive value), or T x_dot = {0}
 * where a call may write x without its tangent (tangent_zeroed). */
static void diff_decl(D *d, Stmt *s, Vec *out) {
  Var *v = s->var;
  bool act = var_is_active(d->a, d->v, v) && type_carries_float(v->ty);
  if (v->storage == VAR_STATIC_LOCAL) { /* constant initializer: tangent starts at zero */
    if (act) {
      Var *dv = dot_var(d, v);
      dv->init = NULL;
      vec_push(out, decl_of(dv, s->loc));
    }
    vec_push(out, s);
    return;
  }
  if (!act && !needs_diff(d, v->init)) {
    vec_push(out, s);
    return;
  }
  Vec *saved = d->pre;
  d->pre = out;
  Dual R = {NULL, NULL};
  if (v->init)
    R = act && is_alloc_call(strip_casts(v->init)) ? diff_alloc(d, v->init, d->v->var_zeroed[v->id])
                                                   : diff_expr(d, v->init);
  d->pre = saved;
  /* the primal first: its initializer may name it (sizeof *p), and the
   * tangent's initializer may too */
  Var *pv = arena_alloc(sizeof(Var));
  *pv = *v;
  pv->init = R.p;
  vec_push(out, decl_of(pv, s->loc));
  if (act) {
    Var *dv = dot_var(d, v);
    if (R.t)
      dv->init = R.t;
    else if (v->init && R.p && dv->ty->kind == TY_PTR && !is_null_constant(v->init))
      dv->init = tangent_or_zero(d, NULL, new_var_ref(dv), v->init);
    else if (v->init || d->v->var_zeroed[v->id])
      dv->init = is_vla(v->ty) ? NULL : zero_init(v->ty);
    else
      dv->init = NULL;
    vec_push(out, decl_of(dv, s->loc));
  }
}

static void diff_if(D *d, Stmt *s, Vec *out) {
  Stmt *c = copy_stmt(s);
  c->expr = diff_into(d, s->expr, out);
  c->then = diff_substmt(d, s->then);
  c->els = diff_substmt(d, s->els);
  vec_push(out, c);
}

/* A loop condition with side effects runs them inside the condition. */
static Expr *diff_loop_cond(D *d, Expr *cond) {
  if (!cond)
    return NULL;
  Vec pre = {0};
  Expr *p = diff_into(d, cond, &pre);
  return comma_of(&pre, p);
}

static Expr *diff_step(D *d, Expr *step) {
  if (!step || !needs_diff(d, step))
    return step;
  Vec pre = {0};
  Vec *saved = d->pre;
  d->pre = &pre;
  diff_effect(d, step);
  d->pre = saved;
  return comma_of(&pre, NULL);
}

static bool init_needs_diff(D *d, Stmt *init) {
  if (!init)
    return false;
  if (init->kind == ST_EXPR)
    return needs_diff(d, init->expr);
  for (int i = 0; i < init->nstmts; i++) {
    Var *v = init->stmts[i]->var;
    if (needs_diff(d, v->init) || (var_is_active(d->a, d->v, v) && type_carries_float(v->ty)))
      return true;
  }
  return false;
}

/* for (init; cond; step): a differentiated init runs before the loop, in a
 * block that keeps the scope of its declarations. */
static void diff_for(D *d, Stmt *s, Vec *out) {
  Stmt *c = copy_stmt(s);
  c->cond = diff_loop_cond(d, s->cond);
  c->step = diff_step(d, s->step);
  c->body = diff_substmt(d, s->body);
  if (!init_needs_diff(d, s->init)) {
    vec_push(out, c);
    return;
  }
  Vec block = {0};
  if (s->init->kind == ST_EXPR)
    diff_expr_stmt(d, s->init, &block);
  else
    for (int i = 0; i < s->init->nstmts; i++)
      diff_decl(d, s->init->stmts[i], &block);
  c->init = NULL;
  vec_push(&block, c);
  vec_push(out, new_block(&block, s->loc));
}

static void diff_return(D *d, Stmt *s, Vec *out) {
  Stmt *c = copy_stmt(s);
  if (!s->expr) {
    vec_push(out, c);
    return;
  }
  Vec *saved = d->pre;
  d->pre = out;
  Dual r = diff_expr(d, s->expr);
  if (d->ret_dot) {
    Expr *deref = mk(EX_DEREF, d->fn->ret, new_var_ref(d->ret_dot), NULL);
    deref->loc = s->loc;
    emit_assign(d, deref, r.t ? r.t : zero_value(d->fn->ret));
  }
  d->pre = saved;
  c->expr = r.p;
  vec_push(out, c);
}

/* label: stmt -- the label stays on the first translated statement. */
static void diff_labeled(D *d, Stmt *s, Vec *out) {
  Vec body = {0};
  if (s->body)
    diff_stmt(d, s->body, &body);
  Stmt *c = copy_stmt(s);
  c->body = body.len ? body.data[0] : new_stmt(ST_NULL, s->loc);
  vec_push(out, c);
  for (int i = 1; i < body.len; i++)
    vec_push(out, body.data[i]);
}

static void diff_block(D *d, Stmt *s, Vec *out) {
  Vec stmts = {0};
  for (int i = 0; i < s->nstmts; i++)
    diff_stmt(d, s->stmts[i], &stmts);
  vec_push(out, new_block(&stmts, s->loc));
}

static void diff_stmt(D *d, Stmt *s, Vec *out) {
  Loc saved = d->loc;
  d->loc = s->loc;
  diff_stmt_kind(d, s, out);
  d->loc = saved;
}

static void diff_stmt_kind(D *d, Stmt *s, Vec *out) {
  Stmt *c;
  switch (s->kind) {
  case ST_EXPR: diff_expr_stmt(d, s, out); return;
  case ST_DECL: diff_decl(d, s, out); return;
  case ST_BLOCK: diff_block(d, s, out); return;
  case ST_IF: diff_if(d, s, out); return;
  case ST_FOR: diff_for(d, s, out); return;
  case ST_RETURN: diff_return(d, s, out); return;
  case ST_CASE: case ST_DEFAULT: case ST_LABEL: diff_labeled(d, s, out); return;
  case ST_OMP: diff_omp(d, s, out); return;
  case ST_WHILE: case ST_DO:
    c = copy_stmt(s);
    c->expr = diff_loop_cond(d, s->expr);
    c->body = diff_substmt(d, s->body);
    vec_push(out, c);
    return;
  case ST_SWITCH:
    c = copy_stmt(s);
    c->expr = diff_into(d, s->expr, out);
    c->body = diff_substmt(d, s->body);
    vec_push(out, c);
    return;
  default: /* break, continue, goto, ;, local type declarations */
    vec_push(out, s);
    return;
  }
}

/* ---------------------------------------------------------------- OpenMP
 * A directive keeps its place in out.c and its clauses follow the tangents:
 * every active variable in a private, firstprivate, lastprivate, shared or
 * reduction(+/-) list gets its tangent beside it (the tangent of a sum is
 * the sum of the tangents; a variable's tangent shares as the variable
 * does), and the temporaries the differentiated body uses (declared at the
 * top of the function) become private to each thread. What has no tangent
 * rule is refused. */

typedef struct {
  const char *word; /* "reduction" */
  const char *args; /* "+:s" (NULL: no parentheses) */
} OmpItem;

/* "parallel for reduction(+:s) private(t)" -> words with their (args). */
static int omp_items(const char *t, OmpItem *items, int max) {
  int n = 0;
  while (*t && n < max) {
    while (*t == ' ' || *t == ',')
      t++;
    const char *w = t;
    while (*t && *t != ' ' && *t != ',' && *t != '(')
      t++;
    if (t == w)
      break;
    items[n] = (OmpItem){arena_strndup(w, (size_t)(t - w)), NULL};
    while (*t == ' ')
      t++;
    if (*t == '(') {
      const char *a = ++t;
      for (int depth = 1; *t && depth; t++)
        depth += *t == '(' ? 1 : *t == ')' ? -1 : 0;
      items[n].args = arena_strndup(a, (size_t)(t - a - (t[-1] == ')')));
    }
    n++;
  }
  return n;
}

static bool omp_word_is(const char *w, const char *const *list) {
  for (int i = 0; list[i]; i++)
    if (strcmp(w, list[i]) == 0)
      return true;
  return false;
}

static const char *const omp_directive_words[] = {"parallel", "for", "simd", "critical", "single", "master",
                                                   "atomic", "update", "barrier", "sections", "section",
                                                   "task", "taskwait", "taskgroup", NULL};

/* The clauses through which a variable's tangent follows it: it is shared,
 * private, copied in or out exactly as the variable is. */
static const char *const omp_following_clauses[] = {"private", "firstprivate", "lastprivate", "shared",
                                                    "reduction", "copyin", "copyprivate", NULL};

/* The variable a clause names: a local of the function, else a global. */
static Var *omp_var(D *d, const char *name, Loc loc) {
  Var *found = NULL;
  for (int i = 0; i < d->fn->nlocals; i++)
    if (strcmp(d->fn->locals[i]->name, name) == 0) {
      if (found) {
        error_at(loc, "OpenMP clause names '%s', which is declared twice in '%s': rename one", name, d->fn->name);
        return NULL;
      }
      found = d->fn->locals[i];
    }
  for (int g = 0; !found && g < d->a->prog->nglobals; g++)
    if (strcmp(d->a->prog->globals[g]->name, name) == 0)
      found = d->a->prog->globals[g];
  return found;
}

static bool omp_active(D *d, Var *v) { return v && type_carries_float(v->ty) && var_is_active(d->a, d->v, v); }

/* A variable list with each active variable's tangent after it. */
static const char *omp_list(D *d, const char *list, Loc loc, const char *clause, const char *op) {
  Buf b = {0};
  buf_puts(&b, "");
  const char *t = list;
  while (*t) {
    while (*t == ' ' || *t == ',')
      t++;
    const char *w = t;
    while (*t && *t != ' ' && *t != ',')
      t++;
    if (t == w)
      break;
    const char *name = arena_strndup(w, (size_t)(t - w));
    Var *v = omp_var(d, name, loc);
    buf_printf(&b, "%s%s", b.len ? ", " : "", name);
    if (!omp_active(d, v))
      continue;
    if (op && strcmp(op, "+") != 0 && strcmp(op, "-") != 0)
      error_at(loc, "reduction(%s:%s): '%s' carries a derivative and a '%s' reduction has no tangent reduction "
                    "(only + and - do)", op, name, name, op);
    else if (!omp_word_is(clause, omp_following_clauses))
      error_at(loc, "OpenMP clause %s(%s): '%s' carries a derivative, which fgcc cannot follow through this clause",
               clause, list, name);
    else if (op && d->a->width > 1) /* a vector tangent's reduction needs a declared one (emit.c) */
      d->a->omp_vector_reductions = true;
    buf_printf(&b, ", %s", dot_var(d, v)->name);
  }
  const char *r = arena_strdup(b.data);
  free(b.data);
  return r;
}

static const char *omp_clause(D *d, OmpItem *it, Loc loc) {
  if (!it->args)
    return it->word;
  if (strcmp(it->word, "reduction") == 0) {
    const char *colon = strchr(it->args, ':');
    if (!colon)
      return arena_printf("%s(%s)", it->word, it->args);
    const char *end = colon; /* the operator, without spaces: reduction(+ : s) is reduction(+:s) */
    while (end > it->args && end[-1] == ' ')
      end--;
    const char *op = arena_strndup(it->args, (size_t)(end - it->args));
    while (*op == ' ')
      op++;
    return arena_printf("reduction(%s:%s)", op, omp_list(d, colon + 1, loc, it->word, op));
  }
  if (omp_word_is(it->word, (const char *const[]){"private", "firstprivate", "lastprivate", "shared", "copyin",
                                                   "copyprivate", "linear", "aligned", NULL}))
    return arena_printf("%s(%s)", it->word, omp_list(d, it->args, loc, it->word, NULL));
  return arena_printf("%s(%s)", it->word, it->args);
}

static void omp_collect_temps(D *d, Expr *e, bool *used) {
  if (!e)
    return;
  if (e->kind == EX_VAR)
    for (int i = 0; i < d->temps.len; i++)
      if (d->temps.data[i] == e->var)
        used[i] = true;
  omp_collect_temps(d, e->lhs, used);
  omp_collect_temps(d, e->rhs, used);
  omp_collect_temps(d, e->cond, used);
  for (int i = 0; i < e->nargs; i++)
    omp_collect_temps(d, e->args[i], used);
}

static void omp_collect_stmt(D *d, Stmt *s, bool *used) {
  if (!s)
    return;
  if (s->kind == ST_DECL)
    omp_collect_temps(d, s->var->init, used);
  omp_collect_temps(d, s->expr, used);
  omp_collect_temps(d, s->cond, used);
  omp_collect_temps(d, s->step, used);
  omp_collect_stmt(d, s->init, used);
  omp_collect_stmt(d, s->then, used);
  omp_collect_stmt(d, s->els, used);
  omp_collect_stmt(d, s->body, used);
  for (int i = 0; i < s->nstmts; i++)
    omp_collect_stmt(d, s->stmts[i], used);
}

/* private(fg_t1, ...): the temporaries the body uses, or "". */
static const char *omp_private_temps(D *d, Vec *body) {
  bool *used = arena_alloc(sizeof(bool) * (size_t)(d->temps.len + 1));
  for (int i = 0; i < body->len; i++)
    omp_collect_stmt(d, body->data[i], used);
  Buf b = {0};
  buf_puts(&b, "");
  for (int i = 0; i < d->temps.len; i++)
    if (used[i])
      buf_printf(&b, "%s%s", b.len ? ", " : " private(", ((Var *)d->temps.data[i])->name);
  const char *r = b.len ? arena_printf("%s)", b.data) : "";
  free(b.data);
  return r;
}

static Stmt *omp_wrap(Stmt *orig, const char *text, Stmt *body) {
  Stmt *s = new_stmt(ST_OMP, orig->loc);
  s->text = text;
  s->body = body;
  return s;
}

/* atomic: `x += e` becomes `x_dot += e_dot; x += e`, each update atomic;
 * what computes e (temporaries) runs before, outside. */
static void diff_omp_atomic(D *d, Stmt *s, const char *text, Vec *body, Vec *out) {
  Expr *e = s->body && s->body->kind == ST_EXPR ? s->body->expr : NULL;
  bool additive = e && e->kind == EX_ASSIGN && (e->op == OP_ADD || e->op == OP_SUB);
  if (!e || e->kind != EX_ASSIGN || e->op == OP_NONE) {
    error_at(s->loc, "fgcc follows an OpenMP atomic update written `x op= e`");
    return;
  }
  int updates = 0;
  for (int i = body->len - 1; i >= 0 && i >= body->len - 2; i--) {
    Stmt *u = body->data[i];
    bool is_update = u->kind == ST_EXPR && u->expr->kind == EX_ASSIGN && u->expr->op == e->op;
    if (is_update && (i == body->len - 1 || tangent_valued(u->expr->lhs)))
      updates++;
    else
      break;
  }
  if (!additive && e && lvalue_active(d, e->lhs)) {
    error_at(s->loc, "only += and -= updates of values that carry a derivative can be atomic (their tangent "
                     "update is atomic too)");
    return;
  }
  for (int i = 0; i < body->len; i++)
    vec_push(out, i >= body->len - updates ? omp_wrap(s, text, body->data[i]) : body->data[i]);
}

static void diff_omp(D *d, Stmt *s, Vec *out) {
  OmpItem items[32];
  int n = omp_items(s->text, items, 32);
  Buf dir = {0}, rest = {0};
  buf_puts(&dir, "");
  buf_puts(&rest, "");
  int i = 0;
  for (; i < n && omp_word_is(items[i].word, omp_directive_words); i++)
    buf_printf(&dir, "%s%s%s%s%s", dir.len ? " " : "", items[i].word, items[i].args ? "(" : "",
               items[i].args ? items[i].args : "", items[i].args ? ")" : "");
  static const char *const supported[] = {"parallel", "for", "simd", "for simd", "parallel for", "parallel for simd",
                                          "single", "master", "barrier", "atomic", "atomic update", "sections",
                                          "parallel sections", "section", "task", "taskwait", "taskgroup", NULL};
  bool critical = strncmp(dir.data, "critical", 8) == 0;
  if (!critical && !omp_word_is(dir.data, supported)) {
    error_at(s->loc, "OpenMP directive '%s' cannot be differentiated yet (fgcc follows parallel, for, simd, "
                     "sections, section, single, master, critical, barrier, atomic, task, taskwait and taskgroup)",
             dir.len ? dir.data : s->text);
    free(dir.data);
    free(rest.data);
    return;
  }
  d->a->omp_vector_mode |= d->a->width > 1;
  for (; i < n; i++)
    buf_printf(&rest, " %s", omp_clause(d, &items[i], s->loc));
  Vec body = {0};
  if (s->body)
    diff_stmt(d, s->body, &body);
  bool loop = strstr(dir.data, "for") || strstr(dir.data, "simd");
  const char *text = arena_printf("%s%s%s", dir.data, rest.data,
                                  omp_takes_private(dir.data) ? omp_private_temps(d, &body) : "");
  free(dir.data);
  free(rest.data);
  if (!s->body) {
    vec_push(out, omp_wrap(s, text, NULL));
  } else if (strncmp(text, "atomic", 6) == 0) {
    diff_omp_atomic(d, s, text, &body, out);
  } else if (loop) { /* what the loop's translation put before it stays before the directive */
    Stmt *last = body.len ? body.data[body.len - 1] : NULL;
    if (!last || last->kind != ST_FOR) {
      error_at(s->loc, "an OpenMP loop directive must be followed by a for loop");
      return;
    }
    for (int k = 0; k + 1 < body.len; k++)
      vec_push(out, body.data[k]);
    vec_push(out, omp_wrap(s, text, last));
  } else {
    vec_push(out, omp_wrap(s, text, body.len == 1 ? body.data[0] : new_block(&body, s->loc)));
  }
}

/* ------------------------------------------------------- unused tangents */

static void count_reads_expr(Expr *e, int add);

static bool is_write(Expr *e) {
  switch (e->kind) {
  case EX_ASSIGN: case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    return true;
  default:
    return false;
  }
}

/* Writing a variable is not reading it: x = e, x += e, ++x, and for arrays
 * and structs a[i] = e, s.f = e (clang and gcc warn "set but not used"
 * about a variable only written that way). Indices are read. */
static void count_target(Expr *e) {
  switch (e->kind) {
  case EX_VAR:
    return;
  case EX_INDEX:
    if (e->lhs->ty && e->lhs->ty->kind == TY_ARRAY) {
      count_target(e->lhs);
      count_reads_expr(e->rhs, 1);
      return;
    }
    break;
  case EX_MEMBER:
    if (!e->arrow) {
      count_target(e->lhs);
      return;
    }
    break;
  default:
    break;
  }
  count_reads_expr(e, 1);
}

/* Count reads of tangent variables (any use but as the target of an
 * assignment or ++/--) into Var.reads. */
static void count_reads_expr(Expr *e, int add) {
  if (!e)
    return;
  if (e->kind == EX_VAR) {
    e->var->reads = add ? e->var->reads + 1 : 0;
    return;
  }
  if (add && is_write(e))
    count_target(e->lhs);
  else
    count_reads_expr(e->lhs, add);
  count_reads_expr(e->rhs, add);
  count_reads_expr(e->cond, add);
  for (int i = 0; i < e->nargs; i++)
    count_reads_expr(e->args[i], add);
}

/* add = 0: reset the counters; add = 1: count. */
static void count_reads(Stmt *s, int add) {
  if (!s)
    return;
  count_reads_expr(s->expr, add);
  count_reads_expr(s->cond, add);
  count_reads_expr(s->step, add);
  if (s->kind == ST_DECL) {
    if (!add)
      s->var->reads = 0;
    count_reads_expr(s->var->init, add);
    if (s->var->ty->kind == TY_ARRAY)
      count_reads_expr(s->var->ty->vla_len, add);
  }
  count_reads(s->init, add);
  count_reads(s->then, add);
  count_reads(s->els, add);
  count_reads(s->body, add);
  for (int i = 0; i < s->nstmts; i++)
    count_reads(s->stmts[i], add);
}

static Stmt *void_use(Var *v, Loc loc) {
  Stmt *s = new_expr_stmt(mk_cast(type_basic(TY_VOID), new_var_ref(v), false));
  s->loc = loc;
  return s;
}

static bool unread_tangent(Stmt *s) {
  return s->kind == ST_DECL && s->var->is_tangent && s->var->storage != VAR_STATIC_LOCAL && s->var->reads == 0;
}

/* A tangent nobody reads would draw -Wunused warnings: mark it used. */
static void mark_unused_tangents(Stmt *s) {
  if (!s)
    return;
  if (s->kind == ST_BLOCK) {
    Vec stmts = {0};
    for (int i = 0; i < s->nstmts; i++) {
      Stmt *c = s->stmts[i];
      mark_unused_tangents(c);
      vec_push(&stmts, c);
      if (unread_tangent(c))
        vec_push(&stmts, void_use(c->var, c->loc));
    }
    s->stmts = (Stmt **)stmts.data;
    s->nstmts = stmts.len;
    return;
  }
  mark_unused_tangents(s->init);
  mark_unused_tangents(s->then);
  mark_unused_tangents(s->els);
  mark_unused_tangents(s->body);
}

/* ---------------------------------------------------------- the function */

/* Tangent parameters the body never reads: (void)x_dot; at the top. */
static void mark_unused_params(Func *out) {
  Vec stmts = {0};
  for (int i = 0; i < out->nparams; i++)
    if (out->params[i]->is_tangent && out->params[i]->reads == 0)
      vec_push(&stmts, void_use(out->params[i], out->loc));
  if (!stmts.len)
    return;
  for (int i = 0; i < out->body->nstmts; i++)
    vec_push(&stmts, out->body->stmts[i]);
  out->body->stmts = (Stmt **)stmts.data;
  out->body->nstmts = stmts.len;
}

static Var *param_copy(Var *p) {
  Var *c = arena_alloc(sizeof(Var));
  *c = *p;
  return c;
}

static void build_params(D *d, Func *out, Vec *prologue) {
  Func *fn = d->fn;
  Vec params = {0};
  for (int i = 0; i < fn->nparams; i++) {
    Var *p = fn->params[i];
    vec_push(&params, p);
    if (d->v->param_active[i]) {
      vec_push(&params, dot_var(d, p));
    } else if (var_is_active(d->a, d->v, p) && type_carries_float(p->ty)) {
      /* an inactive input that later holds active values: tangent starts at 0 */
      Var *dp = dot_var(d, p);
      Var *local = param_copy(dp);
      local->storage = VAR_LOCAL;
      local->init = zero_init(p->ty);
      vec_push(prologue, decl_of(local, fn->loc));
    }
  }
  if (d->v->ret_active) {
    d->ret_dot = new_var(fresh_name(d, "ret_dot"), type_ptr_to(type_unqual(fn->ret)), VAR_PARAM, fn->loc);
    d->ret_dot->holds_tangent = true;
    vec_push(&params, d->ret_dot);
  }
  out->params = (Var **)params.data;
  out->nparams = params.len;
}

/* Each variant gets its own tangent variables (diff_decl stores the
 * tangent's initializer in it, and that differs between variants); only
 * the names are kept, so that every version uses the same x_dot. */
static void reserve_local_names(D *d) {
  for (int i = 0; i < d->fn->nlocals; i++) {
    d->fn->locals[i]->dot = NULL;
    if (d->fn->locals[i]->dot_name)
      strmap_put(&d->names, d->fn->locals[i]->dot_name, (void *)d->fn->locals[i]->dot_name);
  }
}

static Func *diff_variant(Analysis *a, Variant *v) {
  D d = {.a = a, .v = v, .fn = v->fn};
  reserve_local_names(&d);
  Func *out = arena_alloc(sizeof(Func));
  *out = *v->fn;
  out->name = v->jvp_name;
  out->is_static = !v->public_;
  out->is_inline = false;
  out->is_diff = false;
  out->knr = false;
  Vec prologue = {0}, body = {0};
  build_params(&d, out, &prologue);
  for (int i = 0; i < v->fn->body->nstmts; i++)
    diff_stmt(&d, v->fn->body->stmts[i], &body);
  Vec all = {0};
  for (int i = 0; i < d.temps.len; i++)
    vec_push(&all, decl_of(d.temps.data[i], v->fn->loc));
  for (int i = 0; i < prologue.len; i++)
    vec_push(&all, prologue.data[i]);
  for (int i = 0; i < body.len; i++)
    vec_push(&all, body.data[i]);
  out->body = new_block(&all, v->fn->body->loc);
  count_reads(out->body, 0);
  for (int i = 0; i < out->nparams; i++)
    out->params[i]->reads = 0;
  count_reads(out->body, 1);
  mark_unused_tangents(out->body);
  mark_unused_params(out);
  return out;
}

/* ------------------------------------------------------------------ names */

static const char *mask_suffix(Variant *v) {
  char *s = arena_alloc((size_t)v->fn->nparams + 2);
  for (int i = 0; i < v->fn->nparams; i++)
    s[i] = v->param_active[i] ? '1' : '0';
  return s;
}

static int count_variants(Analysis *a, Func *fn) {
  int n = 0;
  for (int i = 0; i < a->nvariants; i++)
    n += a->variants[i]->fn == fn;
  return n;
}

/* f_jvp for what the user asked for (the contract); internal versions get
 * f_jvp when unambiguous, else f_jvp_<active parameters as 0/1>. With
 * --width K: f_jvpK, f_jvpK_<mask>. */
static void name_variants(Analysis *a) {
  const char *jvp = a->width > 1 ? arena_printf("jvp%d", a->width) : "jvp";
  for (int i = 0; i < a->nvariants; i++)
    if (a->variants[i]->public_) {
      a->variants[i]->jvp_name = arena_printf("%s_%s", a->variants[i]->fn->name, jvp);
      strmap_put(&global_names, a->variants[i]->jvp_name, (void *)a->variants[i]->jvp_name);
    }
  for (int i = 0; i < a->nvariants; i++) {
    Variant *v = a->variants[i];
    if (v->public_)
      continue;
    const char *base = count_variants(a, v->fn) == 1 ? arena_printf("%s_%s", v->fn->name, jvp)
                                                     : arena_printf("%s_%s_%s", v->fn->name, jvp, mask_suffix(v));
    v->jvp_name = fresh_name(NULL, base);
  }
}

static void load_idents(Program *p) {
  sorted_idents = arena_alloc(sizeof(char *) * (size_t)(p->nidents + 1));
  memcpy(sorted_idents, p->idents, sizeof(char *) * (size_t)p->nidents);
  nsorted_idents = p->nidents;
  qsort(sorted_idents, (size_t)nsorted_idents, sizeof(char *), cmp_str);
}

void diff_program(Program *p, Analysis *a) {
  global_names = (StrMap){0};
  load_idents(p);
  name_variants(a);
  for (int g = 0; g < p->nglobals; g++)
    if (a->global_active[g])
      dot_var(NULL, p->globals[g]);
  for (int i = 0; i < a->nvariants; i++)
    a->variants[i]->out = diff_variant(a, a->variants[i]);
}
