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

typedef struct Reader Reader;
struct Reader {
  const char *p;       /* cursor in the formula */
  const char *formula; /* for internal error messages */
  TypeKind kind;       /* precision of the call */
  Type *call_ty;       /* type of the calls the formula makes */
  /* The meaning of a name, and the called name of a function: the math
   * table binds a, b, c, r and constants and renames sin to sinf; the BLAS
   * table binds parameters and renames gemm to cblas_dgemm. */
  Expr *(*bind)(Reader *rd, const char *name);
  const char *(*rename)(Reader *rd, const char *name);
  void *ctx;
};

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

/* f(args), f renamed by the table. */
static Expr *read_call(Reader *rd, const char *name) {
  Vec args = {0};
  if (!accept(rd, ")")) {
    do
      vec_push(&args, read_cond(rd));
    while (accept(rd, ","));
    expect(rd, ")");
  }
  return new_call(rd->rename(rd, name), (Expr **)args.data, args.len, rd->call_ty);
}

static Expr *read_name(Reader *rd) {
  const char *start = rd->p;
  while (isalnum((unsigned char)*rd->p) || *rd->p == '_')
    rd->p++;
  char *name = arena_strndup(start, (size_t)(rd->p - start));
  if (accept(rd, "("))
    return read_call(rd, name);
  Expr *e = rd->bind(rd, name);
  if (!e)
    internal_error(__FILE__, __LINE__, "rule formula '%s': unknown name '%s'", rd->formula, name);
  return e;
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

static Expr *read_formula(Reader *rd) {
  Expr *e = read_cond(rd);
  skip_space(rd);
  if (*rd->p)
    internal_error(__FILE__, __LINE__, "rule formula '%s': trailing '%s'", rd->formula, rd->p);
  return e;
}

/* ------------------------------------------------------ math.h formulas */

typedef struct {
  Expr **args;  /* a, b, c */
  Expr *result; /* r */
} MathNames;

static Expr *math_bind(Reader *rd, const char *name) {
  MathNames *m = rd->ctx;
  if (strlen(name) == 1 && name[0] >= 'a' && name[0] <= 'c')
    return m->args[name[0] - 'a'];
  if (strcmp(name, "r") == 0)
    return m->result;
  const char *digits = constant_digits(name);
  return digits ? new_num(arena_printf("%s%s", digits, suffix(rd->kind)), type_basic(rd->kind)) : NULL;
}

/* sin -> sinf, sinl: the call's precision. */
static const char *math_rename(Reader *rd, const char *name) {
  return rd->kind == TY_FLOAT ? arena_printf("%sf", name) : rd->kind == TY_LDOUBLE ? arena_printf("%sl", name) : name;
}

Expr *math_partial(const MathRule *r, int i, Expr **args, Expr *result, TypeKind kind) {
  const char *f = r->partial[i];
  if (!f || strcmp(f, "0") == 0)
    return NULL;
  MathNames names = {args, result};
  Reader rd = {f, f, kind, type_basic(kind), math_bind, math_rename, &names};
  return read_formula(&rd);
}

/* ------------------------------------------------------------ the BLAS table */

/* The width-1 steps (STEP rows) and the width-K ones (VSTEP rows), each
 * table in row order. */
static BlasStep blas_steps[] = {
#define BLAS(n, ret, params)
#define STEP(n, phase, when, call) {#n, BLAS_##phase, when, call},
#define VSTEP(n, phase, when, call)
#include "blas.def"
#undef BLAS
#undef STEP
#undef VSTEP
};

static BlasStep blas_vsteps[] = {
#define BLAS(n, ret, params)
#define STEP(n, phase, when, call)
#define VSTEP(n, phase, when, call) {#n, BLAS_##phase, when, call},
#include "blas.def"
#undef BLAS
#undef STEP
#undef VSTEP
};

static BlasRule blas_rules[] = {
#define BLAS(n, ret, ps) {.name = #n, .returns = ret, .params = ps},
#define STEP(n, phase, when, call)
#define VSTEP(n, phase, when, call)
#include "blas.def"
#undef BLAS
#undef STEP
#undef VSTEP
};

enum {
  NBLAS = sizeof blas_rules / sizeof blas_rules[0],
  NBLAS_STEPS = sizeof blas_steps / sizeof blas_steps[0],
  NBLAS_VSTEPS = sizeof blas_vsteps / sizeof blas_vsteps[0],
};

/* The consecutive rows of `table` for routine `name`. */
static const BlasStep *find_steps(const BlasStep *table, int n, const char *name, int *count) {
  const BlasStep *first = NULL;
  for (int i = 0; i < n; i++)
    if (strcmp(table[i].routine, name) == 0) {
      if (!first)
        first = &table[i];
      (*count)++;
    }
  return first;
}

/* Split the parameter list ("m n x! incx") and find the rule's steps, once. */
static void blas_load(BlasRule *r) {
  if (r->steps)
    return;
  for (const char *p = r->params; *p;) {
    while (*p == ' ')
      p++;
    const char *start = p;
    while (*p && *p != ' ' && *p != '!')
      p++;
    fg_assert(r->nparams < BLAS_MAX_PARAMS && p - start < (long)sizeof r->param[0]);
    memcpy(r->param[r->nparams], start, (size_t)(p - start));
    r->is_out[r->nparams++] = *p == '!';
    if (*p == '!')
      p++;
  }
  r->steps = find_steps(blas_steps, NBLAS_STEPS, r->name, &r->nsteps);
  r->vsteps = find_steps(blas_vsteps, NBLAS_VSTEPS, r->name, &r->nvsteps);
  fg_assert(r->steps && r->vsteps);
}

/* "cblas_dgemm" -> the gemm rule, *kind = TY_DOUBLE ("cblas_s...": TY_FLOAT). */
const BlasRule *blas_rule(const char *called, TypeKind *kind) {
  if (strncmp(called, "cblas_", 6) != 0 || (called[6] != 'd' && called[6] != 's'))
    return NULL;
  for (int i = 0; i < NBLAS; i++)
    if (strcmp(called + 7, blas_rules[i].name) == 0) {
      *kind = called[6] == 'd' ? TY_DOUBLE : TY_FLOAT;
      blas_load(&blas_rules[i]);
      return &blas_rules[i];
    }
  return NULL;
}

int blas_param_index(const BlasRule *r, const char *name) {
  for (int i = 0; i < r->nparams; i++)
    if (strcmp(r->param[i], name) == 0)
      return i;
  return -1;
}

/* gemm -> cblas_dgemm, fgblas_zero -> fgblas_dzero. */
static const char *blas_rename(Reader *rd, const char *name) {
  char p = rd->kind == TY_FLOAT ? 's' : 'd';
  if (strcmp(name, "fgblas_len") == 0)
    return name;
  if (strncmp(name, "fgblas_", 7) == 0)
    return arena_printf("fgblas_%c%s", p, name + 7);
  return arena_printf("cblas_%c%s", p, name);
}

static Expr *blas_bind(Reader *rd, const char *name) {
  BlasBinder *b = rd->ctx;
  if (strncmp(name, "Cblas", 5) == 0)
    return new_num(name, type_basic(TY_INT));
  return b->bind(b, name);
}

Expr *blas_template(const char *call, TypeKind kind, bool value, BlasBinder *b) {
  Reader rd = {call, call, kind, value ? type_basic(kind) : type_basic(TY_VOID), blas_bind, blas_rename, b};
  return read_formula(&rd);
}
