/*
 * analyse.c -- what gets differentiated, and which values carry a tangent.
 *
 * A Variant is one differentiated version of a function: the functions the
 * user selected (FG_DIFF, --fn) with their active parameters, plus one
 * version per activity pattern at every call into a user function.
 *
 * Activity is a flow-insensitive forward analysis run to a fixed point:
 * a variable is active when a value that depends on an active input may be
 * stored into it. Pointers are different: two pointers that may point into
 * the same storage must agree (if one has a shadow, both need one), so
 * pointer flows merge their variables into one class (union-find), and a
 * class is active as a whole. Globals take part, and their activity is
 * shared by every variant. Being conservative costs speed, never
 * correctness: an inactive-but-marked variable merely gets a zero tangent.
 *
 * The refusals (what cannot be differentiated correctly) are reported here
 * with their location.
 */
#include "fgcc_int.h"

#include <string.h>

typedef struct {
  Analysis *a;
  Variant *v;
  Func *fn;
  int nlocals, n;  /* union-find over locals, then globals */
  int *parent;
  bool *active;    /* per class root */
  bool changed;
  bool report;     /* last pass: report refusals */
  bool mark;       /* zeroing pass: mark storage written behind the differentiator's back */
  bool *zeroed;    /* per variable: an opaque write may reach its storage (mark_call) */
  bool *union_reported; /* per variable: its union refusal is out (one error per union) */
} Act;

static void walk_stmt(Act *c, Stmt *s);
static void walk_expr(Act *c, Expr *e);
static bool holds_pointer(Type *t, int depth);

/* ------------------------------------------------------------ parameters */

bool param_can_be_active(Var *p) { return type_carries_float(p->ty); }

/* A pointer to non-const floating data is an output or in/out array: it
 * always gets a tangent (the contract). */
bool param_always_active(Var *p) {
  Type *t = p->ty;
  return t->kind == TY_PTR && t->base && !t->base->is_const && type_carries_float(t->base);
}

/* --------------------------------------------------------- union-find */

static int var_index(Act *c, Var *v) {
  if (v->storage == VAR_GLOBAL || v->storage == VAR_STATIC_GLOBAL || v->storage == VAR_EXTERN)
    return c->nlocals + v->id;
  fg_assert(v->id < c->nlocals && c->fn->locals[v->id] == v);
  return v->id;
}

static int find(Act *c, int i) {
  while (c->parent[i] != i)
    i = c->parent[i] = c->parent[c->parent[i]];
  return i;
}

static bool has_union_float(Type *t, int depth) {
  if (!t || depth > 8)
    return false;
  if (t->kind == TY_UNION)
    return type_carries_float(t);
  if (t->kind == TY_PTR || t->kind == TY_ARRAY)
    return has_union_float(t->base, depth + 1);
  if (t->kind == TY_STRUCT)
    for (int i = 0; i < t->nfields; i++)
      if (has_union_float(t->fields[i].ty, depth + 1))
        return true;
  return false;
}

static Var *index_var(Act *c, int i) {
  return i < c->nlocals ? c->fn->locals[i] : c->a->prog->globals[i - c->nlocals];
}

static void activate(Act *c, int i) {
  if (i < 0)
    return;
  int r = find(c, i);
  if (!c->active[r]) {
    c->active[r] = true;
    c->changed = true;
  }
}

static void unite(Act *c, int i, int j) {
  if (i < 0 || j < 0)
    return;
  int a = find(c, i), b = find(c, j);
  if (a == b)
    return;
  c->parent[b] = a;
  if (c->active[b] && !c->active[a])
    c->active[a] = true;
  c->changed = true;
}

static bool index_active(Act *c, int i) { return c->active[find(c, i)]; }

/* ------------------------------------------------------------- queries */

bool var_is_active(Analysis *a, Variant *v, Var *var) {
  if (var->storage == VAR_GLOBAL || var->storage == VAR_STATIC_GLOBAL || var->storage == VAR_EXTERN)
    return a->global_active[var->id];
  return v->var_active[var->id];
}

static bool jvp_is_of(Analysis *a, int i, Func *fn) {
  return a->jvp_of_fn[i] == fn || strcmp(a->jvp_of_fn[i]->name, fn->name) == 0;
}

/* The user derivative of fn that this run calls: at --width K one of width
 * K (FG_JVP_WIDTH) if there is one, else one of width 1 (FG_JVP); those of
 * other widths are ignored. */
Func *user_jvp(Analysis *a, Func *fn) {
  Func *one = NULL;
  for (int i = 0; i < a->njvps; i++)
    if (jvp_is_of(a, i, fn) && a->width > 1 && a->jvp_width[i] == a->width)
      return a->jvp_fn[i];
    else if (jvp_is_of(a, i, fn) && a->jvp_width[i] == 1 && !one)
      one = a->jvp_fn[i];
  return one;
}

/* A derivative of fn for another width than this run's, or NULL; *width is its width. */
static Func *user_jvp_other_width(Analysis *a, Func *fn, int *width) {
  for (int i = 0; fn && i < a->njvps; i++)
    if (jvp_is_of(a, i, fn) && a->jvp_width[i] != a->width) {
      *width = a->jvp_width[i];
      return a->jvp_fn[i];
    }
  return NULL;
}

/* A function the differentiator calls as a jvp (a body here, or the user's). */
static bool differentiable_callee(Analysis *a, Expr *call) {
  return call->kind == EX_CALL && !call->lhs && call->fn && (call->fn->body || user_jvp(a, call->fn));
}

static bool any_arg_varied(Analysis *a, Variant *v, Expr *call) {
  for (int i = 0; i < call->nargs; i++)
    if (expr_varied(a, v, call->args[i]))
      return true;
  return false;
}

static bool call_varied(Analysis *a, Variant *v, Expr *e) {
  TypeKind k;
  if (e->lhs)
    return false; /* indirect: refused when it matters */
  if (math_rule(e->text, &k))
    return any_arg_varied(a, v, e);
  if (call_named(e, "realloc"))
    return e->nargs > 0 && expr_varied(a, v, e->args[0]);
  if (differentiable_callee(a, e))
    return any_arg_varied(a, v, e) || a->any_global_active;
  const BlasRule *rule = blas_rule(e->text, &k);
  if (rule && rule->returns)
    return any_arg_varied(a, v, e);
  return false;
}

/* Bumped whenever a variant's or a global's activity changes: every memo
 * filled before is stale from then on. */
static int activity_epoch = 1;

void expr_memo_sync(Expr *e, const Variant *v) {
  if (e->memo_variant == v && e->memo_epoch == activity_epoch)
    return;
  e->memo_variant = v;
  e->memo_epoch = activity_epoch;
  e->memo_varied = e->memo_effects = 0;
}

static bool varied_uncached(Analysis *a, Variant *v, Expr *e);

/* Memoised: a chain a + b + c + ... is asked at every level (needs_diff in
 * diff.c), which would be quadratic in its length. */
bool expr_varied(Analysis *a, Variant *v, Expr *e) {
  if (!e)
    return false;
  expr_memo_sync(e, v);
  if (!e->memo_varied)
    e->memo_varied = varied_uncached(a, v, e) ? 2 : 1;
  return e->memo_varied == 2;
}

static bool varied_uncached(Analysis *a, Variant *v, Expr *e) {
  if (!type_carries_float(e->ty))
    return false;
  switch (e->kind) {
  case EX_VAR:
    return var_is_active(a, v, e->var);
  case EX_NUM: case EX_STR: case EX_NAME: case EX_TEXT: case EX_SIZEOF: case EX_ALIGNOF:
    return false;
  case EX_CALL:
    return call_varied(a, v, e);
  case EX_COND:
    return expr_varied(a, v, e->lhs) || expr_varied(a, v, e->rhs);
  case EX_COMMA:
    return expr_varied(a, v, e->rhs);
  case EX_ASSIGN:
    return expr_varied(a, v, e->lhs) || expr_varied(a, v, e->rhs);
  default:
    break;
  }
  if (expr_varied(a, v, e->lhs) || expr_varied(a, v, e->rhs))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_varied(a, v, e->args[i]))
      return true;
  return false;
}

/* ------------------------------------------------------- roots of storage */

/* The variable whose storage an lvalue designates (a[i].x -> a), or -1. */
static int lvalue_root(Act *c, Expr *e);

/* The variable a pointer value points into, or -1 (fresh memory, unknown). */
static int pointer_root(Act *c, Expr *e) {
  if (!e)
    return -1;
  switch (e->kind) {
  case EX_VAR:
    return var_index(c, e->var);
  case EX_CAST:
    return pointer_root(c, e->lhs);
  case EX_ADDR:
    return lvalue_root(c, e->lhs);
  case EX_BINARY:
    if (e->lhs->ty && (e->lhs->ty->kind == TY_PTR || e->lhs->ty->kind == TY_ARRAY))
      return pointer_root(c, e->lhs);
    return pointer_root(c, e->rhs);
  case EX_INDEX: case EX_MEMBER: case EX_DEREF:
    return lvalue_root(c, e);
  case EX_ASSIGN: case EX_PREINC: case EX_PREDEC: case EX_POSTINC: case EX_POSTDEC:
    return pointer_root(c, e->lhs);
  case EX_COMMA:
    return pointer_root(c, e->rhs);
  case EX_COND: {
    int l = pointer_root(c, e->lhs), r = pointer_root(c, e->rhs);
    unite(c, l, r);
    return l >= 0 ? l : r;
  }
  case EX_CALL:
    if (call_named(e, "realloc") && e->nargs > 0)
      return pointer_root(c, e->args[0]);
    return -1;
  default:
    return -1;
  }
}

static int lvalue_root(Act *c, Expr *e) {
  switch (e->kind) {
  case EX_VAR:
    return var_index(c, e->var);
  case EX_INDEX: case EX_DEREF:
    return pointer_root(c, e->lhs);
  case EX_MEMBER:
    return e->arrow ? pointer_root(c, e->lhs) : lvalue_root(c, e->lhs);
  case EX_CAST:
    return lvalue_root(c, e->lhs);
  case EX_COMPOUND:
    return -1;
  default:
    return -1;
  }
}

/* ------------------------------------------------------------------ flows */

static bool may_alias_storage(Type *t) {
  return t && (t->kind == TY_PTR || t->kind == TY_ARRAY || t->kind == TY_STRUCT) && type_carries_float(t);
}

/* dst = value: the flow of a value (and of pointer identity) into storage. */
static void flow_into(Act *c, int dst, Type *dst_ty, Expr *value) {
  if (!type_carries_float(dst_ty) || !value)
    return;
  if (value->kind == EX_INIT) {
    for (int i = 0; i < value->nargs; i++)
      flow_into(c, dst, value->args[i]->ty, value->args[i]);
    return;
  }
  if (expr_varied(c->a, c->v, value))
    activate(c, dst);
  if (may_alias_storage(value->ty))
    unite(c, dst, pointer_root(c, value));
}

static void check_union(Act *c, int i, Loc loc) {
  if (c->report && !c->union_reported[i] && index_active(c, i) && has_union_float(index_var(c, i)->ty, 0)) {
    c->union_reported[i] = true;
    error_at(loc, "union '%s' would hold floating-point data that carries a derivative; "
                  "unions cannot be differentiated (use a struct)", index_var(c, i)->name);
  }
}

/* s.m or p->m on a union carrying a derivative: refused once per variable
 * (a declaration already refused counts). */
static void check_union_member(Act *c, Expr *e) {
  int root = e->arrow ? pointer_root(c, e->lhs) : lvalue_root(c, e->lhs);
  if (root >= 0 && c->union_reported[root])
    return;
  if (root >= 0)
    c->union_reported[root] = true;
  error_at(e->loc, "unions holding floating-point data that carries a derivative cannot be differentiated");
}

static void walk_assign(Act *c, Expr *e) {
  int root = lvalue_root(c, e->lhs);
  if (root < 0 && c->report && type_carries_float(e->lhs->ty) && expr_varied(c->a, c->v, e->rhs))
    error_at(e->loc, "cannot tell which variable this assignment writes to; "
                     "fgcc needs the storage of an active value to be a named variable or array");
  flow_into(c, root, e->lhs->ty, e->rhs);
  if (root >= 0)
    check_union(c, root, e->loc);
}

/* Passing an argument: a non-const pointer to floating data may be written
 * through by the callee, so its storage gets a tangent. */
static void walk_call_args(Act *c, Expr *e, Func *callee) {
  for (int i = 0; i < e->nargs; i++) {
    Expr *arg = e->args[i];
    if (callee && i < callee->nparams && param_always_active(callee->params[i]))
      activate(c, pointer_root(c, arg));
  }
}

static void report_body_error(Func *fn) {
  error_at(fn->body_error_loc, "cannot differentiate '%s': %s", fn->name, fn->body_error);
}

static void refuse_call(Act *c, Expr *e, const char *why) {
  if (c->report)
    error_at(e->loc, "%s", why);
}

/* A call without a derivative, where the callee has one for another width:
 * the refusal says why that one is not used. */
static void refuse_external(Act *c, Expr *at, Expr *call, const char *why) {
  refuse_call(c, at, why);
  int width;
  Func *other = c->report ? user_jvp_other_width(c->a, call->fn, &width) : NULL;
  if (other && c->a->width > 1)
    note_at(other->loc, "'%s' is the derivative of '%s' for --width %d (FG_JVP_WIDTH); this run (--width %d) calls "
                        "one of width %d (FG_JVP_WIDTH) or 1 (FG_JVP)",
            other->name, call->fn->name, width, c->a->width, c->a->width);
  else if (other)
    note_at(other->loc, "'%s' is the derivative of '%s' for --width %d (FG_JVP_WIDTH); this run (width 1) calls "
                        "one of width 1 (FG_JVP)", other->name, call->fn->name, width);
}

static bool arg_points_to_active(Act *c, Expr *arg) {
  if (!arg->ty || (arg->ty->kind != TY_PTR && arg->ty->kind != TY_ARRAY) || !type_carries_float(arg->ty))
    return false;
  int r = pointer_root(c, arg);
  return r >= 0 && index_active(c, r);
}

/* A pointer to non-const floating data: the callee may write through it. */
static bool is_output_pointer(Type *t) {
  return t && t->kind == TY_PTR && t->base && !t->base->is_const && type_carries_float(t->base);
}

/* Calls into code without a body and without a rule. */
static void walk_external_call(Act *c, Expr *e) {
  const char *name = e->text;
  if (call_named(e, "memcpy") || call_named(e, "memmove")) {
    if (e->nargs == 3) {
      int dst = pointer_root(c, e->args[0]), src = pointer_root(c, e->args[1]);
      if (src >= 0 && index_active(c, src))
        activate(c, dst);
    }
    return;
  }
  if (call_named(e, "memset") || call_named(e, "free") || is_alloc_call(e))
    return;
  bool varied_scalar = false;
  if (e->fn && e->fn->body_error) {
    for (int i = 0; i < e->nargs; i++)
      if (arg_points_to_active(c, e->args[i]) || expr_varied(c->a, c->v, e->args[i])) {
        if (c->report) {
          report_body_error(e->fn);
          note_at(e->loc, "'%s' is called here with arguments that carry a derivative", name);
        }
        return;
      }
  }
  for (int i = 0; i < e->nargs; i++) {
    Expr *arg = e->args[i];
    if (arg_points_to_active(c, arg)) {
      refuse_external(c, arg, e, arena_printf("cannot differentiate the call to '%s': it receives a pointer to data "
                                       "that carries a derivative and has no body in this file; supply a "
                                       "derivative with FG_JVP(%s) or --jvp %s=NAME", name, name, name));
      return;
    }
    varied_scalar |= expr_varied(c->a, c->v, arg);
  }
  for (int i = 0; i < e->nargs && varied_scalar; i++)
    if (is_output_pointer(e->args[i]->ty)) {
      refuse_external(c, e->args[i], e, arena_printf("cannot differentiate the call to '%s': it receives values that carry "
                                              "a derivative and a pointer it may write results through, and has no "
                                              "body in this file; supply a derivative with FG_JVP(%s) or --jvp %s=NAME",
                                              name, name, name));
      return;
    }
  if (varied_scalar && type_carries_float(e->ty))
    refuse_external(c, e, e, arena_printf("no derivative for '%s': it has no body in this file and no built-in rule; "
                                   "supply one with FG_JVP(%s) or --jvp %s=NAME", name, name, name));
}

/* A CBLAS routine with a rule (blas.def): what it writes gets a tangent
 * when anything it reads carries one. */
static void walk_blas_call(Act *c, Expr *e, const BlasRule *rule) {
  if (e->nargs != rule->nparams) {
    refuse_call(c, e, arena_printf("'%s' is called with %d arguments, but the CBLAS routine takes %d",
                                   e->text, e->nargs, rule->nparams));
    return;
  }
  bool any = false;
  for (int i = 0; i < e->nargs; i++)
    any |= expr_varied(c->a, c->v, e->args[i]) || arg_points_to_active(c, e->args[i]);
  for (int i = 0; i < e->nargs && any; i++) {
    if (!rule->is_out[i])
      continue;
    int root = pointer_root(c, e->args[i]);
    if (root < 0)
      refuse_call(c, e->args[i], arena_printf("cannot tell which variable '%s' writes to; fgcc needs the storage "
                                              "of an active value to be a named variable or array", e->text));
    activate(c, root);
  }
}

static bool is_nonlocal_jump(Expr *e) {
  static const char *names[] = {"setjmp", "_setjmp", "__builtin_setjmp", "sigsetjmp", "__sigsetjmp",
                                "longjmp", "_longjmp", "siglongjmp", "__builtin_longjmp"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (call_named(e, names[i]))
      return true;
  return false;
}


/* ---------------------------------------------- tangents that start at zero */

/* A tangent is initialised where its primal is (`double a[10];` leaves
 * a_dot uninitialised, malloc gives a malloc'd shadow): every store into
 * active storage writes the tangent too, an inactive value a zero. What a
 * call writes without writing the tangent is the exception: a function
 * without a derivative reached through a cast (void *, char *), a pointer
 * passed where the callee takes no tangent, memset or memcpy through a
 * pointer the differentiator cannot follow, a callee that does any of these
 * to its parameter. That storage keeps a zeroed tangent: its whole class
 * (every variable that may point into it) is marked here. */

/* Can a callee write through an argument of this type? */
static bool may_write_through(Type *t) {
  if (!t)
    return false;
  if (t->kind == TY_PTR || t->kind == TY_ARRAY)
    return !t->base || !t->base->is_const || holds_pointer(t->base, 0);
  return t->kind == TY_STRUCT && holds_pointer(t, 0);
}

static void mark_opaque_arg(Act *c, Expr *arg) {
  int r = may_write_through(arg->ty) ? pointer_root(c, arg) : -1;
  if (r >= 0)
    c->zeroed[r] = true;
}

/* A function with a body or a user derivative: an argument passed without
 * a tangent may be written through without one; an argument passed with
 * one is marked where the callee marks its parameter. (A user derivative
 * writes the tangent of what it writes: the FG_JVP contract.) */
static void mark_user_call(Act *c, Expr *e) {
  bool *mask = call_mask(c->a, c->v, e);
  Func *fn = e->fn;
  Variant *callee = mask && !user_jvp(c->a, fn) ? find_variant(c->a, fn, mask) : NULL;
  for (int i = 0; i < e->nargs; i++) {
    if (!mask || i >= fn->nparams || !mask[i])
      mark_opaque_arg(c, e->args[i]);
    else if (!user_jvp(c->a, fn) && (!callee || callee->var_zeroed[fn->params[i]->id])) {
      int r = pointer_root(c, e->args[i]);
      if (r >= 0)
        c->zeroed[r] = true;
    }
  }
}

/* Calls fgcc differentiates by rule write tangents (math.h reads values;
 * BLAS outputs with a tangent get one); memcpy, memmove and memset are
 * mirrored on the shadow when the destination's tangent can be followed. */
static void mark_call(Act *c, Expr *e) {
  TypeKind k;
  if (!e->lhs && (math_rule(e->text, &k) || blas_rule(e->text, &k) || is_alloc_call(e) || call_named(e, "free")))
    return;
  if (!e->lhs && differentiable_callee(c->a, e)) {
    mark_user_call(c, e);
    return;
  }
  bool mem = !e->lhs && (call_named(e, "memcpy") || call_named(e, "memmove") || call_named(e, "memset"));
  for (int i = 0; i < e->nargs; i++)
    if (!mem || (i == 0 && !expr_varied(c->a, c->v, e->args[0])))
      mark_opaque_arg(c, e->args[i]);
}

static void walk_call(Act *c, Expr *e) {
  TypeKind k;
  if (e->lhs) {
    bool carries = type_carries_float(e->ty);
    for (int i = 0; i < e->nargs; i++)
      carries |= expr_varied(c->a, c->v, e->args[i]) || arg_points_to_active(c, e->args[i]);
    if (carries)
      refuse_call(c, e, "call through a function pointer cannot be differentiated; "
                        "call the function by name so fgcc can differentiate it");
    return;
  }
  if (is_nonlocal_jump(e)) {
    refuse_call(c, e, arena_printf("'%s' cannot be differentiated: non-local jumps are not supported", e->text));
    return;
  }
  if (math_rule(e->text, &k))
    return;
  if (differentiable_callee(c->a, e)) {
    Func *callee = e->fn;
    if (callee->is_variadic && any_arg_varied(c->a, c->v, e))
      refuse_call(c, e, arena_printf("cannot differentiate the call to variadic function '%s' with arguments "
                                     "that carry a derivative", callee->name));
    walk_call_args(c, e, user_jvp(c->a, callee) ? user_jvp(c->a, callee) : callee);
    return;
  }
  const BlasRule *rule = blas_rule(e->text, &k);
  if (rule) {
    walk_blas_call(c, e, rule);
    return;
  }
  walk_external_call(c, e);
}

static void walk_expr(Act *c, Expr *e) {
  if (!e)
    return;
  walk_expr(c, e->cond);
  walk_expr(c, e->lhs);
  walk_expr(c, e->rhs);
  for (int i = 0; i < e->nargs; i++)
    walk_expr(c, e->args[i]);
  switch (e->kind) {
  case EX_ASSIGN:
    walk_assign(c, e);
    break;
  case EX_CALL:
    if (c->mark)
      mark_call(c, e);
    else
      walk_call(c, e);
    break;
  case EX_TEXT:
    if (c->report && type_carries_float(e->ty))
      error_at(e->loc, "this construct (designated initializer or va_arg) cannot hold floating-point "
                       "data in a differentiated function");
    break;
  case EX_MEMBER:
    if (c->report && e->lhs->ty && has_union_float(e->arrow ? e->lhs->ty->base : e->lhs->ty, 0) &&
        expr_varied(c->a, c->v, e->lhs))
      check_union_member(c, e);
    break;
  default:
    break;
  }
}

static void walk_stmt(Act *c, Stmt *s) {
  if (!s)
    return;
  if (s->kind == ST_DECL) {
    walk_expr(c, s->var->init);
    if (s->var->ty->kind == TY_ARRAY)
      walk_expr(c, s->var->ty->vla_len);
    if (s->var->init && s->var->storage != VAR_STATIC_LOCAL)
      flow_into(c, var_index(c, s->var), s->var->ty, s->var->init);
    check_union(c, var_index(c, s->var), s->loc);
    return;
  }
  walk_stmt(c, s->init);
  walk_expr(c, s->expr);
  walk_expr(c, s->cond);
  walk_expr(c, s->step);
  walk_stmt(c, s->then);
  walk_stmt(c, s->els);
  walk_stmt(c, s->body);
  for (int i = 0; i < s->nstmts; i++)
    walk_stmt(c, s->stmts[i]);
}

/* ----------------------------------------------------------- variants */

static bool same_mask(Func *fn, const bool *x, const bool *y) {
  for (int i = 0; i < fn->nparams; i++)
    if (x[i] != y[i])
      return false;
  return true;
}

Variant *find_variant(Analysis *a, Func *fn, const bool *mask) {
  for (int i = 0; i < a->nvariants; i++) {
    Variant *v = a->variants[i];
    if (v->fn == fn && !v->public_ && same_mask(fn, v->param_active, mask))
      return v;
  }
  for (int i = 0; i < a->nvariants; i++) {
    Variant *v = a->variants[i];
    if (v->fn == fn && same_mask(fn, v->param_active, mask))
      return v;
  }
  return NULL;
}

static Variant *add_variant(Analysis *a, Func *fn, bool *mask, bool public_) {
  Variant *v = arena_alloc(sizeof(Variant));
  v->fn = fn;
  v->param_active = mask;
  v->public_ = public_;
  v->var_active = arena_alloc(sizeof(bool) * (size_t)(fn->nlocals + 1));
  v->var_zeroed = arena_alloc(sizeof(bool) * (size_t)(fn->nlocals + 1));
  v->ret_active = type_carries_float(fn->ret);
  Vec vec = {(void **)a->variants, a->nvariants, a->nvariants};
  vec_push(&vec, v);
  a->variants = (Variant **)vec.data;
  a->nvariants = vec.len;
  return v;
}

static bool writes_through_params(Func *fn) {
  for (int i = 0; i < fn->nparams; i++)
    if (param_always_active(fn->params[i]))
      return true;
  return false;
}

bool *call_mask(Analysis *a, Variant *v, Expr *call) {
  Func *callee = call->fn;
  Func *uj = user_jvp(a, callee);
  bool *mask = arena_alloc(sizeof(bool) * (size_t)(callee->nparams + 1));
  bool any = false;
  for (int i = 0; i < callee->nparams && i < call->nargs; i++) {
    Var *p = callee->params[i];
    if (!param_can_be_active(p))
      continue;
    Expr *arg = call->args[i];
    mask[i] = uj || param_always_active(p) || expr_varied(a, v, arg);
    any |= mask[i];
  }
  if (!any && !(a->any_global_active && !uj))
    return NULL;
  if (!uj && !a->any_global_active && !type_carries_float(callee->ret) && !writes_through_params(callee))
    return NULL; /* a predicate (isnan-like) or an integer result: no derivative to carry */
  return mask;
}

/* ------------------------------------------------------------ one variant */

static void sync_var_active(Act *c) {
  for (int i = 0; i < c->nlocals; i++)
    if (c->v->var_active[i] != index_active(c, i)) {
      c->v->var_active[i] = index_active(c, i);
      activity_epoch++;
    }
  for (int g = 0; g < c->a->prog->nglobals; g++)
    if (index_active(c, c->nlocals + g) && !c->a->global_active[g]) {
      c->a->global_active[g] = true;
      c->a->any_global_active = true;
      c->changed = true;
      activity_epoch++;
    }
}

static void seed_params(Act *c) {
  for (int i = 0; i < c->fn->nparams; i++)
    if (c->v->param_active[i])
      activate(c, i);
  for (int g = 0; g < c->a->prog->nglobals; g++)
    if (c->a->global_active[g])
      activate(c, c->nlocals + g);
}

/* Pointer parameters without a tangent must not alias storage that has one. */
static void check_params(Act *c) {
  for (int i = 0; i < c->fn->nparams; i++) {
    Var *p = c->fn->params[i];
    if (c->v->param_active[i] || p->ty->kind != TY_PTR || !index_active(c, i))
      continue;
    if (c->v->public_)
      error_at(p->loc, "parameter '%s' of '%s' may point to data that carries a derivative; make it active "
                       "(FG_WRT, or --fn %s:...,%s)", p->name, c->fn->name, c->fn->name, p->name);
    else
      error_at(p->loc, "parameter '%s' of '%s' may point to data that carries a derivative, but a caller "
                       "passes data without one", p->name, c->fn->name);
  }
}

/* Callees of a variant get their own variants. */
static void add_callee_variants(Analysis *a, Variant *v, Stmt *s);

static void callee_variants_expr(Analysis *a, Variant *v, Expr *e) {
  if (!e)
    return;
  callee_variants_expr(a, v, e->cond);
  callee_variants_expr(a, v, e->lhs);
  callee_variants_expr(a, v, e->rhs);
  for (int i = 0; i < e->nargs; i++)
    callee_variants_expr(a, v, e->args[i]);
  if (e->kind != EX_CALL || !differentiable_callee(a, e) || user_jvp(a, e->fn))
    return;
  bool *mask = call_mask(a, v, e);
  if (mask && !find_variant(a, e->fn, mask))
    add_variant(a, e->fn, mask, false);
}

static void add_callee_variants(Analysis *a, Variant *v, Stmt *s) {
  if (!s)
    return;
  if (s->kind == ST_DECL)
    callee_variants_expr(a, v, s->var->init);
  add_callee_variants(a, v, s->init);
  callee_variants_expr(a, v, s->expr);
  callee_variants_expr(a, v, s->cond);
  callee_variants_expr(a, v, s->step);
  add_callee_variants(a, v, s->then);
  add_callee_variants(a, v, s->els);
  add_callee_variants(a, v, s->body);
  for (int i = 0; i < s->nstmts; i++)
    add_callee_variants(a, v, s->stmts[i]);
}

static Act act_new(Analysis *a, Variant *v) {
  Act c = {.a = a, .v = v, .fn = v->fn, .nlocals = v->fn->nlocals, .report = false};
  c.n = c.nlocals + a->prog->nglobals;
  c.parent = arena_alloc(sizeof(int) * (size_t)(c.n + 1));
  c.active = arena_alloc(sizeof(bool) * (size_t)(c.n + 1));
  c.union_reported = arena_alloc(sizeof(bool) * (size_t)(c.n + 1));
  c.zeroed = arena_alloc(sizeof(bool) * (size_t)(c.n + 1));
  for (int i = 0; i < c.n; i++)
    c.parent[i] = i;
  return c;
}

/* Run the variant's activity to its fixed point; returns whether anything
 * visible to other variants (global activity) changed. */
static bool act_fixpoint(Act *c) {
  Analysis *a = c->a;
  seed_params(c);
  sync_var_active(c);
  bool globals_changed = false;
  do {
    c->changed = false;
    walk_stmt(c, c->v->fn->body);
    bool before = a->any_global_active;
    int nglobal_before = 0;
    for (int g = 0; g < a->prog->nglobals; g++)
      nglobal_before += a->global_active[g];
    sync_var_active(c);
    int nglobal_after = 0;
    for (int g = 0; g < a->prog->nglobals; g++)
      nglobal_after += a->global_active[g];
    globals_changed |= nglobal_after != nglobal_before || before != a->any_global_active;
  } while (c->changed);
  return globals_changed;
}

static bool analyse_variant(Analysis *a, Variant *v, bool report) {
  Act c = act_new(a, v);
  bool globals_changed = act_fixpoint(&c);
  if (report) {
    c.report = true;
    walk_stmt(&c, v->fn->body);
    check_params(&c);
  }
  return globals_changed;
}

/* With activity settled: which locals' tangents must start at zero (a
 * marked variable marks its class). Returns whether v->var_zeroed changed. */
static bool zero_variant(Analysis *a, Variant *v) {
  Act c = act_new(a, v);
  act_fixpoint(&c);
  c.mark = true;
  walk_stmt(&c, v->fn->body);
  bool *class_zeroed = arena_alloc(sizeof(bool) * (size_t)(c.n + 1));
  for (int i = 0; i < c.n; i++)
    class_zeroed[find(&c, i)] |= c.zeroed[i];
  bool changed = false;
  for (int i = 0; i < c.nlocals; i++) {
    bool z = class_zeroed[find(&c, i)];
    changed |= z != v->var_zeroed[i];
    v->var_zeroed[i] = z;
  }
  return changed;
}

/* ---------------------------------------------------------- the requests */

static Var *param_named(Func *fn, const char *name) {
  for (int i = 0; i < fn->nparams; i++)
    if (fn->params[i]->name && strcmp(fn->params[i]->name, name) == 0)
      return fn->params[i];
  return NULL;
}

/* The active parameters of a user-selected function. */
static bool *requested_mask(Func *fn, const FnRequest *req) {
  bool *mask = arena_alloc(sizeof(bool) * (size_t)(fn->nparams + 1));
  bool named = false;
  for (int i = 0; req && i < req->nwrt; i++) {
    Var *p = param_named(fn, req->wrt[i]);
    if (!p)
      error_at(req->loc, "--fn %s: '%s' has no parameter named '%s'", fn->name, fn->name, req->wrt[i]);
    else if (!param_can_be_active(p))
      error_at(p->loc, "parameter '%s' of '%s' cannot be active: its type holds no floating-point data",
               p->name, fn->name);
    else
      mask[p->id] = named = true;
  }
  for (int i = 0; !req && i < fn->nparams; i++)
    if (fn->params[i]->is_wrt) {
      if (!param_can_be_active(fn->params[i]))
        error_at(fn->params[i]->loc, "FG_WRT parameter '%s' cannot be active: its type holds no "
                                     "floating-point data", fn->params[i]->name);
      mask[i] = named = true;
    }
  for (int i = 0; i < fn->nparams; i++)
    mask[i] |= named ? param_always_active(fn->params[i]) : param_can_be_active(fn->params[i]);
  return mask;
}

/* The functions already requested, by name (one definition per name). */
static StrMap requested;

static void add_request(Analysis *a, Func *fn, const FnRequest *req) {
  if (strmap_get(&requested, fn->name))
    return; /* named twice */
  strmap_put(&requested, fn->name, fn);
  if (fn->is_variadic)
    error_at(fn->loc, "cannot differentiate variadic function '%s'", fn->name);
  add_variant(a, fn, requested_mask(fn, req), true);
}

/* --fn NAME naming a static that link.c renamed: say what it is called. */
static void note_renamed(Program *p, const char *name) {
  for (int i = 0; i < p->nfuncs; i++)
    if (p->funcs[i]->source_name && strcmp(p->funcs[i]->source_name, name) == 0)
      note_at(p->funcs[i]->loc, "the static '%s' of this file is named '%s' (--fn %s)", name,
              p->funcs[i]->name, p->funcs[i]->name);
}

static void collect_requests(Analysis *a, Program *p, const Options *opt) {
  for (int i = 0; i < opt->nfns; i++) {
    Func *fn = program_find_func(p, opt->fns[i].name);
    if (fn && fn->body_error) {
      report_body_error(fn);
      continue;
    }
    if (!fn || !fn->body) {
      error_at(opt->fns[i].loc, "--fn %s: no definition of a function named '%s' in %s", opt->fns[i].name,
               opt->fns[i].name, p->file);
      note_renamed(p, opt->fns[i].name);
      continue;
    }
    add_request(a, fn, &opt->fns[i]);
  }
  for (int i = 0; i < p->nfuncs; i++) {
    if (p->funcs[i]->is_diff && p->funcs[i]->body_error)
      report_body_error(p->funcs[i]);
    else if (p->funcs[i]->is_diff && !p->funcs[i]->body)
      error_at(p->funcs[i]->loc, "FG_DIFF function '%s' has no definition in this file; fgcc differentiates "
                                 "function definitions", p->funcs[i]->name);
    else if (p->funcs[i]->is_diff && p->funcs[i]->body)
      add_request(a, p->funcs[i], NULL);
  }
  if (a->nvariants == 0 && error_count() == 0)
    error_plain("%s: nothing to differentiate: mark a function with FG_DIFF or name it with --fn", p->file);
}

/* The _jvp convention: every parameter holding floating data followed by its
 * tangent, then R *ret_dot for a floating result. */
static int jvp_param_count(Func *of) {
  int n = of->nparams + type_carries_float(of->ret);
  for (int i = 0; i < of->nparams; i++)
    n += param_can_be_active(of->params[i]);
  return n;
}

/* At width K > 1 every tangent is a flat pointer (NAME_jvpK's convention):
 * the tangent of a scalar parameter too. Returns the first parameter that
 * breaks it, or -1. */
static int non_pointer_tangent(Func *of, Func *jvp) {
  for (int i = 0, at = 0; i < of->nparams; i++, at++)
    if (param_can_be_active(of->params[i]) && ++at < jvp->nparams && type_is_float(of->params[i]->ty)) {
      Type *t = jvp->params[at]->ty;
      if (t->kind != TY_PTR || !type_is_float(t->base))
        return at;
    }
  return -1;
}

static bool valid_width(int k) { return k >= 2 && k <= 64 && !(k & (k - 1)); }

/* Is jvp, declared (`where`: FG_JVP_WIDTH(g, K), --jvp) as g's derivative
 * of width `width`, written that way? */
static bool check_user_jvp(Func *of, Func *jvp, int width, const char *where) {
  int want = jvp_param_count(of);
  if (width != 1 && !valid_width(width)) {
    error_at(jvp->loc, "%s: the width must be a power of two from 2 to 64 (FG_JVP(%s) is the derivative of width 1)",
             where, of->name);
    return false;
  }
  if (jvp->nparams != want || jvp->is_variadic || of->is_variadic) {
    error_at(jvp->loc, "'%s' cannot be the derivative of '%s': the _jvp convention needs %d parameters (each "
                       "parameter holding floating-point data followed by its tangent%s), it has %d%s",
             jvp->name, of->name, want, type_carries_float(of->ret) ? ", then a pointer for the result's tangent" : "",
             jvp->nparams, jvp->is_variadic || of->is_variadic ? " and variadic functions are not supported" : "");
    return false;
  }
  int bad = width > 1 ? non_pointer_tangent(of, jvp) : -1;
  if (bad >= 0) {
    error_at(jvp->params[bad]->loc, "'%s' cannot be the width-%d derivative of '%s': parameter %d ('%s'), the "
                                    "tangent of the scalar '%s', must point to its %d values (const %s *)",
             jvp->name, width, of->name, bad + 1, jvp->params[bad]->name, jvp->params[bad - 1]->name, width,
             jvp->params[bad - 1]->ty->kind == TY_FLOAT ? "float" : "double");
    return false;
  }
  return true;
}

static void add_user_jvp(Analysis *a, Func *of, Func *jvp, int width, const char *where) {
  if (!check_user_jvp(of, jvp, width, where))
    return;
  Vec x = {(void **)a->jvp_of_fn, a->njvps, a->njvps}, y = {(void **)a->jvp_fn, a->njvps, a->njvps};
  vec_push(&x, of);
  vec_push(&y, jvp);
  int *widths = arena_alloc(sizeof(int) * (size_t)(a->njvps + 1));
  if (a->njvps)
    memcpy(widths, a->jvp_width, sizeof(int) * (size_t)a->njvps);
  widths[a->njvps] = width;
  a->jvp_of_fn = (Func **)x.data;
  a->jvp_fn = (Func **)y.data;
  a->jvp_width = widths;
  a->njvps = x.len;
}

/* How the source names j a derivative, for messages. */
static const char *jvp_marker(Func *j) {
  if (j->jvp_width == 1)
    return arena_printf("FG_JVP(%s)", j->jvp_of);
  if (j->jvp_width)
    return arena_printf("FG_JVP_WIDTH(%s, %d)", j->jvp_of, j->jvp_width);
  return arena_printf("FG_JVP_WIDTH(%s, K)", j->jvp_of);
}

static void collect_user_jvps(Analysis *a, Program *p, const Options *opt) {
  for (int i = 0; i < p->nfuncs; i++) {
    Func *j = p->funcs[i];
    if (!j->jvp_of)
      continue;
    Func *of = program_find_func(p, j->jvp_of);
    if (!of)
      error_at(j->loc, "%s: no function named '%s' is declared", jvp_marker(j), j->jvp_of);
    else
      add_user_jvp(a, of, j, j->jvp_width, jvp_marker(j));
  }
  for (int i = 0; i < opt->njvps; i++) {
    const JvpRequest *r = &opt->jvps[i];
    Func *of = program_find_func(p, r->fn), *j = program_find_func(p, r->jvp);
    if (!of || !j)
      error_plain("--jvp %s=%s: no function named '%s' is declared in %s", r->fn, r->jvp, !of ? r->fn : r->jvp,
                  p->file);
    else
      add_user_jvp(a, of, j, r->width, arena_printf("--jvp %s=%s@%d", r->fn, r->jvp, r->width));
  }
}

static bool holds_pointer(Type *t, int depth) {
  if (!t || depth > 8)
    return false;
  if (t->kind == TY_PTR)
    return true;
  if (t->kind == TY_ARRAY)
    return holds_pointer(t->base, depth + 1);
  for (int i = 0; t->kind == TY_STRUCT && i < t->nfields; i++)
    if (holds_pointer(t->fields[i].ty, depth + 1))
      return true;
  return false;
}

/* A global's tangent lives in out.c; a pointer in it would have to point to
 * a shadow of memory nobody in out.c allocated. */
static void check_global_pointers(Analysis *a) {
  for (int g = 0; g < a->prog->nglobals; g++) {
    Var *v = a->prog->globals[g];
    if (a->global_active[g] && holds_pointer(v->ty, 0))
      error_at(v->loc, "global '%s' holds a pointer to data that carries a derivative; fgcc cannot give it a "
                       "shadow (pass the buffer to the function as a parameter instead)", v->name);
  }
}

Analysis *analyse_program(Program *p, const Options *opt) {
  Analysis *a = arena_alloc(sizeof(Analysis));
  a->prog = p;
  a->width = opt && opt->width > 1 ? opt->width : 1;
  a->global_active = arena_alloc(sizeof(bool) * (size_t)(p->nglobals + 1));
  collect_user_jvps(a, p, opt);
  requested = (StrMap){0};
  collect_requests(a, p, opt);
  if (error_count())
    return a;
  bool changed;
  do {
    changed = false;
    for (int i = 0; i < a->nvariants; i++) {
      int before = a->nvariants;
      changed |= analyse_variant(a, a->variants[i], false);
      add_callee_variants(a, a->variants[i], a->variants[i]->fn->body);
      changed |= a->nvariants != before;
    }
  } while (changed);
  do { /* callers mark what their callees mark: grows to a fixed point */
    changed = false;
    for (int i = 0; i < a->nvariants; i++)
      changed |= zero_variant(a, a->variants[i]);
  } while (changed);
  for (int i = 0; i < a->nvariants; i++)
    analyse_variant(a, a->variants[i], true);
  check_global_pointers(a);
  return a;
}
