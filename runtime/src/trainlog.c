/*
 * trainlog.c -- what training shows and records.
 *
 * Two outputs: a machine-readable log (CSV or JSON lines, chosen by the
 * file's extension) with one row per log window and per evaluation, and a
 * progress display on stderr: a single line redrawn in place on a terminal,
 * plain lines at fixed step intervals otherwise (logs, CI, pipes).
 */
#include "trainlog.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { LIVE_REDRAW_MS = 100 };

static int fail(char *err, size_t errlen, const char *path, const char *what) {
  if (err && errlen)
    snprintf(err, errlen, "%s: %s: %s", path, what, strerror(errno));
  return -1;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void write_header(fgrt_trainlog *log) {
  if (!log->csv)
    return;
  fputs("step,time_s,wall_s,loss,lr", log->file);
  for (int i = 0; i < log->model->n_metrics; i++)
    fprintf(log->file, ",%s", log->model->metric_names[i]);
  fputc('\n', log->file);
}

int trainlog_open(fgrt_trainlog *log, const fgrt_train_opts *opts, const fgrt_model *model, char *err,
                  size_t errlen) {
  memset(log, 0, sizeof *log);
  log->model = model;
  log->steps = opts->steps;
  log->progress_every = opts->progress_every ? opts->progress_every : (opts->steps >= 20 ? opts->steps / 20 : 1);
  if (opts->progress != 0) {
    log->term = stderr;
    log->live = opts->progress < 0 && isatty(fileno(stderr));
  }
  if (opts->log_path) {
    log->path = opts->log_path;
    log->csv = !ends_with(opts->log_path, ".jsonl") && !ends_with(opts->log_path, ".json");
    log->file = fopen(opts->log_path, opts->resume_path ? "a" : "w");
    if (!log->file)
      return fail(err, errlen, opts->log_path, "cannot open the training log");
    if (!opts->resume_path || (fseek(log->file, 0, SEEK_END) == 0 && ftell(log->file) == 0))
      write_header(log);
  }
  return 0;
}

/* A number as CSV / JSON text: JSON has no NaN, so non-finite is null. */
static void put_number(fgrt_trainlog *log, double x) {
  if (isfinite(x))
    fprintf(log->file, "%.10g", x);
  else if (!log->csv)
    fputs("null", log->file);
  else
    fprintf(log->file, "%g", x);
}

static void csv_row(fgrt_trainlog *log, const fgrt_logrow *r) {
  fprintf(log->file, "%llu,%.6f,%.6f,", (unsigned long long)r->step, r->train_seconds, r->wall_seconds);
  put_number(log, r->loss);
  fputc(',', log->file);
  put_number(log, r->lr);
  for (int i = 0; i < log->model->n_metrics; i++) {
    fputc(',', log->file);
    if (r->metrics)
      put_number(log, r->metrics[i]);
  }
  fputc('\n', log->file);
}

static void json_row(fgrt_trainlog *log, const fgrt_logrow *r) {
  fprintf(log->file, "{\"step\": %llu, \"time_s\": %.6f, \"wall_s\": %.6f, \"loss\": ",
          (unsigned long long)r->step, r->train_seconds, r->wall_seconds);
  put_number(log, r->loss);
  fputs(", \"lr\": ", log->file);
  put_number(log, r->lr);
  for (int i = 0; r->metrics && i < log->model->n_metrics; i++) {
    fprintf(log->file, ", \"%s\": ", log->model->metric_names[i]);
    put_number(log, r->metrics[i]);
  }
  fputs("}\n", log->file);
}

int trainlog_row(fgrt_trainlog *log, const fgrt_logrow *row, char *err, size_t errlen) {
  if (!log->file)
    return 0;
  if (log->csv)
    csv_row(log, row);
  else
    json_row(log, row);
  fflush(log->file); /* rows are rare: keep the file current for tail -f and crashes */
  return ferror(log->file) ? fail(err, errlen, log->path, "cannot write the training log") : 0;
}

/* "1:02:03" or "2:03" */
static void format_duration(char *buf, size_t n, double s) {
  if (!isfinite(s) || s < 0)
    s = 0;
  unsigned long t = (unsigned long)(s + 0.5);
  if (t >= 3600)
    snprintf(buf, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
  else
    snprintf(buf, n, "%lu:%02lu", t / 60, t % 60);
}

static void format_line(fgrt_trainlog *log, const fgrt_logrow *r, double rate, char *buf, size_t n) {
  char eta[32];
  format_duration(eta, sizeof eta, rate > 0 ? (double)(log->steps - r->step) / rate : 0);
  int w = snprintf(buf, n, "step %llu/%llu  loss %.5g  lr %.3g  %.1f steps/s  ETA %s",
                   (unsigned long long)r->step, (unsigned long long)log->steps, r->loss, r->lr, rate, eta);
  for (int i = 0; r->metrics && i < log->model->n_metrics && w >= 0 && (size_t)w < n; i++)
    w += snprintf(buf + w, n - (size_t)w, "  %s %.5g", log->model->metric_names[i], r->metrics[i]);
}

/* Steps per second since the previous progress output. */
static double step_rate(fgrt_trainlog *log, const fgrt_logrow *r) {
  double dt = r->wall_seconds - log->last_wall;
  double rate = dt > 0 ? (double)(r->step - log->last_step) / dt : 0;
  log->last_step = r->step;
  log->last_wall = r->wall_seconds;
  return rate;
}

void trainlog_progress(fgrt_trainlog *log, const fgrt_logrow *r, int final) {
  char line[512];
  if (!log->term)
    return;
  if (log->live) {
    if (!final && !r->metrics && (r->wall_seconds - log->last_draw) * 1000 < LIVE_REDRAW_MS)
      return;
    log->last_draw = r->wall_seconds;
    format_line(log, r, step_rate(log, r), line, sizeof line);
    fprintf(log->term, "\r\033[K%s%s", line, final || r->metrics ? "\n" : "");
    log->drawn = !(final || r->metrics);
  } else {
    if (!final && !r->metrics && r->step % log->progress_every != 0)
      return;
    format_line(log, r, step_rate(log, r), line, sizeof line);
    fprintf(log->term, "%s\n", line);
  }
  fflush(log->term);
}

void trainlog_message(fgrt_trainlog *log, const char *msg) {
  if (!log->term)
    return;
  if (log->drawn)
    fputc('\n', log->term);
  log->drawn = 0;
  fprintf(log->term, "%s\n", msg);
  fflush(log->term);
}

int trainlog_close(fgrt_trainlog *log, char *err, size_t errlen) {
  if (log->drawn && log->term)
    fputc('\n', log->term);
  log->drawn = 0;
  if (!log->file)
    return 0;
  int bad = ferror(log->file) | (fclose(log->file) != 0);
  log->file = NULL;
  return bad ? fail(err, errlen, log->path, "cannot write the training log") : 0;
}
