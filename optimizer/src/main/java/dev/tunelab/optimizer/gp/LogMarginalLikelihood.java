package dev.tunelab.optimizer.gp;

/**
 * The log marginal likelihood of a zero-mean GP with a Matérn-5/2 ARD kernel plus noise,
 * {@code log p(y | X, theta) = -1/2 y^T K^-1 y - 1/2 log det K - n/2 log 2 pi}, and its exact
 * gradient in the log-parameters {@code theta = [log l_1..d, log s2, log noise]}:
 * {@code d/d theta_i = 1/2 tr((a a^T - K^-1) dK/d theta_i)}, {@code a = K^-1 y}
 * (Rasmussen and Williams 2006, eq. 5.9). Costs O(n^3 + n^2 d) per evaluation.
 */
public final class LogMarginalLikelihood {

  private static final double LOG_2PI = Math.log(2 * Math.PI);

  private final double[][] x;
  private final double[] y;
  private final int n;
  private final int d;

  /**
   * @param x n points of dimension d (not copied; not modified)
   * @param y n targets (standardised)
   */
  public LogMarginalLikelihood(double[][] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("x has " + x.length + " rows and y " + y.length + "; need equal and > 0");
    }
    this.x = x;
    this.y = y;
    this.n = x.length;
    this.d = x[0].length;
  }

  /** Number of log-parameters, d + 2. */
  public int parameterCount() {
    return d + 2;
  }

  /**
   * The log marginal likelihood at theta, writing its gradient into {@code grad} when not null.
   *
   * @return the value, or {@code Double.NEGATIVE_INFINITY} if K is not positive definite
   *     (gradient then zero)
   */
  public double valueAndGradient(double[] theta, double[] grad) {
    double[] invL2 = new double[d];
    for (int j = 0; j < d; j++) {
      invL2[j] = Math.exp(-2 * theta[j]);
    }
    double s2 = Math.exp(theta[d]);
    double noise = Math.exp(theta[d + 1]);
    double[] kf = new double[Cholesky.packedLength(n)];
    double[] radial = grad == null ? null : new double[kf.length];
    for (int a = 0; a < n; a++) {
      int ra = a * (a + 1) / 2;
      for (int b = 0; b < a; b++) {
        double r2 = Matern52.r2(x[a], x[b], invL2);
        kf[ra + b] = Matern52.value(r2, s2);
        if (radial != null) {
          radial[ra + b] = Matern52.radialFactor(r2, s2);
        }
      }
      kf[ra + a] = s2;
    }
    double[] k = kf.clone();
    for (int a = 0; a < n; a++) {
      k[Cholesky.idx(a, a)] += noise;
    }
    if (!Cholesky.factor(k, n)) {
      if (grad != null) {
        java.util.Arrays.fill(grad, 0.0);
      }
      return Double.NEGATIVE_INFINITY;
    }
    double[] alpha = Cholesky.solveUpper(k, n, Cholesky.solveLower(k, n, y));
    double quad = 0;
    for (int i = 0; i < n; i++) {
      quad += y[i] * alpha[i];
    }
    double value = -0.5 * quad - 0.5 * Cholesky.logDet(k, n) - 0.5 * n * LOG_2PI;
    if (grad == null) {
      return value;
    }
    double[] kinv = Cholesky.inverse(k, n);
    java.util.Arrays.fill(grad, 0.0);
    double gs2 = 0;
    double trW = 0;
    for (int a = 0; a < n; a++) {
      int ra = a * (a + 1) / 2;
      double[] xa = x[a];
      for (int b = 0; b < a; b++) {
        double w = alpha[a] * alpha[b] - kinv[ra + b];
        gs2 += 2 * w * kf[ra + b];
        double c = 2 * w * radial[ra + b];
        double[] xb = x[b];
        for (int j = 0; j < d; j++) {
          double diff = xa[j] - xb[j];
          grad[j] += c * diff * diff * invL2[j];
        }
      }
      double waa = alpha[a] * alpha[a] - kinv[ra + a];
      gs2 += waa * s2;
      trW += waa;
    }
    for (int j = 0; j < d; j++) {
      grad[j] *= 0.5;
    }
    grad[d] = 0.5 * gs2;
    grad[d + 1] = 0.5 * noise * trW;
    return value;
  }
}
