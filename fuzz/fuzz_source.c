/*
 * fuzz_source.c -- libFuzzer harness: the bytes are a C translation unit,
 * run through the whole pipeline in-process: parse, analyse, differentiate,
 * emit (and both --dump printers). Whatever the input, fgcc must report
 * errors and go on, never crash, hang or leak.
 *
 * The input is written to in.c in a private temporary directory (libclang
 * parses files); the output goes to /dev/null. Between two inputs
 * arena_release() and diag_reset() bring the library back to its initial
 * state. Like tool/main.c, the passes run on a thread with a large stack.
 *
 *   build-asan/fuzz/fuzz_source -dict=fuzz/c.dict build-asan/fuzz/corpus/source fuzz/corpus/source test/exec
 */
#include "fgcc_int.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/fgcc_fuzz_source_XXXXXX";
static char input_path[64];
static FILE *devnull;

static void remove_dir(void) {
  unlink(input_path);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  /* libclang's crash recovery would catch our crashes before the sanitizers. */
  setenv("LIBCLANG_DISABLE_CRASH_RECOVERY", "1", 1);
  if (!mkdtemp(dir) || !(devnull = fopen("/dev/null", "w")))
    abort();
  snprintf(input_path, sizeof input_path, "%s/in.c", dir);
  atexit(remove_dir);
  return 0;
}

static void write_input(const uint8_t *data, size_t size) {
  FILE *f = fopen(input_path, "wb");
  if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
    abort();
}

/* The pipeline as tool/main.c runs it, stopping after any stage with errors. */
static void *run_pipeline(void *arg) {
  (void)arg;
  Options opt = {.input = input_path, .output = "out.c"};
  Program *prog = parse_file(&opt);
  if (!prog || error_count() > 0)
    return NULL;
  dump_program(devnull, prog);
  Analysis *an = analyse_program(prog, &opt);
  if (error_count() > 0)
    return NULL;
  diff_program(prog, an);
  if (error_count() > 0)
    return NULL;
  for (int i = 0; i < an->nvariants; i++)
    if (an->variants[i]->out)
      dump_func(devnull, an->variants[i]->out);
  emit_program(devnull, prog, an, &opt);
  return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  write_input(data, size);
  pthread_attr_t attr;
  pthread_t thread;
  if (pthread_attr_init(&attr) != 0 || pthread_attr_setstacksize(&attr, (size_t)256 << 20) != 0 ||
      pthread_create(&thread, &attr, run_pipeline, NULL) != 0 || pthread_join(thread, NULL) != 0)
    abort();
  pthread_attr_destroy(&attr);
  fflush(devnull);
  arena_release();
  diag_reset();
  return 0;
}
