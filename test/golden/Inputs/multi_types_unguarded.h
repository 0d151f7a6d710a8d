/* No include guard. */
typedef struct { double x, y; } point;
