/*
 * ir.c -- constructors for fgcc's IR, type predicates, and the --dump printer.
 *
 * The dump prints the IR as an indented tree, one node per line, so golden
 * tests can pin what the front end and the differentiator produced.
 */
#include "fgcc_int.h"

#include <stdlib.h>
#include <string.h>

const char *op_spelling[] = {
#define X(k, s) s,
    OP_LIST(X)
#undef X
};

static const char *expr_kind_name[] = {
#define X(k, s) s,
    EXPR_KINDS(X)
#undef X
};

static const char *stmt_kind_name[] = {
#define X(k, s) s,
    STMT_KINDS(X)
#undef X
};

/* ------------------------------------------------------------------ types */

bool type_is_float(const Type *t) {
  return t && (t->kind == TY_FLOAT || t->kind == TY_DOUBLE || t->kind == TY_LDOUBLE);
}

bool omp_takes_private(const char *directive) {
  static const char *const words[] = {"parallel", "for", "simd", "sections", "single", "task", NULL};
  for (int i = 0; words[i]; i++) {
    size_t n = strlen(words[i]);
    if (strncmp(directive, words[i], n) == 0 && (directive[n] == ' ' || !directive[n]))
      return true;
  }
  return false;
}

bool type_is_integer(const Type *t) { return t && (t->kind == TY_INT || t->kind == TY_BOOL); }

bool type_is_scalar(const Type *t) {
  return type_is_float(t) || type_is_integer(t) || (t && t->kind == TY_PTR);
}

static bool fields_carry_float(Type *t) {
  for (int i = 0; i < t->nfields; i++)
    if (type_carries_float(t->fields[i].ty))
      return true;
  return false;
}

/* Memoised, and safe on recursive structs (a struct in progress counts as
 * "no" for the inner visit; the outer visit decides). */
bool type_carries_float(Type *t) {
  if (!t)
    return false;
  switch (t->kind) {
  case TY_FLOAT:
  case TY_DOUBLE:
  case TY_LDOUBLE:
    return true;
  case TY_PTR:
  case TY_ARRAY:
    return t->base && t->base->kind != TY_FUNC && type_carries_float(t->base);
  case TY_STRUCT:
  case TY_UNION:
    if (t->carries_memo == 3)
      return false;
    if (t->carries_memo == 0) {
      t->carries_memo = 3;
      t->carries_memo = fields_carry_float(t) ? 2 : 1;
    }
    return t->carries_memo == 2;
  default:
    return false;
  }
}

TypeKind type_float_kind(const Type *t) {
  while (t && (t->kind == TY_PTR || t->kind == TY_ARRAY))
    t = t->base;
  return type_is_float(t) ? t->kind : TY_VOID;
}

Type *type_unqual(Type *t) {
  if (!t->is_const && !t->is_volatile && !t->is_restrict)
    return t;
  Type *u = arena_alloc(sizeof(Type));
  *u = *t;
  u->is_const = u->is_volatile = u->is_restrict = false;
  return u;
}

Type *type_ptr_to(Type *base) {
  Type *t = arena_alloc(sizeof(Type));
  t->kind = TY_PTR;
  t->base = base;
  return t;
}

/* Static storage, not the arena: they outlive arena_release(). */
Type *type_basic(TypeKind k) {
  static Type basic[TY_OTHER + 1];
  Type *t = &basic[k];
  if (t->name)
    return t;
  t->kind = k;
  switch (k) {
  case TY_FLOAT: t->name = "float"; break;
  case TY_DOUBLE: t->name = "double"; break;
  case TY_LDOUBLE: t->name = "long double"; break;
  case TY_INT: t->name = "int"; break;
  case TY_BOOL: t->name = "_Bool"; break;
  case TY_VOID: t->name = "void"; break;
  default: unreachable();
  }
  return t;
}

/* ----------------------------------------------------------- constructors */

Expr *new_expr(ExprKind k, Type *ty, Loc loc) {
  Expr *e = arena_alloc(sizeof(Expr));
  e->kind = k;
  e->ty = ty;
  e->loc = loc;
  return e;
}

Expr *new_num(const char *text, Type *ty) {
  Expr *e = new_expr(EX_NUM, ty, (Loc){0});
  e->text = text;
  return e;
}

Expr *new_var_ref(Var *v) {
  Expr *e = new_expr(EX_VAR, v->ty, v->loc);
  e->var = v;
  return e;
}

Expr *new_binary(Op op, Expr *l, Expr *r, Type *ty) {
  Expr *e = new_expr(EX_BINARY, ty, l->loc);
  e->op = op;
  e->lhs = l;
  e->rhs = r;
  return e;
}

Expr *new_unary(Op op, Expr *x, Type *ty) {
  Expr *e = new_expr(EX_UNARY, ty, x->loc);
  e->op = op;
  e->lhs = x;
  return e;
}

Expr *new_assign(Op op, Expr *lhs, Expr *rhs) {
  Expr *e = new_expr(EX_ASSIGN, lhs->ty, lhs->loc);
  e->op = op;
  e->lhs = lhs;
  e->rhs = rhs;
  return e;
}

Expr *new_call(const char *name, Expr **args, int nargs, Type *ret) {
  Expr *e = new_expr(EX_CALL, ret, nargs ? args[0]->loc : (Loc){0});
  e->text = name;
  e->args = args;
  e->nargs = nargs;
  return e;
}

Stmt *new_stmt(StmtKind k, Loc loc) {
  Stmt *s = arena_alloc(sizeof(Stmt));
  s->kind = k;
  s->loc = loc;
  return s;
}

Stmt *new_expr_stmt(Expr *e) {
  Stmt *s = new_stmt(ST_EXPR, e->loc);
  s->expr = e;
  return s;
}

Stmt *new_block(Vec *stmts, Loc loc) {
  Stmt *s = new_stmt(ST_BLOCK, loc);
  s->stmts = (Stmt **)stmts->data;
  s->nstmts = stmts->len;
  return s;
}

bool expr_any(Expr *e, int (*test)(Expr *e)) {
  if (!e)
    return false;
  int t = test(e);
  if (t)
    return t > 0;
  if (expr_any(e->lhs, test) || expr_any(e->rhs, test) || expr_any(e->cond, test))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_any(e->args[i], test))
      return true;
  return false;
}

Var *new_var(const char *name, Type *ty, Storage st, Loc loc) {
  Var *v = arena_alloc(sizeof(Var));
  v->name = name;
  v->ty = ty;
  v->storage = st;
  v->loc = loc;
  return v;
}

/* A direct call to the function `name`. */
bool call_named(const Expr *e, const char *name) {
  return e->kind == EX_CALL && !e->lhs && e->text && strcmp(e->text, name) == 0;
}

/* malloc, calloc, realloc, aligned_alloc: fresh memory (realloc: moved). */
bool is_alloc_call(const Expr *e) {
  return call_named(e, "malloc") || call_named(e, "calloc") || call_named(e, "realloc") ||
         call_named(e, "aligned_alloc");
}

Func *program_find_func(Program *p, const char *name) {
  for (int i = 0; i < p->nfuncs; i++)
    if (strcmp(p->funcs[i]->name, name) == 0)
      return p->funcs[i];
  return NULL;
}

/* ------------------------------------------------------------------- dump */

static void indent(FILE *out, int depth) { fprintf(out, "%*s", depth * 2, ""); }

static void dump_type(FILE *out, Type *t) {
  Buf b = {0};
  print_type_decl(&b, t, NULL);
  fprintf(out, "'%s'", b.data ? b.data : "");
  free(b.data);
}

static void dump_expr(FILE *out, Expr *e, int depth);

static void dump_expr_line(FILE *out, Expr *e) {
  fprintf(out, "%s", expr_kind_name[e->kind]);
  if (e->kind == EX_BINARY || e->kind == EX_UNARY || (e->kind == EX_ASSIGN && e->op))
    fprintf(out, " %s", op_spelling[e->op]);
  if (e->kind == EX_VAR)
    fprintf(out, " %s", e->var->name);
  if (e->text)
    fprintf(out, " %s%s", e->arrow ? "->" : "", e->text);
  if (e->implicit)
    fprintf(out, " implicit");
  fprintf(out, " ");
  dump_type(out, e->ty);
  fputc('\n', out);
}

static void dump_expr(FILE *out, Expr *e, int depth) {
  if (!e)
    return;
  indent(out, depth);
  dump_expr_line(out, e);
  dump_expr(out, e->cond, depth + 1);
  dump_expr(out, e->lhs, depth + 1);
  dump_expr(out, e->rhs, depth + 1);
  for (int i = 0; i < e->nargs; i++)
    dump_expr(out, e->args[i], depth + 1);
}

static void dump_var(FILE *out, Var *v) {
  static const char *storage[] = {"local", "static-local", "param", "global", "static-global", "extern"};
  fprintf(out, "%s %s ", storage[v->storage], v->name);
  dump_type(out, v->ty);
  if (v->is_wrt)
    fprintf(out, " wrt");
}

static void dump_stmt(FILE *out, Stmt *s, int depth) {
  if (!s)
    return;
  indent(out, depth);
  fprintf(out, "%s", stmt_kind_name[s->kind]);
  if (s->var) {
    fputc(' ', out);
    dump_var(out, s->var);
  }
  if (s->label)
    fprintf(out, " %s", s->label);
  if (s->text)
    fprintf(out, " %s", s->text);
  fprintf(out, " @%d\n", s->loc.line);
  if (s->var)
    dump_expr(out, s->var->init, depth + 1);
  dump_stmt(out, s->init, depth + 1);
  dump_expr(out, s->expr, depth + 1);
  dump_expr(out, s->cond, depth + 1);
  dump_expr(out, s->step, depth + 1);
  dump_stmt(out, s->then, depth + 1);
  dump_stmt(out, s->els, depth + 1);
  dump_stmt(out, s->body, depth + 1);
  for (int i = 0; i < s->nstmts; i++)
    dump_stmt(out, s->stmts[i], depth + 1);
}

void dump_func(FILE *out, Func *f) {
  fprintf(out, "func %s%s%s returns ", f->name, f->is_static ? " static" : "",
          f->is_diff ? " diff" : "");
  dump_type(out, f->ret);
  fputc('\n', out);
  for (int i = 0; i < f->nparams; i++) {
    indent(out, 1);
    dump_var(out, f->params[i]);
    fputc('\n', out);
  }
  dump_stmt(out, f->body, 1);
}

void dump_program(FILE *out, Program *p) {
  for (int i = 0; i < p->nglobals; i++) {
    fprintf(out, "global ");
    dump_var(out, p->globals[i]);
    fputc('\n', out);
  }
  for (int i = 0; i < p->nfuncs; i++)
    if (p->funcs[i]->body)
      dump_func(out, p->funcs[i]);
}
