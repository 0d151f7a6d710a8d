/*
 * fuzz_cmdline.c -- libFuzzer harness: fgcc's command line. The bytes are
 * the arguments, one per line; fgcc runs them in-process on a small fixture
 * (in.c, inc.h, db/compile_commands.json) in a private temporary directory,
 * which is the working directory during the run.
 *
 * The option parser is static in tool/main.c, so this file includes it,
 * with main() renamed and exit() turned into a jump back here (a usage
 * error, --help and --version exit). run() below is tool/main.c's
 * compile() without guard_temp(): its signal handlers would hide crashes
 * from the sanitizers and libFuzzer. Arguments with a '/' are skipped, so
 * that nothing outside the directory is read or written; files the run
 * created there are removed and the fixture is written again after it.
 *
 * Beyond "no crash": the exit status is 0, 1 or 2, and the output is
 * written atomically: no temporary file is ever left behind, and when fgcc
 * fails the existing out.c of the fixture is left as it was (unless clang
 * options after "--" or -M... could write files themselves).
 *
 *   build-asan/fuzz/fuzz_cmdline -dict=fuzz/cmdline.dict build-asan/fuzz/corpus/cmdline fuzz/corpus/cmdline
 */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static jmp_buf exit_jump;
static int exit_status;

_Noreturn static void fuzz_exit(int status) {
  exit_status = status;
  longjmp(exit_jump, 1);
}

#define main fgcc_tool_main
#define exit fuzz_exit
#include "../tool/main.c"
#undef main
#undef exit

enum { MAX_ARGS = 64 };

static char dir[] = "/tmp/fgcc_fuzz_cmdline_XXXXXX";
static int dir_fd, home_fd;

static const char in_c[] =
    "#include <fgcc.h>\n"
    "#include \"inc.h\"\n"
    "static double sq(double t) { return t * t; }\n"
    "double g(double a, int n);\n"
    "FG_JVP(g) double my_g_jvp(double a, double a_dot, int n, double *ret_dot) { *ret_dot = n * a_dot; return g(a, n); }\n"
    "double h(double *w, const double *x, int n) {\n"
    "  double s = 0;\n"
    "  for (int i = 0; i < n; i++) s += w[i] * x[i] + sq(x[i]) + SCALE;\n"
    "  return s;\n"
    "}\n"
    "FG_DIFF double f(double x, FG_WRT double y, int k) { return x * sin_like(y) + g(y, k) + h(&x, &y, 1); }\n";
static const char out_c[] = "/* the previous output */\n";
static const char inc_h[] =
    "#ifndef SCALE\n#define SCALE 1.0\n#endif\n"
    "static inline double sin_like(double v) { return v - v * v * v / 6; }\n";

static void write_fixture_file(const char *name, const char *text) {
  int fd = openat(dir_fd, name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  size_t n = strlen(text);
  if (fd < 0 || write(fd, text, n) != (ssize_t)n || close(fd) != 0)
    abort();
}

static void write_fixture(void) {
  write_fixture_file("in.c", in_c);
  write_fixture_file("inc.h", inc_h);
  write_fixture_file("out.c", out_c);
  mkdirat(dir_fd, "db", 0755);
  char json[512];
  snprintf(json, sizeof json,
           "[{\"directory\": \"%s\", \"file\": \"in.c\", "
           "\"arguments\": [\"cc\", \"-c\", \"-DSCALE=2.0\", \"-std=c11\", \"in.c\", \"-o\", \"in.o\"]}]\n",
           dir);
  write_fixture_file("db/compile_commands.json", json);
}

static bool is_fixture(const char *name) {
  return !strcmp(name, "in.c") || !strcmp(name, "inc.h") || !strcmp(name, "out.c") || !strcmp(name, "db");
}

/* The -o of the last run, if it got that far. */
static const char *run_output;

/* Is name fgcc's temporary file for output: "<output>.tmpXXXXXX"? */
static bool is_temp_of(const char *name, const char *output) {
  size_t n = output ? strlen(output) : 0;
  return output && strlen(name) == n + 10 && !strncmp(name, output, n) && !strncmp(name + n, ".tmp", 4);
}

/* Remove what a run created beside the fixture (outputs, stray files);
 * abort on a temporary output file left behind. */
static void clean_dir(void) {
  DIR *d = opendir(dir);
  if (!d)
    abort();
  for (struct dirent *e; (e = readdir(d));) {
    const char *n = e->d_name;
    if (!strcmp(n, ".") || !strcmp(n, "..") || is_fixture(n))
      continue;
    if (run_output && is_temp_of(n, run_output))
      abort(); /* fgcc left its temporary file: the output was not written atomically */
    if (unlinkat(dir_fd, n, 0) != 0)
      unlinkat(dir_fd, n, AT_REMOVEDIR);
  }
  closedir(d);
}

/* Is out.c still the fixture's? */
static bool out_c_untouched(void) {
  char buf[sizeof out_c + 1];
  int fd = openat(dir_fd, "out.c", O_RDONLY);
  ssize_t n = fd >= 0 ? read(fd, buf, sizeof buf) : -1;
  if (fd >= 0)
    close(fd);
  return n == (ssize_t)strlen(out_c) && memcmp(buf, out_c, (size_t)n) == 0;
}

/* Could the parser's own options write files (dependency files, ...)? */
static bool clang_may_write(int argc, char **argv) {
  for (int i = 1; i < argc; i++)
    if (!strcmp(argv[i], "--") || !strncmp(argv[i], "-M", 2))
      return true;
  return false;
}

static void remove_dir(void) {
  clean_dir();
  unlinkat(dir_fd, "db/compile_commands.json", 0);
  unlinkat(dir_fd, "db", AT_REMOVEDIR);
  unlinkat(dir_fd, "in.c", 0);
  unlinkat(dir_fd, "inc.h", 0);
  unlinkat(dir_fd, "out.c", 0);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
  if (!mkdtemp(dir) || (dir_fd = open(dir, O_RDONLY | O_DIRECTORY)) < 0 || (home_fd = open(".", O_RDONLY)) < 0)
    abort();
  write_fixture();
  atexit(remove_dir);
  return 0;
}

/* tool/main.c's compile(), without guard_temp(). */
static int run(int argc, char **argv) {
  Options opt = {0};
  parse_options(&opt, argc, argv);
  run_output = opt.output;
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
  if (dumping(&opt, "tangent")) {
    dump_tangents(stdout, an);
    return finish_dump();
  }
  return write_output(prog, an, &opt) ? 0 : EXIT_ERRORS;
}

/* The arguments: one per line, at most MAX_ARGS; NULL when one has a '/'
 * or a NUL. */
static char **split_args(const uint8_t *data, size_t size, char *text, int *argc) {
  static char *argv[MAX_ARGS + 2];
  if (memchr(data, '/', size) || memchr(data, '\0', size))
    return NULL;
  memcpy(text, data, size);
  text[size] = '\0';
  int n = 0;
  argv[n++] = "fgcc";
  for (char *p = text; n <= MAX_ARGS;) {
    char *nl = strchr(p, '\n');
    if (nl)
      *nl = '\0';
    argv[n++] = p;
    if (!nl)
      break;
    p = nl + 1;
  }
  argv[n] = NULL;
  *argc = n;
  return argv;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *text = malloc(size + 1);
  int argc;
  char **argv = split_args(data, size, text, &argc);
  if (argv) {
    if (fchdir(dir_fd) != 0)
      abort();
    exit_status = -1;
    run_output = NULL;
    if (!setjmp(exit_jump))
      exit_status = run(argc, argv);
    if (exit_status < 0 || exit_status > EXIT_USAGE)
      abort(); /* only 0, 1 and 2 are fgcc's */
    if (exit_status != 0 && !clang_may_write(argc, argv) && !out_c_untouched())
      abort(); /* a failing run changed an existing output */
    if (fchdir(home_fd) != 0)
      abort();
    clean_dir();
    write_fixture();
  }
  free(text);
  fflush(stdout);
  arena_release();
  diag_reset();
  return 0;
}
