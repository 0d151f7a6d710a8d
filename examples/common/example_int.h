/*
 * example_int.h -- what example.c (options, data, the program, compiled
 * once) shares with example_train.c (the training loop's callbacks,
 * compiled once per precision as example_train_f64 and example_train_f32).
 */
#ifndef EXAMPLES_EXAMPLE_INT_H
#define EXAMPLES_EXAMPLE_INT_H

#include <fgrt.h>

#include "example.h"

/* MNIST-format images and labels in memory */
typedef struct {
  size_t n;
  uint8_t *pixels; /* n x 784 */
  int *labels;     /* n */
} example_dataset;

typedef struct {
  const char *data;
  int backprop;
  int f32;                            /* --precision=f32 */
  uint64_t batch, directions;         /* copied into t after parsing */
  uint64_t train_limit, test_limit;   /* 0: all */
  int mpi;                            /* --mpi-directions: 0 none, 1 shared, 2 per-rank */
  int scalar_jvp;                     /* --vector=off: never the width-EXAMPLE_WIDTH derivative */
  int rank, ranks;                    /* this process among the MPI ranks (0 of 1 without) */
  fgrt_train_opts t;
} example_options;

/* Trains the model's parameters (from m->init) in one precision on train,
 * evaluating on test, and prints the result; returns the exit status. */
int example_train_f64(const example_model *m, const example_options *o, const example_dataset *train,
                      const example_dataset *test);
int example_train_f32(const example_model *m, const example_options *o, const example_dataset *train,
                      const example_dataset *test);

#endif
