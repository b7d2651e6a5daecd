package dev.tunelab.optimizer.importance;

import dev.tunelab.optimizer.gp.GaussianProcess;
import dev.tunelab.optimizer.gp.GpFitter;
import dev.tunelab.optimizer.gp.GpHyperparameters;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Hyperparameter importance by a functional ANOVA of a GP surrogate, as in fANOVA (Hutter et
 * al., 2014) and Optuna's importance evaluators, with the Bayesian strategy's own model instead
 * of a random forest:
 *
 * <ol>
 *   <li>the finished configurations are encoded to the unit cube with {@link UnitCubeEncoder} and
 *       their objectives standardised;</li>
 *   <li>a GP (Matérn 5/2, ARD) is fitted with {@link GpFitter} (3 starts, 1 above 50 observations) on at most {@value #FIT_POINTS}
 *       of them and conditioned on at most {@value #CONDITION_POINTS} (seeded subsets);</li>
 *   <li>the first-order Sobol index of each hyperparameter, the share of the variance of the
 *       posterior mean over the whole space that the hyperparameter explains alone, is estimated
 *       by Saltelli's Monte-Carlo scheme with {@value #SAMPLES} base points drawn uniformly in
 *       the scaled space (one uniform per range: log ranges uniform in the log, a categorical
 *       value uniform among its values).</li>
 * </ol>
 * Estimates are clamped to [0, 1] and scaled down when their sum exceeds 1 (sampling noise).
 * The result depends only on the inputs and the seed. Thread-safe (no state).
 */
public final class SurrogateAnova {

  /** Most observations used to fit the kernel hyperparameters. */
  public static final int FIT_POINTS = 100;
  /** Most observations the posterior is conditioned on. */
  public static final int CONDITION_POINTS = 300;
  /** Base Monte-Carlo points; the mean is evaluated at {@code SAMPLES * (ranges + 2)} points. */
  public static final int SAMPLES = 1024;
  /** Above this many observations the kernel is fitted from one start (as the Bayesian strategy does). */
  static final int ONE_START_ABOVE = 50;

  private SurrogateAnova() {
  }

  /**
   * @param space      the tuned ranges
   * @param configs    finished configurations, each inside {@code space}
   * @param objectives their objective values (finite), in the same order
   * @param seed       seeds the subsets, the kernel fit and the samples
   * @return one importance per range, in the space's order; all 0 when the objectives do not vary
   * @throws IllegalArgumentException with fewer than 2 configurations, mismatched lengths or a
   *     non-finite objective
   */
  public static List<ParameterImportance> estimate(SearchSpace space, List<Configuration> configs,
      double[] objectives, long seed) {
    int m = configs.size();
    if (m < 2 || objectives.length != m) {
      throw new IllegalArgumentException("need at least 2 configurations and as many objectives, got "
          + m + " and " + objectives.length);
    }
    int ranges = space.size();
    UnitCubeEncoder encoder = new UnitCubeEncoder(space);
    SplittableRandom rng = new SplittableRandom(seed);
    int[] order = shuffled(m, rng);
    int kept = Math.min(m, CONDITION_POINTS);
    double[][] x = new double[kept][];
    double[] y = new double[kept];
    for (int i = 0; i < kept; i++) {
      double v = objectives[order[i]];
      if (!Double.isFinite(v)) {
        throw new IllegalArgumentException("objective " + i + " is not finite: " + v);
      }
      x[i] = encoder.encode(configs.get(order[i]));
      y[i] = v;
    }
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= kept;
    double ss = 0;
    for (double v : y) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / kept);
    List<ParameterImportance> out = new ArrayList<>(ranges);
    if (!(sd > 0)) {
      space.ranges().forEach(r -> out.add(new ParameterImportance(r.name(), 0)));
      return List.copyOf(out);
    }
    for (int i = 0; i < kept; i++) {
      y[i] = (y[i] - mean) / sd;
    }
    int fit = Math.min(kept, FIT_POINTS);
    GpHyperparameters hyp = GpFitter.fit(java.util.Arrays.copyOf(x, fit),
        java.util.Arrays.copyOf(y, fit), kept > ONE_START_ABOVE ? 1 : 3, 60, rng.split());
    GaussianProcess gp = GaussianProcess.fit(x, y, hyp);

    double[][] a = uniforms(SAMPLES, ranges, rng);
    double[][] b = uniforms(SAMPLES, ranges, rng);
    double[] fa = new double[SAMPLES];
    double[] fb = new double[SAMPLES];
    for (int s = 0; s < SAMPLES; s++) {
      fa[s] = gp.mean(encoder.encode(encoder.fromRangeUniforms(a[s])));
      fb[s] = gp.mean(encoder.encode(encoder.fromRangeUniforms(b[s])));
    }
    double variance = variance(fa, fb);
    double[] first = new double[ranges];
    if (variance > 1e-12) {
      for (int i = 0; i < ranges; i++) {
        double sum = 0;
        for (int s = 0; s < SAMPLES; s++) {
          double[] ab = a[s].clone();
          ab[i] = b[s][i];
          double fab = gp.mean(encoder.encode(encoder.fromRangeUniforms(ab)));
          // Saltelli (2010): V_i ~ mean(f(B) (f(A_B^i) - f(A)))
          sum += fb[s] * (fab - fa[s]);
        }
        first[i] = Math.min(1, Math.max(0, sum / SAMPLES / variance));
      }
    }
    double total = 0;
    for (double f : first) {
      total += f;
    }
    double scale = total > 1 ? 1 / total : 1;
    for (int i = 0; i < ranges; i++) {
      out.add(new ParameterImportance(space.ranges().get(i).name(),
          Math.min(1, first[i] * scale)));
    }
    return List.copyOf(out);
  }

  private static int[] shuffled(int m, SplittableRandom rng) {
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    for (int i = m - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static double[][] uniforms(int n, int d, SplittableRandom rng) {
    double[][] u = new double[n][d];
    for (double[] row : u) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextDouble();
      }
    }
    return u;
  }

  private static double variance(double[] fa, double[] fb) {
    double mean = 0;
    for (int i = 0; i < fa.length; i++) {
      mean += fa[i] + fb[i];
    }
    mean /= 2.0 * fa.length;
    double ss = 0;
    for (int i = 0; i < fa.length; i++) {
      ss += (fa[i] - mean) * (fa[i] - mean) + (fb[i] - mean) * (fb[i] - mean);
    }
    return ss / (2.0 * fa.length);
  }
}
