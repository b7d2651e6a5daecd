package dev.tunelab.benchmarks;

import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.gp.GaussianProcess;
import dev.tunelab.optimizer.gp.GpFitter;
import dev.tunelab.optimizer.gp.GpHyperparameters;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * GP fitting in 6-D, as {@code BayesianStrategy} does it: {@code hyperparameters} maximises the
 * marginal likelihood on at most 100 points (a subset above that; one start, 60 iterations) and
 * {@code posterior} factors the kernel matrix of all n points with fixed hyperparameters.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class GpFitBenchmark {

  @Param({"100", "500", "1000"})
  int n;

  double[][] x;
  double[] y;
  double[][] xFit;
  double[] yFit;
  GpHyperparameters hyp;

  @Setup
  public void setup() {
    List<Observation> obs = Fixtures.history(n, 0, 42).completed();
    UnitCubeEncoder enc = new UnitCubeEncoder(Fixtures.hartmann6().space());
    x = new double[n][];
    y = new double[n];
    double mean = 0;
    for (int i = 0; i < n; i++) {
      x[i] = enc.encode(obs.get(i).configuration());
      y[i] = obs.get(i).value();
      mean += y[i] / n;
    }
    double ss = 0;
    for (double v : y) {
      ss += (v - mean) * (v - mean);
    }
    double sd = Math.sqrt(ss / n);
    for (int i = 0; i < n; i++) {
      y[i] = (y[i] - mean) / sd;
    }
    int m = Math.min(n, 100);
    xFit = java.util.Arrays.copyOf(x, m);
    yFit = java.util.Arrays.copyOf(y, m);
    hyp = GpFitter.fit(xFit, yFit, 1, 60, new SplittableRandom(1));
  }

  @Benchmark
  public GpHyperparameters hyperparameters() {
    return GpFitter.fit(xFit, yFit, 1, 60, new SplittableRandom(1));
  }

  @Benchmark
  public GaussianProcess posterior() {
    return GaussianProcess.fit(x, y, hyp);
  }
}
