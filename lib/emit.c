/*
 * emit.c -- IR -> C text.
 *
 * The output file is the main file as the user wrote it, minus every body
 * that would be defined twice: a non-static function becomes its prototype
 * and a non-static global an `extern` declaration, so out.c links beside the
 * original object file. Static helpers and static globals are copied only
 * when the emitted code needs them (found by walking the IR), because an
 * unused static draws -Wunused warnings. Then come the tangents of active
 * globals and the tangent functions (Variant.out), printed from the IR.
 *
 * The printers are shared with --dump: print_type_decl() spells any C
 * declarator, print_expr() prints with the fewest parentheses C precedence
 * needs, plus the few that gcc and clang ask for under -Wall (-Wparentheses).
 */
#include "fgcc_int.h"

#include <stdlib.h>
#include <string.h>

/* ============================================================ declarators */

static const char *basic_spelling(TypeKind k) {
  switch (k) {
  case TY_VOID: return "void";
  case TY_BOOL: return "_Bool";
  case TY_INT: return "int";
  case TY_FLOAT: return "float";
  case TY_DOUBLE: return "double";
  case TY_LDOUBLE: return "long double";
  default: return NULL;
  }
}

/* "const volatile restrict" (the ones that are set), or "". */
static const char *quals_of(const Type *t) {
  return arena_printf("%s%s%s%s%s", t->is_const ? "const" : "",
                      t->is_const && (t->is_volatile || t->is_restrict) ? " " : "",
                      t->is_volatile ? "volatile" : "",
                      t->is_volatile && t->is_restrict ? " " : "",
                      t->is_restrict ? "restrict" : "");
}

/* A leaf is spelled by name; only unnamed pointers, arrays and functions
 * are taken apart into a declarator. */
static bool is_leaf(const Type *t) {
  return t->name || (t->kind != TY_PTR && t->kind != TY_ARRAY && t->kind != TY_FUNC);
}

/* Anonymous struct/union types printed so far: they cannot be spelled,
 * and emit_program() refuses to write output that contains one (the dump
 * prints them silently). */
static int anonymous_printed;

/* An anonymous struct or union is spelled with its body:
 * "struct { double a; int n; }" (bit-field widths are not kept). */
static const char *anonymous_spelling(const Type *t) {
  Buf b = {0};
  const char *q = quals_of(t);
  buf_printf(&b, "%s%s%s {", q, *q ? " " : "", t->kind == TY_STRUCT ? "struct" : "union");
  if (t->incomplete || t->nfields == 0)
    anonymous_printed++;
  for (int i = 0; i < t->nfields; i++) {
    buf_puts(&b, " ");
    print_type_decl(&b, t->fields[i].ty, t->fields[i].name);
    buf_puts(&b, ";");
  }
  buf_puts(&b, " }");
  const char *r = arena_strdup(b.data);
  free(b.data);
  return r;
}

/* The specifiers of a leaf type: "const double", "struct S". */
static const char *leaf_spelling(const Type *t) {
  const char *name = t->name ? t->name : basic_spelling(t->kind);
  if (!name && (t->kind == TY_STRUCT || t->kind == TY_UNION))
    return anonymous_spelling(t);
  if (!name)
    internal_error(__FILE__, __LINE__, "type of kind %d has no spelling", t->kind);
  const char *q = quals_of(t);
  return *q ? arena_printf("%s %s", q, name) : name;
}

/* A pointer declarator must be parenthesised before a suffix binds to it:
 * "(*p)[3]", "(*fp)(double)". */
static const char *wrap_pointer(const char *d) {
  return d[0] == '*' ? arena_printf("(%s)", d) : d;
}

/* "*p", "*const p", "*restrict". */
static const char *pointer_decl(const Type *t, const char *d) {
  const char *q = quals_of(t);
  if (!*q)
    return arena_printf("*%s", d);
  return arena_printf("*%s%s%s", q, *d ? " " : "", d);
}

static const char *array_suffix(const Type *t) {
  if (t->vla_len) {
    Buf b = {0};
    print_expr(&b, t->vla_len);
    const char *s = arena_printf("[%s]", b.data);
    free(b.data);
    return s;
  }
  if (t->array_len < 0)
    return "[]";
  return arena_printf("[%ld]", t->array_len);
}

/* "(double, int)", "(void)", "(const char *, ...)", "()" for no prototype. */
static const char *params_suffix(const Type *t) {
  if (t->nparams == 0)
    return t->no_proto ? "()" : "(void)";
  Buf b = {0};
  buf_puts(&b, "(");
  for (int i = 0; i < t->nparams; i++) {
    if (i)
      buf_puts(&b, ", ");
    print_type_decl(&b, t->params[i], NULL);
  }
  buf_puts(&b, t->is_variadic ? ", ...)" : ")");
  const char *s = arena_strdup(b.data);
  free(b.data);
  return s;
}

/* Qualifiers on an array type belong to its elements. */
static Type *array_element(const Type *t) {
  Type *e = t->base;
  if (!t->is_const && !t->is_volatile && !t->is_restrict)
    return e;
  Type *q = arena_alloc(sizeof(Type));
  *q = *e;
  q->is_const |= t->is_const;
  q->is_volatile |= t->is_volatile;
  q->is_restrict |= t->is_restrict;
  return q;
}

/* The declarator of `name` with type t, built inside out: a pointer
 * prefixes "*", an array or function suffixes "[n]" or "(params)". Returns
 * it and sets *leaf to the type left for the specifiers. */
static const char *declarator(Type *t, const char *name, Type **leaf) {
  const char *d = name ? name : "";
  while (!is_leaf(t)) {
    fg_assert(t->base);
    if (t->kind == TY_PTR) {
      d = pointer_decl(t, d);
      t = t->base;
    } else if (t->kind == TY_ARRAY) {
      d = arena_printf("%s%s", wrap_pointer(d), array_suffix(t));
      t = array_element(t);
    } else {
      d = arena_printf("%s%s", wrap_pointer(d), params_suffix(t));
      t = t->base;
    }
  }
  *leaf = t;
  return d;
}

/* A declaration split in two: *spec gets the specifiers, the declarator is
 * returned ("" when abstract and nothing is derived). */
static const char *decl_parts(Type *t, const char *name, const char **spec) {
  Type *leaf;
  const char *d = declarator(t, name, &leaf);
  *spec = leaf_spelling(leaf);
  return d;
}

/* Can t be written in C? Not if it derives from an anonymous struct. */
static bool type_spellable(Type *t) {
  while (!is_leaf(t)) {
    for (int i = 0; i < (t->kind == TY_FUNC ? t->nparams : 0); i++)
      if (!type_spellable(t->params[i]))
        return false;
    t = t->base;
  }
  return t->name || (t->kind != TY_STRUCT && t->kind != TY_UNION) || t->nfields > 0;
}

/* Report a variable whose type has no name the output could use. */
static bool check_spellable(Var *v) {
  if (type_spellable(v->ty))
    return true;
  error_at(v->loc, "the type of '%s' is an anonymous struct or union, which the generated "
                   "code cannot name; give it a tag or a typedef name", v->name);
  return false;
}

void print_type_decl(Buf *b, Type *t, const char *name) {
  fg_assert(t);
  const char *spec;
  const char *d = decl_parts(t, name, &spec);
  buf_puts(b, spec);
  if (*d)
    buf_printf(b, " %s", d);
}

/* ============================================================ expressions */

/* C precedence levels, loosest first. */
enum {
  PREC_COMMA = 1,
  PREC_ASSIGN,
  PREC_COND,
  PREC_LOGOR,
  PREC_LOGAND,
  PREC_BITOR,
  PREC_BITXOR,
  PREC_BITAND,
  PREC_EQ,
  PREC_REL,
  PREC_SHIFT,
  PREC_ADD,
  PREC_MUL,
  PREC_UNARY,
  PREC_POSTFIX,
  PREC_PRIMARY,
};

static int binary_prec(Op op) {
  switch (op) {
  case OP_MUL: case OP_DIV: case OP_MOD: return PREC_MUL;
  case OP_ADD: case OP_SUB: return PREC_ADD;
  case OP_SHL: case OP_SHR: return PREC_SHIFT;
  case OP_LT: case OP_GT: case OP_LE: case OP_GE: return PREC_REL;
  case OP_EQ: case OP_NE: return PREC_EQ;
  case OP_BITAND: return PREC_BITAND;
  case OP_BITXOR: return PREC_BITXOR;
  case OP_BITOR: return PREC_BITOR;
  case OP_LOGAND: return PREC_LOGAND;
  case OP_LOGOR: return PREC_LOGOR;
  default: internal_error(__FILE__, __LINE__, "not a binary operator: %d", op);
  }
}

/* Implicit conversions are not printed: C re-applies them. */
static Expr *strip_implicit(Expr *e) {
  while (e->kind == EX_CAST && e->implicit)
    e = e->lhs;
  return e;
}

static bool is_ident_char(char c) {
  return c == '_' || c == '.' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z');
}

/* Verbatim text binds like a primary when it is one token, like a postfix
 * expression when it is "name(...)" with balanced parentheses, and
 * otherwise gets parentheses wherever it is an operand. */
static int text_prec(const char *s) {
  const char *p = s;
  while (is_ident_char(*p))
    p++;
  if (!*p)
    return p == s ? PREC_COMMA : PREC_PRIMARY;
  if (p == s || *p != '(')
    return PREC_COMMA;
  int depth = 0;
  for (; *p; p++) {
    if (*p == '(')
      depth++;
    else if (*p == ')' && --depth == 0)
      return p[1] ? PREC_COMMA : PREC_POSTFIX;
  }
  return PREC_COMMA;
}

static int expr_prec(Expr *e) {
  switch (e->kind) {
  case EX_NUM:
    return e->text[0] == '-' || e->text[0] == '+' ? PREC_UNARY : PREC_PRIMARY;
  case EX_STR: case EX_VAR: case EX_NAME: case EX_INIT:
    return PREC_PRIMARY;
  case EX_TEXT:
    return text_prec(e->text);
  case EX_UNARY: case EX_ADDR: case EX_DEREF: case EX_PREINC: case EX_PREDEC:
  case EX_CAST: case EX_SIZEOF: case EX_ALIGNOF:
    return PREC_UNARY;
  case EX_POSTINC: case EX_POSTDEC: case EX_CALL: case EX_INDEX: case EX_MEMBER:
  case EX_COMPOUND:
    return PREC_POSTFIX;
  case EX_BINARY: return binary_prec(e->op);
  case EX_COND: return PREC_COND;
  case EX_ASSIGN: return PREC_ASSIGN;
  case EX_COMMA: return PREC_COMMA;
  }
  unreachable();
}

static void print_prec(Buf *b, Expr *e, int min);

static bool is_comparison(Op op) { return op >= OP_LT && op <= OP_NE; }
static bool is_bitwise(Op op) { return op == OP_BITAND || op == OP_BITOR || op == OP_BITXOR; }

/* Parentheses C does not need but -Wparentheses asks for, and a reader
 * wants: a && b inside ||, a + b inside a shift, anything tighter inside a
 * bitwise operator, a comparison inside a comparison, (!a) == b. */
static bool wants_clarity(Op parent, Expr *child, bool is_lhs) {
  if (child->kind == EX_UNARY && child->op == OP_NOT)
    return (is_lhs && is_comparison(parent)) || is_bitwise(parent);
  if (child->kind != EX_BINARY)
    return false;
  Op c = child->op;
  if (is_comparison(parent))
    return is_comparison(c);
  if (c == parent)
    return false;
  if (parent == OP_LOGOR)
    return c == OP_LOGAND;
  if (parent == OP_SHL || parent == OP_SHR)
    return c == OP_ADD || c == OP_SUB;
  if (is_bitwise(parent))
    return binary_prec(c) > binary_prec(parent);
  return false;
}

/* An arithmetic or bitwise condition of ?: reads (and -Wparentheses
 * wants it) parenthesised: (n % 2) ? a : b. */
static bool is_arith_cond(Expr *e) {
  e = strip_implicit(e);
  return e->kind == EX_BINARY && binary_prec(e->op) >= PREC_BITOR;
}

static void print_operand(Buf *b, Op parent, Expr *e, int min, bool is_lhs) {
  if (wants_clarity(parent, strip_implicit(e), is_lhs))
    min = PREC_PRIMARY;
  print_prec(b, e, min);
}

/* lhs op rhs: left associative, so the right operand binds one tighter. */
static void print_binary(Buf *b, Expr *e) {
  int p = binary_prec(e->op);
  print_operand(b, e->op, e->lhs, p, true);
  buf_printf(b, " %s ", op_spelling[e->op]);
  print_operand(b, e->op, e->rhs, p + 1, false);
}

/* A prefix operator. "- -x" would read as "--x": an operand starting with
 * the operator's own character gets parentheses, -(-x). */
static void print_prefix(Buf *b, const char *op, Expr *operand) {
  Buf t = {0};
  print_prec(&t, operand, PREC_UNARY);
  char last = op[strlen(op) - 1];
  bool glue = (last == '-' || last == '+' || last == '&') && t.data[0] == last;
  buf_printf(b, glue ? "%s(%s)" : "%s%s", op, t.data);
  free(t.data);
}

static void print_postfix(Buf *b, Expr *operand, const char *op) {
  print_prec(b, operand, PREC_POSTFIX);
  buf_puts(b, op);
}

/* Each argument is an assignment-expression: a comma expression needs
 * parentheses. */
static void print_args(Buf *b, Expr **args, int n) {
  for (int i = 0; i < n; i++) {
    if (i)
      buf_puts(b, ", ");
    print_prec(b, args[i], PREC_ASSIGN);
  }
}

static void print_call(Buf *b, Expr *e) {
  if (e->text)
    buf_puts(b, e->text);
  else if (e->fn)
    buf_puts(b, e->fn->name);
  else
    print_prec(b, e->lhs, PREC_POSTFIX);
  buf_puts(b, "(");
  print_args(b, e->args, e->nargs);
  buf_puts(b, ")");
}

/* cond ? lhs : rhs. The middle operand could be a comma expression, but
 * reads better in parentheses; the right one nests to the right. */
static void print_cond(Buf *b, Expr *e) {
  print_prec(b, e->cond, is_arith_cond(e->cond) ? PREC_PRIMARY : PREC_LOGOR);
  buf_puts(b, " ? ");
  print_prec(b, e->lhs, PREC_ASSIGN);
  buf_puts(b, " : ");
  print_prec(b, e->rhs, PREC_COND);
}

static void print_init(Buf *b, Expr *e) {
  fg_assert(e->kind == EX_INIT);
  if (e->nargs == 0) { /* "{}" is not C11 */
    buf_puts(b, "{0}");
    return;
  }
  buf_puts(b, "{");
  print_args(b, e->args, e->nargs);
  buf_puts(b, "}");
}

/* s.x, p->x. A hop through an anonymous struct/union member (text NULL)
 * is not written: C reaches its fields directly, p->x for p->(anon).x. */
static void print_member(Buf *b, Expr *e) {
  fg_assert(e->text);
  Expr *base = strip_implicit(e->lhs);
  bool arrow = e->arrow;
  while (base->kind == EX_MEMBER && !base->text) {
    arrow = base->arrow;
    base = strip_implicit(base->lhs);
  }
  print_prec(b, base, PREC_POSTFIX);
  buf_printf(b, "%s%s", arrow ? "->" : ".", e->text);
}

static void print_type_paren(Buf *b, const char *before, Type *t) {
  buf_puts(b, before);
  print_type_decl(b, t, NULL);
  buf_puts(b, ")");
}

static void print_sizeof(Buf *b, Expr *e) {
  if (e->cast_ty) {
    print_type_paren(b, "sizeof(", e->cast_ty);
    return;
  }
  buf_puts(b, "sizeof(");
  print_prec(b, e->lhs, PREC_COMMA);
  buf_puts(b, ")");
}

/* The node itself, its operands at the precedence each position needs. */
static void print_node(Buf *b, Expr *e) {
  switch (e->kind) {
  case EX_NUM: case EX_STR: case EX_NAME: case EX_TEXT: buf_puts(b, e->text); return;
  case EX_VAR: buf_puts(b, e->var->name); return;
  case EX_UNARY: print_prefix(b, op_spelling[e->op], e->lhs); return;
  case EX_ADDR: print_prefix(b, "&", e->lhs); return;
  case EX_DEREF: print_prefix(b, "*", e->lhs); return;
  case EX_PREINC: print_prefix(b, "++", e->lhs); return;
  case EX_PREDEC: print_prefix(b, "--", e->lhs); return;
  case EX_POSTINC: print_postfix(b, e->lhs, "++"); return;
  case EX_POSTDEC: print_postfix(b, e->lhs, "--"); return;
  case EX_BINARY: print_binary(b, e); return;
  case EX_ASSIGN:
    print_prec(b, e->lhs, PREC_UNARY);
    buf_printf(b, " %s= ", op_spelling[e->op]);
    print_prec(b, e->rhs, PREC_ASSIGN);
    return;
  case EX_COND: print_cond(b, e); return;
  case EX_COMMA:
    print_prec(b, e->lhs, PREC_COMMA);
    buf_puts(b, ", ");
    print_prec(b, e->rhs, PREC_ASSIGN);
    return;
  case EX_CALL: print_call(b, e); return;
  case EX_INDEX:
    print_prec(b, e->lhs, PREC_POSTFIX);
    buf_puts(b, "[");
    print_prec(b, e->rhs, PREC_COMMA);
    buf_puts(b, "]");
    return;
  case EX_MEMBER: print_member(b, e); return;
  case EX_CAST:
    print_type_paren(b, "(", e->cast_ty ? e->cast_ty : e->ty);
    print_prec(b, e->lhs, PREC_UNARY);
    return;
  case EX_SIZEOF: print_sizeof(b, e); return;
  case EX_ALIGNOF: print_type_paren(b, "_Alignof(", e->cast_ty); return;
  case EX_INIT: print_init(b, e); return;
  case EX_COMPOUND:
    print_type_paren(b, "(", e->cast_ty ? e->cast_ty : e->ty);
    print_init(b, e->lhs);
    return;
  }
  unreachable();
}

/* e in a position that needs precedence `min` or tighter. */
static void print_prec(Buf *b, Expr *e, int min) {
  fg_assert(e);
  e = strip_implicit(e);
  bool paren = expr_prec(e) < min;
  if (paren)
    buf_puts(b, "(");
  print_node(b, e);
  if (paren)
    buf_puts(b, ")");
}

void print_expr(Buf *b, Expr *e) { print_prec(b, e, PREC_COMMA); }

/* ============================================================= statements */

typedef struct {
  Buf *b;
  bool lines;            /* --line-directives */
  const char *line_file; /* the last #line printed */
  int line_no;
  size_t line_pos;      /* output length when line_no was last brought up to date */
  bool aligned_vectors; /* vector locals declared at their natural alignment (OpenMP, below) */
} Emitter;

/* Indentation stops growing at this depth: 5000 nested ifs would
 * otherwise print 5000 * 5000 * 4 / 2 = 50 MB of spaces. */
#define MAX_INDENT 40

static void indent(Emitter *E, int depth) {
  for (int i = 0; i < depth && i < MAX_INDENT; i++)
    buf_puts(E->b, "    ");
}

/* #line N "file" before a statement that comes from another source line. */
static void line_directive(Emitter *E, Loc loc) {
  if (!E->lines || !loc.file || loc.line <= 0)
    return;
  if (E->line_file) { /* the line the compiler will presume here */
    for (size_t i = E->line_pos; i < E->b->len; i++)
      E->line_no += E->b->data[i] == '\n';
    E->line_pos = E->b->len;
  }
  if (E->line_file && loc.line == E->line_no && strcmp(loc.file, E->line_file) == 0)
    return;
  buf_printf(E->b, "#line %d \"", loc.line);
  for (const char *p = loc.file; *p; p++)
    buf_printf(E->b, *p == '\\' || *p == '"' ? "\\%c" : "%c", *p);
  buf_puts(E->b, "\"\n");
  E->line_file = loc.file;
  E->line_no = loc.line;
  E->line_pos = E->b->len;
}

/* A condition: an assignment used as a truth value gets the extra
 * parentheses that say it is meant. */
static void print_truth(Buf *b, Expr *e) {
  if (strip_implicit(e)->kind == EX_ASSIGN) {
    buf_puts(b, "(");
    print_expr(b, e);
    buf_puts(b, ")");
    return;
  }
  print_expr(b, e);
}

static const char *storage_prefix(Var *v) {
  const char *tls = v->is_thread_local ? "_Thread_local " : "";
  if (v->storage == VAR_STATIC_LOCAL || v->storage == VAR_STATIC_GLOBAL)
    return arena_printf("static %s", tls);
  if (v->storage == VAR_EXTERN)
    return arena_printf("extern %s", tls);
  return tls;
}

/* "T name = init" without storage class or semicolon. */
static void print_var_init(Buf *b, Var *v) {
  if (v->init) {
    buf_puts(b, " = ");
    print_prec(b, v->init, PREC_ASSIGN);
  }
}

static void print_var_decl(Buf *b, Var *v) {
  print_type_decl(b, v->ty, v->name);
  print_var_init(b, v);
}

static void print_stmt(Emitter *E, Stmt *s, int depth);

static bool is_case_label(Stmt *s) { return s->kind == ST_CASE || s->kind == ST_DEFAULT; }

/* Can control run off the end of this statement into the next case label?
 * (Then out.c keeps the fall-through marker gcc's -Wimplicit-fallthrough
 * expects, as the original had to.) */
static bool may_fall_through(Stmt *s) {
  switch (s->kind) {
  case ST_BREAK: case ST_CONTINUE: case ST_RETURN: case ST_GOTO:
    return false;
  case ST_CASE: case ST_DEFAULT: case ST_LABEL:
    return s->body && s->body->kind != ST_NULL && may_fall_through(s->body);
  case ST_BLOCK:
    return s->nstmts == 0 || may_fall_through(s->stmts[s->nstmts - 1]);
  default:
    return true;
  }
}

/* The statements of a body, one level in: a block's contents, or the one
 * statement. Bodies are always braced by the caller. */
static void print_body(Emitter *E, Stmt *s, int depth) {
  if (!s)
    return;
  if (s->kind != ST_BLOCK) {
    print_stmt(E, s, depth);
    return;
  }
  for (int i = 0; i < s->nstmts; i++) {
    if (i > 0 && is_case_label(s->stmts[i]) && may_fall_through(s->stmts[i - 1])) {
      indent(E, depth);
      buf_puts(E->b, "/* fall through */\n");
    }
    print_stmt(E, s->stmts[i], depth);
  }
}

/* " {" and the body; the caller closes the brace. */
static void open_body(Emitter *E, Stmt *body, int depth) {
  buf_puts(E->b, " {\n");
  print_body(E, body, depth + 1);
}

/* "head {" body "}" */
static void print_braced(Emitter *E, Stmt *body, int depth) {
  open_body(E, body, depth);
  indent(E, depth);
  buf_puts(E->b, "}");
}

/* if / else if / else. A #line for an else-if goes before its "}" line. */
static void print_if(Emitter *E, Stmt *s, int depth) {
  indent(E, depth);
  buf_puts(E->b, "if (");
  print_truth(E->b, s->expr);
  buf_puts(E->b, ")");
  open_body(E, s->then, depth);
  while (s->els && s->els->kind == ST_IF) {
    s = s->els;
    line_directive(E, s->loc);
    indent(E, depth);
    buf_puts(E->b, "} else if (");
    print_truth(E->b, s->expr);
    buf_puts(E->b, ")");
    open_body(E, s->then, depth);
  }
  if (s->els) {
    indent(E, depth);
    buf_puts(E->b, "} else");
    open_body(E, s->els, depth);
  }
  indent(E, depth);
  buf_puts(E->b, "}\n");
}

/* "int i = 0, *p = q": one declaration list; the differentiator hoists
 * declarations that do not share their specifiers. */
static void print_for_decls(Buf *b, Stmt *blk) {
  const char *first_spec = NULL;
  for (int i = 0; i < blk->nstmts; i++) {
    Stmt *d = blk->stmts[i];
    fg_assert(d->kind == ST_DECL && d->var->storage == VAR_LOCAL);
    const char *spec;
    const char *decl = decl_parts(d->var->ty, d->var->name, &spec);
    if (!first_spec) {
      first_spec = spec;
      buf_printf(b, "%s %s", spec, decl);
    } else {
      fg_assert(strcmp(spec, first_spec) == 0);
      buf_printf(b, ", %s", decl);
    }
    if (d->var->init) {
      buf_puts(b, " = ");
      print_prec(b, d->var->init, PREC_ASSIGN);
    }
  }
}

static void print_for_init(Buf *b, Stmt *init) {
  if (!init || init->kind == ST_NULL)
    return;
  if (init->kind == ST_EXPR) {
    if (init->expr)
      print_expr(b, init->expr);
  } else if (init->kind == ST_DECL) {
    fg_assert(init->var->storage == VAR_LOCAL);
    print_var_decl(b, init->var);
  } else {
    fg_assert(init->kind == ST_BLOCK);
    print_for_decls(b, init);
  }
}

static void print_for(Emitter *E, Stmt *s, int depth) {
  indent(E, depth);
  buf_puts(E->b, "for (");
  print_for_init(E->b, s->init);
  buf_puts(E->b, ";");
  if (s->cond) {
    buf_puts(E->b, " ");
    print_truth(E->b, s->cond);
  }
  buf_puts(E->b, ";");
  if (s->step) {
    buf_puts(E->b, " ");
    print_expr(E->b, s->step);
  }
  buf_puts(E->b, ")");
  print_braced(E, s->body, depth);
  buf_puts(E->b, "\n");
}

/* "keyword (expr) { body }", for while and switch. */
static void print_keyword_body(Emitter *E, const char *kw, Stmt *s, int depth) {
  indent(E, depth);
  buf_printf(E->b, "%s (", kw);
  if (s->kind == ST_WHILE)
    print_truth(E->b, s->expr);
  else
    print_expr(E->b, s->expr);
  buf_puts(E->b, ")");
  print_braced(E, s->body, depth);
  buf_puts(E->b, "\n");
}

static void print_do(Emitter *E, Stmt *s, int depth) {
  indent(E, depth);
  buf_puts(E->b, "do");
  print_braced(E, s->body, depth);
  buf_puts(E->b, " while (");
  print_truth(E->b, s->expr);
  buf_puts(E->b, ");\n");
}

/* What follows "label:" or "case x:". C11 allows no declaration right
 * after a label, so one gets an empty statement first. */
static void print_labelled(Emitter *E, Stmt *body, int depth) {
  if (!body || body->kind == ST_NULL) {
    buf_puts(E->b, ";\n");
    return;
  }
  buf_puts(E->b, body->kind == ST_DECL ? ";\n" : "\n");
  print_stmt(E, body, depth);
}

/* The vector types are aligned(element) to view interleaved arrays; clang
 * loses that reduced alignment on a variable an OpenMP region captures and
 * loads it with aligned instructions (a crash). Locals of vector type in a
 * program with directives are declared at the vector's natural alignment. */
static void print_vector_alignment(Emitter *E, Var *v) {
  Type *t = v->ty;
  while (t->kind == TY_ARRAY)
    t = t->base;
  if (E->aligned_vectors && v->storage == VAR_LOCAL && t->width > 1 && t->kind != TY_STRUCT)
    buf_printf(E->b, " __attribute__((aligned(%d)))", t->width * (t->kind == TY_FLOAT ? 4 : 8));
}

static void print_decl(Emitter *E, Stmt *s, int depth) {
  indent(E, depth);
  buf_puts(E->b, storage_prefix(s->var));
  print_type_decl(E->b, s->var->ty, s->var->name);
  print_vector_alignment(E, s->var);
  print_var_init(E->b, s->var);
  buf_puts(E->b, ";\n");
}

static void print_simple(Emitter *E, Stmt *s, int depth) {
  indent(E, depth);
  switch (s->kind) {
  case ST_EXPR: print_expr(E->b, s->expr); buf_puts(E->b, ";\n"); return;
  case ST_BREAK: buf_puts(E->b, "break;\n"); return;
  case ST_CONTINUE: buf_puts(E->b, "continue;\n"); return;
  case ST_GOTO: buf_printf(E->b, "goto %s;\n", s->label); return;
  case ST_NULL: buf_puts(E->b, ";\n"); return;
  case ST_TEXT: buf_printf(E->b, "%s\n", s->text); return;
  case ST_RETURN:
    buf_puts(E->b, "return");
    if (s->expr) {
      buf_puts(E->b, " ");
      print_expr(E->b, s->expr);
    }
    buf_puts(E->b, ";\n");
    return;
  default: unreachable();
  }
}

static void print_stmt(Emitter *E, Stmt *s, int depth) {
  line_directive(E, s->loc);
  switch (s->kind) {
  case ST_DECL: print_decl(E, s, depth); return;
  case ST_BLOCK:
    indent(E, depth);
    buf_puts(E->b, "{\n");
    print_body(E, s, depth + 1);
    indent(E, depth);
    buf_puts(E->b, "}\n");
    return;
  case ST_IF: print_if(E, s, depth); return;
  case ST_FOR: print_for(E, s, depth); return;
  case ST_WHILE: print_keyword_body(E, "while", s, depth); return;
  case ST_SWITCH: print_keyword_body(E, "switch", s, depth); return;
  case ST_DO: print_do(E, s, depth); return;
  case ST_CASE: /* labels sit one level out of the statements they mark */
    indent(E, depth > 0 ? depth - 1 : 0);
    buf_puts(E->b, "case ");
    print_expr(E->b, s->expr);
    buf_puts(E->b, ":");
    print_labelled(E, s->body, depth);
    return;
  case ST_DEFAULT:
    indent(E, depth > 0 ? depth - 1 : 0);
    buf_puts(E->b, "default:");
    print_labelled(E, s->body, depth);
    return;
  case ST_LABEL: /* column 0 */
    buf_printf(E->b, "%s:", s->label);
    print_labelled(E, s->body, depth);
    return;
  case ST_OMP: /* the directive, then the statement it applies to */
    indent(E, depth);
    buf_printf(E->b, "#pragma omp %s\n", s->text);
    if (s->body)
      print_stmt(E, s->body, depth);
    return;
  default: print_simple(E, s, depth); return;
  }
}

/* ============================================================== functions */

/* "static double f(double x, int n)": the return type wraps the name and
 * parameter list like any declarator, so functions returning pointers to
 * arrays or functions come out right. */
/* The type a K&R definition really receives an argument as (the default
 * argument promotions): its prototype must say so to stay compatible. */
static Type *promoted(Type *t) {
  static const char *narrow[] = {"char", "signed char", "unsigned char", "short", "short int",
                                 "unsigned short", "unsigned short int", "signed short", "_Bool"};
  if (t->kind == TY_FLOAT)
    return type_basic(TY_DOUBLE);
  for (size_t i = 0; t->name && (t->kind == TY_INT || t->kind == TY_BOOL) && i < sizeof narrow / sizeof *narrow; i++)
    if (strcmp(t->name, narrow[i]) == 0)
      return type_basic(TY_INT);
  return t;
}

static void print_signature(Buf *b, Func *f) {
  if (f->is_static)
    buf_puts(b, "static ");
  if (f->is_inline)
    buf_puts(b, "inline ");
  Buf params = {0};
  buf_puts(&params, "");
  for (int i = 0; i < f->nparams; i++) {
    if (i)
      buf_puts(&params, ", ");
    print_type_decl(&params, f->knr ? promoted(f->params[i]->ty) : f->params[i]->ty, f->params[i]->name);
  }
  if (f->is_variadic && f->nparams > 0) /* C11 has no "(...)" */
    buf_puts(&params, ", ...");
  if (f->nparams == 0)
    buf_puts(&params, "void");
  print_type_decl(b, f->ret, arena_printf("%s(%s)", f->name, params.data));
  free(params.data);
}

static void print_func_def(Emitter *E, Func *f) {
  fg_assert(f->body);
  print_signature(E->b, f);
  buf_puts(E->b, "\n{\n");
  print_body(E, f->body, 1);
  buf_puts(E->b, "}\n");
}

/* ============================================== what the emitted code needs */

/* The functions and globals the emitted code refers to, transitively
 * through the static functions and static globals that get copied.
 * Functions are tracked by name: C has one function per name in a
 * translation unit, whichever Func object (prototype, definition, tangent)
 * an expression points to. */
typedef struct {
  Program *p;
  Analysis *a;
  StrMap func_names; /* needed functions */
  Vec work;          /* static functions whose bodies are still to walk */
  bool *globals;     /* by Program.globals id */
  StrMap var_names;  /* names of every variable referenced */
  StrMap bodies;     /* static functions with a body, by name: a Vec of Func */
} Needed;

static void add_body(Needed *N, Func *f) {
  if (!f || !f->body || !f->is_static)
    return;
  Vec *v = strmap_get(&N->bodies, f->name);
  if (!v) {
    v = arena_alloc(sizeof(Vec));
    strmap_put(&N->bodies, f->name, v);
  }
  vec_push(v, f);
}

/* A static body under a needed name is copied or emitted: walk it too. */
static void need_name(Needed *N, const char *name) {
  if (!name || strmap_get(&N->func_names, name))
    return;
  strmap_put(&N->func_names, name, (void *)name);
  Vec *v = strmap_get(&N->bodies, name);
  for (int i = 0; v && i < v->len; i++)
    vec_push(&N->work, v->data[i]);
}

static int global_id(Program *p, Var *v) {
  if (v->id >= 0 && v->id < p->nglobals && p->globals[v->id] == v)
    return v->id;
  for (int i = 0; i < p->nglobals; i++)
    if (p->globals[i] == v)
      return i;
  return -1;
}

static void walk_expr(Needed *N, Expr *e);
static void walk_stmt(Needed *N, Stmt *s);

/* Types can hold expressions: VLA lengths. */
static void walk_type(Needed *N, Type *t) {
  for (; t && !t->name; t = t->base) {
    walk_expr(N, t->vla_len);
    for (int i = 0; i < t->nparams; i++)
      walk_type(N, t->params[i]);
  }
}

static void need_var(Needed *N, Var *v) {
  if (v->name)
    strmap_put(&N->var_names, v->name, (void *)v->name);
  if (v->storage != VAR_GLOBAL && v->storage != VAR_STATIC_GLOBAL && v->storage != VAR_EXTERN)
    return;
  int id = global_id(N->p, v);
  if (id < 0 || N->globals[id])
    return;
  N->globals[id] = true;
  walk_type(N, v->ty);
  walk_expr(N, v->init);
}

static void walk_expr(Needed *N, Expr *e) {
  if (!e)
    return;
  if (e->kind == EX_VAR)
    need_var(N, e->var);
  if (e->kind == EX_CALL || e->kind == EX_NAME)
    need_name(N, e->text);
  if (e->kind == EX_CALL && e->fn)
    need_name(N, e->fn->name);
  walk_type(N, e->cast_ty);
  walk_expr(N, e->lhs);
  walk_expr(N, e->rhs);
  walk_expr(N, e->cond);
  for (int i = 0; i < e->nargs; i++)
    walk_expr(N, e->args[i]);
}

static void walk_stmt(Needed *N, Stmt *s) {
  if (!s)
    return;
  if (s->var) {
    walk_type(N, s->var->ty);
    walk_expr(N, s->var->init);
  }
  walk_stmt(N, s->init);
  walk_expr(N, s->expr);
  walk_expr(N, s->cond);
  walk_expr(N, s->step);
  walk_stmt(N, s->then);
  walk_stmt(N, s->els);
  walk_stmt(N, s->body);
  for (int i = 0; i < s->nstmts; i++)
    walk_stmt(N, s->stmts[i]);
}

static void walk_func(Needed *N, Func *f) {
  for (int i = 0; i < f->nparams; i++)
    walk_type(N, f->params[i]->ty);
  walk_stmt(N, f->body);
}

/* A tangent function is a root when it has external linkage; a static one
 * is emitted only when a root reaches it (else -Wunused-function). */
static bool is_root(Variant *v) { return v->out && (!v->out->is_static || v->public_); }

static Needed *find_needed(Program *p, Analysis *a) {
  Needed *N = arena_alloc(sizeof(Needed));
  N->p = p;
  N->a = a;
  N->globals = arena_alloc(sizeof(bool) * (size_t)(p->nglobals + 1));
  for (int i = 0; i < a->nvariants; i++)
    add_body(N, a->variants[i]->out);
  for (int i = 0; i < p->nfuncs; i++)
    add_body(N, p->funcs[i]);
  for (int i = 0; i < a->nvariants; i++)
    if (is_root(a->variants[i])) {
      need_name(N, a->variants[i]->out->name);
      walk_func(N, a->variants[i]->out);
    }
  for (int i = 0; i < N->work.len; i++) /* the list grows as we walk */
    walk_func(N, N->work.data[i]);
  return N;
}

static bool func_needed(Needed *N, Func *f) { return strmap_get(&N->func_names, f->name) != NULL; }

static bool name_referenced(Needed *N, const char *name) { return strmap_get(&N->var_names, name) != NULL; }

/* =================================================================== tops */

/* Verbatim text, ending its line; declarations keep their semicolon. */
static void put_text(Buf *b, const char *text, bool ends_decl) {
  if (!text)
    return;
  size_t n = strlen(text);
  while (n > 0 && (text[n - 1] == ' ' || text[n - 1] == '\t' || text[n - 1] == '\n' ||
                   text[n - 1] == '\r'))
    n--;
  buf_puts(b, text);
  if (ends_decl && n > 0 && text[n - 1] != ';')
    buf_puts(b, ";");
  if (!*text || text[strlen(text) - 1] != '\n')
    buf_puts(b, "\n");
}

/* A definition becomes its prototype (the original object file defines
 * it); a static function is copied when the emitted code calls it. */
static void emit_top_func(Emitter *E, Needed *N, Top *t) {
  Func *f = t->fn;
  if (!f->is_static) {
    Func proto = *f;
    proto.is_inline = false;
    print_signature(E->b, &proto);
    buf_puts(E->b, ";\n");
    return;
  }
  if (func_needed(N, f))
    put_text(E->b, t->text ? t->text : f->text, t->text && t->text != f->text); /* a prototype */
}

static bool is_static_var(Var *v) { return v->storage == VAR_STATIC_GLOBAL; }

/* A static variable printed from the IR, when only some of the variables
 * of its declaration are needed. */
static void emit_static_var(Emitter *E, Var *v) {
  buf_puts(E->b, storage_prefix(v));
  print_var_decl(E->b, v);
  buf_puts(E->b, ";\n");
}

static void emit_extern(Emitter *E, Var *v) {
  buf_printf(E->b, "extern %s", v->is_thread_local ? "_Thread_local " : "");
  print_type_decl(E->b, v->ty, v->name);
  buf_puts(E->b, ";\n");
}

static bool static_var_needed(Needed *N, Var *v) {
  int id = global_id(N->p, v);
  return is_static_var(v) && id >= 0 && N->globals[id];
}

/* Can the needed static variables of a declaration be printed one by one?
 * (If not, the whole declaration is copied.) */
static bool static_vars_spellable(Needed *N, Top *t) {
  for (int i = 0; i < t->nvars; i++)
    if (static_var_needed(N, t->vars[i]) && !type_spellable(t->vars[i]->ty))
      return false;
  return true;
}

/* Globals: external ones become extern declarations (an unused one whose
 * type cannot be named is left out); static ones are
 * copied when needed (printed one by one if only some of them are). */
static void emit_top_var(Emitter *E, Needed *N, Top *t) {
  int needed = 0;
  for (int i = 0; i < t->nvars; i++) {
    Var *v = t->vars[i];
    int id = global_id(N->p, v);
    bool need = id >= 0 && N->globals[id];
    if (is_static_var(v))
      needed += need;
    else if (need ? check_spellable(v) : type_spellable(v->ty))
      emit_extern(E, v);
  }
  if (needed == 0)
    return;
  if (needed == t->nvars || !static_vars_spellable(N, t)) {
    put_text(E->b, t->text, true);
    return;
  }
  for (int i = 0; i < t->nvars; i++)
    if (static_var_needed(N, t->vars[i]))
      emit_static_var(E, t->vars[i]);
}

static void emit_tops(Emitter *E, Needed *N, Program *p) {
  for (int i = 0; i < p->ntops; i++) {
    Top *t = &p->tops[i];
    switch (t->kind) {
    case TOP_TEXT: put_text(E->b, t->text, false); break;
    case TOP_FUNC: emit_top_func(E, N, t); break;
    case TOP_VAR: emit_top_var(E, N, t); break;
    }
  }
}

/* static double g_dot; -- zero, like every tangent before the first call. */
static void emit_global_tangents(Emitter *E, Needed *N, Program *p, Analysis *a) {
  bool any = false;
  for (int i = 0; a->global_active && i < p->nglobals; i++) {
    Var *g = p->globals[i];
    if (!a->global_active[i] || !g->dot_name || !name_referenced(N, g->dot_name))
      continue;
    if (g->ty->kind == TY_ARRAY && g->ty->array_len < 0 && !g->ty->vla_len) {
      error_at(g->loc, "the size of global '%s' is not known here, so it cannot have a tangent",
               g->name);
      continue;
    }
    if (!check_spellable(g))
      continue;
    buf_puts(E->b, any ? "" : "\n");
    buf_puts(E->b, "static ");
    print_type_decl(E->b, type_unqual(g->dot ? g->dot->ty : g->ty), g->dot_name);
    buf_printf(E->b, "; /* tangent of %s */\n", g->name);
    if (g->is_threadprivate) /* each thread's copy of g has its own tangent */
      buf_printf(E->b, "#pragma omp threadprivate(%s)\n", g->dot_name);
    any = true;
  }
}

/* ====================================================== tangent functions */

/* The chunk count `name` of chunk.c for vectors of K elements of `size`
 * bytes: under gcc, which keeps a vector wider than its registers in memory
 * (docs/usage.md), one register a chunk (zmm with AVX-512, ymm with AVX,
 * else 16 bytes); under other compilers one chunk. -Dname=N overrides. */
static void emit_chunk_count(Emitter *E, const char *name, int k, int size) {
  static const int reg[] = {64, 32, 16};
  static const char *const when[] = {" && defined(__AVX512F__)", " && defined(__AVX__)", ""};
  buf_printf(E->b, "#ifndef %s\n", name);
  for (int r = 0; r < 3; r++)
    buf_printf(E->b, "#%s defined(__GNUC__) && !defined(__clang__)%s\n#define %s %d\n", r ? "elif" : "if", when[r], name,
               k * size > reg[r] ? k * size / reg[r] : 1);
  buf_printf(E->b, "#else\n#define %s 1\n#endif\n#endif\n", name);
}

/* A family of chunk types and its macros, e.g. for doubles:
 *   typedef fg_c8d fg_a8d[FG_CHUNKS];
 *   FG_EACH: for (int fg_h = 0; fg_h < FG_CHUNKS; fg_h++); FG_H(x): (x)[fg_h]
 * and with one chunk fg_a8d = fg_c8d, FG_EACH nothing, FG_H(x) x (gcc
 * optimises the code around even a loop of one iteration differently:
 * measured up to 1.6x slower). */
static void emit_chunk_family(Emitter *E, Analysis *a, const char *count, const char *each, const char *of,
                              const char *tags) {
  int k = a->width;
  const char *h = a->chunk_index;
  buf_printf(E->b, "#if %s > 1\n#define %s for (int %s = 0; %s < %s; %s++)\n#define %s(x) (x)[%s]\n", count, each, h, h,
             count, h, of, h);
  for (int i = 0; tags[i]; i++)
    buf_printf(E->b, "typedef fg_c%d%c fg_a%d%c[%s];\n", k, tags[i], k, tags[i], count);
  buf_printf(E->b, "#else\n#define %s\n#define %s(x) (x)\n", each, of);
  for (int i = 0; tags[i]; i++)
    buf_printf(E->b, "typedef fg_c%d%c fg_a%d%c;\n", k, tags[i], k, tags[i]);
  buf_printf(E->b, "#endif\n");
}

/* typedef double fg_c8d __attribute__((vector_size(64 / FG_CHUNKS), aligned(8))); */
static void emit_chunk_vector(Emitter *E, int k, char tag, const char *count) {
  bool f = tag != 'd';
  buf_printf(E->b, "typedef %s fg_c%d%c __attribute__((vector_size(%d / %s), aligned(%d)));\n", f ? "float" : "double",
             k, tag, (f ? 4 : 8) * k, count, f ? 4 : 8);
}

/* chunk.c's types: a fg_vKd as FG_CHUNKS vectors fg_cKd (floats beside
 * them fg_cKx), or a fg_vKf as FG_CHUNKS_F vectors fg_cKf. */
static void emit_chunk_types(Emitter *E, Analysis *a) {
  int k = a->width;
  if (a->chunked_d || a->chunked_f)
    buf_printf(E->b, "/* the tangents in chunks of one vector register (chunk.c: gcc keeps wider vectors in memory) */\n");
  if (a->chunked_d) {
    emit_chunk_count(E, "FG_CHUNKS", k, 8);
    emit_chunk_vector(E, k, 'd', "FG_CHUNKS");
    emit_chunk_vector(E, k, 'x', "FG_CHUNKS");
    emit_chunk_family(E, a, "FG_CHUNKS", "FG_EACH", "FG_H", "dx");
  }
  if (a->chunked_f) {
    emit_chunk_count(E, "FG_CHUNKS_F", k, 4);
    emit_chunk_vector(E, k, 'f', "FG_CHUNKS_F");
    emit_chunk_family(E, a, "FG_CHUNKS_F", "FG_EACH_F", "FG_HF", "f");
  }
}

/* --width K: the vector types of widen.c. aligned(element) makes them
 * views of the caller's interleaved arrays at any element boundary. */
static void emit_vector_types(Emitter *E, Analysis *a) {
  if (a->width <= 1)
    return;
  buf_printf(E->b, "\n/* fgcc --width %d: a tangent carries %d directions (GCC/Clang vector types) */\n",
             a->width, a->width);
  buf_printf(E->b, "typedef double fg_v%dd __attribute__((vector_size(%d), aligned(8)));\n", a->width,
             8 * a->width);
  buf_printf(E->b, "typedef float fg_v%df __attribute__((vector_size(%d), aligned(4)));\n", a->width,
             4 * a->width);
  emit_chunk_types(E, a);
  /* reduction(+:s, s_dot): OpenMP reduces vectors only by a declared reduction; - sums partial results too */
  for (int k = 0; a->omp_vector_reductions && k < 4; k++)
    buf_printf(E->b, "#pragma omp declare reduction(%c : fg_v%d%c : omp_out += omp_in) initializer(omp_priv = "
                     "(fg_v%d%c){0})\n", "+-"[k % 2], a->width, "df"[k / 2], a->width, "df"[k / 2]);
}

/* The tangent struct held by value by a member of type t (a struct, or an
 * array of them), or NULL. */
static Type *held_struct(Type *t) {
  while (t->kind == TY_ARRAY)
    t = t->base;
  return t->kind == TY_STRUCT && t->width > 1 ? t : NULL;
}

static int wide_struct_index(Analysis *a, const char *tag) {
  for (int i = 0; i < a->wide_structs.len; i++)
    if (strcmp(((Type *)a->wide_structs.data[i])->tag, tag) == 0)
      return i;
  internal_error(__FILE__, __LINE__, "tangent struct %s was not registered", tag);
}

/* One tangent struct, after those it holds by value. */
static void emit_wide_struct(Emitter *E, Analysis *a, int i, bool *done) {
  if (done[i])
    return;
  done[i] = true;
  Type *s = a->wide_structs.data[i];
  for (int f = 0; f < s->nfields; f++)
    if (held_struct(s->fields[f].ty))
      emit_wide_struct(E, a, wide_struct_index(a, held_struct(s->fields[f].ty)->tag), done);
  buf_printf(E->b, "struct %s {", s->tag);
  for (int f = 0; f < s->nfields; f++) {
    buf_puts(E->b, " ");
    print_type_decl(E->b, s->fields[f].ty, s->fields[f].name);
    buf_puts(E->b, ";");
  }
  buf_puts(E->b, " };\n");
}

/* --width K: the tangent structs of widen.c (struct S_dotK: the members of
 * S that carry derivatives, with K values each), declared first since they
 * may point to each other. */
static void emit_wide_structs(Emitter *E, Analysis *a) {
  if (!a->wide_structs.len)
    return;
  buf_puts(E->b, "\n/* the tangents of structs: the members that carry derivatives, K values each */\n");
  for (int i = 0; i < a->wide_structs.len; i++)
    buf_printf(E->b, "struct %s;\n", ((Type *)a->wide_structs.data[i])->tag);
  bool *done = arena_alloc(sizeof(bool) * (size_t)a->wide_structs.len);
  for (int i = 0; i < a->wide_structs.len; i++)
    emit_wide_struct(E, a, i, done);
}

static bool out_emitted(Needed *N, Variant *v) {
  return v->out && (is_root(v) || func_needed(N, v->out));
}

static const char *dot_name_of(Var *v) {
  return v->dot_name ? v->dot_name : arena_printf("%s_dot", v->name);
}

/* d loss / d (w, x): tangent of loss along w_dot, x_dot */
static void variant_comment(Buf *b, Variant *v) {
  Func *f = v->fn;
  Buf wrt = {0}, along = {0};
  buf_puts(&wrt, "");
  buf_puts(&along, "");
  int n = 0;
  for (int i = 0; i < f->nparams; i++) {
    if (!v->param_active || !v->param_active[i])
      continue;
    buf_printf(&wrt, "%s%s", n ? ", " : "", f->params[i]->name);
    buf_printf(&along, "%s%s", n ? ", " : "", dot_name_of(f->params[i]));
    n++;
  }
  if (n == 0)
    buf_printf(b, "/* tangent of %s through the globals it reads */\n", f->name);
  else
    buf_printf(b, "/* d %s / d %s%s%s: tangent of %s along %s */\n", f->name, n > 1 ? "(" : "",
               wrt.data, n > 1 ? ")" : "", f->name, along.data);
  free(wrt.data);
  free(along.data);
}

/* ====================================================== BLAS helpers */

/* lib/fgblas.c.in in pieces: a preamble, then one function per piece
 * (pieces end at a blank line). A piece spelling @T@/@P@ is written once per
 * precision used (double: d, float: s), the others once; only the pieces
 * the emitted code calls, directly or through other pieces. */
typedef struct {
  const char *text;
  int len;
  const char *name; /* the function it defines ("fgblas_@P@zero"), NULL for the preamble */
  bool typed;       /* spells @T@ or @P@ */
  bool need[2];     /* per precision: [0] double, [1] float */
} Piece;

/* The first "fgblas_NAME(" in text[0..len): the name, or NULL. */
static const char *first_helper(const char *text, int len, int *at) {
  for (const char *p = text; (p = strstr(p, "fgblas_")) && p < text + len; p++) {
    int n = (int)strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789_@TP");
    if (p + n < text + len && p[n] == '(') {
      *at = (int)(p - text) + n;
      return arena_strndup(p, (size_t)n);
    }
  }
  return NULL;
}

static int split_pieces(Piece *pc, int max) {
  int n = 0;
  for (const char *p = fgblas_text; *p && n < max; n++) {
    const char *end = strstr(p, "\n\n");
    int len = end ? (int)(end - p) + 2 : (int)strlen(p), at;
    pc[n] = (Piece){p, len, n ? first_helper(p, len, &at) : NULL, false, {false, false}};
    pc[n].typed = strstr(p, "@P@") && strstr(p, "@P@") < p + len;
    p += len;
  }
  fg_assert(n < max);
  return n;
}

/* "fgblas_@P@zero" as called in precision `prec` (0: d, 1: s). */
static const char *piece_name(const Piece *pc, int prec) {
  if (!pc->typed)
    return pc->name;
  const char *at = strstr(pc->name, "@P@");
  return arena_printf("%.*s%c%s", (int)(at - pc->name), pc->name, "ds"[prec], at + 3);
}

/* Mark piece i needed in precision prec, and the helpers it calls. */
static void need_piece(Piece *pc, int n, int i, int prec) {
  if (pc[i].need[pc[i].typed ? prec : 0])
    return;
  pc[i].need[pc[i].typed ? prec : 0] = true;
  int at = 0, off = 0;
  for (const char *name; (name = first_helper(pc[i].text + off, pc[i].len - off, &at)); off += at)
    for (int j = 1; j < n; j++)
      if (pc[j].name && strcmp(pc[j].name, name) == 0 && j != i)
        need_piece(pc, n, j, prec);
}

/* `text` with @T@ and @P@ replaced by the precision's type and prefix letter. */
static void put_instantiated(Buf *b, const char *text, int len, int prec) {
  for (int i = 0; i < len; i++) {
    if (strncmp(text + i, "@T@", 3) == 0 || strncmp(text + i, "@P@", 3) == 0) {
      buf_puts(b, text[i + 1] == 'T' ? (prec ? "float" : "double") : (prec ? "s" : "d"));
      i += 2;
    } else {
      buf_printf(b, "%c", text[i]);
    }
  }
}

static void emit_fgblas(Emitter *E, Needed *N) {
  Piece pc[128];
  int n = split_pieces(pc, 128);
  bool any = false;
  for (int i = 1; i < n; i++)
    for (int prec = 0; prec < 2; prec++)
      if (pc[i].name && strmap_get(&N->func_names, piece_name(&pc[i], prec))) {
        need_piece(pc, n, i, prec);
        any = true;
      }
  if (!any)
    return;
  buf_puts(E->b, "\n");
  put_instantiated(E->b, pc[0].text, pc[0].len, 0);
  for (int prec = 0; prec < 2; prec++)
    for (int i = 1; i < n; i++)
      if (pc[i].need[prec] && (pc[i].typed || prec == 0))
        put_instantiated(E->b, pc[i].text, pc[i].len, prec);
}

static void emit_tangent_funcs(Emitter *E, Needed *N, Analysis *a) {
  buf_puts(E->b, "\n");
  for (int i = 0; i < a->nvariants; i++)
    if (out_emitted(N, a->variants[i])) {
      print_signature(E->b, a->variants[i]->out);
      buf_puts(E->b, ";\n");
    }
  for (int i = 0; i < a->nvariants; i++) {
    Variant *v = a->variants[i];
    if (!out_emitted(N, v))
      continue;
    buf_puts(E->b, "\n");
    variant_comment(E->b, v);
    line_directive(E, v->fn->loc);
    print_func_def(E, v->out);
  }
}

void emit_program(FILE *out, Program *p, Analysis *a, const Options *opt) {
  Buf b = {0};
  Emitter E = {.b = &b, .lines = opt && opt->line_directives, .aligned_vectors = a->omp_vector_mode};
  buf_printf(&b, "/* Generated by fgcc %s from %s. Do not edit. */\n", FGCC_VERSION,
             p->file ? p->file : (opt && opt->input ? opt->input : "<stdin>"));
  Needed *N = find_needed(p, a);
  int errors = error_count();
  anonymous_printed = 0;
  emit_tops(&E, N, p);
  emit_vector_types(&E, a);
  emit_wide_structs(&E, a);
  emit_global_tangents(&E, N, p, a);
  emit_fgblas(&E, N);
  emit_tangent_funcs(&E, N, a);
  if (anonymous_printed && error_count() == errors)
    error_plain("the generated code would need to name an anonymous struct or union type; "
                "give it a tag or a typedef name");
  fwrite(b.data, 1, b.len, out);
  free(b.data);
}
