/*
 * main.c -- the fgcc driver.
 *
 * main() reads as the list of passes: options, parse, analyse, differentiate,
 * emit. It stops after any pass that reported an error (exit 1); a bad
 * command line exits 2. The output is written to a temporary file beside it
 * and renamed into place only when everything succeeded, so that on any
 * failure no output file appears and an existing one is left untouched.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L /* mkstemp, fdopen, fileno, fsync, fchmod */
#endif

#include "fgcc_int.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { EXIT_ERRORS = 1, EXIT_USAGE = 2 };

static const char usage_text[] =
    "usage: fgcc [options] in.c... -o out.c\n"
    "       fgcc [options] in.c... --dump=ir|tangent\n"
    "\n"
    "Differentiates, in forward mode, the functions of the inputs marked FG_DIFF\n"
    "(see fgcc.h) or named with --fn, and writes out.c with their _jvp versions.\n"
    "Several inputs are joined like a program's files: their functions call each\n"
    "other, and a static whose name another input uses becomes NAME__STEM.\n"
    "\n"
    "Options:\n"
    "  -o FILE             write the generated C to FILE (required unless --dump)\n"
    "  --fn NAME           differentiate NAME w.r.t. all its floating parameters (repeatable)\n"
    "  --fn NAME:P1,P2     differentiate NAME w.r.t. its parameters P1 and P2 (repeatable)\n"
    "  --jvp G=G_JVP       use your function G_JVP as the derivative of G (repeatable);\n"
    "                      G=G_JVP@K: a width-K derivative, as FG_JVP_WIDTH(G, K)\n"
    "  --width K           vector mode: K tangents per value in one pass, NAME_jvpK\n"
    "                      (K a power of two, 1 to 64; 1 is the default NAME_jvp)\n"
    "  --no-chunks         at K >= 4, keep each tangent one K-wide vector (no FG_CHUNKS\n"
    "                      chunks of one vector register for gcc)\n"
    "  --line-directives   emit #line directives pointing into in.c\n"
    "  --dump=ir           print the IR after parsing to stdout; write no output file\n"
    "  --dump=tangent      print the tangent functions' IR to stdout; write no output file\n"
    "  -p DIR              take each input's compile flags from DIR/compile_commands.json\n"
    "  -I DIR              add an include directory (passed to the parser)\n"
    "  -isystem DIR        add a system include directory (passed to the parser)\n"
    "  -D NAME[=VALUE]     define a macro (passed to the parser)\n"
    "  -U NAME             undefine a macro (passed to the parser)\n"
    "  -std=STD            the C dialect, e.g. -std=c11 (passed to the parser)\n"
    "  -include FILE       include FILE before each input (passed to the parser)\n"
    "  -- ARGS...          pass all the following arguments to the parser\n"
    "  -h, --help          print this help and exit\n"
    "  --version           print the version and exit\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input, 2 bad command line.\n";

/* ================================================================ options */

/* The command line being read, and the growing lists of Options. Every
 * list is bounded by argc, so they are allocated once. */
typedef struct {
  int argc, i;
  char **argv;
  Options *opt;
} Cmdline;

/* "fgcc: error: ..." and exit 2. */
__attribute__((format(printf, 1, 2))) _Noreturn static void usage_error(const char *fmt, ...) {
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  error_plain("%s", msg);
  exit(EXIT_USAGE);
}

static bool is_ident_char(char c, bool first) {
  return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9');
}

/* Are the n characters at s a C identifier? */
static bool is_ident(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!is_ident_char(s[i], i == 0))
      return false;
  return n > 0;
}

/* The value of option `name` at argv[i]: joined ("-Ifoo", "--fn=f") when
 * the argument is longer than the name, else the next argument. */
static const char *option_value(Cmdline *c, const char *name) {
  const char *arg = c->argv[c->i] + strlen(name);
  if (*arg)
    return *arg == '=' && name[1] == '-' ? arg + 1 : arg;
  if (c->i + 1 >= c->argc)
    usage_error("missing argument to '%s'", name);
  return c->argv[++c->i];
}

/* Does argv[i] spell option `name`, alone or with a joined value? `joined`
 * says which joined forms are allowed: "" none, "=" only "name=value",
 * "*" any suffix ("-Ifoo"). */
static bool is_option(Cmdline *c, const char *name, const char *joined) {
  const char *arg = c->argv[c->i];
  size_t n = strlen(name);
  if (strncmp(arg, name, n) != 0)
    return false;
  return arg[n] == '\0' || (*joined == '*') || (*joined == '=' && arg[n] == '=');
}

static void add_clang_arg(Options *opt, const char *arg) { opt->clang_args[opt->nclang_args++] = arg; }

/* A clang option with a value ("-I", "dir"): kept as the two words the
 * parser expects, whichever way it was spelled. */
static void add_clang_option(Cmdline *c, const char *name) {
  const char *value = option_value(c, name);
  add_clang_arg(c->opt, name);
  add_clang_arg(c->opt, value);
}

/* --fn NAME or --fn NAME:P1,P2,... */
static void add_fn(Cmdline *c, const char *spec) {
  FnRequest *r = &c->opt->fns[c->opt->nfns++];
  const char *colon = strchr(spec, ':');
  size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
  if (!is_ident(spec, n))
    usage_error("--fn '%s': expected a function name, optionally followed by ':' and parameter names", spec);
  r->name = arena_strndup(spec, n);
  if (!colon)
    return;
  r->wrt = arena_alloc(sizeof(char *) * (strlen(colon) + 1));
  for (const char *p = colon + 1;; p++) {
    size_t len = strcspn(p, ",");
    if (!is_ident(p, len))
      usage_error("--fn '%s': expected comma-separated parameter names after ':'", spec);
    r->wrt[r->nwrt++] = arena_strndup(p, len);
    p += len;
    if (!*p)
      break;
  }
}

/* --width K's values: a power of two from lo to 64; -1 for anything else. */
static int parse_width(const char *value, int lo) {
  char *end;
  long k = strtol(value, &end, 10);
  return *end || end == value || k < lo || k > 64 || (k & (k - 1)) ? -1 : (int)k;
}

/* --jvp G=G_JVP, or G=G_JVP@K for a width-K derivative (FG_JVP_WIDTH) */
static void add_jvp(Cmdline *c, const char *spec) {
  const char *eq = strchr(spec, '='), *at = eq ? strchr(eq, '@') : NULL;
  size_t len = eq ? (at ? (size_t)(at - eq - 1) : strlen(eq + 1)) : 0;
  if (!eq || !is_ident(spec, (size_t)(eq - spec)) || !is_ident(eq + 1, len))
    usage_error("--jvp '%s': expected FUNCTION=DERIVATIVE, two function names, optionally followed by @WIDTH",
                spec);
  JvpRequest *j = &c->opt->jvps[c->opt->njvps++];
  j->fn = arena_strndup(spec, (size_t)(eq - spec));
  j->jvp = arena_strndup(eq + 1, len);
  j->width = at ? parse_width(at + 1, 2) : 1;
  if (j->width < 0)
    usage_error("--jvp '%s': the width after '@' must be a power of two from 2 to 64 (without '@', the derivative "
                "has width 1)", spec);
}

static void set_dump(Cmdline *c, const char *stage) {
  if (strcmp(stage, "ir") != 0 && strcmp(stage, "tangent") != 0)
    usage_error("unknown --dump stage '%s' (expected 'ir' or 'tangent')", stage);
  c->opt->dump = stage;
}

/* --width K: a power of two from 1 to 64 (a tangent is a vector of K values). */
static void set_width(Cmdline *c, const char *value) {
  int k = parse_width(value, 1);
  if (k < 0)
    usage_error("--width '%s': expected a power of two from 1 to 64 (tangents per value)", value);
  if (c->opt->width)
    usage_error("--width given twice");
  c->opt->width = k;
}

static void set_once(const char **slot, const char *value, const char *what) {
  if (*slot)
    usage_error("%s given twice", what);
  *slot = value;
}

static void print_version(void) {
#ifdef FGCC_LLVM_VERSION
  printf("fgcc %s (libclang %s)\n", FGCC_VERSION, FGCC_LLVM_VERSION);
#else
  printf("fgcc %s\n", FGCC_VERSION);
#endif
}

/* One option at argv[i] (which may consume the next argument too). */
static void read_option(Cmdline *c) {
  const char *arg = c->argv[c->i];
  if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
    fputs(usage_text, stdout);
    exit(0);
  } else if (!strcmp(arg, "--version")) {
    print_version();
    exit(0);
  } else if (!strcmp(arg, "--line-directives"))
    c->opt->line_directives = true;
  else if (!strcmp(arg, "--no-chunks"))
    c->opt->no_chunks = true;
  else if (is_option(c, "--fn", "="))
    add_fn(c, option_value(c, "--fn"));
  else if (is_option(c, "--jvp", "="))
    add_jvp(c, option_value(c, "--jvp"));
  else if (is_option(c, "--dump", "="))
    set_dump(c, option_value(c, "--dump"));
  else if (is_option(c, "--width", "="))
    set_width(c, option_value(c, "--width"));
  else if (is_option(c, "-o", "*"))
    set_once(&c->opt->output, option_value(c, "-o"), "-o");
  else if (!strcmp(arg, "-p") || !strncmp(arg, "-p=", 3))
    set_once(&c->opt->compdb_dir, arg[2] ? arg + 3 : option_value(c, "-p"), "-p");
  else if (is_option(c, "-include", "*"))
    add_clang_option(c, "-include");
  else if (is_option(c, "-isystem", "*"))
    add_clang_option(c, "-isystem");
  else if (is_option(c, "-I", "*"))
    add_clang_option(c, "-I");
  else if (is_option(c, "-D", "*"))
    add_clang_option(c, "-D");
  else if (is_option(c, "-U", "*"))
    add_clang_option(c, "-U");
  else if (!strncmp(arg, "-std=", 5) && arg[5])
    add_clang_arg(c->opt, arg);
  else
    usage_error("unknown option '%s'", arg);
}

/* Fill opt from the command line; exits 2 on a bad one. */
static void parse_options(Options *opt, int argc, char **argv) {
  Cmdline c = {argc, 1, argv, opt};
  opt->clang_args = arena_alloc(sizeof(char *) * (size_t)(2 * argc + 1));
  opt->fns = arena_alloc(sizeof(FnRequest) * (size_t)argc);
  opt->jvps = arena_alloc(sizeof(JvpRequest) * (size_t)argc);
  opt->inputs = arena_alloc(sizeof(char *) * (size_t)argc);
  for (; c.i < argc; c.i++) {
    const char *arg = argv[c.i];
    if (!strcmp(arg, "--")) {
      while (++c.i < argc)
        add_clang_arg(opt, argv[c.i]);
    } else if (!strcmp(arg, "-")) {
      usage_error("reading the input from standard input is not supported");
    } else if (arg[0] == '-') {
      read_option(&c);
    } else {
      opt->inputs[opt->ninputs++] = arg;
    }
  }
  opt->input = opt->ninputs ? opt->inputs[0] : NULL;
  if (!opt->input)
    usage_error("no input file (try 'fgcc --help')");
  if (!opt->output && !opt->dump)
    usage_error("no output file: give -o FILE (or --dump=STAGE)");
}

/* The options to parse input `file` with: the command line's, after the
 * arguments of its -p DIR compile_commands.json entry (so that the ones on
 * fgcc's own command line override them). */
static Options *file_options(const Options *opt, const char *file) {
  Options *fo = arena_alloc(sizeof(Options));
  *fo = *opt;
  fo->input = file;
  const char **args;
  int n;
  if (!opt->compdb_dir)
    return fo;
  if (!load_compile_commands(opt->compdb_dir, file, &args, &n))
    return NULL;
  const char **all = arena_alloc(sizeof(char *) * (size_t)(n + opt->nclang_args + 1));
  memcpy(all, args, sizeof(char *) * (size_t)n);
  memcpy(all + n, opt->clang_args, sizeof(char *) * (size_t)opt->nclang_args);
  fo->clang_args = all;
  fo->nclang_args += n;
  return fo;
}

static bool same_inode(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Refuse an unreadable input, one given twice, and an output that would
 * overwrite an input. */
static bool check_input(const Options *opt, int k) {
  const char *file = opt->inputs[k];
  struct stat in, out, other;
  if (access(file, R_OK) != 0 || stat(file, &in) != 0) {
    error_plain("cannot read '%s': %s", file, strerror(errno));
    return false;
  }
  if (S_ISDIR(in.st_mode)) {
    error_plain("cannot read '%s': Is a directory", file);
    return false;
  }
  if (opt->output && !opt->dump && stat(opt->output, &out) == 0 && same_inode(&in, &out)) {
    error_plain("the output file '%s' is the input file", opt->output);
    return false;
  }
  for (int j = 0; j < k; j++)
    if (stat(opt->inputs[j], &other) == 0 && same_inode(&in, &other)) {
      error_plain("the input file '%s' is given twice", file);
      return false;
    }
  return true;
}

static bool check_files(const Options *opt) {
  bool ok = true;
  for (int k = 0; k < opt->ninputs; k++)
    ok &= check_input(opt, k);
  return ok;
}

/* A -D or -U flag at args[i] ("-DN=3", "-D" "N=3", "-DN", "-UN"): *name is
 * the macro and *value its definition ("3", "1" for -DN, NULL for -U).
 * Returns how many arguments it takes, 0 for another flag. */
static int macro_flag(const char **args, int n, int i, const char **name, const char **value) {
  const char *a = args[i];
  if (strncmp(a, "-D", 2) != 0 && strncmp(a, "-U", 2) != 0)
    return 0;
  int used = a[2] ? 1 : 2;
  const char *spec = a[2] ? a + 2 : i + 1 < n ? args[i + 1] : "";
  const char *eq = a[1] == 'D' ? strchr(spec, '=') : NULL;
  *name = eq ? arena_strndup(spec, (size_t)(eq - spec)) : spec;
  *value = a[1] == 'U' ? NULL : eq ? eq + 1 : "1";
  return used;
}

/* The macros input k's flags define or undefine (the last flag wins):
 * name -> "=VALUE", or "U" when undefined. */
static StrMap flag_macros(const Options *fo) {
  StrMap m = {0};
  for (int i = 0, used; i < fo->nclang_args; i += used ? used : 1) {
    const char *name, *value;
    used = macro_flag(fo->clang_args, fo->nclang_args, i, &name, &value);
    if (used && *name)
      strmap_put(&m, name, value ? arena_printf("=%s", value) : "U");
  }
  return m;
}

static const char *flag_spelling(const char *name, const char *how) {
  return *how == 'U' ? arena_printf("-U%s", name) : arena_printf("-D%s%s", name, how);
}

/* Rule: out.c is one file, compiled with one set of flags: a macro that
 * the flags of two inputs (per-file -p entries) define differently, or
 * define for one and undefine for the other, is refused. One that only
 * some inputs' flags mention is left to the user (docs/usage.md). */
static bool check_flag_macros(Options **fos, int n) {
  bool ok = true;
  StrMap *m = arena_alloc(sizeof(StrMap) * (size_t)n);
  for (int k = 0; k < n; k++) {
    if (!fos[k])
      continue;
    m[k] = flag_macros(fos[k]);
    for (int j = 0; j < k; j++)
      for (int i = 0; i < m[k].cap; i++) { /* the map's slots */
        const char *name = m[k].keys[i], *here = m[k].vals[i], *there = name ? strmap_get(&m[j], name) : NULL;
        if (there && strcmp(here, there) != 0) {
          error_plain("macro '%s' is given as %s to %s and as %s to %s; out.c joins the inputs into one file, "
                      "compiled with one definition: give them the same -D/-U flags (fgcc's own apply to every input, last)",
                      name, flag_spelling(name, there), fos[j]->input, flag_spelling(name, here), fos[k]->input);
          ok = false;
        }
      }
  }
  return ok;
}

/* The parse pass on every input, each with its own flags, then link.c
 * joins them into one Program. */
static Program *parse_inputs(const Options *opt) {
  Program **progs = arena_alloc(sizeof(Program *) * (size_t)opt->ninputs);
  Options **fos = arena_alloc(sizeof(Options *) * (size_t)opt->ninputs);
  bool ok = true;
  for (int k = 0; k < opt->ninputs; k++)
    fos[k] = file_options(opt, opt->inputs[k]);
  if (!check_flag_macros(fos, opt->ninputs))
    return NULL;
  for (int k = 0; k < opt->ninputs; k++) {
    progs[k] = fos[k] ? parse_file(fos[k]) : NULL;
    ok &= progs[k] != NULL;
  }
  if (!ok || error_count() > 0)
    return NULL;
  return link_programs(progs, opt->ninputs);
}

/* ================================================================ output */

/* The temporary output file, removed on every way out but success:
 * errors, exit() from anywhere, abort() (internal errors), signals. */
static char temp_path[4096 + 16];
static volatile sig_atomic_t have_temp;

static void remove_temp(void) {
  if (have_temp)
    unlink(temp_path);
  have_temp = 0;
}

static void remove_temp_on_signal(int sig) {
  if (have_temp)
    unlink(temp_path);
  have_temp = 0;
  signal(sig, SIG_DFL);
  raise(sig);
}

static void guard_temp(void) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGABRT, SIGSEGV, SIGBUS};
  atexit(remove_temp);
  for (size_t i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    signal(sigs[i], remove_temp_on_signal);
}

/* mkstemp("<out>.tmpXXXXXX"), with the permissions a plain fopen would give. */
static FILE *open_temp(const char *out) {
  if (strlen(out) + sizeof ".tmpXXXXXX" > sizeof temp_path) {
    error_plain("output file name too long: '%s'", out);
    return NULL;
  }
  snprintf(temp_path, sizeof temp_path, "%s.tmpXXXXXX", out);
  int fd = mkstemp(temp_path);
  if (fd < 0) {
    error_plain("cannot write '%s': %s", out, strerror(errno));
    return NULL;
  }
  have_temp = 1;
  mode_t mask = umask(0);
  umask(mask);
  FILE *f = fchmod(fd, 0666 & ~mask) == 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    error_plain("cannot write '%s': %s", out, strerror(errno));
    close(fd);
    remove_temp();
  }
  return f;
}

/* Flush the temporary file to disk and rename it over `out`. */
static bool commit_temp(FILE *f, const char *out) {
  bool ok = fflush(f) == 0 && !ferror(f) && fsync(fileno(f)) == 0;
  int err = errno;
  if (fclose(f) != 0 && ok)
    ok = false, err = errno;
  if (ok && rename(temp_path, out) != 0)
    ok = false, err = errno;
  if (!ok) {
    error_plain("cannot write '%s': %s", out, strerror(err));
    remove_temp();
    return false;
  }
  have_temp = 0;
  return true;
}

/* The emit pass, into the temporary file, then renamed into place. */
static bool write_output(Program *p, Analysis *a, const Options *opt) {
  FILE *f = open_temp(opt->output);
  if (!f)
    return false;
  emit_program(f, p, a, opt);
  if (error_count() > 0) {
    fclose(f);
    remove_temp();
    return false;
  }
  return commit_temp(f, opt->output);
}

/* --dump=tangent: the tangent function of every variant fgcc generates. */
static void dump_tangents(FILE *out, Analysis *a) {
  for (int i = 0; i < a->nvariants; i++)
    if (a->variants[i]->out)
      dump_func(out, a->variants[i]->out);
}

static int finish_dump(void) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    error_plain("cannot write to standard output: %s", strerror(errno));
    return EXIT_ERRORS;
  }
  return 0;
}

static bool dumping(const Options *opt, const char *stage) { return opt->dump && !strcmp(opt->dump, stage); }

/* ================================================================ passes */

static int compile(int argc, char **argv) {
  Options opt = {0};
  parse_options(&opt, argc, argv);
  if (!check_files(&opt))
    return EXIT_ERRORS;

  Program *prog = parse_inputs(&opt);
  if (!prog || error_count() > 0)
    return EXIT_ERRORS;
  if (dumping(&opt, "ir")) {
    dump_program(stdout, prog);
    return finish_dump();
  }

  Analysis *an = analyse_program(prog, &opt);
  if (error_count() > 0)
    return EXIT_ERRORS;

  diff_program(prog, an);
  if (error_count() > 0)
    return EXIT_ERRORS;
  widen_program(prog, an);
  if (error_count() > 0)
    return EXIT_ERRORS;
  if (!opt.no_chunks)
    chunk_program(prog, an);
  if (dumping(&opt, "tangent")) {
    dump_tangents(stdout, an);
    return finish_dump();
  }

  guard_temp();
  return write_output(prog, an, &opt) ? 0 : EXIT_ERRORS;
}

/* The passes recurse over the input's expressions: run them on a thread
 * with a large stack (reserved, not committed) so that deep but valid
 * input does not overflow the 8 MB main stack. */
typedef struct {
  int argc;
  char **argv;
  int status;
} Job;

static void *compile_job(void *p) {
  Job *job = p;
  job->status = compile(job->argc, job->argv);
  return NULL;
}

int main(int argc, char **argv) {
  Job job = {argc, argv, EXIT_ERRORS};
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) == 0 && pthread_attr_setstacksize(&attr, (size_t)1 << 30) == 0 &&
      pthread_create(&thread, &attr, compile_job, &job) == 0) {
    pthread_join(thread, NULL);
    return job.status;
  }
  return compile(argc, argv);
}
