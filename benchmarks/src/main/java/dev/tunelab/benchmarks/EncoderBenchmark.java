package dev.tunelab.benchmarks;

import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Encoding and decoding one configuration of a mixed 6-parameter space. Nanoseconds per call. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EncoderBenchmark {

  UnitCubeEncoder encoder;
  Configuration config;
  double[] point;

  @Setup
  public void setup() {
    SearchSpace space = new SearchSpace(List.of(
        new ContinuousRange("eta", 0.05, 0.5, ScalingType.LINEAR),
        new ContinuousRange("alpha", 1e-4, 10, ScalingType.LOGARITHMIC),
        new ContinuousRange("momentum", 0.0, 0.99, ScalingType.REVERSE_LOGARITHMIC),
        new IntegerRange("max_depth", 3, 12),
        new IntegerRange("num_round", 10, 1000, ScalingType.LOGARITHMIC),
        new CategoricalRange("booster", List.of("gbtree", "gblinear", "dart"))));
    encoder = new UnitCubeEncoder(space);
    point = new double[] {0.3, 0.7, 0.2, 0.55, 0.4, 0.1, 0.8, 0.3};
    config = encoder.decode(point);
  }

  @Benchmark
  public double[] encode() {
    return encoder.encode(config);
  }

  @Benchmark
  public Configuration decode() {
    return encoder.decode(point);
  }
}
