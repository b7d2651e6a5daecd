package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogExpectedImprovementTest {

  private static final NormalDistribution N = new NormalDistribution();

  @ParameterizedTest
  @CsvSource({"0.0, 1.0, 0.0", "0.3, 0.5, 0.1", "-1.0, 2.0, 0.5", "2.0, 0.7, -0.2", "1.0, 0.3, 0.0"})
  void matchesTheClosedForm(double mean, double sd, double best) {
    double z = (best - mean) / sd;
    double ei = (best - mean) * N.cumulativeProbability(z) + sd * N.density(z);
    assertEquals(Math.log(ei), LogExpectedImprovement.value(mean, sd, best), 1e-9);
  }

  @Test
  void continuousAcrossTheSwitchAndFiniteFarAway() {
    double below = LogExpectedImprovement.logH(-5.0 - 1e-9);
    double above = LogExpectedImprovement.logH(-5.0 + 1e-9);
    assertEquals(above, below, 1e-7);
    // asymptotically h(z) ~ phi(z) / z^2
    double z = -40;
    double asym = -0.5 * z * z - 0.5 * Math.log(2 * Math.PI) - 2 * Math.log(-z);
    assertEquals(asym, LogExpectedImprovement.logH(z), 1e-2);
    double prev = Double.NEGATIVE_INFINITY;
    for (double t = -1000; t < 5; t += 0.37) {
      double v = LogExpectedImprovement.logH(t);
      assertTrue(Double.isFinite(v) && v > prev, "log h increasing and finite at " + t);
      prev = v;
    }
  }

  @Test
  void derivativesMatchFiniteDifferences() {
    for (double[] c : new double[][] {{0.2, 0.5, 0.0}, {3.0, 0.4, 0.0}, {10.0, 0.3, 0.0}, {-0.5, 1.0, 0.0}}) {
      double[] v = LogExpectedImprovement.valueAndDerivatives(c[0], c[1], c[2]);
      double h = 1e-6;
      double dm = (LogExpectedImprovement.value(c[0] + h, c[1], c[2]) - LogExpectedImprovement.value(c[0] - h, c[1], c[2])) / (2 * h);
      double ds = (LogExpectedImprovement.value(c[0], c[1] + h, c[2]) - LogExpectedImprovement.value(c[0], c[1] - h, c[2])) / (2 * h);
      assertEquals(dm, v[1], 1e-4 * Math.max(1, Math.abs(dm)));
      assertEquals(ds, v[2], 1e-4 * Math.max(1, Math.abs(ds)));
    }
  }
}
