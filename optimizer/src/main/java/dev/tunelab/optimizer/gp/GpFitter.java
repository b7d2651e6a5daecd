package dev.tunelab.optimizer.gp;

import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits kernel hyperparameters by maximising log marginal likelihood plus {@link HyperPrior}
 * with a bounded quasi-Newton method ({@link BoundedBfgs}) from several starts: the first at the prior's
 * centre, the others drawn at random; the best finite optimum wins. Bounds, in natural units:
 * length scales [0.01, 100], signal variance [0.01, 100], noise variance [1e-6, 1] (1e-6 is
 * the noise floor). If every start fails, the prior's centre is returned and a warning logged.
 */
public final class GpFitter {

  private static final Logger LOG = LoggerFactory.getLogger(GpFitter.class);

  /** Noise variance floor, in standardised target units squared. */
  public static final double NOISE_FLOOR = 1e-6;

  private GpFitter() {
  }

  /** Default hyperparameters: length scales 0.5, signal variance 1, noise 1e-3. */
  public static GpHyperparameters defaults(int d) {
    double[] l = new double[d];
    java.util.Arrays.fill(l, 0.5);
    return new GpHyperparameters(l, 1.0, 1e-3);
  }

  /**
   * @param x points in the unit cube
   * @param y standardised targets
   * @param starts number of quasi-Newton starts, >= 1
   * @param maxIter iterations per start
   * @param rng source of the random starts
   */
  public static GpHyperparameters fit(double[][] x, double[] y, int starts, int maxIter,
      SplittableRandom rng) {
    int d = x[0].length;
    LogMarginalLikelihood lml = new LogMarginalLikelihood(x, y);
    int p = d + 2;
    double[] lo = new double[p];
    double[] hi = new double[p];
    for (int j = 0; j < d; j++) {
      lo[j] = Math.log(0.01);
      hi[j] = Math.log(100);
    }
    lo[d] = Math.log(0.01);
    hi[d] = Math.log(100);
    lo[d + 1] = Math.log(NOISE_FLOOR);
    hi[d + 1] = 0;
    BoundedBfgs.Objective f = (theta, grad) -> {
      double v = lml.valueAndGradient(theta, grad);
      if (!Double.isFinite(v)) {
        java.util.Arrays.fill(grad, 0.0);
        return Double.POSITIVE_INFINITY;
      }
      v += HyperPrior.logDensity(theta, grad);
      for (int i = 0; i < p; i++) {
        grad[i] = -grad[i];
      }
      return -v;
    };
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int s = 0; s < starts; s++) {
      double[] theta = s == 0 ? defaults(d).theta() : randomStart(d, rng);
      try {
        double v = BoundedBfgs.minimize(f, theta, lo, hi, maxIter, 1e-5);
        if (Double.isFinite(v) && v < bestValue) {
          bestValue = v;
          best = theta;
        }
      } catch (RuntimeException e) {
        LOG.debug("GP fit start {} failed: {}", s, e.toString());
      }
    }
    if (best == null) {
      LOG.warn("GP hyperparameter fit failed from all {} starts on {} points; using defaults", starts, x.length);
      return defaults(d);
    }
    return GpHyperparameters.fromTheta(best);
  }

  private static double[] randomStart(int d, SplittableRandom rng) {
    double[] t = new double[d + 2];
    for (int j = 0; j < d; j++) {
      t[j] = Math.log(0.1) + rng.nextDouble() * (Math.log(2.0) - Math.log(0.1));
    }
    t[d] = Math.log(0.3) + rng.nextDouble() * (Math.log(3.0) - Math.log(0.3));
    t[d + 1] = Math.log(1e-5) + rng.nextDouble() * (Math.log(1e-2) - Math.log(1e-5));
    return t;
  }
}
