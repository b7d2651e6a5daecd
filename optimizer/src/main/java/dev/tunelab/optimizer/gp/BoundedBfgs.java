package dev.tunelab.optimizer.gp;

/**
 * A small box-constrained quasi-Newton minimiser for the few-dimensional, smooth problems of
 * this package (kernel hyperparameters, acquisition refinement): BFGS on the inverse Hessian,
 * with variables held at a bound while the gradient pushes outward, projected backtracking
 * (Armijo) line search, and a reset to steepest descent when the BFGS direction is not a
 * descent direction. Pure Java, silent, deterministic. In the spirit of projected quasi-Newton
 * methods (Bertsekas 1982) rather than a full L-BFGS-B.
 */
final class BoundedBfgs {

  /** Value and gradient of the objective: returns f(x) and writes the gradient into g. */
  @FunctionalInterface
  interface Objective {
    double valueAndGradient(double[] x, double[] g);
  }

  private BoundedBfgs() {
  }

  /**
   * Minimises from x (modified in place to the best point found, inside [lo, hi]).
   *
   * @return the objective at the returned x
   */
  static double minimize(Objective f, double[] x, double[] lo, double[] hi, int maxIter, double gtol) {
    int n = x.length;
    for (int i = 0; i < n; i++) {
      x[i] = clamp(x[i], lo[i], hi[i]);
    }
    double[] g = new double[n];
    double fx = f.valueAndGradient(x, g);
    if (!Double.isFinite(fx)) {
      return fx;
    }
    double[][] h = identity(n);
    double[] d = new double[n];
    double[] xn = new double[n];
    double[] gn = new double[n];
    boolean[] active = new boolean[n];
    for (int it = 0; it < maxIter; it++) {
      double pgMax = 0;
      for (int i = 0; i < n; i++) {
        active[i] = (x[i] <= lo[i] && g[i] > 0) || (x[i] >= hi[i] && g[i] < 0);
        if (!active[i]) {
          pgMax = Math.max(pgMax, Math.abs(g[i]));
        }
      }
      if (pgMax < gtol) {
        break;
      }
      double slope = direction(h, g, active, d);
      if (!(slope < 0)) {
        h = identity(n);
        slope = direction(h, g, active, d);
        if (!(slope < 0)) {
          break;
        }
      }
      // scale the first step so it moves at most 0.5 in any coordinate
      double t = 1.0;
      if (it == 0) {
        double dm = 0;
        for (double v : d) {
          dm = Math.max(dm, Math.abs(v));
        }
        if (dm > 0.5) {
          t = 0.5 / dm;
        }
      }
      double fn = Double.NaN;
      boolean accepted = false;
      for (int ls = 0; ls < 30; ls++) {
        double decrease = 0;
        for (int i = 0; i < n; i++) {
          xn[i] = clamp(x[i] + t * d[i], lo[i], hi[i]);
          decrease += g[i] * (xn[i] - x[i]);
        }
        fn = f.valueAndGradient(xn, gn);
        if (Double.isFinite(fn) && fn <= fx + 1e-4 * decrease) {
          accepted = true;
          break;
        }
        t *= 0.5;
      }
      if (!accepted) {
        break;
      }
      double sy = 0;
      double[] s = new double[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        s[i] = xn[i] - x[i];
        y[i] = gn[i] - g[i];
        sy += s[i] * y[i];
      }
      double change = fx - fn;
      System.arraycopy(xn, 0, x, 0, n);
      System.arraycopy(gn, 0, g, 0, n);
      fx = fn;
      if (sy > 1e-12) {
        update(h, s, y, sy);
      }
      if (change <= 1e-12 * (1 + Math.abs(fx))) {
        break;
      }
    }
    return fx;
  }

  private static double direction(double[][] h, double[] g, boolean[] active, double[] d) {
    int n = g.length;
    double slope = 0;
    for (int i = 0; i < n; i++) {
      if (active[i]) {
        d[i] = 0;
        continue;
      }
      double s = 0;
      for (int j = 0; j < n; j++) {
        if (!active[j]) {
          s -= h[i][j] * g[j];
        }
      }
      d[i] = s;
      slope += s * g[i];
    }
    return slope;
  }

  /** BFGS inverse-Hessian update H+ = (I - r s y^T) H (I - r y s^T) + r s s^T, r = 1 / s.y. */
  private static void update(double[][] h, double[] s, double[] y, double sy) {
    int n = s.length;
    double r = 1.0 / sy;
    double[] hy = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        hy[i] += h[i][j] * y[j];
      }
    }
    double yhy = 0;
    for (int i = 0; i < n; i++) {
      yhy += y[i] * hy[i];
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        h[i][j] += (1 + r * yhy) * r * s[i] * s[j] - r * (hy[i] * s[j] + s[i] * hy[j]);
      }
    }
  }

  private static double[][] identity(int n) {
    double[][] m = new double[n][n];
    for (int i = 0; i < n; i++) {
      m[i][i] = 1;
    }
    return m;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.min(hi, Math.max(lo, v));
  }
}
