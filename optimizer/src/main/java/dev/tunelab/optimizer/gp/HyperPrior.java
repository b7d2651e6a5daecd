package dev.tunelab.optimizer.gp;

/**
 * A weak prior on the kernel's log-parameters, added to the log marginal likelihood so the fit
 * is a MAP estimate that stays sensible with few points: {@code log l_j ~ N(log 0.5, 1.5^2)}
 * (length scales of the unit cube), {@code log s2 ~ N(0, 1.5^2)} (targets are standardised) and
 * an exponential prior with rate 100 on the noise variance (deterministic objectives are
 * common; rate 100 measured slightly better than 10 on hartmann6, see benchmarks/RESULTS.md). Densities are up to constants.
 */
public final class HyperPrior {

  static final double LENGTH_MEAN = Math.log(0.5);
  static final double LENGTH_SD = 1.5;
  static final double SIGNAL_SD = 1.5;
  static final double NOISE_RATE = 100.0;

  private HyperPrior() {
  }

  /** The log prior at theta, adding its gradient into {@code grad} when not null. */
  public static double logDensity(double[] theta, double[] grad) {
    int d = theta.length - 2;
    double v = 0;
    for (int j = 0; j < d; j++) {
      double z = (theta[j] - LENGTH_MEAN) / LENGTH_SD;
      v -= 0.5 * z * z;
      if (grad != null) {
        grad[j] -= z / LENGTH_SD;
      }
    }
    double zs = theta[d] / SIGNAL_SD;
    v -= 0.5 * zs * zs;
    double noise = Math.exp(theta[d + 1]);
    v -= NOISE_RATE * noise;
    if (grad != null) {
      grad[d] -= zs / SIGNAL_SD;
      grad[d + 1] -= NOISE_RATE * noise;
    }
    return v;
  }
}
