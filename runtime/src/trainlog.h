/* trainlog.h -- libfgrt internal: the training log file and progress line. */
#ifndef FGRT_TRAINLOG_H
#define FGRT_TRAINLOG_H

#include "fgrt.h"

#include <stdio.h>

typedef struct {
  FILE *file;             /* the machine-readable log, or NULL */
  const char *path;
  int csv;                /* 1: CSV, 0: JSON lines */
  FILE *term;             /* where progress goes (stderr), or NULL when silent */
  int live;               /* 1: one line redrawn in place (a terminal) */
  uint64_t progress_every;
  double last_draw;       /* wall time of the last live redraw */
  uint64_t last_step;     /* step and wall time at the previous progress output */
  double last_wall;
  int drawn;              /* a live line is on screen */
  const fgrt_model *model;
  uint64_t steps;
} fgrt_trainlog;

/* What one log row or progress line reports. */
typedef struct {
  uint64_t step;          /* steps completed */
  double train_seconds;   /* training time so far */
  double wall_seconds;    /* wall time since fgrt_train started */
  double loss;            /* mean training loss over the window */
  double lr;
  const double *metrics;  /* NULL when not evaluated at this step */
} fgrt_logrow;

int trainlog_open(fgrt_trainlog *log, const fgrt_train_opts *opts, const fgrt_model *model, char *err,
                  size_t errlen);
/* Appends a row to the log file; returns -1 (with err) on a write error. */
int trainlog_row(fgrt_trainlog *log, const fgrt_logrow *row, char *err, size_t errlen);
/* Shows progress: redraws the live line (rate-limited), or prints a plain
 * line every progress_every steps, on evaluations and when final is set. */
void trainlog_progress(fgrt_trainlog *log, const fgrt_logrow *row, int final);
/* Prints a message on its own line (ending a live line first). */
void trainlog_message(fgrt_trainlog *log, const char *msg);
/* Closes the log file; returns -1 (with err) if buffered rows could not be written. */
int trainlog_close(fgrt_trainlog *log, char *err, size_t errlen);

#endif
