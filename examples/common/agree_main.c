/* The agreement check of an example (a test): fgcc's ∇f·v against backprop. */
#include "example.h"

extern const example_model EXAMPLE_MODEL;

int main(int argc, char **argv) { return example_agree(&EXAMPLE_MODEL, argc, argv); }
