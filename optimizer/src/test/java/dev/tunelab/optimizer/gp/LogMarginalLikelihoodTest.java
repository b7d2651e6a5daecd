package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LogMarginalLikelihoodTest {

  static double[][] points(int n, int d, SplittableRandom rng) {
    double[][] x = new double[n][d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = rng.nextDouble();
      }
    }
    return x;
  }

  @ParameterizedTest
  @CsvSource({"12, 2, 1", "25, 4, 2", "40, 6, 3"})
  void analyticGradientMatchesFiniteDifferences(int n, int d, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[][] x = points(n, d, rng);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.sin(3 * x[i][0]) + x[i][d - 1] * x[i][d - 1] + 0.1 * rng.nextDouble();
    }
    LogMarginalLikelihood lml = new LogMarginalLikelihood(x, y);
    double[] theta = new double[d + 2];
    for (int j = 0; j < d; j++) {
      theta[j] = Math.log(0.2 + 0.6 * rng.nextDouble());
    }
    theta[d] = Math.log(1.3);
    theta[d + 1] = Math.log(0.01);
    double[] grad = new double[d + 2];
    lml.valueAndGradient(theta, grad);
    double[] gPrior = new double[d + 2];
    HyperPrior.logDensity(theta, gPrior);
    for (int i = 0; i < d + 2; i++) {
      double h = 1e-5;
      double[] tp = theta.clone();
      double[] tm = theta.clone();
      tp[i] += h;
      tm[i] -= h;
      double fd = (lml.valueAndGradient(tp, null) - lml.valueAndGradient(tm, null)) / (2 * h);
      assertEquals(fd, grad[i], 1e-5 * Math.max(1, Math.abs(fd)), "d/dtheta_" + i);
      double fdPrior = (HyperPrior.logDensity(tp, null) - HyperPrior.logDensity(tm, null)) / (2 * h);
      assertEquals(fdPrior, gPrior[i], 1e-6 * Math.max(1, Math.abs(fdPrior)), "prior d/dtheta_" + i);
    }
  }
}
