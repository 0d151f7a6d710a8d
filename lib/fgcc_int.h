/*
 * fgcc_int.h -- the one internal header of the fgcc compiler library.
 *
 * Pipeline (one file per stage, one entry point each):
 *   parse.c    libclang AST  -> Program (fgcc's own IR)       parse_file()
 *   link.c     one Program per input -> one Program          link_programs()
 *   analyse.c  Program       -> variants + activity           analyse_program()
 *   diff.c     variants      -> tangent IR (Func per variant) diff_program()
 *   widen.c    tangent IR    -> K tangents per value (--width) widen_program()
 *   chunk.c    K tangents    -> in register-sized chunks (K >= 4) chunk_program()
 *   emit.c     Program + tangent funcs -> C text              emit_program()
 * Support: arena.c (memory), diag.c (two error channels), rules.c (math
 * derivative table, rules.def), ir.c (constructors and the --dump printer).
 *
 * libclang types never appear in this header: only parse.c includes
 * clang-c/Index.h.
 */
#ifndef FGCC_INT_H
#define FGCC_INT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define FGCC_VERSION "0.1.0"

typedef struct Type Type;
typedef struct Field Field;
typedef struct Expr Expr;
typedef struct Stmt Stmt;
typedef struct Var Var;
typedef struct Func Func;
typedef struct Top Top;
typedef struct Program Program;
typedef struct Variant Variant;
typedef struct Options Options;

/* ================================================================ arena.c */
/* All compiler memory comes from one arena and is never freed one by one
 * (the compiler is a short-lived process). Memory is zero-initialised. */
void *arena_alloc(size_t n);
/* Free the whole arena. Only for running the pipeline several times in one
 * process (fuzz/): with diag_reset(), it brings the library back to its
 * initial state; nothing allocated before may be used after. */
void arena_release(void);
char *arena_strdup(const char *s);
char *arena_strndup(const char *s, size_t n);
char *arena_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A growable array of pointers, allocated in the arena. */
typedef struct {
  void **data;
  int len, cap;
} Vec;
void vec_push(Vec *v, void *p);
/* A map from strings to pointers (a set: non-NULL values), in the arena.
 * Keys are not copied. Zero-initialised is empty. */
typedef struct {
  const char **keys;
  void **vals;
  int len, cap;
} StrMap;
void *strmap_get(const StrMap *m, const char *key);
void strmap_put(StrMap *m, const char *key, void *val);

/* A growable string buffer (heap; used by the emitter). */
typedef struct {
  char *data;
  size_t len, cap;
} Buf;
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ================================================================= diag.c */
/* A position in the user's source. file == NULL means "no location". */
typedef struct {
  const char *file;
  int line, col;
} Loc;

/* User diagnostics: "file:line:col: error: msg", then the source line and a
 * caret. Errors are counted; stages keep going to report several, and the
 * driver stops after any stage that reported one. */
void error_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void note_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void warn_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void error_plain(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int error_count(void);
void diag_reset(void); /* error_count() back to 0 (see arena_release()) */

/* Internal invariants: abort naming fgcc's own file and line. */
_Noreturn void internal_error(const char *file, int line, const char *fmt, ...);
#define fg_assert(c) \
  ((c) ? (void)0 : internal_error(__FILE__, __LINE__, "assertion failed: %s", #c))
#define unreachable() internal_error(__FILE__, __LINE__, "unreachable")

/* ================================================================= types */
typedef enum {
  TY_VOID,
  TY_BOOL,
  TY_INT,     /* every integer type, char and enum included */
  TY_FLOAT,
  TY_DOUBLE,
  TY_LDOUBLE,
  TY_PTR,
  TY_ARRAY,
  TY_STRUCT,
  TY_UNION,
  TY_FUNC,
  TY_OTHER,   /* complex, vector, atomic, ...: never active, refused if it would be */
} TypeKind;

struct Field {
  const char *name; /* NULL for an anonymous member */
  Type *ty;
};

/* A type. `kind` is the canonical kind; `name`, when set, is how the type is
 * spelled in C as a leaf ("double", "unsigned long", "struct S", a typedef
 * name such as "doublereal"): the printer prints `name` and never looks
 * inside. Derived types built by the front end without a typedef name have
 * name == NULL and are printed from kind/base. */
struct Type {
  TypeKind kind;
  const char *name;
  bool is_const, is_volatile, is_restrict;
  Type *base;        /* TY_PTR pointee, TY_ARRAY element, TY_FUNC return */
  long array_len;    /* TY_ARRAY: element count; -1 incomplete "[]" */
  Expr *vla_len;     /* TY_ARRAY: size expression of a VLA, else NULL */
  Type **params;     /* TY_FUNC */
  int nparams;
  bool is_variadic;  /* TY_FUNC */
  bool no_proto;     /* TY_FUNC declared "()" */
  Field *fields;     /* TY_STRUCT / TY_UNION (shared by all sugared copies) */
  int nfields;
  bool incomplete;   /* struct/union declared but not defined */
  int carries_memo;  /* memo for type_carries_float(): 0 unknown, 1 no, 2 yes, 3 in progress */
  int width;         /* > 1: a vector of `width` floats of this kind (widen.c), printed as `name`;
                        TY_STRUCT: the tangent struct of tangent_of at that width */
  const char *tag;   /* TY_STRUCT / TY_UNION: the tag S of struct S; NULL if it has none */
  Type *tangent_of;  /* a width-K tangent struct (widen.c): the struct it is the tangent of */
};

bool type_is_float(const Type *t);    /* float, double, long double */
bool type_is_integer(const Type *t);  /* TY_INT or TY_BOOL */
bool type_is_scalar(const Type *t);
/* True when a value of this type can carry a derivative: a floating scalar,
 * or a pointer/array/struct that (transitively) holds floating data. */
bool type_carries_float(Type *t);
/* An OpenMP directive ("parallel for ...", the text after "#pragma omp")
 * that opens code each thread (or task) runs on its own, so takes a
 * private clause: fgcc's temporaries inside it become private. */
bool omp_takes_private(const char *directive);
/* The floating kind carried (TY_FLOAT/TY_DOUBLE/TY_LDOUBLE) of a scalar, or
 * of the innermost element of a pointer/array; TY_VOID if none. */
TypeKind type_float_kind(const Type *t);
Type *type_unqual(Type *t);          /* a copy without const/volatile/restrict */
Type *type_ptr_to(Type *base);
Type *type_basic(TypeKind k);        /* "double", "float", "long double", "int" */

/* ================================================================== IR */
/* Operators, with their C spelling. */
#define OP_LIST(X)                                                   \
  X(OP_NONE, "")                                                     \
  X(OP_ADD, "+") X(OP_SUB, "-") X(OP_MUL, "*") X(OP_DIV, "/")         \
  X(OP_MOD, "%") X(OP_SHL, "<<") X(OP_SHR, ">>")                      \
  X(OP_BITAND, "&") X(OP_BITOR, "|") X(OP_BITXOR, "^")                \
  X(OP_LT, "<") X(OP_GT, ">") X(OP_LE, "<=") X(OP_GE, ">=")           \
  X(OP_EQ, "==") X(OP_NE, "!=") X(OP_LOGAND, "&&") X(OP_LOGOR, "||")  \
  X(OP_NEG, "-") X(OP_PLUS, "+") X(OP_NOT, "!") X(OP_BITNOT, "~")
typedef enum {
#define X(k, s) k,
  OP_LIST(X)
#undef X
} Op;
extern const char *op_spelling[];

/* Expression node kinds. Fields used are listed per kind. */
#define EXPR_KINDS(X)                                                          \
  X(EX_NUM, "num")         /* text: literal spelling ("1.5f", "0x10", 'a') */ \
  X(EX_STR, "str")         /* text: string literal(s) as spelled */           \
  X(EX_VAR, "var")         /* var */                                          \
  X(EX_NAME, "name")       /* text: function designator or enum constant */   \
  X(EX_UNARY, "unary")     /* op (NEG PLUS NOT BITNOT), lhs */                \
  X(EX_ADDR, "addr")       /* &lhs */                                         \
  X(EX_DEREF, "deref")     /* *lhs */                                         \
  X(EX_PREINC, "preinc")   /* ++lhs */                                        \
  X(EX_PREDEC, "predec")   /* --lhs */                                        \
  X(EX_POSTINC, "postinc") /* lhs++ */                                        \
  X(EX_POSTDEC, "postdec") /* lhs-- */                                        \
  X(EX_BINARY, "binary")   /* lhs op rhs */                                   \
  X(EX_ASSIGN, "assign")   /* lhs = rhs (op == OP_NONE) or lhs op= rhs */     \
  X(EX_COND, "cond")       /* cond ? lhs : rhs */                             \
  X(EX_COMMA, "comma")     /* lhs , rhs */                                    \
  X(EX_CALL, "call")       /* direct: text = callee name, fn = its Func if    \
                              defined in this file; indirect: lhs = callee;    \
                              args/nargs */                                    \
  X(EX_INDEX, "index")     /* lhs[rhs] */                                     \
  X(EX_MEMBER, "member")   /* lhs.text, or lhs->text when arrow */            \
  X(EX_CAST, "cast")       /* (cast_ty)lhs; implicit casts are not printed */ \
  X(EX_SIZEOF, "sizeof")   /* sizeof(cast_ty) or sizeof lhs (unevaluated) */  \
  X(EX_ALIGNOF, "alignof") /* _Alignof(cast_ty) */                            \
  X(EX_INIT, "init")       /* { args } (no designators) */                    \
  X(EX_COMPOUND, "compound") /* (cast_ty){...}: lhs is an EX_INIT */          \
  X(EX_TEXT, "text")       /* text printed verbatim; never active */
typedef enum {
#define X(k, s) k,
  EXPR_KINDS(X)
#undef X
} ExprKind;

struct Expr {
  ExprKind kind;
  Type *ty;      /* type of the value (after this node's conversions) */
  Loc loc;
  Op op;
  Expr *lhs, *rhs, *cond;
  Expr **args;
  int nargs;
  const char *text;
  Var *var;
  Func *fn;
  Type *cast_ty;
  bool implicit; /* EX_CAST inserted by the compiler (not printed) */
  bool arrow;    /* EX_MEMBER through a pointer */
  /* Activity memo (expr_memo_sync): whether the value is varied and whether
   * it has effects needing a tangent, for memo_variant at memo_epoch.
   * 0 unknown, 1 no, 2 yes. Keeps the queries linear in the tree's size. */
  const Variant *memo_variant;
  int memo_epoch;
  unsigned char memo_varied, memo_effects;
};

/* Statement kinds. */
#define STMT_KINDS(X)                                                        \
  X(ST_EXPR, "expr")         /* expr; */                                    \
  X(ST_DECL, "decl")         /* var (with var->init) */                     \
  X(ST_BLOCK, "block")       /* { stmts } */                                \
  X(ST_IF, "if")             /* if (expr) then else els */                  \
  X(ST_FOR, "for")           /* for (init; cond; step) body; init is NULL,  \
                                an ST_EXPR or an ST_BLOCK of ST_DECLs       \
                                printed as one declaration list */          \
  X(ST_WHILE, "while")       /* while (expr) body */                        \
  X(ST_DO, "do")             /* do body while (expr); */                    \
  X(ST_SWITCH, "switch")     /* switch (expr) body */                       \
  X(ST_CASE, "case")         /* case expr: body */                          \
  X(ST_DEFAULT, "default")   /* default: body */                            \
  X(ST_BREAK, "break")                                                      \
  X(ST_CONTINUE, "continue")                                                \
  X(ST_RETURN, "return")     /* return expr (may be NULL) */                \
  X(ST_GOTO, "goto")         /* goto label */                               \
  X(ST_LABEL, "label")       /* label: body */                              \
  X(ST_NULL, "null")         /* ; */                                        \
  X(ST_TEXT, "text")         /* text verbatim (local struct/typedef/enum) */ \
  X(ST_OMP, "omp")           /* #pragma omp text, then body (NULL: a        \
                                standalone directive such as barrier) */
typedef enum {
#define X(k, s) k,
  STMT_KINDS(X)
#undef X
} StmtKind;

struct Stmt {
  StmtKind kind;
  Loc loc;
  Expr *expr;
  Stmt *init;
  Expr *cond, *step;
  Stmt *then, *els, *body;
  Stmt **stmts;
  int nstmts;
  Var *var;
  const char *label;
  const char *text;
};

typedef enum {
  VAR_LOCAL,
  VAR_STATIC_LOCAL,
  VAR_PARAM,
  VAR_GLOBAL,        /* external linkage, defined in this file */
  VAR_STATIC_GLOBAL, /* internal linkage, defined in this file */
  VAR_EXTERN,        /* declared here, defined elsewhere */
} Storage;

struct Var {
  const char *name;
  Type *ty;
  Loc loc;
  Storage storage;
  Expr *init;        /* initializer, or NULL */
  bool is_wrt;       /* FG_WRT on a parameter */
  bool is_thread_local;
  bool is_threadprivate; /* a global named by `#pragma omp threadprivate` (with -fopenmp) */
  int id;            /* locals/params: index in Func.locals; globals: index in Program.globals */
  const char *dot_name; /* tangent name ("x_dot"), chosen by diff.c, free of clashes */
  Var *dot;          /* the tangent variable, created by diff.c on first use */
  bool is_tangent;   /* this is some variable's tangent */
  bool holds_tangent; /* holds tangent values: a tangent, ret_dot, or a temporary of one */
  bool widened;      /* widen.c gave it its vector type */
  int reads;         /* scratch for diff.c: reads in the emitted body */
};

struct Func {
  const char *name;
  Type *ret;
  Var **params;
  int nparams;
  bool is_variadic, is_static, is_inline;
  Stmt *body;        /* NULL for a declaration without body */
  Loc loc;
  bool is_diff;      /* FG_DIFF */
  const char *text;  /* whole definition as spelled in the source (for copying) */
  Var **locals;      /* every parameter and local variable of the body, by id */
  int nlocals;
  const char *jvp_of; /* FG_JVP(g): this function is the user-supplied derivative of g */
  int jvp_width;      /* 1 for FG_JVP(g); K for FG_JVP_WIDTH(g, K) (0: K was not a number) */
  bool knr;          /* defined K&R style (no prototype): arguments are promoted */
  const char *source_name; /* renamed by link.c (a static of one of several inputs): its name in the source */
  const char *body_error; /* the body uses a construct fgcc cannot represent: */
  Loc body_error_loc;     /* reported only if the function must be differentiated */
};

typedef enum {
  TOP_TEXT, /* verbatim text of the main file (directives, types, prototypes) */
  TOP_FUNC, /* a function definition in the main file */
  TOP_VAR,  /* a global variable definition in the main file */
} TopKind;

struct Top {
  TopKind kind;
  const char *text; /* TOP_TEXT and TOP_VAR: as spelled; TOP_FUNC: == fn->text */
  Func *fn;
  Var **vars;       /* TOP_VAR: the variables one declaration defines */
  int nvars;
};

/* A #define of the main file: its name and definition (name, parameters,
 * body) as tokens. */
typedef struct {
  const char *name, *text;
  Loc loc;
} Macro;

/* A struct, union or enum definition or a typedef at file scope, of the
 * main file or a header (not a system header): several inputs (link.c)
 * must agree on each, and out.c must define each once. */
typedef struct {
  const char *name; /* "struct S", "union U", "enum E", a typedef name, or
                       "enum { A, ... }" for an enum without tag or typedef */
  const char *text; /* the definition as clang read it (macros expanded) */
  Loc loc;
  const char *path; /* the canonical path of its file */
  bool in_main;     /* it is in the main file */
  int top;          /* the main file's TOP_TEXT piece holding just it, or -1 */
} TypeDef;

/* An #include of a header without include guard (nor #pragma once) at file
 * scope of the main file: the TOP_TEXT piece `top` is its line. */
typedef struct {
  const char *path; /* the canonical path of the header */
  int top;
} Include;

/* A translation unit as fgcc sees it. */
struct Program {
  const char *file;       /* the main file, as named on the command line */
  Top *tops;              /* the main file, in order, split into pieces */
  int ntops;
  Func **funcs;           /* every function declared or defined (headers too) */
  int nfuncs;
  Var **globals;          /* every file-scope variable referenced or defined */
  int nglobals;
  Macro *macros;          /* every #define of the main file, in order */
  int nmacros;
  TypeDef *types;         /* every type definition, in order */
  int ntypes;
  Include *includes;      /* the main file's #includes of unguarded headers */
  int nincludes;
  const char **idents;    /* every identifier spelled in the main file or declared
                             at file scope anywhere: generated names avoid them */
  int nidents;
};

Func *program_find_func(Program *p, const char *name);
bool call_named(const Expr *e, const char *name);
bool is_alloc_call(const Expr *e);

/* IR constructors and the dump printer (ir.c). */
Expr *new_expr(ExprKind k, Type *ty, Loc loc);
Expr *new_num(const char *text, Type *ty);
Expr *new_var_ref(Var *v);
Expr *new_binary(Op op, Expr *l, Expr *r, Type *ty);
Expr *new_unary(Op op, Expr *e, Type *ty);
Expr *new_assign(Op op, Expr *lhs, Expr *rhs);
Expr *new_call(const char *name, Expr **args, int nargs, Type *ret);
Stmt *new_stmt(StmtKind k, Loc loc);
Stmt *new_expr_stmt(Expr *e);
Stmt *new_block(Vec *stmts, Loc loc);
Var *new_var(const char *name, Type *ty, Storage st, Loc loc);
/* Does a node of e pass test? test says 1 (yes), 0 (look at its operands)
 * or -1 (skip them). */
bool expr_any(Expr *e, int (*test)(Expr *e));
void dump_program(FILE *out, Program *p);
void dump_func(FILE *out, Func *f);

/* ================================================================ options */
typedef struct {
  const char *name;        /* function to differentiate */
  const char **wrt;        /* active parameter names; NULL = from FG_WRT or defaults */
  int nwrt;
  Loc loc;                 /* where it was named (command line: file NULL) */
} FnRequest;

typedef struct {
  const char *fn;          /* g */
  const char *jvp;         /* the user's g_jvp */
  int width;               /* --jvp g=NAME@K: K; 1 without @K */
} JvpRequest;

struct Options {
  const char *input;       /* the file being parsed (parse_file); the first input */
  const char **inputs;     /* every input file, in command-line order */
  int ninputs;
  const char *output;
  const char **clang_args; /* passed to the parser */
  int nclang_args;
  FnRequest *fns;          /* --fn, in order */
  int nfns;
  JvpRequest *jvps;        /* --jvp g=g_jvp */
  int njvps;
  bool line_directives;    /* --line-directives: #line to the original source */
  const char *dump;        /* --dump=<stage>: "ir", "activity", "tangent" */
  const char *compdb_dir;  /* -p DIR */
  int width;               /* --width K: tangents per value (0 or 1: one) */
  bool no_chunks;          /* --no-chunks: full-width vector tangents (no chunk.c) */
};

/* ================================================================= parse.c */
/* Parse the input with libclang into a Program. Reports parse errors (any
 * error diagnostic stops) and constructs it cannot represent as user errors;
 * returns NULL when it reported any. */
Program *parse_file(const Options *opt);
/* -p DIR: the compile command for `file` from DIR/compile_commands.json, as
 * parser arguments (compiler name, -c, -o and the file itself removed).
 * Returns false and reports an error if there is none. */
bool load_compile_commands(const char *dir, const char *file, const char ***args, int *nargs);

/* ================================================================= link.c */
/* Join the Programs of several inputs into one, like a linker: one entity
 * per external name (references redirected to the definition; two
 * definitions are reported, naming both), distinct names NAME__STEM for
 * statics whose name another input uses, every main file's text in order.
 * With n == 1, returns progs[0] untouched. Returns NULL if it reported errors. */
Program *link_programs(Program **progs, int n);

/* ================================================================ rules.c */
/* The math.h derivative table (rules.def). For f(a[, b[, c]]) each rule gives
 * the partial derivative with respect to each floating argument as a formula
 * over a, b, c and r (the result). */
typedef struct {
  const char *name;       /* "exp" (the double variant) */
  int arity;
  const char *partial[3]; /* formula per argument; NULL = argument is not
                             differentiable (integer) ; "0" = piecewise constant */
} MathRule;

/* Look up a math.h function by its called name ("expf", "exp", "expl").
 * Sets *kind to its precision (TY_FLOAT, TY_DOUBLE, TY_LDOUBLE). */
const MathRule *math_rule(const char *called, TypeKind *kind);
/* Build the partial derivative expression `i` of rule `r`, with a/b/c/r bound
 * to the given pure expressions, in precision `kind`. Returns NULL if the
 * partial is identically zero. */
Expr *math_partial(const MathRule *r, int i, Expr **args, Expr *result, TypeKind kind);

/* The CBLAS derivative table (blas.def): per routine, its parameters and
 * the steps of its tangent, each a call template over parameter names. */
typedef enum { BLAS_PRE, BLAS_POST, BLAS_RET } BlasPhase;
typedef struct {
  const char *routine;  /* "gemm" */
  BlasPhase phase;      /* before the primal call, after it, or a term of the result's tangent */
  const char *when;     /* condition over operands: "A", "!A&!x", "A|alpha", "" */
  const char *call;     /* template: "gemm(layout, ..., A_dot, lda, ..., BETA, C_dot, ldc)" */
} BlasStep;
enum { BLAS_MAX_PARAMS = 16 };
typedef struct {
  const char *name;     /* "gemm": cblas_dgemm and cblas_sgemm */
  bool returns;         /* returns a floating value (dot, nrm2, asum) */
  const char *params;   /* "layout transa ... C! ldc" */
  char param[BLAS_MAX_PARAMS][16];    /* the names, split (not in the arena: the table outlives arena_release()) */
  bool is_out[BLAS_MAX_PARAMS];       /* written by the routine ('!') */
  int nparams;
  const BlasStep *steps;              /* consecutive STEP rows of blas.def (width 1) */
  int nsteps;
  const BlasStep *vsteps;             /* its VSTEP rows (--width K > 1) */
  int nvsteps;
} BlasRule;
/* The rule of a called name ("cblas_dgemm"); *kind is its precision. */
const BlasRule *blas_rule(const char *called, TypeKind *kind);
int blas_param_index(const BlasRule *r, const char *name); /* -1 if none */
/* Names in a template: a parameter P, its tangent P_dot, r, BETA, and in
 * VSTEP rows K (the width) and r_dot (where the K tangents of the result
 * are summed); the differentiator binds them. Cblas* constants are spelled as they are. */
typedef struct BlasBinder BlasBinder;
struct BlasBinder {
  Expr *(*bind)(BlasBinder *b, const char *name); /* NULL: not a name of this rule */
};
/* Build a step's call in precision `kind`: calls are renamed (gemm ->
 * cblas_dgemm, fgblas_zero -> fgblas_dzero) and typed `kind` when the
 * template is a value (RET), void otherwise. */
Expr *blas_template(const char *call, TypeKind kind, bool value, BlasBinder *b);
/* The helpers the templates call (lib/fgblas.c.in): a preamble, then one
 * function per blank-line-separated piece; pieces spelling @T@ (the type)
 * and @P@ (the prefix letter) are written once per precision. emit.c
 * writes only the pieces called. Embedded by the build (cmake/Embed.cmake). */
extern const char fgblas_text[];

/* ============================================================== analyse.c */
/* One differentiated version of a function: which parameters are active.
 * Top-level variants come from FG_DIFF / --fn; others from calls. */
struct Variant {
  Func *fn;
  bool *param_active;     /* per parameter */
  bool public_;           /* requested by the user: external linkage, name f_jvp */
  const char *jvp_name;   /* name of the emitted function */
  bool *var_active;       /* per local (Func.locals by id): has a tangent */
  bool *var_zeroed;       /* per local: its tangent must start at zero, since a call may
                             write its storage without writing the tangent (analyse.c,
                             mark_call); other tangents are initialised where the primal is */
  bool ret_active;        /* has a ret_dot parameter */
  Func *out;              /* the emitted tangent function (diff.c) */
  Func *user_jvp;         /* a user-supplied derivative replaces differentiation */
};

typedef struct {
  Program *prog;
  Variant **variants;
  int nvariants;
  bool *global_active;    /* per Program.globals id: has a file-scope tangent */
  bool any_global_active;
  Func **jvp_of_fn;       /* user-supplied derivatives: jvp_of_fn[i] is g ... */
  Func **jvp_fn;          /* ... and jvp_fn[i] the user's function for it, ... */
  int *jvp_width;         /* ... of width jvp_width[i]: 1 (FG_JVP) or K (FG_JVP_WIDTH) */
  int njvps;
  int width;              /* tangents per value (Options.width, at least 1) */
  bool omp_vector_reductions; /* an OpenMP reduction of a vector tangent (diff.c): out.c declares + and - */
  bool omp_vector_mode;   /* an OpenMP directive in vector mode (diff.c): emit.c aligns vector locals */
  Vec wide_structs;       /* the tangent structs of vector mode (widen.c; Type *): emit.c defines them */
  bool chunked_d;         /* a tangent function uses the chunk types fg_cKd, fg_aKd, fg_cKx, fg_aKx (chunk.c) */
  bool chunked_f;         /* a tangent function uses fg_cKf, fg_aKf (chunk.c: float vectors only) */
  const char *chunk_index; /* the chunk loops' index, fg_h (chunk.c) */
} Analysis;

/* Check what can be differentiated, decide activity and which variants
 * exist. Reports refusals as user errors. */
Analysis *analyse_program(Program *p, const Options *opt);
/* The variant of fn with the given activity (created during analysis). */
Variant *find_variant(Analysis *a, Func *fn, const bool *param_active);
/* Activity queries for the differentiator. */
bool var_is_active(Analysis *a, Variant *v, Var *var);
/* Does the value of e carry a non-zero tangent (for pointers: point to
 * storage that has a shadow)? Memoised per node. */
bool expr_varied(Analysis *a, Variant *v, Expr *e);
/* Make e's activity memo belong to variant v and the current activity
 * state: reset it when either changed since it was filled. */
void expr_memo_sync(Expr *e, const Variant *v);
/* For a call from variant v to a function with a body: which callee
 * parameters get a tangent, or NULL when the primal function is called. */
bool *call_mask(Analysis *a, Variant *v, Expr *call);
/* The user-supplied derivative of fn (FG_JVP / --jvp), or NULL. */
Func *user_jvp(Analysis *a, Func *fn);
/* Is the parameter a pointer to non-const floating data (always active)? */
bool param_always_active(Var *p);
/* Does the parameter type allow activity at all? */
bool param_can_be_active(Var *p);

/* ================================================================= diff.c */
/* Build variant->out for every variant: the jvp function as IR, where each
 * primal statement sits beside its tangent statements. */
void diff_program(Program *p, Analysis *a);

/* ================================================================ widen.c */
/* With a->width > 1: give every tangent function K tangents per value
 * (vector types, flat pointers at the boundary). Refusals are user errors. */
void widen_program(Program *p, Analysis *a);

/* ================================================================ chunk.c */
/* With a->width >= 4: tangent functions whose vectors can be computed
 * piecewise hold them in FG_CHUNKS register-sized chunks (for gcc). */
void chunk_program(Program *p, Analysis *a);

/* ================================================================= emit.c */
/* Write out.c: the main file's text with function definitions replaced by
 * prototypes (static helpers and static globals kept where the emitted code
 * needs them, found by walking it), the tangents of active globals, then the
 * tangent functions (Variant.out). */
void emit_program(FILE *out, Program *p, Analysis *a, const Options *opt);
/* Printers shared with the dump. */
void print_type_decl(Buf *b, Type *t, const char *name);
void print_expr(Buf *b, Expr *e);

#endif
