/*
 * train_impl.h -- the part of the training driver that depends on the type
 * of the parameters. train.c includes it once per precision, with
 *
 *   REAL      double or float: parameters, directions, gradient, optimizer state
 *   API(x)    the public name of x in this precision: x, or x##_f
 *             (fgrt_forward_gradient_f, fgrt_fill_normal_f, model->loss_jvp_f)
 *   T(x)      the internal name of x in this precision: x##_f64 or x##_f32
 *   SQRT      sqrt or sqrtf
 *
 * and reads as the vector arithmetic of one step: the directions, the
 * forward-gradient estimate, the optimizer update, and the conversions for
 * checkpoints. The driver around them (train.c) is written once.
 *
 * Element-wise arithmetic is in REAL, with the double coefficients of a step
 * (lr, the clipping scale, ∇f·v/K, the optimizer's constants) rounded to
 * REAL once, as PyTorch computes a float32 step; sums over the parameters
 * (norms, the finiteness check) are accumulated in double. With REAL =
 * double every rounding is the identity: the float64 path is the one
 * fgrt_train always took.
 */

/* ---------------------------------------------------------------- gradient estimates */

static void T(fill_direction)(const fgrt_rng *rng, fgrt_direction dist, uint64_t step, unsigned k, REAL *v,
                              size_t n) {
  if (dist == FGRT_RADEMACHER)
    API(fgrt_fill_rademacher)(rng, step, k, 0, v, n);
  else
    API(fgrt_fill_normal)(rng, step, k, 0, v, n);
}

double API(fgrt_forward_gradient)(const fgrt_model *m, const fgrt_rng *rng, fgrt_direction dist, unsigned directions,
                                  const REAL *theta, const fgrt_batch *batch, REAL *g, REAL *v) {
  size_t n = m->n_params;
  double total = 0;
  for (unsigned k = 0; k < directions; k++) {
    T(fill_direction)(rng, dist, batch->step, k, v, n);
    double dfv = 0;
    total += m->API(loss_jvp)(m->user, theta, v, batch, &dfv);
    REAL c = (REAL)(dfv / directions); /* g += (∇f·v_k / K) v_k */
    if (k == 0)
      for (size_t i = 0; i < n; i++)
        g[i] = c * v[i];
    else
      for (size_t i = 0; i < n; i++)
        g[i] += c * v[i];
  }
  return total / directions;
}

static double T(sum_of_squares)(const REAL *x, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++)
    s += (double)x[i] * x[i];
  return s;
}

/* g in r->g, the estimate itself (scale 1); *norm = ‖g‖. */
static void T(use_g)(run *r, const void **dir, double *scale, double *norm) {
  *dir = r->g;
  *scale = 1;
  *norm = sqrt(T(sum_of_squares)(r->g, r->m->n_params));
}

/* ---------------------------------------------------------------- the width-K callback */

/* g = c v (first) or g += c v: one direction's term of the mean, in the
 * order of k, as fgrt_forward_gradient adds it. v[j * stride] is element j. */
static void T(add_term)(REAL *g, REAL c, const REAL *v, size_t stride, size_t n, int first) {
  if (first)
    for (size_t i = 0; i < n; i++)
      g[i] = c * v[i * stride];
  else
    for (size_t i = 0; i < n; i++)
      g[i] += c * v[i * stride];
}

/* fgrt_forward_gradient through the width callback: ceil(K/W) calls, lanes
 * past K zero and their results dropped; the same terms added in the same
 * order. work: n (W + 1) REALs. Without a width callback, the K calls. */
double API(fgrt_forward_gradient_w)(const fgrt_model *m, const fgrt_rng *rng, fgrt_direction dist, unsigned directions,
                                    const REAL *theta, const fgrt_batch *batch, REAL *g, REAL *work) {
  size_t n = m->n_params, W = m->width;
  if (!m->API(loss_jvp_w) || W == 0)
    return API(fgrt_forward_gradient)(m, rng, dist, directions, theta, batch, g, work);
  double *dw = malloc(W * sizeof *dw), total = 0;
  if (!dw)
    return NAN;
  REAL *v = work, *vw = work + n;
  unsigned calls = 0;
  for (unsigned first = 0; first < directions; first += (unsigned)W, calls++) {
    unsigned count = directions - first < W ? directions - first : (unsigned)W;
    for (size_t l = 0; l < W; l++) {
      if (l < count)
        T(fill_direction)(rng, dist, batch->step, first + (unsigned)l, v, n);
      for (size_t j = 0; j < n; j++)
        vw[j * W + l] = l < count ? v[j] : 0;
      dw[l] = 0;
    }
    total += m->API(loss_jvp_w)(m->user, theta, vw, batch, dw);
    for (unsigned l = 0; l < count; l++) /* g += (∇f·v_k / K) v_k */
      T(add_term)(g, (REAL)(dw[l] / directions), vw + l, W, n, first + l == 0);
  }
  free(dw);
  return total / calls;
}

/* Direction k of the step into lane l of the interleaved vw (width W):
 * from column k of cols when the directions are kept, else drawn. */
static void T(fill_lane)(run *r, uint64_t step, unsigned k, const REAL *cols, REAL *vw, unsigned l) {
  size_t n = r->m->n_params, W = r->m->width;
  const REAL *v = cols ? cols + (size_t)k * n : r->v;
  if (!cols) {
    T(fill_direction)(&r->rng, r->o->direction, step, direction_index(r, k), r->v, n);
    r->v_dir = direction_index(r, k);
  }
  for (size_t j = 0; j < n; j++)
    vw[j * W + l] = v[j];
}

/* d[k] = ∇f·v_k for the step's K directions, in ceil(K/W) calls of the
 * width callback; lanes past K are zero and their results dropped. With g,
 * also g = Σ_k (REAL)(d_k/K) v_k, added in the order of k from the lanes
 * (the values the K-call path adds). Returns the mean loss of the calls. */
static double T(derivatives_width)(run *r, const fgrt_batch *batch, const REAL *cols, double *d, REAL *g) {
  const fgrt_model *m = r->m;
  size_t n = m->n_params;
  unsigned K = r->o->directions, W = m->width, calls = 0;
  REAL *vw = r->vw;
  double total = 0;
  for (unsigned first = 0; first < K; first += W, calls++) {
    unsigned count = K - first < W ? K - first : W;
    for (unsigned l = 0; l < W; l++)
      if (l < count)
        T(fill_lane)(r, batch->step, first + l, cols, vw, l);
      else
        for (size_t j = 0; j < n; j++)
          vw[j * W + l] = 0;
    for (unsigned l = 0; l < W; l++)
      r->dw[l] = 0;
    total += m->API(loss_jvp_w)(m->user, r->theta, vw, batch, r->dw);
    for (unsigned l = 0; l < count; l++) {
      d[first + l] = r->dw[l];
      if (g)
        T(add_term)(g, (REAL)(r->dw[l] / K), vw + l, W, n, first + l == 0);
    }
  }
  return total / calls;
}

/* d[k] = ∇f·v_k with one loss_jvp call per direction: from column k of
 * cols when kept, else drawn into v. Returns the mean loss. */
static double T(derivatives_loop)(run *r, const fgrt_batch *batch, const REAL *cols, double *d) {
  const fgrt_model *m = r->m;
  size_t n = m->n_params;
  unsigned K = r->o->directions;
  double total = 0;
  for (unsigned k = 0; k < K; k++) {
    const REAL *v = cols ? cols + (size_t)k * n : r->v;
    if (!cols) {
      T(fill_direction)(&r->rng, r->o->direction, batch->step, direction_index(r, k), r->v, n);
      r->v_dir = direction_index(r, k);
    }
    d[k] = 0;
    total += m->API(loss_jvp)(m->user, r->theta, v, batch, &d[k]);
  }
  return total / K;
}

/* The step's K directional derivatives, by the width callback when the
 * model has one in this precision, else by K calls of loss_jvp. */
static double T(derivatives)(run *r, const fgrt_batch *batch, const REAL *cols, double *d) {
  if (r->m->API(loss_jvp_w))
    return T(derivatives_width)(r, batch, cols, d, NULL);
  return T(derivatives_loop)(r, batch, cols, d);
}

static int T(has_width)(const fgrt_model *m) { return m->API(loss_jvp_w) != NULL; }

/* ---------------------------------------------------------------- the projection */

/* work[a*K + b] = v_a·v_b for b <= a, in double. */
static void T(gram)(const REAL *V, size_t n, unsigned K, double *work) {
  for (unsigned a = 0; a < K; a++)
    for (unsigned b = 0; b <= a; b++) {
      const REAL *x = V + (size_t)a * n, *y = V + (size_t)b * n;
      double s = 0;
      for (size_t i = 0; i < n; i++)
        s += (double)x[i] * y[i];
      work[(size_t)a * K + b] = s;
    }
}

unsigned API(fgrt_project)(const REAL *V, size_t n, unsigned K, const double *d, REAL *g, double *work) {
  T(gram)(V, n, K, work);
  double *c = work + (size_t)K * K;
  unsigned rank = project_solve(work, K, d, c);
  for (unsigned k = 0; k < K; k++) /* g = Σ_k c_k v_k, in the order of k */
    T(add_term)(g, (REAL)c[k], V + (size_t)k * n, 1, n, k == 0);
  return rank;
}

/* The step's K directions, kept as the columns of r->cols. */
static void T(draw_columns)(run *r, uint64_t step) {
  size_t n = r->m->n_params;
  REAL *cols = r->cols;
  for (unsigned k = 0; k < r->o->directions; k++)
    T(fill_direction)(&r->rng, r->o->direction, step, direction_index(r, k), cols + (size_t)k * n, n);
}

/* g = the projection of ∇f onto the span of the kept directions, from
 * their derivatives d; counts the dropped ones. */
static void T(use_projection)(run *r, const double *d, const void **dir, double *scale, double *norm) {
  size_t n = r->m->n_params;
  unsigned K = r->o->directions;
  unsigned rank = API(fgrt_project)(r->cols, n, K, d, r->g, r->work);
  r->res->dependent_directions += K - rank;
  T(use_g)(r, dir, scale, norm);
}

/* The forward-gradient estimate of one step, by the first rule that
 * applies: the projection onto the K directions (kept as columns); the
 * mean through the width callback; one direction, used in place (g =
 * (∇f·v) v is never formed: *dir = v and scale = ∇f·v, which spares two
 * passes over the parameters); the mean of K loss_jvp calls. */
static double T(forward_estimate)(run *r, const fgrt_batch *batch, const void **dir, double *scale, double *norm) {
  const fgrt_train_opts *o = r->o;
  const fgrt_model *m = r->m;
  size_t n = m->n_params;
  double loss;
  if (o->combine == FGRT_COMBINE_PROJECT) {
    T(draw_columns)(r, batch->step);
    loss = T(derivatives)(r, batch, r->cols, r->d);
    T(use_projection)(r, r->d, dir, scale, norm);
  } else if (T(has_width)(m)) {
    loss = T(derivatives_width)(r, batch, NULL, r->d, r->g);
    T(use_g)(r, dir, scale, norm);
  } else if (o->directions == 1) {
    double dfv = 0;
    T(fill_direction)(&r->rng, o->direction, batch->step, 0, r->v, n);
    loss = m->API(loss_jvp)(m->user, r->theta, r->v, batch, &dfv);
    *dir = r->v;
    *scale = dfv;
    *norm = o->clip_norm > 0 ? fabs(dfv) * sqrt(T(sum_of_squares)(r->v, n)) : fabs(dfv);
  } else {
    loss = API(fgrt_forward_gradient)(m, &r->rng, o->direction, o->directions, r->theta, batch, r->g, r->v);
    T(use_g)(r, dir, scale, norm);
  }
  return loss;
}

/* The gradient estimate of one step: g = scale * (*dir)[0..n). Returns
 * the loss; *norm is ‖g‖ when needed (clipping; else only its finiteness). */
static double T(estimate)(run *r, const fgrt_batch *batch, const void **dir, double *scale, double *norm) {
  if (r->o->method == FGRT_FORWARD_GRADIENT)
    return T(forward_estimate)(r, batch, dir, scale, norm);
  double loss = r->m->API(loss_grad)(r->m->user, r->theta, batch, r->g);
  T(use_g)(r, dir, scale, norm);
  return loss;
}

/* ---------------------------------------------------------------- distributed estimates */

/* This rank's part of a distributed step (dist.h): mine[0] = w * the mean
 * loss over its K calls, mine[1 + k] = w * ∇f·v_k, for its directions on
 * its share of the batch, w the share's weight. A rank with an empty share
 * (weight 0) calls nothing and sends zeros. */
static void T(local_scalars)(run *r, const fgrt_batch *batch, double *mine) {
  const fgrt_model *m = r->m;
  unsigned k_count = r->o->directions;
  double w, loss = 0;
  fgrt_batch share = dist_share(&r->dist, batch, m->n_examples > 0, &w);
  for (unsigned k = 0; k < k_count; k++)
    r->d[k] = 0;
  if (w > 0) /* the width callback too; the directions are this rank's (dist_direction) */
    loss = T(derivatives)(r, &share, NULL, r->d);
  for (unsigned k = 0; k < k_count; k++)
    mine[1 + k] = w * r->d[k];
  mine[0] = w * loss;
}

/* This rank's part of a distributed exact-gradient step: g = w * ∇f on its
 * share (zero when its share is empty), mine[0] = w * f. */
static void T(local_gradient)(run *r, const fgrt_batch *batch, double *mine) {
  const fgrt_model *m = r->m;
  size_t n = m->n_params;
  REAL *g = r->g;
  double w, f = 0;
  fgrt_batch share = dist_share(&r->dist, batch, m->n_examples > 0, &w);
  if (w > 0)
    f = m->API(loss_grad)(m->user, r->theta, &share, g);
  REAL wr = (REAL)w;
  for (size_t i = 0; i < n; i++)
    g[i] = w > 0 ? wr * g[i] : 0;
  mine[0] = w * f;
}

/* The exact gradient summed over the ranks is the step's g. */
static void T(use_gradient)(run *r, const void **dir, double *scale, double *norm) { T(use_g)(r, dir, scale, norm); }

/* The update every rank forms from the exchanged scalars:
 * g = Σ_j (REAL)coef_j v_{dir_j}, in the order of j, each direction
 * regenerated from its counter. A single direction is used in place, as
 * estimate() does: the one-process step, bit for bit. */
static void T(combine)(run *r, uint64_t step, const void **dir, double *scale, double *norm) {
  const dist_run *d = &r->dist;
  size_t n = r->m->n_params;
  REAL *g = r->g, *v = r->v;
  if (r->o->combine == FGRT_COMBINE_PROJECT) { /* SHARED only: mine[1..K] hold the batch's d_k */
    T(draw_columns)(r, step);
    T(use_projection)(r, d->mine + 1, dir, scale, norm);
    return;
  }
  if (d->count == 1) { /* every rank takes this path, so every rank computes the same norm */
    double dfv = d->coef[0];
    if (r->v_dir != (int64_t)d->dirs[0])
      T(fill_direction)(&r->rng, r->o->direction, step, d->dirs[0], v, n);
    r->v_dir = d->dirs[0];
    *dir = v;
    *scale = dfv;
    *norm = r->o->clip_norm > 0 ? fabs(dfv) * sqrt(T(sum_of_squares)(v, n)) : fabs(dfv);
    return;
  }
  for (size_t j = 0; j < d->count; j++) {
    T(fill_direction)(&r->rng, r->o->direction, step, d->dirs[j], v, n);
    r->v_dir = d->dirs[j];
    REAL c = (REAL)d->coef[j];
    if (j == 0)
      for (size_t i = 0; i < n; i++)
        g[i] = c * v[i];
    else
      for (size_t i = 0; i < n; i++)
        g[i] += c * v[i];
  }
  *dir = g;
  *scale = 1;
  *norm = sqrt(T(sum_of_squares)(g, n));
}

/* ---------------------------------------------------------------- the optimizer */

/* theta -= lr * step(g), with g = scale * dir (clipping) and weight decay
 * added. Returns the sum of the new theta: not finite iff some parameter is
 * not. t is the 1-based update count (Adam's bias correction). */
static double T(update)(run *r, const void *dir, double scale, double rate, uint64_t t) {
  const fgrt_train_opts *o = r->o;
  size_t n = r->m->n_params;
  const REAL *g = dir;
  REAL *theta = r->theta, *m = r->st.m, *s = r->st.s;
  REAL lr = (REAL)rate, sc = (REAL)scale, wd = (REAL)o->weight_decay;
  double sum = 0;
  if (o->optimizer == FGRT_SGD) {
    for (size_t i = 0; i < n; i++)
      sum += theta[i] -= lr * (sc * g[i] + wd * theta[i]);
  } else if (o->optimizer == FGRT_MOMENTUM) { /* m = μ m + g; θ -= lr m */
    REAL mu = (REAL)o->momentum;
    for (size_t i = 0; i < n; i++) {
      m[i] = mu * m[i] + sc * g[i] + wd * theta[i];
      sum += theta[i] -= lr * m[i];
    }
  } else { /* Adam: θ -= lr m̂ / (sqrt(ŝ) + eps) */
    REAL b1 = (REAL)o->beta1, b2 = (REAL)o->beta2, eps = (REAL)o->eps;
    REAL d1 = (REAL)(1 - o->beta1), d2 = (REAL)(1 - o->beta2);
    REAL c1 = (REAL)(1 / (1 - pow(o->beta1, (double)t))), c2 = (REAL)(1 / (1 - pow(o->beta2, (double)t)));
    for (size_t i = 0; i < n; i++) {
      REAL gi = sc * g[i] + wd * theta[i];
      m[i] = b1 * m[i] + d1 * gi;
      s[i] = b2 * s[i] + d2 * gi * gi;
      sum += theta[i] -= lr * (m[i] * c1) / (SQRT(s[i] * c2) + eps);
    }
  }
  return sum;
}

/* ---------------------------------------------------------------- the model's other callbacks */

static int T(evaluate)(run *r, uint64_t step, double *metrics) {
  return r->m->API(eval)(r->m->user, r->theta, step, metrics);
}

static int T(has_eval)(const fgrt_model *m) { return m->API(eval) != NULL; }

#define STR_(x) #x
#define STR(x) STR_(x)

/* The callbacks the run will call exist in this precision; an evaluation
 * given only in the other precision is refused rather than skipped. */
static int T(check_callbacks)(const fgrt_model *m, const fgrt_train_opts *o, const char *fn, char *err,
                              size_t errlen) {
  int fg = o->method == FGRT_FORWARD_GRADIENT;
  if (fg && m->API(loss_jvp_w) && m->width == 0)
    return fgrt_errorf(err, errlen, "%s: the model has a %s callback but width is 0; expected the directions per call, "
                       ">= 1", fn, STR(API(loss_jvp_w)));
  if (fg ? !m->API(loss_jvp) && !m->API(loss_jvp_w) : !m->API(loss_grad))
    return fgrt_errorf(err, errlen, "%s: the model has no %s callback for this method", fn,
                fg ? STR(API(loss_jvp)) : STR(API(loss_grad)));
  if (!m->API(eval) && (m->eval || m->eval_f))
    return fgrt_errorf(err, errlen, "%s: the model has no %s callback (its evaluation is for the other precision only)", fn,
                STR(API(eval)));
  if (m->n_metrics < 0 || m->n_metrics > FGRT_MAX_METRICS || (m->n_metrics && (!m->API(eval) || !m->metric_names)))
    return fgrt_errorf(err, errlen, "%s: %d metrics (0 to %d, with %s and metric_names)", fn, m->n_metrics,
                FGRT_MAX_METRICS, STR(API(eval)));
  return 0;
}

#undef STR
#undef STR_

/* ---------------------------------------------------------------- checkpoints: REAL <-> double */

static void T(to_double)(const void *x, double *out, size_t n) {
  const REAL *p = x;
  for (size_t i = 0; i < n; i++)
    out[i] = p[i];
}

static void T(from_double)(const double *x, void *out, size_t n) {
  REAL *p = out;
  for (size_t i = 0; i < n; i++)
    p[i] = (REAL)x[i];
}
