package dev.tunelab.optimizer.gp;

/**
 * The Matérn-5/2 kernel with one length scale per dimension (ARD):
 * {@code k(x, y) = s2 (1 + sqrt5 r + 5/3 r^2) exp(-sqrt5 r)}, {@code r^2 = sum ((x_j - y_j) / l_j)^2}.
 * Rasmussen and Williams, Gaussian Processes for Machine Learning (2006), eq. 4.17.
 */
public final class Matern52 {

  static final double SQRT5 = Math.sqrt(5.0);

  private Matern52() {
  }

  /** Squared scaled distance {@code r^2} with inverse squared length scales {@code invL2}. */
  public static double r2(double[] x, double[] y, double[] invL2) {
    double s = 0;
    for (int j = 0; j < invL2.length; j++) {
      double d = x[j] - y[j];
      s += d * d * invL2[j];
    }
    return s;
  }

  /** The kernel value for a squared scaled distance, with signal variance s2. */
  public static double value(double r2, double s2) {
    double r = Math.sqrt(r2);
    return s2 * (1 + SQRT5 * r + 5.0 / 3.0 * r2) * Math.exp(-SQRT5 * r);
  }

  /**
   * {@code -(dk/dr) / r = s2 * 5/3 (1 + sqrt5 r) exp(-sqrt5 r)}: multiplying it by
   * {@code (x_j - y_j)^2 / l_j^2} gives {@code dk / d log l_j}, and by
   * {@code -(x_j - y_j) / l_j^2} gives {@code dk / dx_j}. Finite at r = 0.
   */
  public static double radialFactor(double r2, double s2) {
    double r = Math.sqrt(r2);
    return s2 * 5.0 / 3.0 * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
  }
}
