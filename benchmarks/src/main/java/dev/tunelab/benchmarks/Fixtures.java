package dev.tunelab.benchmarks;

import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.RandomStrategy;
import dev.tunelab.optimizer.benchmark.TestFunction;
import dev.tunelab.optimizer.benchmark.TestFunctions;
import dev.tunelab.optimizer.space.Configuration;
import java.util.ArrayList;
import java.util.List;

/** Shared benchmark inputs: Hartmann-6 histories of random points. */
final class Fixtures {

  private Fixtures() {
  }

  /** The 6-D Hartmann function over [0, 1]^6. */
  static TestFunction hartmann6() {
    return TestFunctions.byName("hartmann6");
  }

  /** n completed random points of Hartmann-6 followed by {@code pending} pending ones. */
  static History history(int n, int pending, long seed) {
    TestFunction f = hartmann6();
    List<Configuration> cs = new RandomStrategy(f.space(), seed).suggest(History.empty(), n + pending);
    List<Observation> obs = new ArrayList<>();
    for (int i = 0; i < cs.size(); i++) {
      obs.add(i < n ? Observation.completed(cs.get(i), f.evaluate(cs.get(i))) : Observation.pending(cs.get(i)));
    }
    return new History(obs);
  }
}
