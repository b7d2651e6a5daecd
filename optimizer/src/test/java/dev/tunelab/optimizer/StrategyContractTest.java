package dev.tunelab.optimizer;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every strategy must have, over random spaces (Bayesian and Random). */
class StrategyContractTest {

  static Stream<Arguments> cases() {
    List<Arguments> a = new ArrayList<>();
    for (String s : List.of("Bayesian", "Random")) {
      for (long seed = 1; seed <= 8; seed++) {
        a.add(Arguments.of(s, seed));
      }
    }
    return a.stream();
  }

  @ParameterizedTest(name = "{0} space {1}")
  @MethodSource("cases")
  void proposalsAreValidDistinctAndNeverRepeatTheHistory(String name, long seed) {
    SearchSpace space = RandomSpaces.space(seed, true);
    Direction dir = seed % 2 == 0 ? Direction.MAXIMIZE : Direction.MINIMIZE;
    Strategy s = Strategies.create(name, space, dir, seed);
    SplittableRandom rng = new SplittableRandom(seed);
    List<Observation> obs = new ArrayList<>();
    long card = space.cardinality();
    for (int round = 0; round < 6; round++) {
      History h = new History(obs);
      int k = 1 + rng.nextInt(3);
      List<Configuration> got = s.suggest(h, k);
      Set<Configuration> seen = new HashSet<>();
      obs.forEach(o -> seen.add(o.configuration()));
      long unseen = card == Long.MAX_VALUE ? Long.MAX_VALUE : card - seen.size();
      assertEquals(Math.min(k, unseen), got.size(), "count at round " + round + " of " + space);
      for (Configuration c : got) {
        space.check(c); // inside its range, integers Long, categoricals valid
        assertTrue(seen.add(c), "duplicate proposal " + c);
      }
      // complete some, leave others pending, fail one now and then
      for (Configuration c : got) {
        int r = rng.nextInt(4);
        if (r == 0) {
          obs.add(Observation.pending(c));
        } else if (r == 1 && round > 2) {
          obs.add(Observation.failed(c));
        } else {
          double v = 0;
          for (Object x : c.values().values()) {
            v += x instanceof Number num ? Math.sin(num.doubleValue()) : x.hashCode() % 7;
          }
          obs.add(Observation.completed(c, v));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} space {1}")
  @MethodSource("cases")
  void sameSeedAndHistoryGiveTheSameProposals(String name, long seed) {
    SearchSpace space = RandomSpaces.space(seed + 100, true);
    List<Observation> obs = new ArrayList<>();
    for (Configuration c : Strategies.create("Random", space, Direction.MINIMIZE, 99).suggest(History.empty(), 8)) {
      obs.add(Observation.completed(c, c.hashCode() % 13));
    }
    History h = new History(obs);
    assertEquals(Strategies.create(name, space, Direction.MINIMIZE, seed).suggest(h, 3),
        Strategies.create(name, space, Direction.MINIMIZE, seed).suggest(h, 3));
  }

  /** Spaces up to this size are exhausted one proposal at a time. */
  private static final long EXHAUSTED_STEP_BY_STEP = 60;
  /** Larger spaces up to this size are filled but for a few configurations, then exhausted. */
  private static final long FILLED_THEN_EXHAUSTED = 20_000;

  @ParameterizedTest(name = "{0} finite space {1}")
  @MethodSource("cases")
  void finiteSpacesAreExhaustedWithoutRepeats(String name, long seed) {
    SearchSpace space = RandomSpaces.space(seed + 1000, false);
    Strategy s = Strategies.create(name, space, Direction.MINIMIZE, seed);
    long card = space.cardinality();
    if (card <= EXHAUSTED_STEP_BY_STEP) {
      exhaustStepByStep(s, card);
    } else if (card <= FILLED_THEN_EXHAUSTED) {
      findTheLastUnseen(s, space, seed);
    } else {
      neverRepeatInALargeDiscreteSpace(s, space, seed);
    }
  }

  private static void exhaustStepByStep(Strategy s, long card) {
    List<Observation> obs = new ArrayList<>();
    Set<Configuration> all = new HashSet<>();
    for (int i = 0; i < card + 3; i++) {
      List<Configuration> got = s.suggest(new History(obs), 1);
      if (i < card) {
        assertEquals(1, got.size());
        assertTrue(all.add(got.get(0)));
        obs.add(Observation.completed(got.get(0), i % 5));
      } else {
        assertTrue(got.isEmpty());
      }
    }
    assertEquals(card, all.size());
  }

  /**
   * Every configuration but three is in the history (a few completed, the rest failed): the
   * strategy must propose exactly those three, whatever it is asked for, and then nothing.
   */
  private static void findTheLastUnseen(Strategy s, SearchSpace space, long seed) {
    List<Configuration> every = new ArrayList<>();
    for (long i = 0; i < space.cardinality(); i++) {
      every.add(GridStrategy.combination(space, i));
    }
    Collections.shuffle(every, new Random(seed));
    Set<Configuration> left = new HashSet<>(every.subList(0, 3));
    List<Observation> obs = new ArrayList<>();
    for (int i = 3; i < every.size(); i++) {
      obs.add(i < 15 ? Observation.completed(every.get(i), i % 7) : Observation.failed(every.get(i)));
    }
    List<Configuration> got = s.suggest(new History(obs), 5);
    assertEquals(left, new HashSet<>(got), "the three unseen configurations of " + space);
    assertEquals(3, got.size());
    got.forEach(c -> obs.add(Observation.pending(c)));
    assertTrue(s.suggest(new History(obs), 2).isEmpty(), "nothing is left to propose");
  }

  /**
   * Too large to enumerate in a test: rounds of proposals with pending, completed and failed
   * results; each proposal is inside the space and never repeats any earlier one.
   */
  private static void neverRepeatInALargeDiscreteSpace(Strategy s, SearchSpace space, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    List<Observation> obs = new ArrayList<>();
    Set<Configuration> seen = new HashSet<>();
    for (int round = 0; round < 8; round++) {
      List<Configuration> got = s.suggest(new History(obs), 4);
      assertEquals(4, got.size(), "count at round " + round + " of " + space);
      for (Configuration c : got) {
        space.check(c);
        assertTrue(seen.add(c), "repeated " + c + " at round " + round);
        int r = rng.nextInt(3);
        obs.add(r == 0 ? Observation.pending(c) : r == 1 ? Observation.failed(c)
            : Observation.completed(c, c.hashCode() % 11));
      }
    }
    assertEquals(32, seen.size());
  }

  @ParameterizedTest(name = "{0} space {1}")
  @MethodSource("cases")
  void stressHistoriesGiveValidProposals(String name, long seed) {
    SearchSpace space = RandomSpaces.space(seed + 7, true);
    Strategy s = Strategies.create(name, space, Direction.MINIMIZE, seed);
    List<Configuration> base = Strategies.create("Random", space, Direction.MINIMIZE, seed).suggest(History.empty(), 12);
    List<List<Observation>> histories = new ArrayList<>();
    histories.add(List.of(Observation.completed(base.get(0), 1.0))); // one observation
    List<Observation> same = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      same.add(Observation.completed(base.get(0), 3.0)); // identical observations
    }
    histories.add(same);
    for (double scale : new double[] {0, 1e9, 1e-9}) { // constant, huge, tiny targets
      List<Observation> h = new ArrayList<>();
      for (int i = 0; i < base.size(); i++) {
        h.add(Observation.completed(base.get(i), scale == 0 ? 42.0 : scale * (1 + i % 5)));
      }
      histories.add(h);
    }
    List<Observation> failedMost = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      failedMost.add(i == 4 ? Observation.completed(base.get(i), 2.0)
          : i % 2 == 0 ? Observation.failed(base.get(i)) : Observation.completed(base.get(i), Double.NaN));
    }
    histories.add(failedMost); // all but one failed (NaN counts as failed)
    List<Observation> inf = new ArrayList<>();
    for (int i = 0; i < base.size(); i++) {
      inf.add(Observation.completed(base.get(i), i == 3 ? Double.POSITIVE_INFINITY : i));
    }
    histories.add(inf);
    for (List<Observation> h : histories) {
      History hist = new History(h);
      List<Configuration> got = assertDoesNotThrow(() -> s.suggest(hist, 2));
      Set<Configuration> seen = Proposals.seen(hist);
      long unseen = space.cardinality() == Long.MAX_VALUE ? 2 : Math.min(2, space.cardinality() - seen.size());
      assertEquals(unseen, got.size());
      for (Configuration c : got) {
        space.check(c);
        assertFalse(seen.contains(c));
      }
    }
  }
}
