package dev.tunelab.benchmarks;

import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Strategies;
import dev.tunelab.optimizer.Strategy;
import dev.tunelab.optimizer.space.Configuration;
import java.util.List;
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
 * One Bayesian suggestion (fit + posterior + acquisition maximisation) in 6-D with n completed
 * observations and 2 pending, as the scheduler would ask it. Milliseconds per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(1)
public class SuggestBenchmark {

  @Param({"100", "500", "1000"})
  int n;

  Strategy strategy;
  History history;

  @Setup
  public void setup() {
    history = Fixtures.history(n, 2, 42);
    strategy = Strategies.create("Bayesian", Fixtures.hartmann6().space(), Direction.MINIMIZE, 7);
  }

  @Benchmark
  public List<Configuration> suggestOne() {
    return strategy.suggest(history, 1);
  }
}
