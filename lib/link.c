/*
 * link.c -- several translation units -> one Program.
 *
 * `fgcc a.c b.c -o out.c` parses each input on its own (parse.c, with that
 * file's flags) and joins the Programs here, before analysis, the way a
 * linker joins object files:
 *   - a non-static function or global is one entity across the files: every
 *     reference (a call in a.c to g defined in b.c) is redirected to the
 *     definition, so analysis and differentiation see g's body; two
 *     definitions of one name are refused, naming both places;
 *   - a static function or static global defined in one input's main file
 *     whose name another input also uses gets a distinct name, NAME__STEM
 *     (the file's name without folder and extension, as an identifier), in
 *     the IR; out.c renames the copied text of that file with
 *     `#define NAME NAME__STEM` ... `#undef NAME` around it;
 *   - a static function of a header (static inline) read by several inputs
 *     is the same text in out.c: one Func;
 *   - a macro two main files #define differently is refused (out.c is one
 *     file with one definition in force);
 *   - a struct, union, enum or typedef is defined once in out.c: a main
 *     file's repeat of an earlier definition is left out, and so is a later
 *     #include of a header without include guard; two definitions of one
 *     name that read differently are refused (check_types()).
 * out.c holds the main-file text of every input, in command-line order.
 * With one input the Program is returned as it is (byte-identical output).
 */
#include "fgcc_int.h"

#include <string.h>

/* A function or global defined in an input's main file. */
typedef struct {
  const char *name, *to; /* its name in the file, and in out.c */
  Func *fn;
  Var *var;
} Def;

typedef struct {
  Program **progs;
  int n;
  Vec *main_defs;     /* per input: the Defs of its main file, in order */
  StrMap *renames;    /* per input: old name -> new name of its renamed statics */
  Vec *renamed;       /* per input: the Defs renamed, in order */
  StrMap *declared;   /* per input: the names of every function and global it declares */
  StrMap funcs;       /* the one Func of each name, after renaming */
  StrMap globals;     /* the one Var of each global name, after renaming */
  StrMap taken;       /* every identifier of every input, and the new names */
  Vec func_list, global_list, taken_list;
} Linker;

static bool is_global_storage(Storage s) {
  return s == VAR_GLOBAL || s == VAR_STATIC_GLOBAL || s == VAR_EXTERN;
}

/* ============================================================ main files */

static void add_def(Linker *L, int k, Func *f, Var *v) {
  Def *d = arena_alloc(sizeof(Def));
  d->name = f ? f->name : v->name;
  d->fn = f;
  d->var = v;
  vec_push(&L->main_defs[k], d);
}

static void note_main_defs(Linker *L, int k) {
  Program *p = L->progs[k];
  for (int i = 0; i < p->ntops; i++) {
    Top *t = &p->tops[i];
    if (t->kind == TOP_FUNC && t->fn && t->fn->body && t->text == t->fn->text)
      add_def(L, k, t->fn, NULL);
    for (int j = 0; t->kind == TOP_VAR && j < t->nvars; j++)
      if (t->vars[j]->name)
        add_def(L, k, NULL, t->vars[j]);
  }
}

static void take(Linker *L, const char *name) {
  if (strmap_get(&L->taken, name))
    return;
  strmap_put(&L->taken, name, (void *)name);
  vec_push(&L->taken_list, (void *)name);
}

static void note_declared(Linker *L, int k) {
  Program *p = L->progs[k];
  for (int i = 0; i < p->nfuncs; i++)
    strmap_put(&L->declared[k], p->funcs[i]->name, p->funcs[i]);
  for (int i = 0; i < p->nglobals; i++)
    if (p->globals[i]->name)
      strmap_put(&L->declared[k], p->globals[i]->name, p->globals[i]);
}

/* Does an input other than k declare a function or global named `name`? */
static bool used_elsewhere(Linker *L, int k, const char *name) {
  for (int j = 0; j < L->n; j++)
    if (j != k && strmap_get(&L->declared[j], name))
      return true;
  return false;
}

/* "dir/my-file.c" -> "my_file": the file's stem as an identifier. */
static const char *file_stem(const char *path) {
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  char *s = arena_strndup(base, dot && dot != base ? (size_t)(dot - base) : strlen(base));
  for (char *c = s; *c; c++)
    if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9')))
      *c = '_';
  return s;
}

/* NAME__STEM, or NAME__STEM_2, ... when that is taken too. */
static const char *fresh_name(Linker *L, const char *name, const char *stem) {
  const char *s = arena_printf("%s__%s", name, stem);
  for (int i = 2; strmap_get(&L->taken, s); i++)
    s = arena_printf("%s__%s_%d", name, stem, i);
  take(L, s);
  return s;
}

/* Rule: a static of input k's main file is renamed when another input
 * declares a function or global of the same name (all of them are: the
 * names are chosen before any is changed). */
static void choose_renames(Linker *L, int k) {
  Vec *m = &L->main_defs[k];
  const char *stem = file_stem(L->progs[k]->file);
  for (int i = 0; i < m->len; i++) {
    Def *d = m->data[i];
    bool is_static = d->fn ? d->fn->is_static : d->var->storage == VAR_STATIC_GLOBAL;
    if (!is_static || !used_elsewhere(L, k, d->name))
      continue;
    d->to = fresh_name(L, d->name, stem);
    strmap_put(&L->renames[k], d->name, (void *)d->to);
    vec_push(&L->renamed[k], d);
  }
}

static void apply_renames(Linker *L, int k) {
  for (int i = 0; i < L->renamed[k].len; i++) {
    Def *d = L->renamed[k].data[i];
    if (d->fn) {
      d->fn->source_name = d->name;
      d->fn->name = d->to;
    } else {
      d->var->name = d->to;
    }
  }
}

/* FG_JVP(g) names g as spelled in its file. */
static void rename_jvp_of(Linker *L, int k) {
  Program *p = L->progs[k];
  for (int i = 0; i < p->nfuncs; i++)
    if (p->funcs[i]->jvp_of && strmap_get(&L->renames[k], p->funcs[i]->jvp_of))
      p->funcs[i]->jvp_of = strmap_get(&L->renames[k], p->funcs[i]->jvp_of);
}

/* ============================================================== entities */

static void conflict(const char *what, const char *name, Loc first, Loc second) {
  error_at(second, "%s '%s' is defined in two input files", what, name);
  note_at(first, "the other definition of '%s' is here", name);
}

static bool same_loc(Loc a, Loc b) {
  return a.file && b.file && strcmp(a.file, b.file) == 0 && a.line == b.line && a.col == b.col;
}

/* A declaration's markers (FG_DIFF, FG_WRT, FG_JVP) belong to the function. */
static void merge_markers(Func *into, Func *f) {
  into->is_diff |= f->is_diff;
  if (!into->jvp_of) {
    into->jvp_of = f->jvp_of;
    into->jvp_width = f->jvp_width;
  }
  for (int i = 0; i < into->nparams && i < f->nparams; i++)
    into->params[i]->is_wrt |= f->params[i]->is_wrt;
}

/* The one Func of f's name: the definition wins over declarations; two
 * different definitions with external linkage are a conflict. */
static void join_func(Linker *L, Func *f) {
  Func *g = strmap_get(&L->funcs, f->name);
  if (!g) {
    strmap_put(&L->funcs, f->name, f);
    vec_push(&L->func_list, f);
    return;
  }
  if (g == f)
    return;
  if (f->body && g->body && !same_loc(f->loc, g->loc) && !f->is_static && !g->is_static) {
    conflict("function", f->name, g->loc, f->loc);
    return;
  }
  if (f->nparams && g->nparams && (f->nparams != g->nparams || f->is_variadic != g->is_variadic)) {
    error_at(f->loc, "function '%s' is declared with %d parameter%s here", f->name, f->nparams,
             f->nparams == 1 ? "" : "s");
    note_at(g->loc, "and with %d parameter%s in another input file", g->nparams, g->nparams == 1 ? "" : "s");
    return;
  }
  if (f->body && !g->body) {
    merge_markers(f, g);
    strmap_put(&L->funcs, f->name, f);
    for (int i = 0; i < L->func_list.len; i++)
      if (L->func_list.data[i] == g)
        L->func_list.data[i] = f;
  } else {
    merge_markers(g, f);
  }
}

/* How much a declaration of a global defines: 2 with an initializer, 1 a
 * (tentative) definition, 0 an extern declaration. */
static int definedness(Var *v) { return v->storage == VAR_EXTERN ? 0 : v->init ? 2 : 1; }

static void join_global(Linker *L, Var *v) {
  Var *g = strmap_get(&L->globals, v->name);
  if (!g) {
    strmap_put(&L->globals, v->name, v);
    vec_push(&L->global_list, v);
    return;
  }
  if (g == v)
    return;
  if (definedness(v) == 2 && definedness(g) == 2 && !same_loc(v->loc, g->loc) &&
      v->storage == VAR_GLOBAL && g->storage == VAR_GLOBAL) {
    conflict("variable", v->name, g->loc, v->loc);
    return;
  }
  if (definedness(v) > definedness(g)) {
    strmap_put(&L->globals, v->name, v);
    for (int i = 0; i < L->global_list.len; i++)
      if (L->global_list.data[i] == g)
        L->global_list.data[i] = v;
  }
}

/* ================================================================ macros */

static bool same_file(Loc a, Loc b) { return a.file && b.file && strcmp(a.file, b.file) == 0; }

/* Rule: out.c is one file, where one definition of a macro is in force for
 * the text of every input after it and for all the generated code (which
 * spells macros such as N or PI by name): a macro that two inputs define
 * differently is refused. The same definition in several is fine. */
static void check_macros(Linker *L) {
  StrMap first = {0};
  for (int k = 0; k < L->n; k++)
    for (int i = 0; i < L->progs[k]->nmacros; i++) {
      Macro *m = &L->progs[k]->macros[i], *f = strmap_get(&first, m->name);
      if (!f) {
        strmap_put(&first, m->name, m);
      } else if (strcmp(f->text, m->text) != 0 && !same_file(f->loc, m->loc)) {
        error_at(m->loc, "macro '%s' is defined differently in two input files, which out.c joins into one; "
                 "give the macros distinct names or define it once in a shared header", m->name);
        note_at(f->loc, "the other definition of '%s' is here", m->name);
      }
    }
}

/* ================================================================= types */

/* The first definition of a type name, and the input it is in. */
typedef struct {
  TypeDef *d;
  int k;
} FirstType;

/* The same file, line and column (the files compared by canonical path). */
static bool same_place(const TypeDef *a, const TypeDef *b) {
  return strcmp(a->path, b->path) == 0 && a->loc.line == b->loc.line && a->loc.col == b->loc.col;
}

/* "struct {\n    double x;\n}" -> "struct { double x; }", for a message. */
static const char *one_line(const char *text) {
  char *s = arena_strdup(text), *o = s;
  for (const char *c = text; *c; c++)
    if (!(*c == ' ' || *c == '\n' || *c == '\t') || (o > s && o[-1] != ' '))
      *o++ = *c == '\n' || *c == '\t' ? ' ' : *c;
  *o = '\0';
  return s;
}

static void type_differs(Linker *L, const FirstType *f, const TypeDef *d, int k) {
  if (same_place(f->d, d)) {
    error_at(d->loc, "type '%s' is seen differently by two input files, which out.c joins into one: "
             "%s reads '%s'", d->name, L->progs[k]->file, one_line(d->text));
    note_at(f->d->loc, "and %s reads '%s' (their -D/-U flags, or the macros defined before the #include, differ)",
            L->progs[f->k]->file, one_line(f->d->text));
    return;
  }
  error_at(d->loc, "type '%s' is defined differently in two input files", d->name);
  note_at(f->d->loc, "the other definition of '%s' is here", d->name);
}

/* Both definitions would stay in out.c: d is in a header, or in a main
 * file's text but not on lines of its own (so that it can be left out). */
static void type_twice(const FirstType *f, const TypeDef *d) {
  error_at(d->loc, "type '%s' is defined in two places that out.c, which joins the input files, would both "
           "keep; define it once, in a header the files include%s", d->name,
           d->in_main ? " (or write this definition on lines of its own)" : "");
  note_at(f->d->loc, "the other definition of '%s' is here", d->name);
}

/* How a definition of input k compares with the first of its name. */
typedef enum { TYPE_FIRST, TYPE_SAME_PLACE, TYPE_REPEATED, TYPE_BAD } TypeSeen;

static TypeSeen see_type(Linker *L, StrMap *first, TypeDef *d, int k) {
  FirstType *f = strmap_get(first, d->name);
  if (!f) {
    f = arena_alloc(sizeof(FirstType));
    *f = (FirstType){d, k};
    strmap_put(first, d->name, f);
    return TYPE_FIRST;
  }
  if (f->k == k)
    return TYPE_FIRST; /* the input's own business (a typedef repeated in one file) */
  if (strcmp(f->d->text, d->text) != 0) {
    type_differs(L, f, d, k);
    return TYPE_BAD;
  }
  if (same_place(f->d, d))
    return TYPE_SAME_PLACE;
  if (d->top < 0) {
    type_twice(f, d);
    return TYPE_BAD;
  }
  return TYPE_REPEATED;
}

/* Rule: out.c defines each struct, union, enum and typedef once. Definitions
 * of one name in several inputs must read the same (as clang read them:
 * macros expanded); then they are one type. One made by a header is
 * defined once by its include guard (or drop_repeated_includes()); one a
 * main file makes again is left out of that file's text, provided its piece
 * (Top) makes only types defined before. Anything else (two different
 * definitions, a header seen differently, the same definition in a main
 * file and in a header) is refused, naming both places. */
static void check_types(Linker *L) {
  StrMap first = {0};
  for (int k = 0; k < L->n; k++) {
    Program *p = L->progs[k];
    bool *keep = arena_alloc(sizeof(bool) * (size_t)(p->ntops + 1));
    TypeSeen *seen = arena_alloc(sizeof(TypeSeen) * (size_t)(p->ntypes + 1));
    for (int i = 0; i < p->ntypes; i++) {
      seen[i] = see_type(L, &first, &p->types[i], k);
      if (p->types[i].top >= 0 && seen[i] != TYPE_REPEATED)
        keep[p->types[i].top] = true;
    }
    for (int i = 0; i < p->ntypes; i++) {
      TypeDef *d = &p->types[i];
      FirstType *f = strmap_get(&first, d->name);
      if (seen[i] == TYPE_REPEATED && keep[d->top])
        type_twice(f, d);
      else if (seen[i] == TYPE_REPEATED)
        p->tops[d->top].text = arena_printf("/* %s: defined above, in %s */\n", d->name, L->progs[f->k]->file);
    }
  }
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

/* Rule: a header without include guard that several main files #include
 * at file scope is included once in out.c, by the first of them: the later
 * #include lines are commented out, so what it defines is defined once. */
static void drop_repeated_includes(Linker *L) {
  StrMap first = {0};
  for (int k = 0; k < L->n; k++) {
    Program *p = L->progs[k];
    for (int i = 0; i < p->nincludes; i++) {
      Include *inc = &p->includes[i];
      Program *by = strmap_get(&first, inc->path);
      if (!by)
        strmap_put(&first, inc->path, p);
      else if (by != p)
        p->tops[inc->top].text = arena_printf("/* #include of %s: above, in %s (it has no include guard) */\n",
                                              base_name(inc->path), by->file);
    }
  }
}

/* ============================================================ references */

static void redirect_expr(Linker *L, int k, Expr *e);

static void redirect_stmt(Linker *L, int k, Stmt *s) {
  if (!s)
    return;
  if (s->var)
    redirect_expr(L, k, s->var->init);
  redirect_stmt(L, k, s->init);
  redirect_expr(L, k, s->expr);
  redirect_expr(L, k, s->cond);
  redirect_expr(L, k, s->step);
  redirect_stmt(L, k, s->then);
  redirect_stmt(L, k, s->els);
  redirect_stmt(L, k, s->body);
  for (int i = 0; i < s->nstmts; i++)
    redirect_stmt(L, k, s->stmts[i]);
}

/* Every call, function designator and global points to the one entity of
 * its name, and is spelled with that entity's (possibly new) name. */
static void redirect_expr(Linker *L, int k, Expr *e) {
  if (!e)
    return;
  if ((e->kind == EX_CALL || e->kind == EX_NAME) && e->fn) {
    Func *f = strmap_get(&L->funcs, e->fn->name);
    e->fn = f ? f : e->fn;
    e->text = e->fn->name;
  } else if (e->kind == EX_NAME && e->text && strmap_get(&L->renames[k], e->text)) {
    e->text = strmap_get(&L->renames[k], e->text);
  }
  if (e->kind == EX_VAR && e->var && is_global_storage(e->var->storage) && e->var->name) {
    Var *g = strmap_get(&L->globals, e->var->name);
    e->var = g ? g : e->var;
  }
  redirect_expr(L, k, e->lhs);
  redirect_expr(L, k, e->rhs);
  redirect_expr(L, k, e->cond);
  for (int i = 0; i < e->nargs; i++)
    redirect_expr(L, k, e->args[i]);
}

static void redirect_program(Linker *L, int k) {
  Program *p = L->progs[k];
  for (int i = 0; i < p->nfuncs; i++)
    if (strmap_get(&L->funcs, p->funcs[i]->name) == p->funcs[i])
      redirect_stmt(L, k, p->funcs[i]->body);
  for (int i = 0; i < p->nglobals; i++)
    redirect_expr(L, k, p->globals[i]->init);
}

/* ================================================================== tops */

static void add_text(Vec *tops, const char *text) {
  Top *t = arena_alloc(sizeof(Top));
  t->kind = TOP_TEXT;
  t->text = text;
  vec_push(tops, t);
}

/* Input k's main file, its renamed statics renamed by the preprocessor. */
static void add_file_tops(Linker *L, int k, Vec *tops) {
  Program *p = L->progs[k];
  Vec *r = &L->renamed[k];
  add_text(tops, arena_printf("%s/* ======== %s ======== */\n", k ? "\n" : "", p->file));
  for (int i = 0; i < r->len; i++) {
    Def *d = r->data[i];
    add_text(tops, arena_printf("#define %s %s /* static in %s */\n", d->name, d->to, p->file));
  }
  for (int i = 0; i < p->ntops; i++)
    vec_push(tops, &p->tops[i]);
  for (int i = 0; i < r->len; i++)
    add_text(tops, arena_printf("#undef %s\n", ((Def *)r->data[i])->name));
}

static void build_tops(Linker *L, Program *out) {
  Vec tops = {0};
  for (int k = 0; k < L->n; k++)
    add_file_tops(L, k, &tops);
  out->tops = arena_alloc(sizeof(Top) * (size_t)(tops.len + 1));
  for (int i = 0; i < tops.len; i++)
    out->tops[out->ntops++] = *(Top *)tops.data[i];
}

static void build_idents(Linker *L, Program *out) {
  out->idents = (const char **)L->taken_list.data;
  out->nidents = L->taken_list.len;
}

static const char *joined_names(Linker *L) {
  const char *s = L->progs[0]->file;
  for (int k = 1; k < L->n; k++)
    s = arena_printf("%s, %s", s, L->progs[k]->file);
  return s;
}

/* =========================================================== link_programs */

static void join_all(Linker *L) {
  for (int k = 0; k < L->n; k++) {
    Program *p = L->progs[k];
    for (int i = 0; i < p->nfuncs; i++)
      join_func(L, p->funcs[i]);
    for (int i = 0; i < p->nglobals; i++)
      if (p->globals[i]->name)
        join_global(L, p->globals[i]);
  }
}

static void init_linker(Linker *L, Program **progs, int n) {
  L->progs = progs;
  L->n = n;
  L->main_defs = arena_alloc(sizeof(Vec) * (size_t)n);
  L->renames = arena_alloc(sizeof(StrMap) * (size_t)n);
  L->renamed = arena_alloc(sizeof(Vec) * (size_t)n);
  L->declared = arena_alloc(sizeof(StrMap) * (size_t)n);
  for (int k = 0; k < n; k++) {
    note_main_defs(L, k);
    note_declared(L, k);
    for (int i = 0; i < progs[k]->nidents; i++)
      take(L, progs[k]->idents[i]);
  }
}

static void rename_all(Linker *L) {
  for (int k = 0; k < L->n; k++)
    choose_renames(L, k);
  for (int k = 0; k < L->n; k++) {
    apply_renames(L, k);
    rename_jvp_of(L, k);
  }
}

static Program *joined_program(Linker *L) {
  Program *out = arena_alloc(sizeof(Program));
  out->file = joined_names(L);
  build_tops(L, out);
  out->funcs = (Func **)L->func_list.data;
  out->nfuncs = L->func_list.len;
  out->globals = (Var **)L->global_list.data;
  out->nglobals = L->global_list.len;
  for (int i = 0; i < out->nglobals; i++)
    out->globals[i]->id = i;
  build_idents(L, out);
  return out;
}

Program *link_programs(Program **progs, int n) {
  if (n == 1)
    return progs[0];
  Linker L = {0};
  int errors = error_count();
  init_linker(&L, progs, n);
  rename_all(&L);
  check_macros(&L);
  check_types(&L);
  join_all(&L);
  if (error_count() > errors)
    return NULL;
  for (int k = 0; k < n; k++)
    redirect_program(&L, k);
  drop_repeated_includes(&L);
  return joined_program(&L);
}
