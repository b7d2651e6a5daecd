package dev.tunelab.optimizer.gp;

import java.util.Arrays;

/**
 * A fitted GP posterior with fixed hyperparameters: the packed Cholesky factor of
 * {@code K + noise I} and {@code a = K^-1 y}, reused for every prediction. Predictions are of
 * the latent function (noise excluded), in standardised target units. Immutable;
 * {@link #withObservation} returns an extended copy in O(n^2) (used for pending points).
 */
public final class GaussianProcess {

  private final double[][] x;
  private final double[] y;
  private final int n;
  private final int d;
  private final GpHyperparameters hyp;
  private final double[] invL2;
  private final double s2;
  private final double noise;
  private final double[] l;
  private final double[] alpha;
  private final double jitter;

  private GaussianProcess(double[][] x, double[] y, GpHyperparameters hyp, double[] l, double jitter) {
    this.x = x;
    this.y = y;
    this.n = x.length;
    this.d = hyp.lengthScales().length;
    this.hyp = hyp;
    this.invL2 = hyp.inverseSquaredLengthScales();
    this.s2 = hyp.signalVariance();
    this.noise = hyp.noiseVariance();
    this.l = l;
    this.jitter = jitter;
    this.alpha = Cholesky.solveUpper(l, n, Cholesky.solveLower(l, n, y));
  }

  /**
   * Conditions the prior on data.
   *
   * @throws IllegalStateException if {@code K + noise I} cannot be factored even with jitter
   */
  public static GaussianProcess fit(double[][] x, double[] y, GpHyperparameters hyp) {
    int n = x.length;
    if (n == 0 || y.length != n) {
      throw new IllegalArgumentException("need n > 0 points and as many targets, got " + n + " and " + y.length);
    }
    double[] invL2 = hyp.inverseSquaredLengthScales();
    double s2 = hyp.signalVariance();
    double[] k = new double[Cholesky.packedLength(n)];
    for (int a = 0; a < n; a++) {
      int ra = a * (a + 1) / 2;
      for (int b = 0; b < a; b++) {
        k[ra + b] = Matern52.value(Matern52.r2(x[a], x[b], invL2), s2);
      }
      k[ra + a] = s2 + hyp.noiseVariance();
    }
    Cholesky.Factor f = Cholesky.factorWithJitter(k, n);
    if (f == null) {
      throw new IllegalStateException("kernel matrix of " + n + " points is not positive definite even with jitter");
    }
    return new GaussianProcess(x.clone(), y.clone(), hyp, f.l(), f.jitter());
  }

  /** Number of conditioning points. */
  public int size() {
    return n;
  }

  /** The hyperparameters. */
  public GpHyperparameters hyperparameters() {
    return hyp;
  }

  /** The jitter added to the diagonal to factor the kernel matrix (0 when none was needed). */
  public double jitter() {
    return jitter;
  }

  /**
   * This posterior further conditioned on one more observation (a pending point with a
   * fantasised value), extending the Cholesky factor by one row.
   */
  public GaussianProcess withObservation(double[] xNew, double yNew) {
    double[] k = new double[n];
    for (int i = 0; i < n; i++) {
      k[i] = Matern52.value(Matern52.r2(x[i], xNew, invL2), s2);
    }
    double[] row = Cholesky.solveLower(l, n, k);
    double ss = 0;
    for (double v : row) {
      ss += v * v;
    }
    double diag = s2 + noise + jitter - ss;
    diag = Math.sqrt(Math.max(diag, Math.max(1e-10 * s2, noise)));
    double[] l2 = Arrays.copyOf(l, Cholesky.packedLength(n + 1));
    System.arraycopy(row, 0, l2, Cholesky.packedLength(n), n);
    l2[Cholesky.idx(n, n)] = diag;
    double[][] x2 = Arrays.copyOf(x, n + 1);
    x2[n] = xNew.clone();
    double[] y2 = Arrays.copyOf(y, n + 1);
    y2[n] = yNew;
    return new GaussianProcess(x2, y2, hyp, l2, jitter);
  }

  /** Posterior mean and variance of the latent function at a point; variance >= 1e-12 s2. */
  public Posterior predict(double[] xs) {
    return evaluate(xs, false);
  }

  /**
   * The posterior mean alone at a point, in standardised target units: O(n d), without the
   * triangular solve the variance needs (for averaging the mean over many points).
   */
  public double mean(double[] xs) {
    double mean = 0;
    for (int i = 0; i < n; i++) {
      mean += Matern52.value(Matern52.r2(x[i], xs, invL2), s2) * alpha[i];
    }
    return mean;
  }

  /** Posterior mean and variance with their gradients in x. */
  public Posterior predictWithGradient(double[] xs) {
    return evaluate(xs, true);
  }

  private Posterior evaluate(double[] xs, boolean gradient) {
    double[] k = new double[n];
    double[] radial = gradient ? new double[n] : null;
    double mean = 0;
    for (int i = 0; i < n; i++) {
      double r2 = Matern52.r2(x[i], xs, invL2);
      k[i] = Matern52.value(r2, s2);
      if (gradient) {
        radial[i] = Matern52.radialFactor(r2, s2);
      }
      mean += k[i] * alpha[i];
    }
    double[] v = Cholesky.solveLower(l, n, k);
    double ss = 0;
    for (double vi : v) {
      ss += vi * vi;
    }
    double var = Math.max(s2 - ss, 1e-12 * s2);
    if (!gradient) {
      return new Posterior(mean, var, null, null);
    }
    double[] w = Cholesky.solveUpper(l, n, v);
    double[] dMean = new double[d];
    double[] dVar = new double[d];
    for (int i = 0; i < n; i++) {
      double ra = radial[i];
      double[] xi = x[i];
      double am = alpha[i] * ra;
      double aw = w[i] * ra;
      for (int j = 0; j < d; j++) {
        // dk_i/dx_j = -radial_i (x_j - x_ij) / l_j^2
        double dk = -(xs[j] - xi[j]) * invL2[j];
        dMean[j] += am * dk;
        dVar[j] -= 2 * aw * dk;
      }
    }
    return new Posterior(mean, var, dMean, dVar);
  }

  /**
   * A prediction at one point: latent mean and variance, and (when asked for) their
   * gradients in the unit-cube coordinates (else null).
   */
  public record Posterior(double mean, double variance, double[] meanGradient, double[] varianceGradient) {
  }
}
