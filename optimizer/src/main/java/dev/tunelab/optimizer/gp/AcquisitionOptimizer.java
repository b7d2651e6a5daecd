package dev.tunelab.optimizer.gp;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Maximises log expected improvement over the valid points of a space: scores many candidates
 * (a randomly shifted Sobol sequence in the ranges' scaled coordinates, plus Gaussian
 * perturbations of the best observed points), refines the best few with a bounded quasi-Newton method over the
 * numeric coordinates (categoricals held; {@link BoundedBfgs}), snaps every result to a valid configuration through
 * the encoder, and returns the best one not excluded.
 */
final class AcquisitionOptimizer {

  private final UnitCubeEncoder encoder;
  private final int[] freeDims;

  AcquisitionOptimizer(UnitCubeEncoder encoder) {
    this.encoder = encoder;
    List<Integer> free = new ArrayList<>();
    List<ParameterRange> ranges = encoder.space().ranges();
    for (int i = 0; i < ranges.size(); i++) {
      if (!encoder.oneHot(i)) {
        free.add(encoder.offset(i));
      }
    }
    this.freeDims = free.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A chosen point: its configuration, its (snapped) unit-cube coordinates and its log EI. */
  record Choice(Configuration configuration, double[] point, double logEi) {
  }

  /**
   * @param gp the posterior (standardised losses)
   * @param best the incumbent (smallest standardised loss)
   * @param anchors good observed points (unit cube), best first, for local candidates
   * @param excluded configurations that must not be returned
   * @return the best choice, or null if every candidate was excluded
   */
  Choice maximize(GaussianProcess gp, double best, List<double[]> anchors, Set<Configuration> excluded,
      int nCandidates, int localStarts, int localMaxIter, SplittableRandom rng) {
    List<Choice> pool = new ArrayList<>();
    int p = encoder.space().size();
    int nSobol = anchors.isEmpty() ? nCandidates : nCandidates / 2;
    SobolSequenceGenerator sobol = new SobolSequenceGenerator(Math.max(1, p));
    sobol.skipTo(1 + rng.nextInt(1 << 16));
    double[] shift = new double[p];
    for (int i = 0; i < p; i++) {
      shift[i] = rng.nextDouble();
    }
    for (int c = 0; c < nSobol; c++) {
      double[] s = sobol.nextVector();
      double[] r = new double[p];
      for (int i = 0; i < p; i++) {
        r[i] = (s[i] + shift[i]) % 1.0;
      }
      addCandidate(encoder.fromRangeUniforms(r), gp, best, excluded, pool);
    }
    double[] scales = {0.2, 0.05, 0.01};
    for (int c = nSobol; c < nCandidates && !anchors.isEmpty(); c++) {
      double[] a = anchors.get(c % Math.min(anchors.size(), 5)).clone();
      double sd = scales[(c / 5) % scales.length];
      for (int j : freeDims) {
        a[j] = Math.min(1, Math.max(0, a[j] + sd * gaussian(rng)));
      }
      List<ParameterRange> ranges = encoder.space().ranges();
      for (int i = 0; i < ranges.size(); i++) {
        if (encoder.oneHot(i) && rng.nextDouble() < 0.15) {
          int w = encoder.width(i);
          Arrays.fill(a, encoder.offset(i), encoder.offset(i) + w, 0.0);
          a[encoder.offset(i) + rng.nextInt(w)] = 1.0;
        }
      }
      addCandidate(encoder.decode(a), gp, best, excluded, pool);
    }
    if (pool.isEmpty()) {
      return null;
    }
    pool.sort(Comparator.comparingDouble(Choice::logEi).reversed());
    List<Choice> starts = new ArrayList<>(pool.subList(0, Math.min(localStarts, pool.size())));
    for (Choice s : starts) {
      double[] refined = refine(gp, best, s.point(), localMaxIter);
      if (refined != null) {
        addCandidate(encoder.decode(refined), gp, best, excluded, pool);
      }
    }
    Choice top = pool.get(0);
    for (Choice c : pool) {
      if (c.logEi() > top.logEi()) {
        top = c;
      }
    }
    return top;
  }

  private void addCandidate(Configuration c, GaussianProcess gp, double best, Set<Configuration> excluded,
      List<Choice> pool) {
    if (excluded.contains(c)) {
      return;
    }
    double[] u = encoder.encode(c);
    GaussianProcess.Posterior post = gp.predict(u);
    double v = LogExpectedImprovement.value(post.mean(), Math.sqrt(post.variance()), best);
    if (!Double.isNaN(v)) {
      pool.add(new Choice(c, u, v));
    }
  }

  private double[] refine(GaussianProcess gp, double best, double[] start, int maxIter) {
    int m = freeDims.length;
    if (m == 0) {
      return null;
    }
    double[] base = start.clone();
    double[] z = new double[m];
    double[] lo = new double[m];
    double[] hi = new double[m];
    for (int k = 0; k < m; k++) {
      z[k] = base[freeDims[k]];
      hi[k] = 1.0;
    }
    BoundedBfgs.Objective f = (zz, grad) -> {
      double[] xx = base.clone();
      for (int k = 0; k < m; k++) {
        xx[freeDims[k]] = zz[k];
      }
      GaussianProcess.Posterior post = gp.predictWithGradient(xx);
      double sd = Math.sqrt(post.variance());
      double[] e = LogExpectedImprovement.valueAndDerivatives(post.mean(), sd, best);
      if (!Double.isFinite(e[0])) {
        java.util.Arrays.fill(grad, 0.0);
        return Double.POSITIVE_INFINITY;
      }
      for (int k = 0; k < m; k++) {
        int j = freeDims[k];
        grad[k] = -(e[1] * post.meanGradient()[j] + e[2] * post.varianceGradient()[j] / (2 * sd));
      }
      return -e[0];
    };
    try {
      BoundedBfgs.minimize(f, z, lo, hi, maxIter, 1e-6);
    } catch (RuntimeException e) {
      return null;
    }
    for (int k = 0; k < m; k++) {
      if (!Double.isFinite(z[k])) {
        return null;
      }
      base[freeDims[k]] = Math.min(1, Math.max(0, z[k]));
    }
    return base;
  }

  private static double gaussian(SplittableRandom rng) {
    double u1 = rng.nextDouble();
    double u2 = rng.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}
