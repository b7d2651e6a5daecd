package dev.tunelab.optimizer.gp;

/**
 * Dense linear algebra on packed lower-triangular matrices: element (i, j), j &lt;= i, lives at
 * {@code i * (i + 1) / 2 + j}, so every row is contiguous. Plain loops, no native code.
 */
public final class Cholesky {

  private Cholesky() {
  }

  /** Index of (i, j), j &lt;= i, in a packed lower triangle. */
  public static int idx(int i, int j) {
    return i * (i + 1) / 2 + j;
  }

  /** Length of the packed lower triangle of an n x n matrix. */
  public static int packedLength(int n) {
    return n * (n + 1) / 2;
  }

  /**
   * Factors a symmetric positive definite matrix (packed lower triangle) in place into L with
   * {@code A = L L^T} (Cholesky–Banachiewicz, row by row).
   *
   * @return false if a pivot is not positive (the matrix is then partly overwritten)
   */
  public static boolean factor(double[] a, int n) {
    for (int i = 0; i < n; i++) {
      int ri = i * (i + 1) / 2;
      for (int j = 0; j <= i; j++) {
        int rj = j * (j + 1) / 2;
        double s = a[ri + j];
        for (int k = 0; k < j; k++) {
          s -= a[ri + k] * a[rj + k];
        }
        if (i == j) {
          if (!(s > 0) || !Double.isFinite(s)) {
            return false;
          }
          a[ri + i] = Math.sqrt(s);
        } else {
          a[ri + j] = s / a[rj + j];
        }
      }
    }
    return true;
  }

  /**
   * Factors {@code A + jitter I}, escalating the jitter from 0 through {@code 1e-10} to
   * {@code 1e-2} times the mean diagonal until it succeeds.
   *
   * @return the factor, or null if every jitter failed
   */
  public static Factor factorWithJitter(double[] a, int n) {
    double meanDiag = 0;
    for (int i = 0; i < n; i++) {
      meanDiag += a[idx(i, i)];
    }
    meanDiag = n == 0 ? 1 : Math.max(meanDiag / n, 1e-300);
    double jitter = 0;
    while (jitter <= 1e-2 * meanDiag) {
      double[] l = a.clone();
      for (int i = 0; i < n; i++) {
        l[idx(i, i)] += jitter;
      }
      if (factor(l, n)) {
        return new Factor(l, n, jitter);
      }
      jitter = jitter == 0 ? 1e-10 * meanDiag : jitter * 10;
    }
    return null;
  }

  /** A successful factorisation: packed L, its size and the jitter that was added. */
  public record Factor(double[] l, int n, double jitter) {
  }

  /** Solves {@code L v = b} (forward substitution); returns v. */
  public static double[] solveLower(double[] l, int n, double[] b) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      int ri = i * (i + 1) / 2;
      double s = b[i];
      for (int k = 0; k < i; k++) {
        s -= l[ri + k] * v[k];
      }
      v[i] = s / l[ri + i];
    }
    return v;
  }

  /** Solves {@code L^T w = v} (backward substitution, row-oriented); returns w. */
  public static double[] solveUpper(double[] l, int n, double[] v) {
    double[] w = v.clone();
    for (int i = n - 1; i >= 0; i--) {
      int ri = i * (i + 1) / 2;
      double wi = w[i] / l[ri + i];
      w[i] = wi;
      for (int k = 0; k < i; k++) {
        w[k] -= l[ri + k] * wi;
      }
    }
    return w;
  }

  /** {@code log det A = 2 sum log L_ii}. */
  public static double logDet(double[] l, int n) {
    double s = 0;
    for (int i = 0; i < n; i++) {
      s += Math.log(l[idx(i, i)]);
    }
    return 2 * s;
  }

  /** The inverse {@code A^-1 = L^-T L^-1}, packed lower triangle. */
  public static double[] inverse(double[] l, int n) {
    double[] linv = new double[packedLength(n)];
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      int ri = i * (i + 1) / 2;
      java.util.Arrays.fill(row, 0, i + 1, 0.0);
      row[i] = 1.0;
      for (int k = 0; k < i; k++) {
        double lik = l[ri + k];
        if (lik == 0) {
          continue;
        }
        int rk = k * (k + 1) / 2;
        for (int c = 0; c <= k; c++) {
          row[c] -= lik * linv[rk + c];
        }
      }
      double d = l[ri + i];
      for (int c = 0; c <= i; c++) {
        linv[ri + c] = row[c] / d;
      }
    }
    double[] inv = new double[packedLength(n)];
    for (int k = 0; k < n; k++) {
      int rk = k * (k + 1) / 2;
      for (int a = 0; a <= k; a++) {
        double la = linv[rk + a];
        if (la == 0) {
          continue;
        }
        int ra = a * (a + 1) / 2;
        for (int b = 0; b <= a; b++) {
          inv[ra + b] += la * linv[rk + b];
        }
      }
    }
    return inv;
  }
}
