package dev.tunelab.optimizer.gp;

/**
 * A monotone transform of the losses before the GP sees them, so a heavy upper tail (values
 * over several orders of magnitude, as on Rosenbrock's walls) does not dominate the
 * standardised targets, leaving the GP crude on the valley floor where the search is.
 * The transform is strictly increasing, so the order of the losses, the incumbent and expected
 * improvement's notion of "better" are unchanged.
 */
final class OutputWarping {

  private OutputWarping() {
  }

  /** Largest exponent tried: 1 is the identity; above 1 the best losses would be squeezed together. */
  static final double MAX_LAMBDA = 1.0;
  /** Smallest exponent tried (stronger than a log for a positive tail). */
  static final double MIN_LAMBDA = -2.0;

  /**
   * Yeo-Johnson power transform (Yeo and Johnson 2000) of the standardised losses, then
   * standardised again; in place. The exponent maximises the Gaussian likelihood of the
   * transformed values over [{@value #MIN_LAMBDA}, {@value #MAX_LAMBDA}] (golden-section search).
   * Capped at 1 (the identity): only a heavy upper tail (bad losses far above the rest) is
   * compressed; a heavy lower tail (a few very good losses) is left as it is, since squeezing
   * it would blur the region being searched. A no-op beyond standardising on fewer than 3 values.
   */
  static void yeoJohnson(double[] y) {
    BayesianStrategy.standardise(y);
    if (y.length < 3) {
      return;
    }
    double lo = MIN_LAMBDA;
    double hi = MAX_LAMBDA;
    double g = (Math.sqrt(5) - 1) / 2;
    double a = hi - g * (hi - lo);
    double b = lo + g * (hi - lo);
    double fa = yjLogLikelihood(y, a);
    double fb = yjLogLikelihood(y, b);
    for (int it = 0; it < 40; it++) {
      if (fa > fb) {
        hi = b;
        b = a;
        fb = fa;
        a = hi - g * (hi - lo);
        fa = yjLogLikelihood(y, a);
      } else {
        lo = a;
        a = b;
        fa = fb;
        b = lo + g * (hi - lo);
        fb = yjLogLikelihood(y, b);
      }
    }
    double lambda = 0.5 * (lo + hi);
    if (!(yjLogLikelihood(y, lambda) > yjLogLikelihood(y, MAX_LAMBDA))) {
      return;
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = yj(y[i], lambda);
    }
    BayesianStrategy.standardise(y);
  }

  /** The Yeo-Johnson transform with exponent lambda; strictly increasing in x for every lambda. */
  static double yj(double x, double lambda) {
    if (x >= 0) {
      return Math.abs(lambda) < 1e-10 ? Math.log1p(x) : (Math.pow(1 + x, lambda) - 1) / lambda;
    }
    double m = 2 - lambda;
    return Math.abs(m) < 1e-10 ? -Math.log1p(-x) : -(Math.pow(1 - x, m) - 1) / m;
  }

  /** Profile log likelihood of a Gaussian after the transform, up to a constant. */
  static double yjLogLikelihood(double[] y, double lambda) {
    int n = y.length;
    double mean = 0;
    double jac = 0;
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = yj(y[i], lambda);
      mean += t[i];
      jac += Math.signum(y[i]) * Math.log1p(Math.abs(y[i]));
    }
    mean /= n;
    double ss = 0;
    for (double v : t) {
      ss += (v - mean) * (v - mean);
    }
    double var = ss / n;
    if (!(var > 0) || !Double.isFinite(var)) {
      return Double.NEGATIVE_INFINITY;
    }
    return -0.5 * n * Math.log(var) + (lambda - 1) * jac;
  }
}
