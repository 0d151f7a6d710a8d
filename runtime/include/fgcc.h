/*
 * fgcc.h -- the markers of fgcc, the forward-mode automatic-differentiation
 * compiler for C. Include it in the file you differentiate.
 *
 *   FG_DIFF      on a function definition: differentiate this function.
 *   FG_WRT       on a parameter of an FG_DIFF function: differentiate with
 *                respect to it (an "active" input). Without any FG_WRT, every
 *                parameter that holds floating-point data is active.
 *                Non-const pointers to floating data (outputs) are always
 *                active.
 *   FG_JVP(g)    on a function: it is the user-supplied derivative of g,
 *                following the _jvp calling convention below; fgcc calls it
 *                instead of differentiating g.
 *   FG_JVP_WIDTH(g, K)
 *                on a function: it is the user-supplied derivative of g for
 *                vector mode at width K (fgcc --width K), K a power of two
 *                from 2 to 64. Its parameters are those of the FG_JVP
 *                derivative, with every tangent a flat pointer in the
 *                interleaved layout of NAME_jvpK: a scalar's tangent points
 *                to its K values (const double *x_dot), a pointer's holds
 *                element j of direction k at p_dot[j*K + k], ret_dot points
 *                to K values. fgcc --width K calls it once per call of g;
 *                at other widths it is ignored (docs/usage.md).
 *
 * The markers expand to clang annotations only when __FGCC__ is defined,
 * which fgcc does while parsing; for gcc and clang they expand to nothing, so
 * the annotated file builds unchanged (and warning-free).
 *
 * The generated calling convention: for
 *     R f(P1 p1, P2 p2, ...)
 * fgcc emits
 *     R f_jvp(P1 p1, P1 p1_dot, P2 p2, ...,  R *ret_dot)
 * where each active parameter is followed by its tangent, of the same type
 * (a pointer parameter double *w gets double *w_dot: the tangents of the
 * data it points to), inactive parameters are passed alone, and the final
 * R *ret_dot is present when R is a floating type. f_jvp returns what f
 * returns and stores the directional derivative of the result, along the
 * direction given by the tangents, into *ret_dot.
 *
 * Example:
 *     FG_DIFF double f(double x, FG_WRT double y) { return x * y * y; }
 * gives
 *     double f_jvp(double x, double y, double y_dot, double *ret_dot);
 * and f_jvp(x, y, 1.0, &d) sets d = df/dy = 2 x y.
 */
#ifndef FGCC_H
#define FGCC_H

#ifdef __FGCC__
#define FG_DIFF __attribute__((annotate("fgcc_diff")))
#define FG_WRT __attribute__((annotate("fgcc_wrt")))
#define FG_JVP(g) __attribute__((annotate("fgcc_jvp:" #g)))
/* K is expanded first: FG_JVP_WIDTH(g, W) with #define W 8 reads "g:8". */
#define FG_JVP_WIDTH(g, K) __attribute__((annotate("fgcc_jvp_width:" #g ":" FG_STRINGIFY_(K))))
#define FG_STRINGIFY_(x) #x
#else
#define FG_DIFF
#define FG_WRT
#define FG_JVP(g)
#define FG_JVP_WIDTH(g, K)
#endif

#endif
