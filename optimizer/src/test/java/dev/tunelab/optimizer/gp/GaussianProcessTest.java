package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import smile.math.kernel.MaternKernel;
import smile.regression.GaussianProcessRegression;

class GaussianProcessTest {

  @Test
  void posteriorMatchesSmileForTheSameIsotropicKernel() {
    SplittableRandom rng = new SplittableRandom(7);
    int n = 30;
    int d = 3;
    double[][] x = LogMarginalLikelihoodTest.points(n, d, rng);
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.cos(4 * x[i][0]) - x[i][1] + 0.5 * x[i][2];
    }
    double ell = 0.4;
    double noise = 0.01;
    double[] ls = new double[d];
    Arrays.fill(ls, ell);
    // smile standardises y (mean, sample sd) and applies the noise on that scale: do the same
    double mu = Arrays.stream(y).average().orElseThrow();
    double sd = Math.sqrt(Arrays.stream(y).map(v -> (v - mu) * (v - mu)).sum() / (n - 1));
    double[] z = Arrays.stream(y).map(v -> (v - mu) / sd).toArray();
    GaussianProcess gp = GaussianProcess.fit(x, z, new GpHyperparameters(ls, 1.0, noise));
    GaussianProcessRegression<double[]> smile = GaussianProcessRegression.fit(x, y, new MaternKernel(ell, 2.5), noise);
    double[][] test = LogMarginalLikelihoodTest.points(20, d, rng);
    GaussianProcessRegression<double[]>.JointPrediction joint = smile.query(test);
    for (int t = 0; t < test.length; t++) {
      GaussianProcess.Posterior p = gp.predict(test[t]);
      assertEquals(joint.mu[t], mu + sd * p.mean(), 1e-8, "mean at test point " + t);
      assertEquals(joint.sd[t] * joint.sd[t], sd * sd * p.variance(), 1e-8, "variance at test point " + t);
    }
  }

  @Test
  void gradientsOfMeanAndVarianceMatchFiniteDifferences() {
    SplittableRandom rng = new SplittableRandom(3);
    double[][] x = LogMarginalLikelihoodTest.points(15, 2, rng);
    double[] y = new double[15];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i][0] * x[i][1];
    }
    GaussianProcess gp = GaussianProcess.fit(x, y, new GpHyperparameters(new double[] {0.3, 0.7}, 1.5, 1e-4));
    double[] at = {0.37, 0.61};
    GaussianProcess.Posterior p = gp.predictWithGradient(at);
    assertEquals(gp.predict(at).mean(), gp.mean(at), 1e-12, "mean() is predict()'s mean");
    for (int j = 0; j < 2; j++) {
      double h = 1e-6;
      double[] a = at.clone();
      double[] b = at.clone();
      a[j] += h;
      b[j] -= h;
      assertEquals((gp.predict(a).mean() - gp.predict(b).mean()) / (2 * h), p.meanGradient()[j], 1e-6);
      assertEquals((gp.predict(a).variance() - gp.predict(b).variance()) / (2 * h), p.varianceGradient()[j], 1e-6);
    }
  }

  @Test
  void extendingWithAnObservationEqualsRefitting() {
    SplittableRandom rng = new SplittableRandom(11);
    double[][] x = LogMarginalLikelihoodTest.points(10, 3, rng);
    double[] y = new double[10];
    for (int i = 0; i < y.length; i++) {
      y[i] = rng.nextDouble();
    }
    GpHyperparameters h = new GpHyperparameters(new double[] {0.5, 0.5, 0.5}, 1.0, 1e-3);
    GaussianProcess small = GaussianProcess.fit(Arrays.copyOf(x, 9), Arrays.copyOf(y, 9), h).withObservation(x[9], y[9]);
    GaussianProcess full = GaussianProcess.fit(x, y, h);
    double[] at = {0.2, 0.4, 0.9};
    assertEquals(full.predict(at).mean(), small.predict(at).mean(), 1e-10);
    assertEquals(full.predict(at).variance(), small.predict(at).variance(), 1e-10);
    assertTrue(small.predict(x[9]).variance() < 1e-2);
  }

  @Test
  void duplicatePointsAreFactoredWithJitterOrNoise() {
    double[][] x = new double[20][];
    double[] y = new double[20];
    for (int i = 0; i < 20; i++) {
      x[i] = new double[] {0.5, 0.5};
      y[i] = 0.0;
    }
    GaussianProcess gp = GaussianProcess.fit(x, y, new GpHyperparameters(new double[] {0.5, 0.5}, 1.0, 1e-6));
    assertTrue(Double.isFinite(gp.predict(new double[] {0.1, 0.9}).mean()));
  }
}
