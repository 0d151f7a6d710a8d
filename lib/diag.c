/*
 * diag.c -- the two error channels.
 *
 * User diagnostics look like clang's: "file:line:col: error: msg", then the
 * source line and a caret under the column. Internal invariants abort with
 * fgcc's own file and line: they are fgcc bugs, never the user's.
 */
#include "fgcc_int.h"

#include <stdlib.h>
#include <string.h>

static int nerrors;

/* The text of line `line` of `file`, or NULL (read on demand: diagnostics are rare). */
static char *source_line(const char *file, int line) {
  FILE *fp = fopen(file, "rb");
  if (!fp)
    return NULL;
  static char buf[4096];
  int cur = 1;
  char *res = NULL;
  while (fgets(buf, sizeof buf, fp)) {
    if (cur == line) {
      buf[strcspn(buf, "\r\n")] = '\0';
      res = buf;
      break;
    }
    if (strchr(buf, '\n'))
      cur++;
  }
  fclose(fp);
  return res;
}

/* Print the source line and a caret under column `col` (tabs kept so the
 * caret lines up). */
static void show_caret(Loc loc) {
  char *text = source_line(loc.file, loc.line);
  if (!text)
    return;
  fprintf(stderr, "%s\n", text);
  int n = (int)strlen(text);
  for (int i = 0; i < loc.col - 1 && i < n; i++)
    fputc(text[i] == '\t' ? '\t' : ' ', stderr);
  fputs("^\n", stderr);
}

static void report(Loc loc, const char *kind, const char *fmt, va_list ap) {
  if (loc.file)
    fprintf(stderr, "%s:%d:%d: %s: ", loc.file, loc.line, loc.col, kind);
  else
    fprintf(stderr, "fgcc: %s: ", kind);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  if (loc.file && loc.line > 0)
    show_caret(loc);
}

void error_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, "error", fmt, ap);
  va_end(ap);
  nerrors++;
}

void warn_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, "warning", fmt, ap);
  va_end(ap);
}

void note_at(Loc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(loc, "note", fmt, ap);
  va_end(ap);
}

void error_plain(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "fgcc: error: ");
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
  nerrors++;
}

int error_count(void) { return nerrors; }

void diag_reset(void) { nerrors = 0; }

void internal_error(const char *file, int line, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fprintf(stderr, "fgcc: internal error at %s:%d: ", file, line);
  vfprintf(stderr, fmt, ap);
  fprintf(stderr, "\nThis is a bug in fgcc; please report it with the input file.\n");
  va_end(ap);
  abort();
}
