package dev.tunelab.optimizer.stopping;

import static dev.tunelab.optimizer.stopping.StoppingRule.Decision.CONTINUE;
import static dev.tunelab.optimizer.stopping.StoppingRule.Decision.STOP;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.stopping.StoppingRule.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MedianStoppingRuleTest {

  /** Reports rounds 1..rounds of a curve, then ends the trial; returns the decisions. */
  private static List<Decision> runTrial(StoppingRule rule, String id, int rounds, IntToDoubleFunction curve) {
    List<Decision> out = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      out.add(rule.report(id, r, curve.applyAsDouble(r)));
    }
    rule.trialEnded(id);
    return out;
  }

  /** 1-based round of the first STOP, or -1 if never stopped. */
  private static int firstStop(List<Decision> decisions) {
    int i = decisions.indexOf(STOP);
    return i < 0 ? -1 : i + 1;
  }

  private static void addPopulation(StoppingRule rule, String prefix, int trials, int rounds, IntToDoubleFunction curve) {
    for (int i = 0; i < trials; i++) {
      runTrial(rule, prefix + i, rounds, curve);
    }
  }

  @Test
  void clearlyWorseTrialStopsAtFirstRoundPastGraceAndClearlyBetterNeverStops() {
    MedianStoppingRule rule = new MedianStoppingRule(5, 10);
    for (int i = 0; i < 5; i++) {
      double offset = 0.1 * i;
      runTrial(rule, "p" + i, 40, r -> 1.0 + offset + 1.0 / r);
    }
    assertEquals(10, firstStop(runTrial(rule, "bad", 40, r -> 5.0)));
    assertEquals(-1, firstStop(runTrial(rule, "good", 40, r -> 0.5 + 0.5 / r)));
  }

  @Test
  void gracePopulationCountsOtherTrialsWithDataAtTheRound() {
    MedianStoppingRule rule = new MedianStoppingRule(5, 10);
    addPopulation(rule, "p", 4, 30, r -> 1.0);
    assertEquals(-1, firstStop(runTrial(rule, "bad1", 30, r -> 5.0)),
        "4 earlier trials < gracePopulation 5: no decision");
    // bad1 now counts as a fifth trial with data; a new bad trial is compared against 5 curves
    assertEquals(10, firstStop(runTrial(rule, "bad2", 30, r -> 6.0)));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 7, 20})
  void graceRoundsAreHonoured(int graceRounds) {
    MedianStoppingRule rule = new MedianStoppingRule(1, graceRounds);
    addPopulation(rule, "p", 3, 30, r -> 1.0);
    assertEquals(graceRounds, firstStop(runTrial(rule, "bad", 30, r -> 2.0)));
  }

  @Test
  void runningAveragesNotRawValuesOfEarlierTrialsAreTheYardstick() {
    // earlier curves drop sharply at round 10: raw value 1.0 there, running average 9.1
    MedianStoppingRule dropping = new MedianStoppingRule(5, 10);
    addPopulation(dropping, "p", 5, 10, r -> r < 10 ? 10.0 : 1.0);
    assertEquals(CONTINUE, reportAt(dropping, "x", 10, 5.0),
        "5.0 is above the raw median 1.0 but below the running-average median 9.1");

    // earlier curves jump at round 10: raw value 10.0 there, running average 1.0
    MedianStoppingRule jumping = new MedianStoppingRule(5, 10);
    addPopulation(jumping, "p", 5, 10, r -> r < 10 ? 0.0 : 10.0);
    assertEquals(STOP, reportAt(jumping, "x", 10, 5.0),
        "5.0 is below the raw median 10.0 but above the running-average median 1.0");
  }

  /** Reports a flat 0 for rounds before {@code round}, then {@code value} at it. */
  private static Decision reportAt(StoppingRule rule, String id, int round, double value) {
    for (int r = 1; r < round; r++) {
      rule.report(id, r, 0.0);
    }
    return rule.report(id, round, value);
  }

  @Test
  void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
    MedianStoppingRule rule = new MedianStoppingRule(4, 1);
    double[] levels = {1.0, 2.0, 4.0, 8.0}; // median 3.0
    for (int i = 0; i < levels.length; i++) {
      double level = levels[i];
      runTrial(rule, "p" + i, 1, r -> level);
    }
    assertEquals(CONTINUE, rule.report("at", 1, 3.0), "equal to the median is not worse");
    assertEquals(STOP, rule.report("above", 1, 3.01));
  }

  @Test
  void trialsThatEndedEarlierAreIgnoredAtLaterRounds() {
    MedianStoppingRule rule = new MedianStoppingRule(5, 10);
    addPopulation(rule, "short", 5, 20, r -> 5.0); // e.g. XGBoost early stopping ended them at 20
    addPopulation(rule, "long", 5, 40, r -> 1.0);
    // rounds 10..20: median of {5 x 5.0, 5 x 1.0} = 3.0 > 2.0; from 21 on only the long ones count
    assertEquals(21, firstStop(runTrial(rule, "x", 40, r -> 2.0)));

    MedianStoppingRule fewLong = new MedianStoppingRule(5, 10);
    addPopulation(fewLong, "short", 5, 20, r -> 5.0);
    addPopulation(fewLong, "long", 4, 40, r -> 1.0);
    assertEquals(-1, firstStop(runTrial(fewLong, "x", 40, r -> 2.0)),
        "past round 20 only 4 trials have data: below the grace population");
  }

  @Test
  void runningTrialsCountAsWellAsEndedOnes() {
    MedianStoppingRule rule = new MedianStoppingRule(5, 10);
    for (int i = 0; i < 5; i++) {
      for (int r = 1; r <= 10; r++) {
        rule.report("running" + i, r, 1.0); // never ended
      }
    }
    assertEquals(STOP, reportAt(rule, "x", 10, 2.0));
  }

  @Test
  void nonFiniteValuesNeverStopAndPoisonOnlyTheirOwnCurve() {
    MedianStoppingRule rule = new MedianStoppingRule(5, 10);
    addPopulation(rule, "p", 5, 20, r -> 1.0);
    assertEquals(CONTINUE, reportAt(rule, "nan", 10, Double.NaN));
    assertEquals(CONTINUE, rule.report("nan", 11, Double.POSITIVE_INFINITY));
    assertEquals(STOP, rule.report("nan", 12, 2.0), "a finite value after a NaN is judged normally");

    MedianStoppingRule poisoned = new MedianStoppingRule(5, 10);
    addPopulation(poisoned, "p", 4, 20, r -> 1.0);
    runTrial(poisoned, "nanAt3", 20, r -> r == 3 ? Double.NaN : 1.0);
    assertEquals(-1, firstStop(runTrial(poisoned, "bad", 20, r -> 5.0)),
        "the trial with a NaN has no usable running average, leaving 4 < 5 comparison curves");
  }

  @Test
  void forMaxRoundsUsesTenRoundsOrTenPercent() {
    assertEquals(10, MedianStoppingRule.forMaxRounds(50).graceRounds());
    assertEquals(10, MedianStoppingRule.forMaxRounds(100).graceRounds());
    assertEquals(11, MedianStoppingRule.forMaxRounds(101).graceRounds());
    assertEquals(20, MedianStoppingRule.forMaxRounds(200).graceRounds());
    assertEquals(5, MedianStoppingRule.forMaxRounds(200).gracePopulation());
    MedianStoppingRule defaults = new MedianStoppingRule();
    assertEquals(5, defaults.gracePopulation());
    assertEquals(10, defaults.graceRounds());
  }

  @Test
  void badInputIsRejectedWithTheFieldAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MedianStoppingRule(0, 10));
    assertTrue(e.getMessage().contains("gracePopulation") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new MedianStoppingRule(5, -1));
    assertTrue(e.getMessage().contains("graceRounds") && e.getMessage().contains("-1"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> MedianStoppingRule.forMaxRounds(0));
    assertTrue(e.getMessage().contains("maxRounds"), e.getMessage());

    MedianStoppingRule rule = new MedianStoppingRule();
    e = assertThrows(IllegalArgumentException.class, () -> rule.report(" ", 1, 1.0));
    assertTrue(e.getMessage().contains("trialId"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> rule.report("t", 2, 1.0));
    assertTrue(e.getMessage().contains("resource 2") && e.getMessage().contains("expected 1"), e.getMessage());
    rule.report("t", 1, 1.0);
    assertThrows(IllegalArgumentException.class, () -> rule.report("t", 1, 1.0));
    rule.trialEnded("t");
    e = assertThrows(IllegalArgumentException.class, () -> rule.report("t", 2, 1.0));
    assertTrue(e.getMessage().contains("ended"), e.getMessage());
    rule.trialEnded("never-reported"); // ignored
    rule.trialEnded("t"); // repeated: ignored
  }

  @Test
  void sameCallsGiveSameDecisions() {
    List<Decision> first = replayRandomCalls(new MedianStoppingRule(3, 5));
    List<Decision> second = replayRandomCalls(new MedianStoppingRule(3, 5));
    assertEquals(first, second);
    assertTrue(first.contains(STOP) && first.contains(CONTINUE), "the sequence exercises both answers");
  }

  /** 20 trials of random-walk curves interleaved pseudo-randomly; every decision in call order. */
  static List<Decision> replayRandomCalls(StoppingRule rule) {
    Random rng = new Random(7);
    int trials = 20;
    int[] round = new int[trials];
    double[] level = new double[trials];
    boolean[] done = new boolean[trials];
    List<Decision> out = new ArrayList<>();
    int alive = trials;
    while (alive > 0) {
      int t = rng.nextInt(trials);
      if (done[t]) {
        continue;
      }
      level[t] = round[t] == 0 ? 1 + rng.nextDouble() : level[t] * (0.9 + 0.15 * rng.nextDouble());
      Decision d = rule.report("t" + t, ++round[t], level[t]);
      out.add(d);
      if (d == STOP || round[t] == 40) {
        rule.trialEnded("t" + t);
        done[t] = true;
        alive--;
      }
    }
    return out;
  }

  @Test
  void eightThreadsReportingAtOnceGetConsistentDecisions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int repeat = 0; repeat < 20; repeat++) {
        MedianStoppingRule rule = new MedianStoppingRule(5, 10);
        for (int i = 0; i < 10; i++) {
          double level = 1.0 + 0.01 * i;
          runTrial(rule, "p" + i, 50, r -> level);
        }
        // 4 trials worse than every earlier one and 4 better: the answer cannot depend on interleaving
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Integer>> stops = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          String id = "c" + t;
          double value = t < 4 ? 5.0 + t : 0.1 * (t - 3);
          stops.add(pool.submit(() -> {
            start.await();
            for (int r = 1; r <= 50; r++) {
              if (rule.report(id, r, value) == STOP) {
                rule.trialEnded(id);
                return r;
              }
            }
            rule.trialEnded(id);
            return -1;
          }));
        }
        for (int t = 0; t < 8; t++) {
          assertEquals(t < 4 ? 10 : -1, stops.get(t).get(), "thread " + t + " in repeat " + repeat);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
