package dev.tunelab.optimizer.stopping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.IntToDoubleFunction;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Tuning jobs of 30 synthetic learning curves a_i + b_i / sqrt(round) (a_i in [1, 3), b_i in
 * [0.5, 2): curves cross, as slow and fast learners do), 200 rounds each, 4 in parallel: total
 * rounds trained and best final value with and without each rule.
 */
class StoppingSimulationTest {

  private static final int TRIALS = 30;
  private static final int MAX_ROUNDS = 200;
  private static final int PARALLEL = 4;

  private static List<IntToDoubleFunction> curves(long seed) {
    return CurveSimulator.powerLawCurves(TRIALS, seed, 1.0, 3.0, 0.5, 2.0);
  }

  private static void assertSavesAndKeepsTheBest(long seed, StoppingRule rule) {
    List<IntToDoubleFunction> curves = curves(seed);
    CurveSimulator.Result without = CurveSimulator.run(curves, MAX_ROUNDS, PARALLEL, null);
    CurveSimulator.Result with = CurveSimulator.run(curves, MAX_ROUNDS, PARALLEL, rule);
    assertEquals(TRIALS * MAX_ROUNDS, without.totalRounds());
    double saving = 1.0 - (double) with.totalRounds() / without.totalRounds();
    assertTrue(saving >= 0.30, rule.getClass().getSimpleName() + " saved only " + saving);
    assertEquals(without.bestCompletedValue(), with.bestCompletedValue(), 0.0,
        "the best trial must run to the end with the rule as without it");
  }

  @Test
  void medianRuleSavesAThirdOfRoundsAndKeepsTheBestTrial() {
    assertSavesAndKeepsTheBest(42, MedianStoppingRule.forMaxRounds(MAX_ROUNDS));
  }

  @Test
  void asyncHyperbandSavesAThirdOfRoundsAndKeepsTheBestTrial() {
    assertSavesAndKeepsTheBest(42, new AsyncHyperbandRule(10, MAX_ROUNDS, 3));
  }

  /** Mean saving over seeds 1..50, and the number of seeds where the best final value got worse. */
  private record Summary(double meanSaving, int bestLost, double worstRegret) {}

  private static Summary summarise(Supplier<StoppingRule> rules) {
    double savings = 0;
    double worstRegret = 0;
    int lost = 0;
    for (long seed = 1; seed <= 50; seed++) {
      List<IntToDoubleFunction> curves = curves(seed);
      CurveSimulator.Result without = CurveSimulator.run(curves, MAX_ROUNDS, PARALLEL, null);
      CurveSimulator.Result with = CurveSimulator.run(curves, MAX_ROUNDS, PARALLEL, rules.get());
      savings += 1.0 - (double) with.totalRounds() / without.totalRounds();
      double regret = with.bestCompletedValue() / without.bestCompletedValue() - 1.0;
      if (regret > 0) {
        lost++;
        worstRegret = Math.max(worstRegret, regret);
      }
    }
    return new Summary(savings / 50, lost, worstRegret);
  }

  @Test
  void overFiftySeedsTheMedianRuleNeverLosesTheBestTrial() {
    Summary s = summarise(() -> MedianStoppingRule.forMaxRounds(MAX_ROUNDS));
    assertEquals(0, s.bestLost(), s.toString());
    assertTrue(s.meanSaving() >= 0.30, s.toString());
  }

  @Test
  void overFiftySeedsAsyncHyperbandSavesMoreAtASmallCostInTheBestValue() {
    Summary s = summarise(() -> new AsyncHyperbandRule(10, MAX_ROUNDS, 3));
    assertTrue(s.meanSaving() >= 0.60, s.toString());
    assertTrue(s.bestLost() <= 5 && s.worstRegret() < 0.05, s.toString());
  }
}
