package dev.tunelab.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A parallel tuning job frees slots in timing-dependent groups; the random proposals at each
 * position must not depend on how they were grouped (SageMaker: a seeded Random run is
 * reproducible).
 */
class BatchShapeReproducibilityTest {

  static final SearchSpace SPACE = new SearchSpace(List.of(
      new IntegerRange("max_depth", 3, 12, ScalingType.AUTO),
      new ContinuousRange("eta", 0.05, 0.5, ScalingType.AUTO),
      new ContinuousRange("gamma", 0, 10, ScalingType.AUTO)));

  /** Asks for proposals in groups of the given sizes, completing each with a made-up value. */
  static List<Configuration> run(Strategy s, int[] groups) {
    List<Observation> history = new ArrayList<>();
    List<Configuration> all = new ArrayList<>();
    for (int g : groups) {
      for (Configuration c : s.suggest(new History(history), g)) {
        all.add(c);
        history.add(Observation.completed(c, c.getDouble("eta") + c.getDouble("gamma")));
      }
    }
    return all;
  }

  @ParameterizedTest
  @ValueSource(strings = {"Random", "Bayesian"})
  void proposalsDoNotDependOnBatchShape(String strategy) {
    int n = strategy.equals("Random") ? 12 : 9; // Bayesian: the random initial design
    int[] ones = new int[n];
    java.util.Arrays.fill(ones, 1);
    int[] mixed = strategy.equals("Random") ? new int[] {3, 1, 2, 1, 1, 3, 1} : new int[] {3, 2, 1, 3};
    List<Configuration> a = run(Strategies.create(strategy, SPACE, Direction.MINIMIZE, 7), ones);
    List<Configuration> b = run(Strategies.create(strategy, SPACE, Direction.MINIMIZE, 7), mixed);
    assertEquals(a, b);
  }
}
