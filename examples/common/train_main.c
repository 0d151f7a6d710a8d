/* The training program of an example: its model is EXAMPLE_MODEL (model.c). */
#include "example.h"

extern const example_model EXAMPLE_MODEL;

int main(int argc, char **argv) { return example_main(&EXAMPLE_MODEL, argc, argv); }
