/*
 * parse.c -- the front end: libclang AST -> fgcc's IR (Program).
 *
 * clang preprocesses, parses and type-checks the input; this file walks the
 * AST through the libclang C API and builds fgcc's own IR, so no libclang
 * type leaves this file. It builds three things:
 *   - the main file cut into pieces (Top) that concatenate back to the file
 *     byte for byte: function definitions, global definitions, and the
 *     verbatim text around them (directives, comments, types, prototypes);
 *   - a Func for every function the main file defines or uses, with its body
 *     as IR, also for helpers defined in headers (wherever the body is);
 *   - every identifier in sight, so that generated names never clash.
 * A construct the IR cannot represent is reported at its location; the walk
 * goes on to find more and parse_file() returns NULL.
 *
 * Source positions. libclang gives a cursor extent whose start may be a
 * macro location; clang_getFileLocation() maps both ends to the file: a
 * token from a macro argument to where it is written, a token from a macro
 * body to the whole macro invocation. So the file text of a node is faithful
 * unless the node starts inside a macro body (in_macro_body()); literals
 * from macro bodies are read where they are spelled (literal_text()).
 *
 * Bodies of functions defined outside the main file (static inline helpers
 * in headers) are converted quietly: if one uses a construct the IR lacks,
 * it is kept as a declaration without body instead of failing the user.
 */
#define _DEFAULT_SOURCE /* realpath */
#include "fgcc_int.h"

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef FGCC_INCLUDE_DIR
#define FGCC_INCLUDE_DIR "runtime/include"
#endif
#ifndef FGCC_CLANG_RESOURCE_DIR
#define FGCC_CLANG_RESOURCE_DIR "/usr/lib/llvm-19/lib/clang/19"
#endif

/* ============================================================ cursor maps */

/* A hash map from a cursor (always its canonical declaration) to a pointer. */
typedef struct {
  CXCursor key;
  void *val;
} MapEntry;

typedef struct {
  MapEntry *e;
  int cap, len;
} CursorMap;

static int map_slot(CursorMap *m, CXCursor k) {
  int i = (int)(clang_hashCursor(k) & (unsigned)(m->cap - 1));
  while (m->e[i].val && !clang_equalCursors(m->e[i].key, k))
    i = (i + 1) & (m->cap - 1);
  return i;
}

static void *map_get(CursorMap *m, CXCursor k) {
  if (!m->cap)
    return NULL;
  return m->e[map_slot(m, clang_getCanonicalCursor(k))].val;
}

static void map_grow(CursorMap *m) {
  CursorMap old = *m;
  m->cap = old.cap ? old.cap * 2 : 64;
  m->e = arena_alloc(sizeof(MapEntry) * (size_t)m->cap);
  m->len = 0;
  for (int i = 0; i < old.cap; i++)
    if (old.e[i].val) {
      m->e[map_slot(m, old.e[i].key)] = old.e[i];
      m->len++;
    }
}

static void map_put(CursorMap *m, CXCursor k, void *v) {
  if (2 * (m->len + 1) > m->cap)
    map_grow(m);
  k = clang_getCanonicalCursor(k);
  int i = map_slot(m, k);
  m->len += m->e[i].val == NULL;
  m->e[i] = (MapEntry){k, v};
}

/* Converted types, keyed by clang's opaque type pointer (qualifiers included). */
typedef struct {
  const void *key;
  int kind;
  Type *ty;
} TypeEntry;

typedef struct {
  TypeEntry *e;
  int cap, len;
} TypeCache;

static int cache_slot(TypeCache *c, CXType t) {
  int i = (int)(((uintptr_t)t.data[0] >> 3) * 2654435761u & (unsigned)(c->cap - 1));
  while (c->e[i].ty && (c->e[i].key != t.data[0] || c->e[i].kind != (int)t.kind))
    i = (i + 1) & (c->cap - 1);
  return i;
}

static void cache_put(TypeCache *c, CXType t, Type *ty) {
  if (2 * (c->len + 1) > c->cap) {
    TypeCache old = *c;
    c->cap = old.cap ? old.cap * 2 : 256;
    c->e = arena_alloc(sizeof(TypeEntry) * (size_t)c->cap);
    for (int i = 0; i < old.cap; i++)
      if (old.e[i].ty)
        c->e[cache_slot(c, (CXType){(enum CXTypeKind)old.e[i].kind, {(void *)old.e[i].key, NULL}})] =
            old.e[i];
  }
  int i = cache_slot(c, t);
  c->len += c->e[i].ty == NULL;
  c->e[i] = (TypeEntry){t.data[0], (int)t.kind, ty};
}

static Type *cache_get(TypeCache *c, CXType t) { return c->cap ? c->e[cache_slot(c, t)].ty : NULL; }

/* ================================================================= state */

/* A function known to the program, and where its body is. */
typedef struct {
  Func *fn;
  CXCursor def; /* the definition, or the declaration first seen */
  bool has_def;
} FuncEntry;

/* FG_DIFF / FG_JVP / FG_WRT, gathered from every declaration of a function. */
typedef struct {
  bool diff;
  const char *jvp_of;
  int jvp_width; /* FG_JVP_WIDTH(g, K): K; 1 for FG_JVP(g) */
  bool *wrt;
  int nwrt;
} Annot;

/* The variables of the function being converted. */
typedef struct {
  CursorMap locals; /* ParmDecl / VarDecl -> Var */
  Vec vars;         /* Func.locals, by id */
} Scope;

/* A struct or union's members, shared by every Type naming it. */
typedef struct {
  Field *fields;
  int nfields;
  bool incomplete;
} Record;

/* A byte range of the main file that is a TOP_TEXT piece of its own (link.c
 * may replace it): a group of type definitions, an #include line. */
typedef struct {
  unsigned start, end;
  const char *path; /* an #include's header, canonical */
  int top;          /* its index among the Tops */
} Piece;

static struct {
  CXTranslationUnit tu;
  CXFile main_file;
  const char *main_text;
  size_t main_size;
  CursorMap funcs;   /* FunctionDecl -> FuncEntry */
  CursorMap globals; /* VarDecl at file scope -> Var */
  CursorMap best;    /* VarDecl at file scope -> CXCursor* of its defining declaration */
  CursorMap annots;  /* FunctionDecl -> Annot */
  CursorMap records; /* record declaration -> Record */
  TypeCache types;
  Vec entries;       /* FuncEntry*, in order of discovery */
  Vec globals_v;     /* Var*, Program.globals */
  Vec idents;
  Vec macros;        /* Macro*: the #defines of the main file */
  Vec typedefs;      /* TypeDef*: the type definitions */
  Vec type_pieces;   /* Piece*: the main file's pieces holding one type definition group */
  Vec include_lines; /* Piece*: the main file's #includes of unguarded headers */
  Scope *scope;      /* NULL outside function bodies */
  int quiet;         /* > 0: failures are counted, not reported */
  int quiet_fails;
  const char *first_fail; /* the first quiet failure, and where */
  Loc first_fail_loc;
  const Options *opt;
  const char *file_names[8]; /* intern_file()'s cache */
  int next_file_name;
  bool openmp;       /* the user passed -fopenmp: `#pragma omp` becomes ST_OMP */
  int omp_attached;  /* directives placed in the current function's IR */
  unsigned omp_at[64]; /* ... and where they are */
} P;

/* ======================================================= small utilities */

static const char *take_string(CXString s) {
  const char *c = clang_getCString(s);
  const char *r = arena_strdup(c ? c : "");
  clang_disposeString(s);
  return r;
}

static enum CXCursorKind kind_of(CXCursor c) { return clang_getCursorKind(c); }

static bool is_null(CXCursor c) { return clang_Cursor_isNull(c) || kind_of(c) == CXCursor_InvalidFile; }

/* The children of a cursor, in order. */
typedef struct {
  CXCursor *c;
  int n, cap;
  bool exprs_only;
} Kids;

static enum CXChildVisitResult collect_kid(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  Kids *k = data;
  if (k->exprs_only && !clang_isExpression(clang_getCursorKind(c)))
    return CXChildVisit_Continue;
  if (k->n == k->cap) {
    k->cap = k->cap ? 2 * k->cap : 4;
    CXCursor *c2 = arena_alloc(sizeof(CXCursor) * (size_t)k->cap);
    if (k->n)
      memcpy(c2, k->c, sizeof(CXCursor) * (size_t)k->n);
    k->c = c2;
  }
  k->c[k->n++] = c;
  return CXChildVisit_Continue;
}

static Kids kids_of(CXCursor c) {
  Kids k = {0};
  clang_visitChildren(c, collect_kid, &k);
  return k;
}

/* The children that are expressions (skipping TypeRefs, attributes, ...). */
static Kids expr_kids(CXCursor c) {
  Kids k = {.exprs_only = true};
  clang_visitChildren(c, collect_kid, &k);
  return k;
}

/* ------------------------------------------------------------ locations */

static const char *intern_file(const char *name) {
  const char **last = P.file_names;
  for (int i = 0; i < 8; i++)
    if (last[i] && strcmp(last[i], name) == 0)
      return last[i];
  const char *r = last[P.next_file_name] = arena_strdup(name);
  P.next_file_name = (P.next_file_name + 1) % 8;
  return r;
}

/* Where a diagnostic points: clang's presumed location (honours #line). */
static Loc loc_of_location(CXSourceLocation l) {
  CXString file;
  unsigned line, col;
  clang_getPresumedLocation(l, &file, &line, &col);
  const char *name = clang_getCString(file);
  Loc loc = {0};
  if (name && *name)
    loc = (Loc){intern_file(name), (int)line, (int)col};
  clang_disposeString(file);
  return loc;
}

static Loc loc_of(CXCursor c) { return loc_of_location(clang_getCursorLocation(c)); }

/* A position in a file: macro arguments where written, macro bodies at the
 * invocation. */
typedef struct {
  CXFile file;
  unsigned off;
} FilePos;

static FilePos file_pos(CXSourceLocation l) {
  FilePos p = {0};
  clang_getFileLocation(l, &p.file, NULL, NULL, &p.off);
  return p;
}

/* Does this location lie in the expansion of a macro body (rather than in
 * the file or a macro argument written in the file)? */
static bool in_macro_body(CXSourceLocation l) {
  CXFile f1, f2;
  unsigned o1, o2;
  clang_getSpellingLocation(l, &f1, NULL, NULL, &o1);
  clang_getFileLocation(l, &f2, NULL, NULL, &o2);
  return o1 != o2 || !f1 || !f2 || !clang_File_isEqual(f1, f2);
}

static bool in_main_file(CXCursor c) {
  FilePos p = file_pos(clang_getCursorLocation(c));
  return p.file && clang_File_isEqual(p.file, P.main_file);
}

/* The extent of a cursor as a byte range of one file. */
typedef struct {
  CXFile file;
  unsigned start, end;
} Span;

static Span span_of(CXCursor c) {
  CXSourceRange r = clang_getCursorExtent(c);
  FilePos a = file_pos(clang_getRangeStart(r)), b = file_pos(clang_getRangeEnd(r));
  Span s = {a.file, a.off, b.off};
  if (!a.file || !b.file || !clang_File_isEqual(a.file, b.file) || b.off < a.off)
    s.end = s.start;
  return s;
}

/* The bytes of a span, as written. */
static const char *span_text(Span s) {
  size_t size = 0;
  const char *buf = s.file ? clang_getFileContents(P.tu, s.file, &size) : NULL;
  if (!buf || s.end > size)
    return "";
  return arena_strndup(buf + s.start, s.end - s.start);
}

/* ---------------------------------------------------------------- tokens */

typedef struct {
  CXToken *t;
  unsigned n;
} Toks;

static Toks toks_of_span(Span s) {
  Toks k = {0};
  if (!s.file || s.end <= s.start)
    return k;
  CXSourceRange r = clang_getRange(clang_getLocationForOffset(P.tu, s.file, s.start),
                                   clang_getLocationForOffset(P.tu, s.file, s.end));
  clang_tokenize(P.tu, r, &k.t, &k.n);
  return k;
}

static void toks_free(Toks k) {
  if (k.t)
    clang_disposeTokens(P.tu, k.t, k.n);
}

static const char *tok_str(Toks k, unsigned i) { return take_string(clang_getTokenSpelling(P.tu, k.t[i])); }

static bool tok_is(Toks k, unsigned i, const char *s) {
  if (i >= k.n)
    return false;
  CXString cs = clang_getTokenSpelling(P.tu, k.t[i]);
  bool r = strcmp(clang_getCString(cs), s) == 0;
  clang_disposeString(cs);
  return r;
}

/* Is a space needed between two tokens for readability? Not inside
 * brackets, before a comma, or between a name and its "(". */
static bool space_between(const char *prev, const char *next) {
  if (!strcmp(prev, "(") || !strcmp(prev, "[") || !strcmp(next, ")") || !strcmp(next, "]") ||
      !strcmp(next, ",") || !strcmp(next, "["))
    return false;
  char last = prev[strlen(prev) - 1];
  return !(strcmp(next, "(") == 0 && (isalnum((unsigned char)last) || last == '_'));
}

/* Tokens [from, to) joined as a person would write them. */
static const char *toks_join(Toks k, unsigned from, unsigned to) {
  Buf b = {0};
  for (unsigned i = from; i < to && i < k.n; i++) {
    if (i > from && space_between(tok_str(k, i - 1), tok_str(k, i)))
      buf_puts(&b, " ");
    buf_puts(&b, tok_str(k, i));
  }
  const char *r = arena_strdup(b.data ? b.data : "");
  free(b.data);
  return r;
}

/* The token written at a location (its spelling location), at most
 * `maxlen` bytes long. The rest of the line is tokenized: clang_getToken()
 * misses some tokens ("1." before ")" in a macro argument). */
static const char *token_at(CXSourceLocation l, CXTokenKind *kind, unsigned maxlen) {
  Span s = {0};
  clang_getSpellingLocation(l, &s.file, NULL, NULL, &s.start);
  size_t size = 0;
  const char *buf = s.file ? clang_getFileContents(P.tu, s.file, &size) : NULL;
  if (!buf || s.start >= size)
    return NULL;
  s.end = s.start;
  while (s.end < size && s.end - s.start < maxlen && buf[s.end] != '\n')
    s.end++;
  Toks k = toks_of_span(s);
  const char *r = k.n ? tok_str(k, 0) : NULL;
  if (k.n)
    *kind = clang_getTokenKind(k.t[0]);
  toks_free(k);
  return r;
}

/* ========================================================== error report */

static void vfail(Loc loc, const char *fmt, va_list ap) {
  if (P.quiet) {
    P.quiet_fails++;
    if (!P.first_fail) {
      char msg[1024];
      vsnprintf(msg, sizeof msg, fmt, ap);
      P.first_fail = arena_strdup(msg);
      P.first_fail_loc = loc;
    }
    return;
  }
  char msg[1024];
  vsnprintf(msg, sizeof msg, fmt, ap);
  error_at(loc, "%s", msg);
}

static void fail(CXCursor c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(CXCursor c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(loc_of(c), fmt, ap);
  va_end(ap);
}

static void vfail_at(Loc loc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void vfail_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vfail(loc, fmt, ap);
  va_end(ap);
}

static const char *kind_name(CXCursor c) { return take_string(clang_getCursorKindSpelling(kind_of(c))); }

/* ================================================================= types */

static Type *conv_type(CXType t);

/* VLA size expressions of one declarator, outermost dimension first. */
typedef struct {
  CXCursor *c;
  int n, next;
} Sizes;

static Type *new_type(TypeKind k) {
  Type *t = arena_alloc(sizeof(Type));
  t->kind = k;
  return t;
}

static Type *clone_type(const Type *t) {
  Type *c = arena_alloc(sizeof(Type));
  *c = *t;
  c->carries_memo = 0;
  return c;
}

/* Elaborated ("struct S", typedef uses) and attributed types are sugar
 * around the type that matters. */
static CXType peel_sugar(CXType t) {
  for (;;) {
    if (t.kind == CXType_Elaborated)
      t = clang_Type_getNamedType(t);
    else if (t.kind == CXType_Attributed)
      t = clang_Type_getModifiedType(t);
    else
      return t;
  }
}

static const char *type_spelling(CXType t) { return take_string(clang_getTypeSpelling(clang_getUnqualifiedType(t))); }

/* Builtin scalar types, spelled as clang spells them ("unsigned long"). */
static Type *builtin_type(CXType s) {
  TypeKind k;
  switch (s.kind) {
  case CXType_Void: k = TY_VOID; break;
  case CXType_Bool: k = TY_BOOL; break;
  case CXType_Char_U: case CXType_UChar: case CXType_Char16: case CXType_Char32:
  case CXType_UShort: case CXType_UInt: case CXType_ULong: case CXType_ULongLong:
  case CXType_Char_S: case CXType_SChar: case CXType_WChar: case CXType_Short:
  case CXType_Int: case CXType_Long: case CXType_LongLong:
    k = TY_INT;
    break;
  case CXType_Float: k = TY_FLOAT; break;
  case CXType_Double: k = TY_DOUBLE; break;
  case CXType_LongDouble: k = TY_LDOUBLE; break;
  default: k = TY_OTHER; break; /* _Complex, vectors, _Atomic, __int128, _Float16, ... */
  }
  Type *t = new_type(k);
  t->name = type_spelling(s);
  return t;
}

static bool record_is_anonymous(CXCursor decl) {
  return clang_Cursor_isAnonymous(decl) || !*take_string(clang_getCursorSpelling(decl));
}

typedef struct {
  Record *r;
  int i;
} FieldFill;

static enum CXVisitorResult count_field(CXCursor c, CXClientData data) {
  (void)c;
  ((Record *)data)->nfields++;
  return CXVisit_Continue;
}

static enum CXVisitorResult fill_field(CXCursor c, CXClientData data) {
  FieldFill *ff = data;
  const char *name = take_string(clang_getCursorSpelling(c));
  bool unnamed = clang_Cursor_isAnonymousRecordDecl(clang_getTypeDeclaration(clang_getCursorType(c)));
  ff->r->fields[ff->i].name = *name && !unnamed ? name : NULL; /* clang 19 spells one "S::(anonymous at ...)" */
  ff->r->fields[ff->i].ty = conv_type(clang_getCursorType(c));
  ff->i++;
  return CXVisit_Continue;
}

/* The members of a struct/union, converted once per declaration. The array
 * is registered before the members are converted, so a recursive struct
 * (struct node *next) finds it. */
static Record *record_of(CXType canon, CXCursor decl) {
  Record *r = map_get(&P.records, decl);
  if (r)
    return r;
  r = arena_alloc(sizeof(Record));
  r->incomplete = is_null(clang_getCursorDefinition(decl));
  if (!r->incomplete)
    clang_Type_visitFields(canon, count_field, r);
  r->fields = arena_alloc(sizeof(Field) * (size_t)(r->nfields + 1));
  map_put(&P.records, decl, r);
  FieldFill ff = {r, 0};
  if (!r->incomplete)
    clang_Type_visitFields(canon, fill_field, &ff);
  return r;
}

static Type *record_type(CXType s) {
  CXType canon = clang_getCanonicalType(s);
  CXCursor decl = clang_getTypeDeclaration(canon);
  Type *t = new_type(kind_of(decl) == CXCursor_UnionDecl ? TY_UNION : TY_STRUCT);
  t->name = record_is_anonymous(decl) ? NULL : type_spelling(s);
  t->tag = record_is_anonymous(decl) ? NULL : take_string(clang_getCursorSpelling(decl));
  Record *r = record_of(canon, decl);
  t->fields = r->fields;
  t->nfields = r->nfields;
  t->incomplete = r->incomplete;
  return t;
}

static Type *enum_type(CXType s) {
  Type *t = new_type(TY_INT);
  CXCursor decl = clang_getTypeDeclaration(clang_getCanonicalType(s));
  t->name = record_is_anonymous(decl) ? NULL : type_spelling(s);
  return t;
}

/* A typedef keeps its name and takes its structure from what it names. */
static Type *typedef_type(CXType s) {
  CXType under = clang_getTypedefDeclUnderlyingType(clang_getTypeDeclaration(s));
  Type *t = clone_type(conv_type(under));
  t->name = take_string(clang_getTypedefName(s));
  return t;
}

/* The type a parameter really has: arrays become pointers to their element
 * (element qualifiers kept), functions become function pointers. */
static Type *decay(Type *t) {
  if (t->kind == TY_ARRAY) {
    Type *elem = clone_type(t->base);
    elem->is_const |= t->is_const;
    elem->is_volatile |= t->is_volatile;
    return type_ptr_to(elem);
  }
  if (t->kind == TY_FUNC)
    return type_ptr_to(t);
  return t;
}

static Type *func_type(CXType s) {
  Type *t = new_type(TY_FUNC);
  t->base = conv_type(clang_getResultType(s));
  t->no_proto = s.kind == CXType_FunctionNoProto;
  int n = clang_getNumArgTypes(s);
  t->nparams = n > 0 ? n : 0;
  t->params = arena_alloc(sizeof(Type *) * (size_t)(t->nparams + 1));
  for (int i = 0; i < t->nparams; i++)
    t->params[i] = decay(conv_type(clang_getArgType(s, (unsigned)i)));
  t->is_variadic = !t->no_proto && clang_isFunctionTypeVariadic(s) == 1;
  return t;
}

static Expr *conv_expr(CXCursor c);
static Type *conv_type_sized(CXType t, Sizes *sz);

/* A constant size written in the declarator is skipped: its value is
 * array_len. It is recognised by evaluating to that value. */
static void skip_constant_size(Sizes *sz, long long len) {
  if (!sz || sz->next >= sz->n)
    return;
  CXEvalResult r = clang_Cursor_Evaluate(sz->c[sz->next]);
  if (!r)
    return;
  if (clang_EvalResult_getKind(r) == CXEval_Int && clang_EvalResult_getAsLongLong(r) == len)
    sz->next++;
  clang_EvalResult_dispose(r);
}

static Type *array_type(CXType s, Sizes *sz) {
  Type *t = new_type(TY_ARRAY);
  t->array_len = -1;
  if (s.kind == CXType_ConstantArray) {
    t->array_len = clang_getArraySize(s);
    skip_constant_size(sz, t->array_len);
  } else if (s.kind == CXType_VariableArray && sz && sz->next < sz->n) {
    t->vla_len = conv_expr(sz->c[sz->next++]);
  }
  t->base = conv_type_sized(clang_getArrayElementType(s), sz);
  return t;
}

static void set_quals(Type *ty, CXType t) {
  CXType canon = clang_getCanonicalType(t);
  ty->is_const |= clang_isConstQualifiedType(t) || clang_isConstQualifiedType(canon);
  ty->is_volatile |= clang_isVolatileQualifiedType(t) || clang_isVolatileQualifiedType(canon);
  ty->is_restrict |= clang_isRestrictQualifiedType(t) || clang_isRestrictQualifiedType(canon);
}

/* CXType -> Type. `sz` supplies VLA sizes for a declared variable's type;
 * NULL elsewhere (a VLA then has vla_len NULL). */
static Type *conv_type_sized(CXType t, Sizes *sz) {
  CXType s = peel_sugar(t);
  Type *ty;
  switch (s.kind) {
  case CXType_Typedef: ty = typedef_type(s); break;
  case CXType_Pointer: ty = type_ptr_to(conv_type_sized(clang_getPointeeType(s), sz)); break;
  case CXType_ConstantArray:
  case CXType_IncompleteArray:
  case CXType_VariableArray:
  case CXType_DependentSizedArray:
    ty = array_type(s, sz);
    break;
  case CXType_FunctionProto:
  case CXType_FunctionNoProto:
    ty = func_type(s);
    break;
  case CXType_Record: ty = record_type(s); break;
  case CXType_Enum: ty = enum_type(s); break;
  case CXType_Unexposed: {
    CXType canon = clang_getCanonicalType(s);
    ty = canon.kind != CXType_Unexposed ? clone_type(conv_type_sized(canon, sz)) : builtin_type(s);
    break;
  }
  default: ty = builtin_type(s); break;
  }
  set_quals(ty, t);
  return ty;
}

static Type *conv_type(CXType t) {
  Type *ty = cache_get(&P.types, t);
  if (!ty) {
    ty = conv_type_sized(t, NULL);
    cache_put(&P.types, t, ty);
  }
  return ty;
}

/* The type of a declared variable or parameter, with the VLA size
 * expressions written in its declarator (its expression children other
 * than the initializer, put in source order). */
static Type *decl_type(CXCursor d) {
  Kids all = expr_kids(d);
  CXCursor init = kind_of(d) == CXCursor_VarDecl ? clang_Cursor_getVarDeclInitializer(d) : clang_getNullCursor();
  Sizes sz = {arena_alloc(sizeof(CXCursor) * (size_t)(all.n + 1)), 0, 0};
  for (int i = 0; i < all.n; i++)
    if (is_null(init) || !clang_equalCursors(all.c[i], init))
      sz.c[sz.n++] = all.c[i];
  for (int i = 1; i < sz.n; i++) /* insertion sort by offset: few elements */
    for (int j = i; j > 0 && span_of(sz.c[j]).start < span_of(sz.c[j - 1]).start; j--) {
      CXCursor tmp = sz.c[j];
      sz.c[j] = sz.c[j - 1];
      sz.c[j - 1] = tmp;
    }
  CXType t = clang_getCursorType(d);
  return sz.n ? conv_type_sized(t, &sz) : conv_type(t);
}

static bool cx_is_pointerish(CXType t) {
  CXType c = clang_getCanonicalType(t);
  return c.kind == CXType_Pointer || c.kind == CXType_ConstantArray || c.kind == CXType_IncompleteArray ||
         c.kind == CXType_VariableArray;
}

/* ============================================================= variables */

static Storage global_storage(CXCursor best, bool defined) {
  if (clang_getCursorLinkage(best) == CXLinkage_Internal)
    return VAR_STATIC_GLOBAL;
  return defined ? VAR_GLOBAL : VAR_EXTERN;
}

/* Does this file-scope declaration define the variable (an initializer, or
 * a tentative definition without `extern`)? */
static bool var_decl_defines(CXCursor d) {
  return !is_null(clang_Cursor_getVarDeclInitializer(d)) || clang_Cursor_getStorageClass(d) != CX_SC_Extern;
}

/* The declaration that tells most about a global: an initialized one, then
 * a tentative definition, then any (later ones win: they may complete an
 * array type). */
static int decl_rank(CXCursor d) {
  if (!is_null(clang_Cursor_getVarDeclInitializer(d)))
    return 3;
  return clang_Cursor_getStorageClass(d) != CX_SC_Extern ? 2 : 1;
}

static void note_global_decl(CXCursor d) {
  CXCursor *old = map_get(&P.best, d);
  if (old && decl_rank(*old) > decl_rank(d))
    return;
  CXCursor *keep = arena_alloc(sizeof(CXCursor));
  *keep = d;
  map_put(&P.best, d, keep);
}

/* A global initializer is for information only: converted quietly, and
 * kept as text when the IR cannot hold it. */
static Expr *global_init(CXCursor best) {
  CXCursor init = clang_Cursor_getVarDeclInitializer(best);
  if (is_null(init))
    return NULL;
  Scope *saved = P.scope;
  int fails = P.quiet_fails;
  P.scope = NULL;
  P.quiet++;
  Expr *e = conv_expr(init);
  P.quiet--;
  P.scope = saved;
  bool failed = P.quiet_fails != fails;
  P.quiet_fails = fails; /* not a failure of the body being converted */
  if (failed) {
    Toks k = toks_of_span(span_of(init));
    e = new_expr(EX_TEXT, conv_type(clang_getCursorType(init)), loc_of(init));
    e->text = toks_join(k, 0, k.n);
    toks_free(k);
  }
  return e;
}

static Var *get_global(CXCursor d) {
  Var *v = map_get(&P.globals, d);
  if (v)
    return v;
  CXCursor *bestp = map_get(&P.best, d);
  CXCursor best = bestp ? *bestp : d;
  v = new_var(take_string(clang_getCursorSpelling(best)), decl_type(best),
              global_storage(best, var_decl_defines(best)),
              loc_of(best));
  v->is_thread_local = clang_getCursorTLSKind(best) != CXTLS_None;
  v->id = P.globals_v.len;
  vec_push(&P.globals_v, v);
  map_put(&P.globals, d, v);
  v->init = global_init(best);
  return v;
}

/* A parameter or local variable of the function being converted. */
static Var *new_local(CXCursor d, Storage st) {
  Var *v = new_var(take_string(clang_getCursorSpelling(d)), NULL, st, loc_of(d));
  v->id = P.scope->vars.len;
  vec_push(&P.scope->vars, v);
  map_put(&P.scope->locals, d, v);
  v->ty = decl_type(d); /* after registering: a VLA size may not name it, but sizeof may */
  if (st == VAR_PARAM)
    v->ty = decay(v->ty);
  v->is_thread_local = clang_getCursorTLSKind(d) != CXTLS_None;
  return v;
}

/* A variable of file scope, or a block-scope `extern` naming one. (A static
 * local has global storage too, but belongs to its function's scope.) */
static bool is_file_scope_var(CXCursor d) {
  return kind_of(d) == CXCursor_VarDecl && clang_Cursor_hasVarDeclGlobalStorage(d) == 1 &&
         (clang_Cursor_getStorageClass(d) == CX_SC_Extern ||
          kind_of(clang_getCursorSemanticParent(d)) == CXCursor_TranslationUnit);
}

static Var *lookup_var(CXCursor ref, CXCursor d) {
  Var *v = P.scope ? map_get(&P.scope->locals, d) : NULL;
  if (v)
    return v;
  if (is_file_scope_var(d))
    return get_global(d);
  fail(ref, "reference to '%s' outside of its scope", take_string(clang_getCursorSpelling(d)));
  return new_var(take_string(clang_getCursorSpelling(d)), conv_type(clang_getCursorType(d)), VAR_LOCAL,
                 loc_of(d));
}

/* ============================================================= functions */

static const char *annotation(CXCursor attr) { return take_string(clang_getCursorSpelling(attr)); }

/* "g:K" of FG_JVP_WIDTH(g, K); a K that is not a decimal number is kept
 * as 0, for analyse.c to refuse with the other bad widths. */
static void note_jvp_width(Annot *a, const char *spec) {
  const char *colon = strrchr(spec, ':');
  if (!colon)
    return;
  a->jvp_of = arena_strndup(spec, (size_t)(colon - spec));
  char *end;
  long k = strtol(colon + 1, &end, 10);
  a->jvp_width = *end || end == colon + 1 || k < 0 || k > 1 << 20 ? 0 : (int)k;
}

static enum CXChildVisitResult visit_annot(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  Annot *a = data;
  if (kind_of(c) != CXCursor_AnnotateAttr)
    return CXChildVisit_Continue;
  const char *s = annotation(c);
  if (strcmp(s, "fgcc_diff") == 0)
    a->diff = true;
  else if (strncmp(s, "fgcc_jvp:", 9) == 0)
    a->jvp_of = s + 9, a->jvp_width = 1;
  else if (strncmp(s, "fgcc_jvp_width:", 15) == 0)
    note_jvp_width(a, s + 15);
  return CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_wrt(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  if (kind_of(c) == CXCursor_AnnotateAttr && strcmp(annotation(c), "fgcc_wrt") == 0)
    *(bool *)data = true;
  return CXChildVisit_Continue;
}

/* Merge the annotations of one declaration of a function. */
static void note_annotations(CXCursor fn) {
  Annot *a = map_get(&P.annots, fn);
  if (!a) {
    a = arena_alloc(sizeof(Annot));
    map_put(&P.annots, fn, a);
  }
  clang_visitChildren(fn, visit_annot, a);
  int n = clang_Cursor_getNumArguments(fn);
  if (n > a->nwrt) {
    bool *w = arena_alloc(sizeof(bool) * (size_t)n);
    if (a->nwrt)
      memcpy(w, a->wrt, sizeof(bool) * (size_t)a->nwrt);
    a->wrt = w;
    a->nwrt = n;
  }
  for (int i = 0; i < n; i++)
    clang_visitChildren(clang_Cursor_getArgument(fn, (unsigned)i), visit_wrt, &a->wrt[i]);
}

static void apply_annotations(Func *f, CXCursor d) {
  note_annotations(d);
  Annot *a = map_get(&P.annots, d);
  f->is_diff = a->diff;
  f->jvp_of = a->jvp_of;
  f->jvp_width = a->jvp_width;
  for (int i = 0; i < f->nparams && i < a->nwrt; i++)
    f->params[i]->is_wrt = a->wrt[i];
}

/* Name, signature and flags, from the definition when there is one. */
static void fill_func(Func *f, CXCursor d) {
  f->name = take_string(clang_getCursorSpelling(d));
  f->ret = conv_type(clang_getCursorResultType(d));
  f->loc = loc_of(d);
  CXType ft = clang_getCursorType(d); /* libclang calls "()" variadic: it is not */
  f->is_variadic = ft.kind == CXType_FunctionProto && clang_isFunctionTypeVariadic(ft) == 1;
  /* a K&R definition's type has the promoted argument types (float -> double) */
  for (int i = 0; ft.kind == CXType_FunctionProto && i < clang_getNumArgTypes(ft); i++) {
    CXType declared = clang_getCursorType(clang_Cursor_getArgument(d, (unsigned)i));
    if (!clang_equalTypes(clang_getCanonicalType(clang_getArgType(ft, (unsigned)i)), clang_getCanonicalType(declared)))
      f->knr = true;
  }
  f->is_static = clang_getCursorLinkage(d) == CXLinkage_Internal;
  f->is_inline = clang_Cursor_isFunctionInlined(d) != 0;
  int n = clang_Cursor_getNumArguments(d);
  f->nparams = n > 0 ? n : 0;
  f->params = arena_alloc(sizeof(Var *) * (size_t)(f->nparams + 1));
  Scope scope = {0}, *saved = P.scope;
  P.scope = &scope; /* parameter VLA sizes refer to earlier parameters */
  for (int i = 0; i < f->nparams; i++)
    f->params[i] = new_local(clang_Cursor_getArgument(d, (unsigned)i), VAR_PARAM);
  P.scope = saved;
}

static Func *get_func(CXCursor c) {
  FuncEntry *e = map_get(&P.funcs, c);
  if (e)
    return e->fn;
  e = arena_alloc(sizeof(FuncEntry));
  map_put(&P.funcs, c, e);
  CXCursor def = clang_getCursorDefinition(c);
  e->has_def = !is_null(def);
  e->def = e->has_def ? def : c;
  vec_push(&P.entries, e);
  e->fn = arena_alloc(sizeof(Func)); /* registered before its signature names anything */
  fill_func(e->fn, e->def);
  apply_annotations(e->fn, e->def);
  return e->fn;
}

/* =========================================================== expressions */

static Expr *expr_at(ExprKind k, CXCursor c) {
  return new_expr(k, conv_type(clang_getCursorType(c)), loc_of(c));
}

/* A placeholder after a reported failure: the Program is dropped anyway. */
static Expr *bad_expr(CXCursor c) {
  Expr *e = expr_at(EX_TEXT, c);
  e->text = "0";
  return e;
}

static Expr *only_kid(CXCursor c) {
  Kids k = expr_kids(c);
  if (k.n != 1) {
    fail(c, "unsupported expression (%s with %d operands)", kind_name(c), k.n);
    return bad_expr(c);
  }
  return conv_expr(k.c[0]);
}

/* --------------------------------------------------------------- literals */

/* The body of an object-like macro is exactly `tok`, maybe in parentheses:
 * then the macro can stand for the literal. */
static bool macro_is_token(CXSourceLocation at, const char *tok) {
  CXCursor exp = clang_getCursor(P.tu, at);
  if (kind_of(exp) != CXCursor_MacroExpansion)
    return false;
  CXCursor def = clang_getCursorReferenced(exp);
  if (is_null(def) || clang_Cursor_isMacroFunctionLike(def))
    return false;
  Toks k = toks_of_span(span_of(def));
  bool paren = k.n == 4 && tok_is(k, 1, "(") && tok_is(k, 3, ")");
  bool r = (k.n == 2 && tok_is(k, 1, tok)) || (paren && tok_is(k, 2, tok));
  toks_free(k);
  return r;
}

/* The literal's value as text, from clang's evaluation (for literals made
 * by token pasting, which are spelled nowhere). */
static const char *evaluated_literal(CXCursor c) {
  CXEvalResult r = clang_Cursor_Evaluate(c);
  const char *s = NULL;
  if (r && clang_EvalResult_getKind(r) == CXEval_Int) {
    s = clang_EvalResult_isUnsignedInt(r) ? arena_printf("%lluu", clang_EvalResult_getAsUnsigned(r))
                                          : arena_printf("%lld", clang_EvalResult_getAsLongLong(r));
  } else if (r && clang_EvalResult_getKind(r) == CXEval_Float) {
    enum CXTypeKind k = clang_getCanonicalType(clang_getCursorType(c)).kind;
    s = arena_printf("%.17g", clang_EvalResult_getAsDouble(r));
    if (!strpbrk(s, ".eEn")) /* stays a floating literal */
      s = arena_printf("%s.", s);
    s = arena_printf("%s%s", s, k == CXType_Float ? "f" : k == CXType_LongDouble ? "L" : "");
  }
  if (r)
    clang_EvalResult_dispose(r);
  return s;
}

/* How a number is written: the literal token itself, or the name of a macro
 * whose whole body it is (`PI`, `N`), so the macro stays visible. */
static const char *literal_text(CXCursor c) {
  CXSourceLocation at = clang_getCursorLocation(c);
  CXTokenKind tk = CXToken_Punctuation;
  const char *spelled = token_at(at, &tk, 256);
  if (!spelled || tk != CXToken_Literal)
    return evaluated_literal(c);
  if (!in_macro_body(at))
    return spelled;
  Span s = span_of(c);
  Toks k = toks_of_span(s);
  const char *r = spelled;
  if (k.n == 1 && clang_getTokenKind(k.t[0]) == CXToken_Identifier &&
      macro_is_token(clang_getLocationForOffset(P.tu, s.file, s.start), spelled))
    r = tok_str(k, 0);
  toks_free(k);
  return r;
}

static Expr *conv_number(CXCursor c) {
  Expr *e = expr_at(EX_NUM, c);
  e->text = literal_text(c);
  if (!e->text) {
    fail(c, "cannot read this literal");
    e->text = "0";
  }
  return e;
}

/* Strings as written (adjacent pieces and macros included). One from a
 * macro body is read where it is spelled (or is the macro's name, like a
 * number); one made by # or ## is spelled nowhere: clang prints its value. */
static Expr *conv_string(CXCursor c) {
  Expr *e = expr_at(EX_STR, c);
  if (in_macro_body(clang_getCursorLocation(c)) && (e->text = literal_text(c)))
    return e;
  Toks k = toks_of_span(span_of(c));
  e->text = toks_join(k, 0, k.n);
  if (in_macro_body(clang_getCursorLocation(c)) && k.n != 1)
    e->text = take_string(clang_getCursorSpelling(c));
  toks_free(k);
  return e;
}

/* Text printed verbatim (sizeof, offsetof, va_arg): the tokens of the
 * extent, when they are this node's own -- written in the file, or a macro
 * invocation starting with one of `keywords` (offsetof, va_arg). */
static const char *own_text(CXCursor c, const char *const *keywords) {
  Toks k = toks_of_span(span_of(c));
  bool ok = k.n > 0 && !in_macro_body(clang_getCursorLocation(c));
  for (int i = 0; !ok && keywords[i]; i++)
    ok = tok_is(k, 0, keywords[i]);
  const char *s = ok ? toks_join(k, 0, k.n) : NULL;
  toks_free(k);
  return s;
}

static const char *const sizeof_words[] = {"sizeof", "_Alignof", "__alignof__", "__alignof", "alignof", NULL};

/* The operand of `sizeof expr` (also `sizeof(expr)`), or a null cursor
 * for `sizeof(type)`: an expression child that ends where the node ends
 * (the expressions inside `sizeof(double[n])` do not). */
static CXCursor sizeof_operand(CXCursor c) {
  CXTokenKind tk;
  const char *word = token_at(clang_getCursorLocation(c), &tk, 64);
  Kids k = expr_kids(c);
  if (!word || strcmp(word, "sizeof") != 0 || k.n != 1 || span_of(k.c[0]).end != span_of(c).end)
    return clang_getNullCursor();
  return k.c[0];
}

/* `sizeof expr` -> EX_SIZEOF (the operand is unevaluated IR, so later
 * stages see the names in it). `sizeof(type)` and _Alignof stay text; a
 * constant one inside a macro body, whose text is unknown, is rebuilt from
 * its value. */
static Expr *conv_sizeof(CXCursor c) {
  CXCursor operand = sizeof_operand(c);
  Expr *e = expr_at(EX_SIZEOF, c);
  if (!is_null(operand)) {
    e->lhs = conv_expr(operand);
    return e;
  }
  e->kind = EX_TEXT;
  if ((e->text = own_text(c, sizeof_words)))
    return e;
  CXEvalResult r = clang_Cursor_Evaluate(c);
  if (r && clang_EvalResult_getKind(r) == CXEval_Int)
    e->text = arena_printf("sizeof(char[%lld])", clang_EvalResult_getAsLongLong(r));
  if (r)
    clang_EvalResult_dispose(r);
  if (!e->text) {
    fail(c, "this sizeof inside a macro cannot be reproduced; write it outside the macro");
    e->text = "0";
  }
  return e;
}

/* ------------------------------------------------------------ references */

static Expr *conv_declref(CXCursor c) {
  CXCursor d = clang_getCursorReferenced(c);
  Expr *e;
  switch (kind_of(d)) {
  case CXCursor_VarDecl:
  case CXCursor_ParmDecl: {
    Var *v = lookup_var(c, d);
    e = new_expr(EX_VAR, v->ty, loc_of(c));
    e->var = v;
    return e;
  }
  case CXCursor_FunctionDecl:
    e = expr_at(EX_NAME, c);
    e->fn = get_func(d);
    e->text = e->fn->name;
    return e;
  case CXCursor_EnumConstantDecl:
    e = expr_at(EX_NAME, c);
    e->text = take_string(clang_getCursorSpelling(d));
    return e;
  default:
    fail(c, "unsupported reference to a %s", kind_name(d));
    return bad_expr(c);
  }
}

/* ------------------------------------------------------------- operators */

static Expr *conv_unary(CXCursor c) {
  enum CXUnaryOperatorKind op = clang_getCursorUnaryOperatorKind(c);
  if (op == CXUnaryOperator_Extension) /* __extension__ e is e */
    return only_kid(c);
  static const struct { ExprKind k; Op op; } map[] = {
      [CXUnaryOperator_PostInc] = {EX_POSTINC, OP_NONE}, [CXUnaryOperator_PostDec] = {EX_POSTDEC, OP_NONE},
      [CXUnaryOperator_PreInc] = {EX_PREINC, OP_NONE},   [CXUnaryOperator_PreDec] = {EX_PREDEC, OP_NONE},
      [CXUnaryOperator_AddrOf] = {EX_ADDR, OP_NONE},     [CXUnaryOperator_Deref] = {EX_DEREF, OP_NONE},
      [CXUnaryOperator_Plus] = {EX_UNARY, OP_PLUS},      [CXUnaryOperator_Minus] = {EX_UNARY, OP_NEG},
      [CXUnaryOperator_Not] = {EX_UNARY, OP_BITNOT},     [CXUnaryOperator_LNot] = {EX_UNARY, OP_NOT},
  };
  if (op < CXUnaryOperator_PostInc || op > CXUnaryOperator_LNot) {
    fail(c, "unsupported operator (%s): complex numbers are not supported",
         take_string(clang_getUnaryOperatorKindSpelling(op)));
    return bad_expr(c);
  }
  Expr *e = expr_at(map[op].k, c);
  e->op = map[op].op;
  e->lhs = only_kid(c);
  return e;
}

typedef struct {
  ExprKind k;
  Op op;
} BinOp;

static BinOp binop_of(enum CXBinaryOperatorKind k) {
  switch (k) {
  case CXBinaryOperator_Mul: return (BinOp){EX_BINARY, OP_MUL};
  case CXBinaryOperator_Div: return (BinOp){EX_BINARY, OP_DIV};
  case CXBinaryOperator_Rem: return (BinOp){EX_BINARY, OP_MOD};
  case CXBinaryOperator_Add: return (BinOp){EX_BINARY, OP_ADD};
  case CXBinaryOperator_Sub: return (BinOp){EX_BINARY, OP_SUB};
  case CXBinaryOperator_Shl: return (BinOp){EX_BINARY, OP_SHL};
  case CXBinaryOperator_Shr: return (BinOp){EX_BINARY, OP_SHR};
  case CXBinaryOperator_LT: return (BinOp){EX_BINARY, OP_LT};
  case CXBinaryOperator_GT: return (BinOp){EX_BINARY, OP_GT};
  case CXBinaryOperator_LE: return (BinOp){EX_BINARY, OP_LE};
  case CXBinaryOperator_GE: return (BinOp){EX_BINARY, OP_GE};
  case CXBinaryOperator_EQ: return (BinOp){EX_BINARY, OP_EQ};
  case CXBinaryOperator_NE: return (BinOp){EX_BINARY, OP_NE};
  case CXBinaryOperator_And: return (BinOp){EX_BINARY, OP_BITAND};
  case CXBinaryOperator_Xor: return (BinOp){EX_BINARY, OP_BITXOR};
  case CXBinaryOperator_Or: return (BinOp){EX_BINARY, OP_BITOR};
  case CXBinaryOperator_LAnd: return (BinOp){EX_BINARY, OP_LOGAND};
  case CXBinaryOperator_LOr: return (BinOp){EX_BINARY, OP_LOGOR};
  case CXBinaryOperator_Assign: return (BinOp){EX_ASSIGN, OP_NONE};
  case CXBinaryOperator_MulAssign: return (BinOp){EX_ASSIGN, OP_MUL};
  case CXBinaryOperator_DivAssign: return (BinOp){EX_ASSIGN, OP_DIV};
  case CXBinaryOperator_RemAssign: return (BinOp){EX_ASSIGN, OP_MOD};
  case CXBinaryOperator_AddAssign: return (BinOp){EX_ASSIGN, OP_ADD};
  case CXBinaryOperator_SubAssign: return (BinOp){EX_ASSIGN, OP_SUB};
  case CXBinaryOperator_ShlAssign: return (BinOp){EX_ASSIGN, OP_SHL};
  case CXBinaryOperator_ShrAssign: return (BinOp){EX_ASSIGN, OP_SHR};
  case CXBinaryOperator_AndAssign: return (BinOp){EX_ASSIGN, OP_BITAND};
  case CXBinaryOperator_XorAssign: return (BinOp){EX_ASSIGN, OP_BITXOR};
  case CXBinaryOperator_OrAssign: return (BinOp){EX_ASSIGN, OP_BITOR};
  case CXBinaryOperator_Comma: return (BinOp){EX_COMMA, OP_NONE};
  default: return (BinOp){EX_TEXT, OP_NONE}; /* .* ->* <=> */
  }
}

static Expr *conv_binary(CXCursor c) {
  BinOp b = binop_of(clang_getCursorBinaryOperatorKind(c));
  Kids k = expr_kids(c);
  if (b.k == EX_TEXT || k.n != 2) {
    fail(c, "unsupported binary operator");
    return bad_expr(c);
  }
  Expr *e = expr_at(b.k, c);
  e->op = b.op;
  e->lhs = conv_expr(k.c[0]);
  e->rhs = conv_expr(k.c[1]);
  return e;
}

static Expr *conv_cond(CXCursor c) {
  Kids k = expr_kids(c);
  if (k.n != 3) {
    fail(c, "unsupported conditional expression");
    return bad_expr(c);
  }
  Expr *e = expr_at(EX_COND, c);
  e->cond = conv_expr(k.c[0]);
  e->lhs = conv_expr(k.c[1]);
  e->rhs = conv_expr(k.c[2]);
  return e;
}

/* ------------------------------------------------------------------ calls */

/* An implicit conversion: an unexposed node with one operand and the same
 * extent (libclang does not expose ImplicitCastExpr). */
static bool is_implicit_node(CXCursor c, Kids k) {
  if (kind_of(c) != CXCursor_UnexposedExpr || k.n != 1)
    return false;
  Span a = span_of(c), b = span_of(k.c[0]);
  return a.start == b.start && a.end == b.end;
}

/* The function a callee expression names directly, or a null cursor. */
static CXCursor direct_callee(CXCursor callee) {
  for (;;) {
    Kids k = expr_kids(callee);
    if (kind_of(callee) == CXCursor_ParenExpr && k.n == 1)
      callee = k.c[0];
    else if (is_implicit_node(callee, k))
      callee = k.c[0];
    else
      break;
  }
  CXCursor d = kind_of(callee) == CXCursor_DeclRefExpr ? clang_getCursorReferenced(callee) : clang_getNullCursor();
  return kind_of(d) == CXCursor_FunctionDecl ? d : clang_getNullCursor();
}

static Expr *conv_call(CXCursor c) {
  Expr *e = expr_at(EX_CALL, c);
  Kids k = expr_kids(c);
  CXCursor callee = k.n ? k.c[0] : clang_getNullCursor();
  CXCursor fn = is_null(callee) ? callee : direct_callee(callee);
  if (!is_null(fn)) {
    e->fn = get_func(fn);
    e->text = e->fn->name;
  } else if (!is_null(callee)) {
    e->lhs = conv_expr(callee);
  } else {
    fail(c, "unsupported call");
  }
  int n = clang_Cursor_getNumArguments(c);
  e->nargs = n > 0 ? n : 0;
  e->args = arena_alloc(sizeof(Expr *) * (size_t)(e->nargs + 1));
  for (int i = 0; i < e->nargs; i++)
    e->args[i] = conv_expr(clang_Cursor_getArgument(c, (unsigned)i));
  return e;
}

/* ---------------------------------------------------------------- access */

/* a[i], normalised so that lhs is the pointer or array (also for i[a]). */
static Expr *conv_index(CXCursor c) {
  Kids k = expr_kids(c);
  if (k.n != 2) {
    fail(c, "unsupported subscript");
    return bad_expr(c);
  }
  int base = !cx_is_pointerish(clang_getCursorType(k.c[0])) && cx_is_pointerish(clang_getCursorType(k.c[1]));
  Expr *e = expr_at(EX_INDEX, c);
  e->lhs = conv_expr(k.c[base]);
  e->rhs = conv_expr(k.c[1 - base]);
  return e;
}

static Expr *conv_member(CXCursor c) {
  Kids k = expr_kids(c);
  if (k.n != 1) {
    fail(c, "unsupported member access");
    return bad_expr(c);
  }
  Expr *e = expr_at(EX_MEMBER, c);
  e->text = take_string(clang_getCursorSpelling(c));
  e->arrow = clang_getCanonicalType(clang_getCursorType(k.c[0])).kind == CXType_Pointer;
  e->lhs = conv_expr(k.c[0]);
  if (e->lhs->kind == EX_MEMBER && !*e->lhs->text) { /* through an anonymous struct/union */
    e->arrow = e->lhs->arrow;
    e->lhs = e->lhs->lhs;
  }
  return e;
}

/* ------------------------------------------------- casts and initializers */

static Expr *conv_cast(CXCursor c) {
  Kids k = expr_kids(c);
  if (k.n < 1) {
    fail(c, "unsupported cast");
    return bad_expr(c);
  }
  Expr *e = expr_at(EX_CAST, c);
  e->cast_ty = e->ty;
  e->lhs = conv_expr(k.c[k.n - 1]);
  return e;
}

/* Implicit conversions that matter become EX_CAST(implicit): between
 * arithmetic kinds (a conversion to int stops a derivative, float <-> double
 * changes precision) and to or from pointers. Others (lvalue-to-rvalue,
 * array/function decay, int -> long) are dropped. */
static Expr *conv_implicit(CXCursor c, CXCursor kid) {
  Expr *x = conv_expr(kid);
  Type *to = conv_type(clang_getCursorType(c));
  TypeKind from = x->ty ? x->ty->kind : TY_OTHER;
  if (to->kind == TY_PTR && (from == TY_ARRAY || from == TY_FUNC))
    return x;
  /* no conversion yields an array or function: this is a reference to a
   * parameter, whose adjusted type libclang does not show */
  if (to->kind == from || to->kind == TY_ARRAY || to->kind == TY_FUNC)
    return x;
  Expr *e = new_expr(EX_CAST, to, x->loc);
  e->cast_ty = to;
  e->implicit = true;
  e->lhs = x;
  return e;
}

static bool has_designator(CXCursor list) {
  Kids k = kids_of(list);
  for (int i = 0; i < k.n; i++) {
    if (kind_of(k.c[i]) != CXCursor_UnexposedExpr)
      continue;
    Toks t = toks_of_span(span_of(k.c[i]));
    bool d = tok_is(t, 0, ".") || tok_is(t, 0, "[");
    toks_free(t);
    if (d)
      return true;
  }
  return false;
}

/* { a, b } -> EX_INIT; with designators the list is kept as text. */
static Expr *conv_init_list(CXCursor c) {
  if (has_designator(c)) {
    static const char *const brace[] = {"{", NULL};
    Expr *e = expr_at(EX_TEXT, c);
    if (!(e->text = own_text(c, brace))) {
      fail(c, "designated initializer inside a macro is not supported");
      e->text = "{0}";
    }
    return e;
  }
  Kids k = expr_kids(c);
  Expr *e = expr_at(EX_INIT, c);
  e->nargs = k.n;
  e->args = arena_alloc(sizeof(Expr *) * (size_t)(k.n + 1));
  for (int i = 0; i < k.n; i++)
    e->args[i] = conv_expr(k.c[i]);
  return e;
}

static Expr *conv_compound(CXCursor c) {
  Kids k = expr_kids(c);
  if (k.n != 1) {
    fail(c, "unsupported compound literal");
    return bad_expr(c);
  }
  Expr *e = expr_at(EX_COMPOUND, c);
  e->cast_ty = e->ty;
  e->lhs = conv_expr(k.c[0]);
  return e;
}

/* Unexposed expressions: implicit conversions, and a few builtins kept as
 * text. Anything else (GNU ?:, designators outside lists, ...) is refused. */
static Expr *conv_unexposed(CXCursor c) {
  Kids k = expr_kids(c);
  if (is_implicit_node(c, k))
    return conv_implicit(c, k.c[0]);
  static const char *const words[] = {"va_arg", "__builtin_va_arg", "offsetof", "__builtin_offsetof",
                                      "__func__", "__FUNCTION__", "__PRETTY_FUNCTION__", NULL};
  Expr *e = expr_at(EX_TEXT, c);
  CXTokenKind tk;
  const char *word = token_at(clang_getCursorLocation(c), &tk, 64);
  if (k.n == 0 && word && (!strcmp(word, "__func__") || !strcmp(word, "__FUNCTION__") ||
                           !strcmp(word, "__PRETTY_FUNCTION__"))) {
    e->text = word;
    return e;
  }
  Toks t = toks_of_span(span_of(c));
  bool known = false;
  for (int i = 0; words[i]; i++)
    known |= tok_is(t, 0, words[i]);
  toks_free(t);
  if (known && (e->text = own_text(c, words)))
    return e;
  fail(c, "unsupported expression (GNU extension or construct fgcc cannot represent)");
  return bad_expr(c);
}

static Expr *conv_expr(CXCursor c) {
  switch (kind_of(c)) {
  case CXCursor_IntegerLiteral:
  case CXCursor_FloatingLiteral:
  case CXCursor_CharacterLiteral:
    return conv_number(c);
  case CXCursor_StringLiteral: return conv_string(c);
  case CXCursor_DeclRefExpr: return conv_declref(c);
  case CXCursor_ParenExpr: return only_kid(c);
  case CXCursor_UnexposedExpr: return conv_unexposed(c);
  case CXCursor_UnaryOperator: return conv_unary(c);
  case CXCursor_BinaryOperator:
  case CXCursor_CompoundAssignOperator:
    return conv_binary(c);
  case CXCursor_ConditionalOperator: return conv_cond(c);
  case CXCursor_CallExpr: return conv_call(c);
  case CXCursor_ArraySubscriptExpr: return conv_index(c);
  case CXCursor_MemberRefExpr: return conv_member(c);
  case CXCursor_CStyleCastExpr: return conv_cast(c);
  case CXCursor_CompoundLiteralExpr: return conv_compound(c);
  case CXCursor_InitListExpr: return conv_init_list(c);
  case CXCursor_UnaryExpr: return conv_sizeof(c);
  case CXCursor_StmtExpr:
    fail(c, "statement expressions ({ ... }) are not supported");
    return bad_expr(c);
  case CXCursor_AddrLabelExpr:
    fail(c, "computed goto is not supported");
    return bad_expr(c);
  case CXCursor_GenericSelectionExpr:
    fail(c, "_Generic is not supported");
    return bad_expr(c);
  case CXCursor_ImaginaryLiteral:
    fail(c, "complex numbers are not supported");
    return bad_expr(c);
  default:
    fail(c, "unsupported expression (%s)", kind_name(c));
    return bad_expr(c);
  }
}

/* ============================================================ statements */

static Stmt *conv_stmt(CXCursor c);
static void conv_stmt_into(Vec *out, CXCursor c);

static Stmt *stmt_at(StmtKind k, CXCursor c) { return new_stmt(k, loc_of(c)); }

static Stmt *text_stmt(CXCursor c) {
  Stmt *s = stmt_at(ST_TEXT, c);
  const char *t = span_text(span_of(c));
  size_t n = strlen(t);
  s->text = n && t[n - 1] == ';' ? t : arena_printf("%s;", t);
  return s;
}

/* `assert(e)` from <assert.h> (a GNU statement expression in glibc) is
 * kept as written: it has no effect on values when it holds. */
static Expr *assert_text(CXCursor c) {
  if (!in_macro_body(clang_getCursorLocation(c)))
    return NULL;
  Toks k = toks_of_span(span_of(c));
  Expr *e = NULL;
  if (k.n >= 4 && tok_is(k, 0, "assert") && tok_is(k, 1, "(") && tok_is(k, k.n - 1, ")")) {
    e = new_expr(EX_TEXT, type_basic(TY_VOID), loc_of(c));
    e->text = toks_join(k, 0, k.n);
  }
  toks_free(k);
  return e;
}

static Stmt *expr_stmt(CXCursor c) {
  Expr *e = assert_text(c);
  Stmt *s = stmt_at(ST_EXPR, c);
  s->expr = e ? e : conv_expr(c);
  return s;
}

/* --------------------------------------------------------- declarations */

static bool is_tag_definition(CXCursor d) {
  enum CXCursorKind k = kind_of(d);
  return (k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl) &&
         clang_isCursorDefinition(d);
}

static bool is_local_var(CXCursor d) {
  return kind_of(d) == CXCursor_VarDecl && clang_Cursor_getStorageClass(d) != CX_SC_Extern;
}

static Stmt *decl_var(CXCursor d) {
  Storage st = clang_Cursor_getStorageClass(d) == CX_SC_Static ? VAR_STATIC_LOCAL : VAR_LOCAL;
  Var *v = new_local(d, st);
  CXCursor init = clang_Cursor_getVarDeclInitializer(d);
  if (!is_null(init))
    v->init = conv_expr(init);
  Stmt *s = stmt_at(ST_DECL, d);
  s->var = v;
  return s;
}

/* `struct S {...} s;` in a body: the definition becomes text of its own
 * before the variables. An anonymous struct or union stays with its
 * variables: the printer spells its body inline. (An anonymous enum is
 * split off: its variables are ints.) */
static Stmt *split_tag(CXCursor tag) {
  if (kind_of(tag) != CXCursor_EnumDecl && clang_Cursor_isAnonymous(tag))
    return NULL;
  return text_stmt(tag);
}

/* A declaration statement: one ST_DECL per variable; local types, typedefs,
 * function and extern declarations as text. */
static void conv_decl_stmt(Vec *out, CXCursor c) {
  Kids k = kids_of(c);
  int nvars = 0, nother = 0;
  for (int i = 0; i < k.n; i++) {
    enum CXCursorKind kind = kind_of(k.c[i]);
    if (is_local_var(k.c[i]))
      nvars++;
    else if (kind != CXCursor_StructDecl && kind != CXCursor_UnionDecl && kind != CXCursor_EnumDecl)
      nother++; /* typedef, function or extern declaration */
  }
  if (nvars && nother) {
    fail(c, "declare the function and the variable separately");
    return;
  }
  if (!nvars) {
    vec_push(out, text_stmt(c));
    return;
  }
  for (int i = 0; i < k.n; i++)
    if (is_local_var(k.c[i]))
      vec_push(out, decl_var(k.c[i]));
    else if (is_tag_definition(k.c[i]))
      if (split_tag(k.c[i]))
        vec_push(out, split_tag(k.c[i]));
}

/* ---------------------------------------------------------------- blocks */

/* ---------------------------------------------------------------- OpenMP
 * libclang parsing with -fopenmp hides a directive's statement inside a
 * captured region it does not expose. So fgcc parses without -fopenmp
 * (_OPENMP defined, as the compiler would) and reads the `#pragma omp`
 * lines in the text between the statements of a block: a directive
 * applies to the statement after it, or stands alone (barrier, ...). */

static bool omp_standalone(const char *text) {
  static const char *const alone[] = {"barrier", "taskwait", "taskyield", "flush", NULL};
  for (int i = 0; alone[i]; i++) {
    size_t n = strlen(alone[i]);
    if (strncmp(text, alone[i], n) == 0 && !isalnum((unsigned char)text[n]) && text[n] != '_')
      return true;
  }
  return false;
}

/* A directive line from t[i] (just after "#"), continuation lines joined:
 * its text after "pragma omp", or NULL for another directive. *next is
 * the end of the line. */
static const char *omp_line(const char *t, unsigned i, unsigned to, unsigned *next) {
  Buf b = {0};
  buf_puts(&b, "");
  for (; i < to && t[i] != '\n'; i++) {
    if (t[i] == '\\' && i + 1 < to && t[i + 1] == '\n') {
      i++;
      buf_puts(&b, " ");
    } else if (t[i] != '\r') {
      char c[2] = {t[i] == '\t' ? ' ' : t[i], 0};
      buf_puts(&b, c);
    }
  }
  *next = i;
  const char *s = b.data;
  while (*s == ' ')
    s++;
  const char *r = NULL;
  if (strncmp(s, "pragma", 6) == 0 && s[6] == ' ') {
    s += 7;
    while (*s == ' ')
      s++;
    if (strncmp(s, "omp", 3) == 0 && (s[3] == ' ' || !s[3])) {
      s += 3;
      while (*s == ' ')
        s++;
      size_t n = strlen(s);
      while (n && s[n - 1] == ' ')
        n--;
      r = arena_strndup(s, n);
    }
  }
  free(b.data);
  return r;
}

/* The `#pragma omp` directives in t[from, to), skipping comments; *at gets
 * each one's offset. */
static int omp_pragmas(const char *t, unsigned from, unsigned to, const char **out, unsigned *at, int max) {
  int n = 0;
  bool line_start = true;
  for (unsigned i = from; i < to; i++) {
    if (t[i] == '/' && i + 1 < to && t[i + 1] == '/') {
      while (i < to && t[i] != '\n')
        i++;
    } else if (t[i] == '/' && i + 1 < to && t[i + 1] == '*') {
      for (i += 2; i + 1 < to && !(t[i] == '*' && t[i + 1] == '/'); i++)
        ;
      i++;
      continue;
    }
    if (i < to && t[i] == '#' && line_start) {
      unsigned next;
      const char *d = omp_line(t, i + 1, to, &next);
      if (d && n < max) {
        at[n] = i;
        out[n++] = d;
      }
      i = next;
    }
    if (i < to)
      line_start = t[i] == '\n' || (line_start && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'));
  }
  return n;
}

static Loc loc_at(CXFile f, unsigned off) { return loc_of_location(clang_getLocationForOffset(P.tu, f, off)); }

static Stmt *omp_stmt(const char *text, Loc loc, unsigned at) {
  Stmt *s = new_stmt(ST_OMP, loc);
  s->text = text;
  if (P.omp_attached < 64)
    P.omp_at[P.omp_attached] = at;
  P.omp_attached++;
  return s;
}

/* Every directive of a body must have found its statement: one in a place
 * the blocks' scan does not see (the body of an if or a loop without
 * braces) would vanish silently. */
static void check_omp_attached(CXCursor body) {
  Span s = span_of(body);
  size_t size = 0;
  const char *t = P.openmp && s.file ? clang_getFileContents(P.tu, s.file, &size) : NULL;
  if (!t || s.end > size)
    return;
  const char *d[64];
  unsigned at[64];
  int n = omp_pragmas(t, s.start, s.end, d, at, 64);
  for (int i = 0; i < n; i++) {
    bool seen = false;
    for (int j = 0; j < P.omp_attached && j < 64; j++)
      seen |= P.omp_at[j] == at[i];
    if (!seen) {
      vfail_at(loc_at(s.file, at[i]), "an OpenMP directive fgcc cannot place: put the statement it applies to, "
                                      "with the directive, inside braces");
      return;
    }
  }
}

/* The directives in [from, to) of the block's file: standalone ones go into
 * v; the one that applies to the next statement is returned. */
static Stmt *omp_before(Vec *v, CXFile f, unsigned from, unsigned to) {
  size_t size = 0;
  const char *t = P.openmp && f ? clang_getFileContents(P.tu, f, &size) : NULL;
  if (!t || to > size || from >= to)
    return NULL;
  const char *d[16];
  unsigned at[16];
  int n = omp_pragmas(t, from, to, d, at, 16);
  Stmt *next = NULL;
  for (int i = 0; i < n; i++) {
    Stmt *s = omp_stmt(d[i], loc_at(f, at[i]), at[i]);
    if (omp_standalone(d[i]))
      vec_push(v, s);
    else if (next)
      vfail_at(s->loc, "two OpenMP directives before one statement: combine them or put braces between");
    else
      next = s;
  }
  return next;
}

static Stmt *conv_compound_stmt(CXCursor c) {
  Kids k = kids_of(c);
  Vec v = {0};
  Span s = span_of(c);
  unsigned prev = s.start + 1; /* after '{' */
  for (int i = 0; i < k.n; i++) {
    Span cs = span_of(k.c[i]);
    Stmt *omp = cs.file && s.file && clang_File_isEqual(cs.file, s.file) ? omp_before(&v, s.file, prev, cs.start) : NULL;
    int at = v.len;
    conv_stmt_into(&v, k.c[i]);
    if (omp && v.len != at + 1)
      vfail_at(omp->loc, "an OpenMP directive before a declaration");
    else if (omp) {
      omp->body = v.data[at];
      v.data[at] = omp;
    }
    if (cs.end > prev)
      prev = cs.end;
  }
  if (s.end > prev) {
    Stmt *omp = omp_before(&v, s.file, prev, s.end - 1);
    if (omp)
      vfail_at(omp->loc, "an OpenMP directive with no statement after it");
  }
  return new_block(&v, loc_of(c));
}

/* --------------------------------------------------------- control flow */

static Stmt *conv_if(CXCursor c) {
  Kids k = kids_of(c);
  Stmt *s = stmt_at(ST_IF, c);
  if (k.n < 2) {
    fail(c, "unsupported if statement");
    return s;
  }
  s->expr = conv_expr(k.c[0]);
  s->then = conv_stmt(k.c[1]);
  if (k.n > 2)
    s->els = conv_stmt(k.c[2]);
  return s;
}

/* Which of init; cond; step are written: libclang lists only the present
 * ones, so look at the tokens between the parentheses. */
static bool for_parts(CXCursor c, int nkids, bool has[3]) {
  Toks k = toks_of_span(span_of(c));
  bool ok = !in_macro_body(clang_getCursorLocation(c)) && tok_is(k, 0, "for") && tok_is(k, 1, "(");
  int part = 0, depth = 0;
  has[0] = has[1] = has[2] = false;
  for (unsigned i = 2; ok && i < k.n; i++) {
    if (depth == 0 && tok_is(k, i, ")"))
      break;
    if (depth == 0 && tok_is(k, i, ";")) {
      ok = ++part < 3;
      continue;
    }
    depth += tok_is(k, i, "(") || tok_is(k, i, "[") || tok_is(k, i, "{");
    depth -= tok_is(k, i, ")") || tok_is(k, i, "]") || tok_is(k, i, "}");
    has[part] = true;
  }
  toks_free(k);
  if (ok && has[0] + has[1] + has[2] + 1 == nkids)
    return true;
  /* written by a macro: only the unambiguous cases */
  has[0] = has[1] = has[2] = nkids == 4;
  return nkids == 4 || nkids == 1;
}

/* for-init: an expression, or declarations printed as one list. */
static Stmt *conv_for_init(CXCursor c) {
  if (kind_of(c) != CXCursor_DeclStmt)
    return expr_stmt(c);
  Vec v = {0};
  conv_decl_stmt(&v, c);
  for (int i = 0; i < v.len; i++)
    if (((Stmt *)v.data[i])->kind != ST_DECL)
      fail(c, "unsupported declaration in a for statement");
  return new_block(&v, loc_of(c));
}

static Stmt *conv_for(CXCursor c) {
  Kids k = kids_of(c);
  Stmt *s = stmt_at(ST_FOR, c);
  bool has[3];
  if (!for_parts(c, k.n, has)) {
    fail(c, "cannot tell the parts of this for statement apart (written by a macro)");
    return s;
  }
  int i = 0;
  if (has[0])
    s->init = conv_for_init(k.c[i++]);
  if (has[1])
    s->cond = conv_expr(k.c[i++]);
  if (has[2])
    s->step = conv_expr(k.c[i++]);
  s->body = conv_stmt(k.c[i]);
  return s;
}

/* while (c) body, switch (c) body, do body while (c). */
static Stmt *conv_loop(CXCursor c, StmtKind kind) {
  Kids k = kids_of(c);
  Stmt *s = stmt_at(kind, c);
  if (k.n != 2) {
    fail(c, "unsupported %s statement (a declaration in the condition?)", kind_name(c));
    return s;
  }
  int body = kind == ST_DO ? 0 : 1;
  s->body = conv_stmt(k.c[body]);
  s->expr = conv_expr(k.c[1 - body]);
  return s;
}

static Stmt *conv_case(CXCursor c) {
  Kids k = kids_of(c);
  Stmt *s = stmt_at(ST_CASE, c);
  if (k.n != 2) {
    fail(c, "case ranges (GNU) are not supported");
    return s;
  }
  s->expr = conv_expr(k.c[0]);
  s->body = conv_stmt(k.c[1]);
  return s;
}

/* default: body, label: body. */
static Stmt *conv_labelled(CXCursor c, StmtKind kind) {
  Kids k = kids_of(c);
  Stmt *s = stmt_at(kind, c);
  if (kind == ST_LABEL)
    s->label = take_string(clang_getCursorSpelling(c));
  if (k.n >= 1)
    s->body = conv_stmt(k.c[k.n - 1]);
  return s;
}

static Stmt *conv_return(CXCursor c) {
  Kids k = expr_kids(c);
  Stmt *s = stmt_at(ST_RETURN, c);
  if (k.n == 1)
    s->expr = conv_expr(k.c[0]);
  return s;
}

static Stmt *conv_goto(CXCursor c) {
  Kids k = kids_of(c);
  Stmt *s = stmt_at(ST_GOTO, c);
  for (int i = 0; i < k.n; i++)
    if (kind_of(k.c[i]) == CXCursor_LabelRef)
      s->label = take_string(clang_getCursorSpelling(k.c[i]));
  if (!s->label)
    fail(c, "unsupported goto");
  return s;
}

/* An attributed statement (`__attribute__((fallthrough));`) is its statement. */
static Stmt *conv_unexposed_stmt(CXCursor c) {
  Kids k = kids_of(c);
  Toks t = toks_of_span(span_of(c));
  bool attr = tok_is(t, 0, "__attribute__") || tok_is(t, 0, "[");
  toks_free(t);
  if (attr && k.n >= 1 && (clang_isStatement(kind_of(k.c[k.n - 1])) || clang_isExpression(kind_of(k.c[k.n - 1]))))
    return conv_stmt(k.c[k.n - 1]);
  fail(c, "unsupported statement");
  return stmt_at(ST_NULL, c);
}

static Stmt *conv_stmt_kind(CXCursor c) {
  switch (kind_of(c)) {
  case CXCursor_CompoundStmt: return conv_compound_stmt(c);
  case CXCursor_IfStmt: return conv_if(c);
  case CXCursor_ForStmt: return conv_for(c);
  case CXCursor_WhileStmt: return conv_loop(c, ST_WHILE);
  case CXCursor_DoStmt: return conv_loop(c, ST_DO);
  case CXCursor_SwitchStmt: return conv_loop(c, ST_SWITCH);
  case CXCursor_CaseStmt: return conv_case(c);
  case CXCursor_DefaultStmt: return conv_labelled(c, ST_DEFAULT);
  case CXCursor_LabelStmt: return conv_labelled(c, ST_LABEL);
  case CXCursor_BreakStmt: return stmt_at(ST_BREAK, c);
  case CXCursor_ContinueStmt: return stmt_at(ST_CONTINUE, c);
  case CXCursor_ReturnStmt: return conv_return(c);
  case CXCursor_GotoStmt: return conv_goto(c);
  case CXCursor_NullStmt: return stmt_at(ST_NULL, c);
  case CXCursor_UnexposedStmt: return conv_unexposed_stmt(c);
  case CXCursor_GCCAsmStmt:
  case CXCursor_MSAsmStmt:
    fail(c, "inline assembly cannot be differentiated");
    return stmt_at(ST_NULL, c);
  case CXCursor_IndirectGotoStmt:
    fail(c, "computed goto is not supported");
    return stmt_at(ST_NULL, c);
  default:
    if (strncmp(kind_name(c), "OMP", 3) == 0)
      fail(c, "OpenMP directives (here %s) cannot be differentiated yet; without -fopenmp they are ignored and "
              "the code runs serially", kind_name(c) + 3);
    else
      fail(c, "unsupported statement (%s)", kind_name(c));
    return stmt_at(ST_NULL, c);
  }
}

/* A statement in a block: declarations may give several. */
static void conv_stmt_into(Vec *out, CXCursor c) {
  if (kind_of(c) == CXCursor_DeclStmt)
    conv_decl_stmt(out, c);
  else
    vec_push(out, conv_stmt(c));
}

/* A statement in a single-statement position. */
static Stmt *conv_stmt(CXCursor c) {
  if (clang_isExpression(kind_of(c)))
    return expr_stmt(c);
  if (kind_of(c) != CXCursor_DeclStmt)
    return conv_stmt_kind(c);
  Vec v = {0};
  conv_decl_stmt(&v, c);
  return v.len == 1 ? v.data[0] : new_block(&v, loc_of(c));
}

/* ================================================================ bodies */

static CXCursor body_of(CXCursor def) {
  Kids k = kids_of(def);
  for (int i = k.n - 1; i >= 0; i--)
    if (kind_of(k.c[i]) == CXCursor_CompoundStmt)
      return k.c[i];
  return clang_getNullCursor();
}

/* Convert one definition, quietly: a body fgcc cannot represent is an error
 * only if the function has to be differentiated (analyse.c reports it). */
static void conv_body(FuncEntry *e) {
  Func *f = e->fn;
  CXCursor body = body_of(e->def);
  if (is_null(body))
    return;
  Scope scope = {0};
  P.scope = &scope;
  for (int i = 0; i < f->nparams; i++) {
    map_put(&scope.locals, clang_Cursor_getArgument(e->def, (unsigned)i), f->params[i]);
    vec_push(&scope.vars, f->params[i]);
  }
  int fails = P.quiet_fails;
  P.quiet++;
  P.first_fail = NULL;
  P.omp_attached = 0;
  f->body = conv_stmt(body);
  check_omp_attached(body);
  P.quiet--;
  if (P.quiet_fails != fails) {
    f->body = NULL;
    f->body_error = P.first_fail ? P.first_fail : "construct fgcc cannot represent";
    f->body_error_loc = P.first_fail_loc;
  }
  f->locals = (Var **)scope.vars.data;
  f->nlocals = scope.vars.len;
  P.scope = NULL;
}

/* Bodies can name more functions: the list grows while it is walked. */
static void conv_bodies(void) {
  for (int i = 0; i < P.entries.len; i++) {
    FuncEntry *e = P.entries.data[i];
    if (e->has_def)
      conv_body(e);
  }
}

/* ================================================================== tops */

/* The declarations of the main file that overlap or touch, with the
 * byte range they cover. */
typedef struct {
  unsigned start, end;
  Kids curs;
} Group;

typedef struct {
  Group *g;
  int n, cap;
} Groups;

static void add_group(Groups *gs, CXCursor c, Span s) {
  if (gs->n && s.start <= gs->g[gs->n - 1].end) {
    Group *last = &gs->g[gs->n - 1];
    if (s.end > last->end)
      last->end = s.end;
    if (s.start < last->start)
      last->start = s.start;
    collect_kid(c, c, &last->curs);
    return;
  }
  if (gs->n == gs->cap) {
    gs->cap = gs->cap ? 2 * gs->cap : 32;
    Group *g = arena_alloc(sizeof(Group) * (size_t)gs->cap);
    if (gs->n)
      memcpy(g, gs->g, sizeof(Group) * (size_t)gs->n);
    gs->g = g;
  }
  Group *g = &gs->g[gs->n++];
  *g = (Group){s.start, s.end, {0}};
  collect_kid(c, c, &g->curs);
}

typedef struct {
  CXCursor c;
  Span s;
} Placed;

static int by_start(const void *a, const void *b) {
  const Placed *x = a, *y = b;
  return x->s.start < y->s.start ? -1 : x->s.start > y->s.start;
}

static Groups group_main_decls(Kids top) {
  Placed *pl = arena_alloc(sizeof(Placed) * (size_t)(top.n + 1));
  int n = 0;
  for (int i = 0; i < top.n; i++) {
    CXCursor c = top.c[i];
    if (clang_isPreprocessing(kind_of(c)) || !in_main_file(c))
      continue;
    Span s = span_of(c);
    if (s.file && clang_File_isEqual(s.file, P.main_file) && s.end > s.start && s.end <= P.main_size)
      pl[n++] = (Placed){c, s};
  }
  qsort(pl, (size_t)n, sizeof(Placed), by_start);
  Groups gs = {0};
  for (int i = 0; i < n; i++)
    add_group(&gs, pl[i].c, pl[i].s);
  return gs;
}

/* Length of a comment or preprocessor line at text[i], or 0. */
static size_t skip_comment(const char *t, size_t i, size_t end) {
  if (i + 1 < end && t[i] == '/' && t[i + 1] == '*') {
    const char *e = strstr(t + i + 2, "*/");
    return e && (size_t)(e - t) + 2 <= end ? (size_t)(e - t) + 2 - i : end - i;
  }
  if (i + 1 < end && t[i] == '/' && t[i + 1] == '/') {
    size_t j = i;
    while (j < end && t[j] != '\n')
      j++;
    return j - i;
  }
  return 0;
}

static size_t skip_directive(const char *t, size_t i, size_t end) {
  size_t j = i;
  while (j < end && !(t[j] == '\n' && (j == 0 || t[j - 1] != '\\')))
    j++;
  return j - i;
}

/* If a macro whose expansion ends a declaration (`;` or `}` in its body)
 * is invoked at offset i of the main file, the length of its name. */
static size_t macro_ends_decl(size_t i) {
  const char *t = P.main_text;
  size_t n = 0;
  while (i + n < P.main_size && (t[i + n] == '_' || isalnum((unsigned char)t[i + n])))
    n++;
  if (n == 0 || isdigit((unsigned char)t[i]))
    return 0;
  CXCursor exp = clang_getCursor(P.tu, clang_getLocationForOffset(P.tu, P.main_file, (unsigned)i));
  CXCursor def = kind_of(exp) == CXCursor_MacroExpansion ? clang_getCursorReferenced(exp) : exp;
  if (kind_of(def) != CXCursor_MacroDefinition)
    return 0;
  Toks k = toks_of_span(span_of(def));
  bool ends = false;
  for (unsigned j = 1; j < k.n; j++)
    ends |= tok_is(k, j, ";") || tok_is(k, j, "}");
  toks_free(k);
  return ends ? n : 0;
}

/* Text between declarations that is not whitespace, a comment, a
 * directive or a stray ';' belongs to the next declaration (a leading
 * attribute or macro its extent does not cover). */
static unsigned widen_start(unsigned from, unsigned start) {
  const char *t = P.main_text;
  size_t i = from, cand = start;
  bool bol = from == 0 || t[from - 1] == '\n';
  while (i < start) {
    size_t n;
    if (t[i] == '\n' || t[i] == ' ' || t[i] == '\t' || t[i] == '\r' || t[i] == '\f' || t[i] == '\v') {
      bol |= t[i] == '\n';
      i++;
    } else if ((n = skip_comment(t, i, start))) {
      i += n;
    } else if (bol && t[i] == '#') {
      i += skip_directive(t, i, start);
      cand = start;
    } else if (t[i] == ';' || (n = macro_ends_decl(i))) {
      cand = start;
      bol = false;
      i += t[i] == ';' ? 1 : n;
    } else {
      cand = cand == start ? i : cand;
      bol = false;
      i++;
    }
  }
  return (unsigned)cand;
}

/* A declaration's ';' follows its extent. */
static unsigned take_semicolon(unsigned end, unsigned limit) {
  unsigned i = end;
  while (i < limit && strchr(" \t\r\n", P.main_text[i]))
    i++;
  return i < limit && P.main_text[i] == ';' ? i + 1 : end;
}

static bool is_fn_definition(CXCursor c) {
  return kind_of(c) == CXCursor_FunctionDecl && clang_isCursorDefinition(c);
}

/* What one group is. */
typedef struct {
  int fdefs, fdecls, vars, static_vars, tagdefs;
  CXCursor fn;
} GroupInfo;

static GroupInfo classify(Group *g) {
  GroupInfo gi = {0};
  for (int i = 0; i < g->curs.n; i++) {
    CXCursor c = g->curs.c[i];
    if (is_fn_definition(c)) {
      gi.fdefs++;
      gi.fn = c;
    } else if (kind_of(c) == CXCursor_FunctionDecl) {
      gi.fdecls++;
      gi.fn = gi.fdefs ? gi.fn : c;
    } else if (kind_of(c) == CXCursor_VarDecl && var_decl_defines(c)) {
      gi.vars++;
      gi.static_vars += clang_Cursor_getStorageClass(c) == CX_SC_Static;
    } else if (is_tag_definition(c)) {
      gi.tagdefs++;
    }
  }
  return gi;
}

typedef struct {
  Vec tops;          /* Top* */
  unsigned text_from; /* start of the pending verbatim text */
} TopBuilder;

static void flush_piece(TopBuilder *tb, unsigned upto) {
  if (upto <= tb->text_from)
    return;
  Top *t = arena_alloc(sizeof(Top));
  t->kind = TOP_TEXT;
  t->text = arena_strndup(P.main_text + tb->text_from, upto - tb->text_from);
  vec_push(&tb->tops, t);
  tb->text_from = upto;
}

/* The verbatim text up to `upto`; each #include line of an unguarded
 * header in it is a piece of its own. The cuts are at line starts, so the
 * emitted text does not change. */
static void flush_text(TopBuilder *tb, unsigned upto) {
  for (int i = 0; i < P.include_lines.len; i++) {
    Piece *l = P.include_lines.data[i];
    if (l->start < tb->text_from || l->end > upto)
      continue;
    flush_piece(tb, l->start);
    flush_piece(tb, l->end);
    l->top = tb->tops.len - 1;
  }
  flush_piece(tb, upto);
}

static Top *add_top(TopBuilder *tb, TopKind k, Group *g) {
  flush_text(tb, g->start);
  Top *t = arena_alloc(sizeof(Top));
  t->kind = k;
  t->text = arena_strndup(P.main_text + g->start, g->end - g->start);
  vec_push(&tb->tops, t);
  tb->text_from = g->end;
  return t;
}

static void add_var_top(TopBuilder *tb, Group *g) {
  Top *t = add_top(tb, TOP_VAR, g);
  t->vars = arena_alloc(sizeof(Var *) * (size_t)(g->curs.n + 1));
  for (int i = 0; i < g->curs.n; i++)
    if (kind_of(g->curs.c[i]) == CXCursor_VarDecl)
      t->vars[t->nvars++] = get_global(g->curs.c[i]);
}

static bool is_type_decl(CXCursor c) {
  enum CXCursorKind k = kind_of(c);
  return k == CXCursor_StructDecl || k == CXCursor_UnionDecl || k == CXCursor_EnumDecl || k == CXCursor_TypedefDecl;
}

/* Does the group declare types only, on lines of its own (nothing but
 * blanks before it on its first line, blanks and comments after it on its
 * last)? Then [*start, *end) is those whole lines. */
static bool own_type_lines(Group *g, unsigned limit, unsigned *start, unsigned *end) {
  const char *t = P.main_text;
  for (int i = 0; i < g->curs.n; i++)
    if (!is_type_decl(g->curs.c[i]))
      return false;
  unsigned s = g->start, e = g->end;
  while (s > 0 && (t[s - 1] == ' ' || t[s - 1] == '\t'))
    s--;
  if (s > 0 && t[s - 1] != '\n')
    return false;
  for (size_t n; e < limit && t[e] != '\n'; e += n ? (unsigned)n : 1)
    if (!(n = skip_comment(t, e, limit)) && t[e] != ' ' && t[e] != '\t' && t[e] != '\r')
      return false;
  if (e == limit && e < P.main_size) /* the next declaration is on this line */
    return false;
  *start = s;
  *end = e < P.main_size ? e + 1 : e;
  return true;
}

/* Types alone on their lines are a piece of their own (link.c leaves out
 * a definition another input made already); elsewhere they stay in the
 * verbatim text. */
static void add_type_piece(TopBuilder *tb, Group *g, unsigned limit) {
  unsigned start, end;
  if (!own_type_lines(g, limit, &start, &end))
    return;
  Piece *pc = arena_alloc(sizeof(Piece));
  pc->start = g->start = start;
  pc->end = g->end = end;
  add_top(tb, TOP_TEXT, g);
  pc->top = tb->tops.len - 1;
  vec_push(&P.type_pieces, pc);
}

/* Turn one group into a Top, or leave it in the verbatim text. */
static void place_group(TopBuilder *tb, Group *g, unsigned limit) {
  GroupInfo gi = classify(g);
  if (gi.fdefs && (gi.vars || gi.tagdefs)) {
    fail(gi.fn, "declare the %s and the function separately", gi.vars ? "variable" : "type");
  } else if (gi.fdefs) {
    Top *t = add_top(tb, TOP_FUNC, g);
    t->fn = get_func(gi.fn);
    t->fn->text = t->text;
  } else if (gi.vars && (gi.tagdefs || gi.fdecls)) {
    if (gi.static_vars < gi.vars) /* static ones are copied verbatim */
      fail(g->curs.c[g->curs.n - 1], "declare the %s and the variable separately",
           gi.tagdefs ? "type" : "function");
  } else if (gi.vars) {
    add_var_top(tb, g);
  } else if (gi.fdecls == 1 && g->curs.n == 1) {
    add_top(tb, TOP_FUNC, g)->fn = get_func(gi.fn);
  } else if (!gi.fdecls) {
    add_type_piece(tb, g, limit);
  }
  for (int i = 0; i < g->curs.n; i++) /* make every declared function and global known */
    if (kind_of(g->curs.c[i]) == CXCursor_FunctionDecl)
      get_func(g->curs.c[i]);
    else if (kind_of(g->curs.c[i]) == CXCursor_VarDecl)
      get_global(g->curs.c[i]);
}

/* The pieces must give back the file, byte for byte. */
static void check_tops(Program *p) {
  size_t at = 0;
  for (int i = 0; i < p->ntops; i++) {
    size_t n = strlen(p->tops[i].text);
    fg_assert(at + n <= P.main_size && memcmp(P.main_text + at, p->tops[i].text, n) == 0);
    at += n;
  }
  fg_assert(at == P.main_size);
}

static void build_tops(Program *p, Kids top) {
  Groups gs = group_main_decls(top);
  TopBuilder tb = {0};
  unsigned prev = 0;
  for (int i = 0; i < gs.n; i++) {
    Group *g = &gs.g[i];
    g->start = widen_start(prev, g->start);
    unsigned limit = i + 1 < gs.n ? gs.g[i + 1].start : (unsigned)P.main_size;
    bool fdef = g->curs.n == 1 && is_fn_definition(g->curs.c[0]);
    if (!fdef)
      g->end = take_semicolon(g->end, limit);
    place_group(&tb, g, limit);
    prev = g->end;
  }
  flush_text(&tb, (unsigned)P.main_size);
  p->ntops = tb.tops.len;
  p->tops = arena_alloc(sizeof(Top) * (size_t)(p->ntops + 1));
  for (int i = 0; i < p->ntops; i++)
    p->tops[i] = *(Top *)tb.tops.data[i];
  check_tops(p);
}

/* ===================================================== types, includes
 * What link.c needs to make out.c define each type once when several
 * inputs are joined: every type definition, as clang read it, and the
 * #include lines of headers that have no include guard. */

static const char *canonical_path(CXFile f) {
  char *r = f ? realpath(take_string(clang_getFileName(f)), NULL) : NULL;
  const char *s = r ? arena_strdup(r) : (f ? take_string(clang_getFileName(f)) : "");
  free(r);
  return s;
}

static bool in_system_file(CXFile f) { return clang_Location_isInSystemHeader(clang_getLocation(P.tu, f, 1, 1)); }

/* The whole line of the directive at offset `at`, if it starts the line. */
static bool directive_line(unsigned at, unsigned *start, unsigned *end) {
  const char *t = P.main_text;
  unsigned s = at;
  while (s > 0 && (t[s - 1] == ' ' || t[s - 1] == '\t' || t[s - 1] == '#'))
    s--;
  if (s > 0 && t[s - 1] != '\n')
    return false;
  unsigned e = s + (unsigned)skip_directive(t, s, P.main_size);
  *start = s;
  *end = e < P.main_size ? e + 1 : e;
  return true;
}

/* The main file's #include lines of headers without include guard (nor
 * #pragma once), not system headers: flush_text() makes each a piece. */
static void note_include_lines(Kids top) {
  for (int i = 0; i < top.n; i++) {
    CXCursor c = top.c[i];
    CXFile f = kind_of(c) == CXCursor_InclusionDirective ? clang_getIncludedFile(c) : NULL;
    unsigned start, end;
    if (!f || !in_main_file(c) || clang_isFileMultipleIncludeGuarded(P.tu, f) || in_system_file(f) ||
        !directive_line(file_pos(clang_getCursorLocation(c)).off, &start, &end))
      continue;
    Piece *l = arena_alloc(sizeof(Piece));
    *l = (Piece){start, end, canonical_path(f), -1};
    vec_push(&P.include_lines, l);
  }
}

static const char *tag_keyword(enum CXCursorKind k) {
  return k == CXCursor_StructDecl ? "struct" : k == CXCursor_UnionDecl ? "union" : "enum";
}

/* Is this tag declared with a name ("struct S"), rather than unnamed (a
 * typedef may name it)? */
static bool is_named_tag(CXCursor c) {
  const char *named = arena_printf("%s %s", tag_keyword(kind_of(c)), take_string(clang_getCursorSpelling(c)));
  return strcmp(take_string(clang_getTypeSpelling(clang_getCursorType(c))), named) == 0;
}

static bool is_anonymous_enum(CXCursor c) {
  const char *ty = take_string(clang_getTypeSpelling(clang_getCursorType(c)));
  return kind_of(c) == CXCursor_EnumDecl && (strstr(ty, "(unnamed") || strstr(ty, "(anonymous"));
}

static enum CXChildVisitResult first_constant(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  if (kind_of(c) != CXCursor_EnumConstantDecl)
    return CXChildVisit_Continue;
  *(const char **)data = take_string(clang_getCursorSpelling(c));
  return CXChildVisit_Break;
}

/* The name several inputs know a type definition by (TypeDef.name), or
 * NULL for an unnamed struct or union (the typedef naming it stands for it). */
static const char *type_name_of(CXCursor c) {
  if (kind_of(c) == CXCursor_TypedefDecl)
    return take_string(clang_getCursorSpelling(c));
  if (is_named_tag(c))
    return arena_printf("%s %s", tag_keyword(kind_of(c)), take_string(clang_getCursorSpelling(c)));
  const char *first = NULL;
  if (is_anonymous_enum(c))
    clang_visitChildren(c, first_constant, &first);
  return first ? arena_printf("enum { %s, ... }", first) : NULL;
}

/* A declaration as clang's printer gives it back: macros expanded, so
 * that a header read with other -D flags prints differently. */
static const char *printed(CXCursor c) {
  CXPrintingPolicy pol = clang_getCursorPrintingPolicy(c);
  clang_PrintingPolicy_setProperty(pol, CXPrintingPolicy_AnonymousTagLocations, 0);
  const char *s = take_string(clang_getCursorPrettyPrinted(c, pol));
  clang_PrintingPolicy_dispose(pol);
  return s;
}

/* TypeDef.text: the printed definition; a typedef of an unnamed struct,
 * union or enum spells that type with its members ("typedef struct {
 * double x; } point", where the printer gives "typedef struct point point"). */
static const char *type_text(CXCursor c) {
  if (kind_of(c) != CXCursor_TypedefDecl)
    return printed(c);
  CXCursor tag = clang_getTypeDeclaration(clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(c)));
  if (!is_null(tag) && is_type_decl(tag) && kind_of(tag) != CXCursor_TypedefDecl && !is_named_tag(tag))
    return arena_printf("typedef %s %s", printed(tag), take_string(clang_getCursorSpelling(c)));
  return printed(c);
}

/* The piece of the main file that holds just this definition, or -1. */
static int type_piece_of(CXCursor c) {
  unsigned at = file_pos(clang_getCursorLocation(c)).off;
  for (int i = 0; in_main_file(c) && i < P.type_pieces.len; i++) {
    Piece *pc = P.type_pieces.data[i];
    if (pc->start <= at && at < pc->end)
      return pc->top;
  }
  return -1;
}

static void collect_types(Kids top) {
  for (int i = 0; i < top.n; i++) {
    CXCursor c = top.c[i];
    if (!(is_tag_definition(c) || kind_of(c) == CXCursor_TypedefDecl) ||
        clang_Location_isInSystemHeader(clang_getCursorLocation(c)))
      continue;
    const char *name = type_name_of(c);
    if (!name)
      continue;
    TypeDef *d = arena_alloc(sizeof(TypeDef));
    *d = (TypeDef){name, type_text(c), loc_of(c), canonical_path(file_pos(clang_getCursorLocation(c)).file),
                   in_main_file(c), type_piece_of(c)};
    vec_push(&P.typedefs, d);
  }
}

/* ======================================================= quoted includes
 * `#include "gmm.h"` in in.c resolves from in.c's folder first; copied
 * into out.c elsewhere, it would not. Each quoted include of the main file
 * that was found in in.c's folder is re-spelled as the path from out.c's
 * folder to the same file, so out.c compiles with in.c's own flags
 * wherever it is written. Includes found through -I/-iquote paths resolve
 * the same from anywhere and are left as written. */

typedef struct {
  unsigned at, len;  /* the name between the quotes, in the main file */
  const char *text;  /* its new spelling */
} Respelling;

typedef struct {
  const char *in_dir, *out_dir; /* canonical folders of in.c and out.c */
  Respelling *r;
  int n, cap;
} Respellings;

/* The canonical folder of `path` (NULL if it does not exist). */
static const char *folder_of(const char *path) {
  const char *slash = strrchr(path, '/');
  const char *dir = slash ? (slash == path ? "/" : arena_strndup(path, (size_t)(slash - path))) : ".";
  char *r = realpath(dir, NULL);
  const char *d = r ? arena_strdup(r) : NULL;
  free(r);
  return d;
}

/* The path of `file` (canonical) relative to the folder `from` (canonical):
 * up out of the folders `from` does not share with it, then down. */
static const char *relative_path(const char *from, const char *file) {
  size_t common = 0; /* where the shared folders end (at a '/') */
  for (size_t i = 0; file[i] && (file[i] == '/' || from[i] == file[i]); i++) {
    if ((from[i] == '/' || from[i] == '\0') && file[i] == '/')
      common = i;
    if (from[i] != file[i])
      break;
  }
  char *up = arena_strdup("");
  for (const char *c = from + common; *c; c++)
    if (*c == '/' && c[1] != '\0')
      up = arena_printf("%s../", up);
  return arena_printf("%s%s", up, file + common + 1);
}

/* The quoted name of the #include directive on the line holding offset
 * `at`: its start and length, or false (an angle include, a macro). */
static bool quoted_include_name(unsigned at, unsigned *start, unsigned *len) {
  const char *t = P.main_text;
  unsigned i = at;
  while (i > 0 && t[i - 1] != '\n')
    i--;
  while (i < P.main_size && (t[i] == ' ' || t[i] == '\t'))
    i++;
  if (i >= P.main_size || t[i++] != '#')
    return false;
  while (i < P.main_size && (t[i] == ' ' || t[i] == '\t'))
    i++;
  if (strncmp(t + i, "include", 7) != 0)
    return false;
  for (i += 7; i < P.main_size && (t[i] == ' ' || t[i] == '\t'); i++)
    ;
  if (i >= P.main_size || t[i] != '"')
    return false;
  unsigned end = i + 1;
  while (end < P.main_size && t[end] != '"' && t[end] != '\n')
    end++;
  if (end >= P.main_size || t[end] != '"')
    return false;
  *start = i + 1, *len = end - i - 1;
  return true;
}

/* One inclusion of the translation unit: re-spell it when it is a direct
 * quoted include of the main file that resolved in in.c's folder. */
static void visit_inclusion(CXFile included, CXSourceLocation *stack, unsigned depth, CXClientData data) {
  Respellings *rs = data;
  CXFile from;
  unsigned at, start, len;
  if (depth != 1)
    return;
  clang_getSpellingLocation(stack[0], &from, NULL, NULL, &at);
  if (!clang_File_isEqual(from, P.main_file) || !quoted_include_name(at, &start, &len))
    return;
  const char *name = arena_strndup(P.main_text + start, len);
  char *target = realpath(take_string(clang_getFileName(included)), NULL);
  char *beside = name[0] == '/' ? NULL : realpath(arena_printf("%s/%s", rs->in_dir, name), NULL);
  if (target && beside && strcmp(target, beside) == 0) {
    const char *text = relative_path(rs->out_dir, target);
    if (strcmp(text, name) != 0) {
      if (rs->n == rs->cap) {
        rs->cap = rs->cap ? 2 * rs->cap : 8;
        Respelling *grown = arena_alloc(sizeof(Respelling) * (size_t)rs->cap);
        if (rs->n)
          memcpy(grown, rs->r, sizeof(Respelling) * (size_t)rs->n);
        rs->r = grown;
      }
      rs->r[rs->n++] = (Respelling){start, len, text};
    }
  }
  free(target);
  free(beside);
}

/* The verbatim pieces with the re-spellings that fall inside them. */
static void apply_respellings(Program *p, Respellings *rs) {
  unsigned off = 0;
  for (int i = 0; i < p->ntops; i++) {
    Top *t = &p->tops[i];
    unsigned len = (unsigned)strlen(t->text), done = 0;
    char *text = arena_strdup("");
    for (int k = 0; t->kind == TOP_TEXT && k < rs->n; k++) {
      Respelling *r = &rs->r[k];
      if (r->at < off || r->at + r->len > off + len)
        continue;
      text = arena_printf("%s%.*s%s", text, (int)(r->at - off - done), t->text + done, r->text);
      done = r->at - off + r->len;
    }
    if (done)
      t->text = arena_printf("%s%s", text, t->text + done);
    off += len;
  }
}

static int by_offset(const void *a, const void *b) {
  unsigned x = ((const Respelling *)a)->at, y = ((const Respelling *)b)->at;
  return (x > y) - (x < y);
}

static void respell_includes(Program *p, const Options *opt) {
  Respellings rs = {.in_dir = folder_of(opt->input), .out_dir = opt->output ? folder_of(opt->output) : NULL};
  if (!rs.in_dir || !rs.out_dir || strcmp(rs.in_dir, rs.out_dir) == 0)
    return;
  clang_getInclusions(P.tu, visit_inclusion, &rs);
  if (rs.n)
    qsort(rs.r, (size_t)rs.n, sizeof *rs.r, by_offset);
  apply_respellings(p, &rs);
}

/* ================================================================ idents */

static void add_ident(const char *s) {
  if (s && *s)
    vec_push(&P.idents, (void *)s);
}

/* Every identifier token of the main file (directives and #if 0 included). */
static void main_file_idents(void) {
  Span all = {P.main_file, 0, (unsigned)P.main_size};
  Toks k = toks_of_span(all);
  for (unsigned i = 0; i < k.n; i++)
    if (clang_getTokenKind(k.t[i]) == CXToken_Identifier)
      add_ident(tok_str(k, i));
  toks_free(k);
}

static enum CXChildVisitResult enum_idents(CXCursor c, CXCursor parent, CXClientData data) {
  (void)parent;
  (void)data;
  if (kind_of(c) == CXCursor_EnumConstantDecl)
    add_ident(take_string(clang_getCursorSpelling(c)));
  return CXChildVisit_Continue;
}

/* File-scope names of the whole translation unit (macros included), and
 * what the declarations tell about globals and annotations. */
/* A function that is, or is named as, a user-supplied derivative (FG_JVP on
 * any declaration, --jvp g=NAME): it needs a Func even when only a header
 * declares it and nothing in the main file calls it. */
static bool names_derivative(CXCursor c) {
  Annot *a = map_get(&P.annots, c);
  if (a && a->jvp_of)
    return true;
  const char *name = take_string(clang_getCursorSpelling(c));
  for (int i = 0; P.opt && i < P.opt->njvps; i++)
    if (strcmp(name, P.opt->jvps[i].fn) == 0 || strcmp(name, P.opt->jvps[i].jvp) == 0)
      return true;
  return false;
}

/* A #define of the main file: several inputs (link.c) must agree on it. */
static void note_macro(CXCursor c) {
  Macro *m = arena_alloc(sizeof(Macro));
  Toks k = toks_of_span(span_of(c));
  m->name = take_string(clang_getCursorSpelling(c));
  m->text = arena_printf("%s%s", clang_Cursor_isMacroFunctionLike(c) ? "(): " : "", toks_join(k, 0, k.n));
  m->loc = loc_of(c);
  toks_free(k);
  vec_push(&P.macros, m);
}

static void survey_file_scope(Kids top) {
  for (int i = 0; i < top.n; i++) {
    CXCursor c = top.c[i];
    enum CXCursorKind k = kind_of(c);
    if (k == CXCursor_MacroExpansion || k == CXCursor_InclusionDirective)
      continue;
    if (k == CXCursor_MacroDefinition && in_main_file(c))
      note_macro(c);
    if (k != CXCursor_StructDecl && k != CXCursor_UnionDecl && k != CXCursor_EnumDecl)
      add_ident(take_string(clang_getCursorSpelling(c)));
    else if (!clang_Cursor_isAnonymous(c))
      add_ident(take_string(clang_getCursorSpelling(c)));
    if (k == CXCursor_EnumDecl)
      clang_visitChildren(c, enum_idents, NULL);
    else if (k == CXCursor_VarDecl)
      note_global_decl(c);
    else if (k == CXCursor_FunctionDecl) {
      note_annotations(c);
      if (names_derivative(c))
        get_func(c);
    }
  }
}

/* =========================================================== parse_file */

/* fgcc.h's folder: <prefix>/include beside an installed <prefix>/bin/fgcc
 * (wherever the tree was moved), else the source tree's runtime/include,
 * compiled in (a build tree). */
static const char *fgcc_include_dir(void) {
  char exe[4096];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
  if (slash) {
    *slash = '\0';
    const char *dir = arena_printf("%s/../include", exe);
    if (access(arena_printf("%s/fgcc.h", dir), R_OK) == 0)
      return dir;
  }
  return FGCC_INCLUDE_DIR;
}

/* argv for clang: the user's flags, then fgcc's. */
static const char **clang_argv(const Options *opt, int *argc) {
  const char **argv = arena_alloc(sizeof(char *) * (size_t)(opt->nclang_args + 9));
  int n = 0;
  bool lang = false;
  for (int i = 0; i < opt->nclang_args; i++)
    lang |= strncmp(opt->clang_args[i], "-x", 2) == 0;
  if (!lang)
    argv[n++] = "-xc";
  for (int i = 0; i < opt->nclang_args; i++) {
    const char *a = opt->clang_args[i];
    if (strcmp(a, "-fopenmp") == 0 || strncmp(a, "-fopenmp=", 9) == 0)
      P.openmp = true; /* parsed without it: see "OpenMP" above */
    else
      argv[n++] = a;
  }
  argv[n++] = "-D__FGCC__=1";
  argv[n++] = P.openmp ? "-D_OPENMP=201511" : "-Wsource-uses-openmp"; /* without -fopenmp: fgcc warns, once */
  argv[n++] = arena_printf("-I%s", fgcc_include_dir());
  argv[n++] = "-isystem";
  argv[n++] = FGCC_CLANG_RESOURCE_DIR "/include";
  *argc = n;
  return argv;
}

/* `#pragma omp` parsed without -fopenmp vanishes from the AST, so out.c
 * would run that code serially without a word: say so, once. */
static void warn_ignored_openmp(CXDiagnostic d, bool *warned) {
  const char *option = take_string(clang_getDiagnosticOption(d, NULL));
  if (*warned || P.openmp || strcmp(option, "-Wsource-uses-openmp") != 0)
    return;
  *warned = true;
  warn_at(loc_of_location(clang_getDiagnosticLocation(d)),
          "OpenMP directives are ignored: they were parsed without -fopenmp, so out.c runs this code serially");
}

/* clang's errors are the user's errors; its warnings are its business,
 * but for ignored OpenMP directives. */
static bool report_clang_errors(void) {
  bool any = false, warned = false;
  unsigned n = clang_getNumDiagnostics(P.tu);
  for (unsigned i = 0; i < n; i++) {
    CXDiagnostic d = clang_getDiagnostic(P.tu, i);
    if (clang_getDiagnosticSeverity(d) == CXDiagnostic_Warning)
      warn_ignored_openmp(d, &warned);
    if (clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
      Loc loc = loc_of_location(clang_getDiagnosticLocation(d));
      const char *msg = take_string(clang_getDiagnosticSpelling(d));
      if (loc.file)
        error_at(loc, "%s", msg);
      else
        error_plain("%s", msg);
      any = true;
    }
    clang_disposeDiagnostic(d);
  }
  return any;
}

static CXTranslationUnit parse_tu(CXIndex index, const Options *opt) {
  int argc;
  const char **argv = clang_argv(opt, &argc);
  CXTranslationUnit tu = NULL;
  enum CXErrorCode err = clang_parseTranslationUnit2(
      index, opt->input, argv, argc, NULL, 0, CXTranslationUnit_DetailedPreprocessingRecord, &tu);
  if (err != CXError_Success || !tu) {
    error_plain("%s: clang could not parse the file (libclang error %d)", opt->input, (int)err);
    return NULL;
  }
  return tu;
}

static bool load_main_file(const Options *opt) {
  P.main_file = clang_getFile(P.tu, opt->input);
  size_t size = 0;
  P.main_text = P.main_file ? clang_getFileContents(P.tu, P.main_file, &size) : NULL;
  P.main_size = size;
  if (!P.main_text) {
    error_plain("%s: cannot read the file", opt->input);
    return false;
  }
  /* The text is copied into C strings: a NUL byte (clang ignores it in a
   * comment) would cut it short. */
  const char *nul = memchr(P.main_text, '\0', P.main_size);
  if (nul) {
    Loc loc = loc_of_location(clang_getLocationForOffset(P.tu, P.main_file, (unsigned)(nul - P.main_text)));
    error_at(loc, "the file contains a null character; fgcc cannot copy it into the output");
    return false;
  }
  return true;
}

/* ------------------------------------------------- threadprivate globals
 * `#pragma omp threadprivate(g)` at file scope (in the main file or a
 * header): each thread has its own g, so g's tangent must be threadprivate
 * too, or the threads would share one tangent of their own copies. The
 * directive never reaches the AST; it is read from the text of every file
 * that declares something at file scope, outside function bodies. */

static bool inside_function(Kids top, CXFile f, unsigned at) {
  for (int i = 0; i < top.n; i++) {
    Span s = span_of(top.c[i]);
    if (s.file && clang_File_isEqual(s.file, f) && is_fn_definition(top.c[i]) && s.start <= at && at < s.end)
      return true;
  }
  return false;
}

/* "threadprivate(a, b)": mark the globals a and b. */
static void mark_threadprivate_list(const char *d) {
  const char *t = d + strlen("threadprivate");
  while (*t == ' ')
    t++;
  if (*t++ != '(')
    return;
  while (*t && *t != ')') {
    while (*t == ' ' || *t == ',')
      t++;
    const char *w = t;
    while (*t && *t != ' ' && *t != ',' && *t != ')')
      t++;
    for (int g = 0; t > w && g < P.globals_v.len; g++) {
      Var *v = P.globals_v.data[g];
      if (strlen(v->name) == (size_t)(t - w) && strncmp(v->name, w, (size_t)(t - w)) == 0)
        v->is_threadprivate = true;
    }
  }
}

static void mark_threadprivate_in(Kids top, CXFile f) {
  size_t size = 0;
  const char *t = clang_getFileContents(P.tu, f, &size);
  enum { MAX = 1024 };
  const char **d = arena_alloc(sizeof(char *) * MAX);
  unsigned *at = arena_alloc(sizeof(unsigned) * MAX);
  int n = t ? omp_pragmas(t, 0, (unsigned)size, d, at, MAX) : 0;
  for (int i = 0; i < n; i++)
    if (strncmp(d[i], "threadprivate", 13) == 0 && !inside_function(top, f, at[i]))
      mark_threadprivate_list(d[i]);
}

static void mark_threadprivate(Kids top) {
  Vec files = {0};
  for (int i = 0; P.openmp && i < top.n; i++) {
    Span s = span_of(top.c[i]);
    bool seen = !s.file;
    for (int j = 0; !seen && j < files.len; j++)
      seen = clang_File_isEqual(files.data[j], s.file);
    if (!seen) {
      vec_push(&files, s.file);
      mark_threadprivate_in(top, s.file);
    }
  }
}

static Program *build_program(const Options *opt) {
  Program *p = arena_alloc(sizeof(Program));
  p->file = opt->input;
  Kids top = kids_of(clang_getTranslationUnitCursor(P.tu));
  survey_file_scope(top);
  main_file_idents();
  note_include_lines(top);
  build_tops(p, top);
  collect_types(top);
  respell_includes(p, opt);
  conv_bodies();
  mark_threadprivate(top);
  p->funcs = arena_alloc(sizeof(Func *) * (size_t)(P.entries.len + 1));
  for (int i = 0; i < P.entries.len; i++)
    p->funcs[p->nfuncs++] = ((FuncEntry *)P.entries.data[i])->fn;
  p->globals = (Var **)P.globals_v.data;
  p->nglobals = P.globals_v.len;
  p->idents = (const char **)P.idents.data;
  p->nidents = P.idents.len;
  p->macros = arena_alloc(sizeof(Macro) * (size_t)(P.macros.len + 1));
  for (int i = 0; i < P.macros.len; i++)
    p->macros[p->nmacros++] = *(Macro *)P.macros.data[i];
  p->types = arena_alloc(sizeof(TypeDef) * (size_t)(P.typedefs.len + 1));
  for (int i = 0; i < P.typedefs.len; i++)
    p->types[p->ntypes++] = *(TypeDef *)P.typedefs.data[i];
  p->includes = arena_alloc(sizeof(Include) * (size_t)(P.include_lines.len + 1));
  for (int i = 0; i < P.include_lines.len; i++) {
    Piece *l = P.include_lines.data[i];
    if (l->top >= 0)
      p->includes[p->nincludes++] = (Include){l->path, l->top};
  }
  return p;
}

Program *parse_file(const Options *opt) {
  FILE *fp = fopen(opt->input, "rb");
  if (!fp) {
    error_plain("%s: %s", opt->input, strerror(errno));
    return NULL;
  }
  fclose(fp);
  memset(&P, 0, sizeof P);
  P.opt = opt;
  int errors = error_count();
  /* libclang parses on a thread of its own with an 8 MB stack: a sum of
   * 40000 terms overflows it, and it is slower (twice, on 2000 functions).
   * Parse on the calling thread instead (the driver gives it 1 GB). */
  setenv("LIBCLANG_NOTHREADS", "1", 0);
  CXIndex index = clang_createIndex(0, 0);
  P.tu = parse_tu(index, opt);
  Program *p = NULL;
  if (P.tu && !report_clang_errors() && load_main_file(opt))
    p = build_program(opt);
  if (P.tu)
    clang_disposeTranslationUnit(P.tu);
  clang_disposeIndex(index);
  memset(&P, 0, sizeof P);
  return error_count() == errors ? p : NULL;
}

/* ================================================== compile_commands.json */

static bool same_file(const char *a, const char *dir, const char *b) {
  const char *pa = a[0] == '/' || !dir ? a : arena_printf("%s/%s", dir, a);
  char *ra = realpath(pa, NULL), *rb = realpath(b, NULL);
  bool same = ra && rb && strcmp(ra, rb) == 0;
  free(ra);
  free(rb);
  return same;
}

/* Flags whose value is a path, relative to the command's directory. */
static bool takes_path(const char *flag) {
  static const char *const flags[] = {"-I", "-iquote", "-isystem", "-idirafter", "-include", "-imacros",
                                      "-isysroot", "--sysroot", NULL};
  for (int i = 0; flags[i]; i++)
    if (strcmp(flag, flags[i]) == 0)
      return true;
  return false;
}

static const char *absolute(const char *path, const char *dir) {
  return path[0] == '/' || !dir || !*dir ? path : arena_printf("%s/%s", dir, path);
}

/* Flags that only concern the compiler's outputs. */
static int output_flag(const char *a) {
  if (!strcmp(a, "-c") || !strcmp(a, "-MD") || !strcmp(a, "-MMD") || !strcmp(a, "-MP"))
    return 1;
  if (!strcmp(a, "-o") || !strcmp(a, "-MF") || !strcmp(a, "-MT") || !strcmp(a, "-MQ"))
    return 2;
  if (!strncmp(a, "-o", 2) || !strncmp(a, "-MF", 3) || !strncmp(a, "-MT", 3) || !strncmp(a, "-MQ", 3))
    return 1;
  return 0;
}

static void command_args(CXCompileCommand cmd, const char *file, Vec *out) {
  const char *dir = take_string(clang_CompileCommand_getDirectory(cmd));
  const char *src = take_string(clang_CompileCommand_getFilename(cmd));
  unsigned n = clang_CompileCommand_getNumArgs(cmd);
  for (unsigned i = 1; i < n; i++) {
    const char *a = take_string(clang_CompileCommand_getArg(cmd, i));
    int skip = output_flag(a);
    if (skip) {
      i += (unsigned)skip - 1;
    } else if (!strcmp(a, "--")) { /* the input file follows */
      continue;
    } else if (a[0] != '-' && (!strcmp(a, src) || !strcmp(a, file) || same_file(a, dir, file))) {
      continue;
    } else if (takes_path(a) && i + 1 < n) {
      vec_push(out, (void *)a);
      vec_push(out, (void *)absolute(take_string(clang_CompileCommand_getArg(cmd, ++i)), dir));
    } else if (!strncmp(a, "-I", 2) && a[2] != '/') {
      vec_push(out, (void *)arena_printf("-I%s", absolute(a + 2, dir)));
    } else {
      vec_push(out, (void *)a);
    }
  }
}

static CXCompileCommands commands_for(CXCompilationDatabase db, const char *file) {
  CXCompileCommands cmds = clang_CompilationDatabase_getCompileCommands(db, file);
  char *real = realpath(file, NULL);
  if ((!cmds || clang_CompileCommands_getSize(cmds) == 0) && real) {
    if (cmds)
      clang_CompileCommands_dispose(cmds);
    cmds = clang_CompilationDatabase_getCompileCommands(db, real);
  }
  free(real);
  return cmds;
}

bool load_compile_commands(const char *dir, const char *file, const char ***args, int *nargs) {
  FILE *fp = fopen(arena_printf("%s/compile_commands.json", dir), "r");
  if (!fp) { /* libclang would print its own complaint */
    error_plain("%s/compile_commands.json: %s", dir, strerror(errno));
    return false;
  }
  fclose(fp);
  CXCompilationDatabase_Error err;
  CXCompilationDatabase db = clang_CompilationDatabase_fromDirectory(dir, &err);
  if (err != CXCompilationDatabase_NoError || !db) {
    error_plain("%s: cannot load compile_commands.json", dir);
    return false;
  }
  CXCompileCommands cmds = commands_for(db, file);
  bool ok = cmds && clang_CompileCommands_getSize(cmds) > 0;
  Vec v = {0};
  if (ok)
    command_args(clang_CompileCommands_getCommand(cmds, 0), file, &v);
  else
    error_plain("%s/compile_commands.json: no compile command for %s", dir, file);
  if (cmds)
    clang_CompileCommands_dispose(cmds);
  clang_CompilationDatabase_dispose(db);
  *args = (const char **)v.data;
  *nargs = v.len;
  return ok;
}
