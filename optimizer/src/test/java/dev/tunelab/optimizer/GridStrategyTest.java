package dev.tunelab.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GridStrategyTest {

  static final SearchSpace SPACE = new SearchSpace(List.of(
      new CategoricalRange("booster", List.of("gbtree", "dart")), new IntegerRange("depth", 3, 5)));

  @Test
  void enumeratesEveryCombinationInStableOrderThenReportsExhaustion() {
    Strategy g = Strategies.create("Grid", SPACE, Direction.MINIMIZE, 1);
    assertEquals(6, GridStrategy.combinations(SPACE));
    List<Configuration> first = g.suggest(History.empty(), 4);
    assertEquals(List.of(
        new Configuration(Map.of("booster", "gbtree", "depth", 3L)),
        new Configuration(Map.of("booster", "gbtree", "depth", 4L)),
        new Configuration(Map.of("booster", "gbtree", "depth", 5L)),
        new Configuration(Map.of("booster", "dart", "depth", 3L))), first);
    List<Observation> obs = new ArrayList<>();
    obs.add(Observation.completed(first.get(0), 1));
    obs.add(Observation.pending(first.get(1)));
    obs.add(Observation.failed(first.get(2)));
    obs.add(Observation.completed(first.get(3), 1));
    List<Configuration> rest = g.suggest(new History(obs), 10);
    assertEquals(2, rest.size());
    rest.forEach(c -> obs.add(Observation.completed(c, 0)));
    assertTrue(g.suggest(new History(obs), 1).isEmpty());
    assertTrue(((GridStrategy) g).isExhausted(new History(obs)));
  }

  @Test
  void rejectsContinuousRanges() {
    SearchSpace s = new SearchSpace(List.of(new ContinuousRange("eta", 0.1, 0.5)));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Strategies.create("Grid", s, Direction.MINIMIZE, 1));
    assertTrue(e.getMessage().contains("eta") && e.getMessage().contains("Grid"), e.getMessage());
  }

  @Test
  void unknownStrategyNamesTheAcceptedOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Strategies.create("bayesian", SPACE, Direction.MINIMIZE, 1));
    assertTrue(e.getMessage().contains("'bayesian'") && e.getMessage().contains("Random"), e.getMessage());
  }

  @Test
  void historyTreatsNonFiniteCompletionsAsFailures() {
    Configuration c = new Configuration(Map.of("booster", "dart", "depth", 3L));
    History h = new History(List.of(Observation.completed(c, Double.NaN), Observation.completed(c, 2.0),
        Observation.pending(c)));
    assertEquals(1, h.completed().size());
    assertEquals(1, h.failed().size());
    assertEquals(1, h.pending().size());
    assertTrue(Double.isNaN(Observation.pending(c).value()));
  }
}
