/*
 * rules.c -- the math.h derivative table (rules.def) and its formula reader.
 *
 * A rule's partial derivatives are small formulas over the arguments a, b, c
 * and the result r. They are parsed into IR on demand, with the arguments
 * bound to pure expressions supplied by the differentiator, and with every
 * math function renamed to the precision of the call (sin -> sinf, sinl).
 */
#include "fgcc_int.h"

#include <ctype.h>
#include <string.h>

static const MathRule rules[] = {
#define MATH1(n, da) {#n, 1, {da, NULL, NULL}},
#define MATH2(n, da, db) {#n, 2, {da, db, NULL}},
#define MATH3(n, da, db, dc) {#n, 3, {da, db, dc}},
#include "rules.def"
#undef MATH1
#undef MATH2
#undef MATH3
};

enum { NRULES = sizeof rules / sizeof rules[0] };

/* The rule for a called name: "exp" (double), "expf" (float), "expl" (long double). */
const MathRule *math_rule(const char *called, TypeKind *kind) {
  size_t n = strlen(called);
  for (int i = 0; i < NRULES; i++) {
    size_t m = strlen(rules[i].name);
    if (n == m && strcmp(called, rules[i].name) == 0) {
      *kind = TY_DOUBLE;
      return &rules[i];
    }
    if (n == m + 1 && strncmp(called, rules[i].name, m) == 0 && (called[m] == 'f' || called[m] == 'l')) {
      *kind = called[m] == 'f' ? TY_FLOAT : TY_LDOUBLE;
      return &rules[i];
    }
  }
  return NULL;
}

/* ----------------------------------------------------- the formula reader */

typedef struct {
  const char *p;       /* cursor in the formula */
  const char *formula; /* for internal error messages */
  Expr **args;         /* a, b, c */
  Expr *result;        /* r */
  TypeKind kind;       /* precision of the call */
} Reader;

static Expr *read_cond(Reader *rd);

static void skip_space(Reader *rd) {
  while (isspace((unsigned char)*rd->p))
    rd->p++;
}

static bool accept(Reader *rd, const char *tok) {
  skip_space(rd);
  size_t n = strlen(tok);
  if (strncmp(rd->p, tok, n) != 0)
    return false;
  rd->p += n;
  return true;
}

static void expect(Reader *rd, const char *tok) {
  if (!accept(rd, tok))
    internal_error(__FILE__, __LINE__, "rule formula '%s': expected '%s' at '%s'", rd->formula, tok, rd->p);
}

static const char *suffix(TypeKind kind) {
  return kind == TY_FLOAT ? "f" : kind == TY_LDOUBLE ? "L" : "";
}

/* Named constants, with enough digits for long double. */
static const char *constant_digits(const char *name) {
  static const struct { const char *name, *digits; } consts[] = {
      {"PI", "3.14159265358979323846264338327950288"},
      {"LN2", "0.693147180559945309417232121458176568"},
      {"LN10", "2.30258509299404568401799145468436421"},
      {"TWO_OVER_SQRTPI", "1.12837916709551257389615890312154517"},
  };
  for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
    if (strcmp(name, consts[i].name) == 0)
      return consts[i].digits;
  return NULL;
}

static Expr *read_number(Reader *rd) {
  const char *start = rd->p;
  while (isdigit((unsigned char)*rd->p) || *rd->p == '.')
    rd->p++;
  char *text = arena_strndup(start, (size_t)(rd->p - start));
  if (!strchr(text, '.'))
    return new_num(text, type_basic(TY_INT));
  return new_num(arena_printf("%s%s", text, suffix(rd->kind)), type_basic(rd->kind));
}

/* f(args) with f renamed to the call's precision. */
static Expr *read_call(Reader *rd, const char *name) {
  Vec args = {0};
  if (!accept(rd, ")")) {
    do
      vec_push(&args, read_cond(rd));
    while (accept(rd, ","));
    expect(rd, ")");
  }
  const char *called = rd->kind == TY_FLOAT ? arena_printf("%sf", name)
                     : rd->kind == TY_LDOUBLE ? arena_printf("%sl", name)
                     : name;
  return new_call(called, (Expr **)args.data, args.len, type_basic(rd->kind));
}

static Expr *read_name(Reader *rd) {
  const char *start = rd->p;
  while (isalnum((unsigned char)*rd->p) || *rd->p == '_')
    rd->p++;
  char *name = arena_strndup(start, (size_t)(rd->p - start));
  if (accept(rd, "("))
    return read_call(rd, name);
  if (strlen(name) == 1 && name[0] >= 'a' && name[0] <= 'c')
    return rd->args[name[0] - 'a'];
  if (strcmp(name, "r") == 0)
    return rd->result;
  const char *digits = constant_digits(name);
  if (!digits)
    internal_error(__FILE__, __LINE__, "rule formula '%s': unknown name '%s'", rd->formula, name);
  return new_num(arena_printf("%s%s", digits, suffix(rd->kind)), type_basic(rd->kind));
}

/* primary = number | name | name "(" args ")" | "(" cond ")" */
static Expr *read_primary(Reader *rd) {
  skip_space(rd);
  if (accept(rd, "(")) {
    Expr *e = read_cond(rd);
    expect(rd, ")");
    return e;
  }
  if (isdigit((unsigned char)*rd->p))
    return read_number(rd);
  if (isalpha((unsigned char)*rd->p))
    return read_name(rd);
  internal_error(__FILE__, __LINE__, "rule formula '%s': unexpected '%s'", rd->formula, rd->p);
}

/* unary = "-" unary | primary */
static Expr *read_unary(Reader *rd) {
  if (accept(rd, "-")) {
    Expr *e = read_unary(rd);
    return new_unary(OP_NEG, e, e->ty);
  }
  return read_primary(rd);
}

/* The type of a + b: the wider floating type, int if both are int. */
static Type *arith_type(Expr *l, Expr *r) {
  if (type_is_float(l->ty) && type_is_float(r->ty))
    return l->ty->kind >= r->ty->kind ? l->ty : r->ty;
  return type_is_float(l->ty) ? l->ty : r->ty;
}

/* mul = unary (("*" | "/") unary)* */
static Expr *read_mul(Reader *rd) {
  Expr *e = read_unary(rd);
  for (;;) {
    Op op = accept(rd, "*") ? OP_MUL : accept(rd, "/") ? OP_DIV : OP_NONE;
    if (op == OP_NONE)
      return e;
    Expr *r = read_unary(rd);
    e = new_binary(op, e, r, arith_type(e, r));
  }
}

/* add = mul (("+" | "-") mul)* */
static Expr *read_add(Reader *rd) {
  Expr *e = read_mul(rd);
  for (;;) {
    Op op = accept(rd, "+") ? OP_ADD : accept(rd, "-") ? OP_SUB : OP_NONE;
    if (op == OP_NONE)
      return e;
    Expr *r = read_mul(rd);
    e = new_binary(op, e, r, arith_type(e, r));
  }
}

/* cmp = add (("<=" | ">=" | "==" | "!=" | "<" | ">") add)? */
static Expr *read_cmp(Reader *rd) {
  static const struct { const char *tok; Op op; } ops[] = {
      {"<=", OP_LE}, {">=", OP_GE}, {"==", OP_EQ}, {"!=", OP_NE}, {"<", OP_LT}, {">", OP_GT},
  };
  Expr *e = read_add(rd);
  for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++)
    if (accept(rd, ops[i].tok))
      return new_binary(ops[i].op, e, read_add(rd), type_basic(TY_INT));
  return e;
}

/* cond = cmp ("?" cond ":" cond)? ; the result has the call's precision */
static Expr *read_cond(Reader *rd) {
  Expr *c = read_cmp(rd);
  if (!accept(rd, "?"))
    return c;
  Expr *e = new_expr(EX_COND, type_basic(rd->kind), c->loc);
  e->cond = c;
  e->lhs = read_cond(rd);
  expect(rd, ":");
  e->rhs = read_cond(rd);
  return e;
}

Expr *math_partial(const MathRule *r, int i, Expr **args, Expr *result, TypeKind kind) {
  const char *f = r->partial[i];
  if (!f || strcmp(f, "0") == 0)
    return NULL;
  Reader rd = {f, f, args, result, kind};
  Expr *e = read_cond(&rd);
  skip_space(&rd);
  if (*rd.p)
    internal_error(__FILE__, __LINE__, "rule formula '%s': trailing '%s'", f, rd.p);
  return e;
}
