/* No include guard: read by both inputs of multi_file_shared_types.c, it is
 * included once in out.c. */
typedef struct { double x, y; } point;
enum shape { LINEAR, SQUARE };
