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

/* The gradient estimate of one step: g = scale * (*dir)[0..n). With one
 * forward-gradient direction g = (∇f·v) v is never formed: *dir = v and
 * scale = ∇f·v, which spares two passes over the parameters. Returns the
 * loss; *norm is ‖g‖ when needed (clipping; else only its finiteness). */
static double T(estimate)(run *r, const fgrt_batch *batch, const void **dir, double *scale, double *norm) {
  const fgrt_train_opts *o = r->o;
  const fgrt_model *m = r->m;
  size_t n = m->n_params;
  REAL *theta = r->theta, *g = r->g, *v = r->v;
  double loss;
  if (o->method == FGRT_FORWARD_GRADIENT && o->directions == 1) {
    double dfv = 0;
    T(fill_direction)(&r->rng, o->direction, batch->step, 0, v, n);
    loss = m->API(loss_jvp)(m->user, theta, v, batch, &dfv);
    *dir = v;
    *scale = dfv;
    *norm = o->clip_norm > 0 ? fabs(dfv) * sqrt(T(sum_of_squares)(v, n)) : fabs(dfv);
    return loss;
  }
  if (o->method == FGRT_FORWARD_GRADIENT)
    loss = API(fgrt_forward_gradient)(m, &r->rng, o->direction, o->directions, theta, batch, g, v);
  else
    loss = m->API(loss_grad)(m->user, theta, batch, g);
  *dir = g;
  *scale = 1;
  *norm = sqrt(T(sum_of_squares)(g, n));
  return loss;
}

/* ---------------------------------------------------------------- distributed estimates */

/* This rank's part of a distributed step (dist.h): mine[0] = w * the mean
 * loss over its K calls, mine[1 + k] = w * ∇f·v_k, for its directions on
 * its share of the batch, w the share's weight. A rank with an empty share
 * (weight 0) calls nothing and sends zeros. */
static void T(local_scalars)(run *r, const fgrt_batch *batch, double *mine) {
  const fgrt_model *m = r->m;
  size_t n = m->n_params;
  unsigned k_count = r->o->directions;
  double w, total = 0;
  fgrt_batch share = dist_share(&r->dist, batch, m->n_examples > 0, &w);
  for (unsigned k = 0; k < k_count; k++) {
    double dfv = 0;
    if (w > 0) {
      uint32_t dir = dist_direction(&r->dist, k);
      T(fill_direction)(&r->rng, r->o->direction, batch->step, dir, r->v, n);
      r->v_dir = dir;
      total += m->API(loss_jvp)(m->user, r->theta, r->v, &share, &dfv);
    }
    mine[1 + k] = w * dfv;
  }
  mine[0] = w * (total / k_count);
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
static void T(use_gradient)(run *r, const void **dir, double *scale, double *norm) {
  *dir = r->g;
  *scale = 1;
  *norm = sqrt(T(sum_of_squares)(r->g, r->m->n_params));
}

/* The update every rank forms from the exchanged scalars:
 * g = Σ_j (REAL)coef_j v_{dir_j}, in the order of j, each direction
 * regenerated from its counter. A single direction is used in place, as
 * estimate() does: the one-process step, bit for bit. */
static void T(combine)(run *r, uint64_t step, const void **dir, double *scale, double *norm) {
  const dist_run *d = &r->dist;
  size_t n = r->m->n_params;
  REAL *g = r->g, *v = r->v;
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
  if (fg ? !m->API(loss_jvp) : !m->API(loss_grad))
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
