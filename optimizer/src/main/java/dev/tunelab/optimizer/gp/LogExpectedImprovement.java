package dev.tunelab.optimizer.gp;

import org.apache.commons.math3.special.Erf;

/**
 * Expected improvement below an incumbent {@code best} for a Gaussian prediction
 * {@code N(mean, sd^2)} (minimisation), in log space:
 * {@code EI = sd * h(z)}, {@code z = (best - mean) / sd}, {@code h(z) = z Phi(z) + phi(z)}
 * (Jones, Schonlau and Welch 1998). {@code log h} is computed directly for {@code z > -5} and
 * through the continued fraction of Mills' ratio below, where {@code h} underflows and direct
 * evaluation cancels; so log EI stays finite and informative far from the incumbent (the idea
 * of Ament et al., "Unexpected improvements to expected improvement", NeurIPS 2023).
 */
public final class LogExpectedImprovement {

  private static final double LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);
  private static final double SWITCH = -5.0;
  private static final int CF_TERMS = 80;

  private LogExpectedImprovement() {
  }

  /** Standard normal density. */
  public static double phi(double z) {
    return Math.exp(-0.5 * z * z - LOG_SQRT_2PI);
  }

  /** Standard normal distribution function. */
  public static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / Math.sqrt(2));
  }

  /** {@code log h(z)}. */
  public static double logH(double z) {
    if (z > SWITCH) {
      return Math.log(z * cdf(z) + phi(z));
    }
    double t = -z;
    double c = tail(t);
    return -0.5 * z * z - LOG_SQRT_2PI + Math.log(c) - Math.log(t + c);
  }

  /**
   * {@code c(t)} with Mills' ratio {@code (1 - Phi(t)) / phi(t) = 1 / (t + c(t))},
   * {@code c(t) = 1 / (t + 2 / (t + 3 / (t + ...)))}, evaluated backwards.
   */
  static double tail(double t) {
    double acc = 0;
    for (int k = CF_TERMS; k >= 2; k--) {
      acc = k / (t + acc);
    }
    return 1.0 / (t + acc);
  }

  /** log EI for a prediction; {@code sd > 0}. */
  public static double value(double mean, double sd, double best) {
    return Math.log(sd) + logH((best - mean) / sd);
  }

  /**
   * log EI and its partial derivatives: returns {@code [logEI, d/dmean, d/dsd]}.
   */
  public static double[] valueAndDerivatives(double mean, double sd, double best) {
    double z = (best - mean) / sd;
    double cdfOverH;
    double phiOverH;
    double logh;
    if (z > SWITCH) {
      double c = cdf(z);
      double p = phi(z);
      double h = z * c + p;
      logh = Math.log(h);
      cdfOverH = c / h;
      phiOverH = p / h;
    } else {
      double t = -z;
      double c = tail(t);
      logh = -0.5 * z * z - LOG_SQRT_2PI + Math.log(c) - Math.log(t + c);
      cdfOverH = 1.0 / c;
      phiOverH = (t + c) / c;
    }
    // dEI/dmean = -Phi(z), dEI/dsd = phi(z); divide by EI = sd h(z).
    return new double[] {Math.log(sd) + logh, -cdfOverH / sd, phiOverH / sd};
  }
}
