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
import org.junit.jupiter.api.Test;

class AsyncHyperbandRuleTest {

  @Test
  void rungsAreMinTimesPowersOfEtaBelowMax() {
    assertEquals(List.of(1, 3, 9, 27, 81), AsyncHyperbandRule.rungs(1, 200, 3));
    assertEquals(List.of(1, 3, 9, 27), AsyncHyperbandRule.rungs(1, 81, 3), "81 is not below max 81");
    assertEquals(List.of(10, 30, 90), AsyncHyperbandRule.rungs(10, 200, 3));
    assertEquals(List.of(1, 2, 4, 8, 16, 32, 64), AsyncHyperbandRule.rungs(1, 100, 2));
    assertEquals(List.of(2, 5, 12), AsyncHyperbandRule.rungs(2, 20, 2.5)); // 2, 5, 12.5 -> 12 (rint, half-even)
    assertEquals(List.of(), AsyncHyperbandRule.rungs(5, 5, 3));
    assertEquals(List.of(5), AsyncHyperbandRule.rungs(5, 6, 3));
  }

  @Test
  void badInputIsRejectedWithTheFieldAndValue() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AsyncHyperbandRule.rungs(0, 10, 3));
    assertTrue(e.getMessage().contains("minResource") && e.getMessage().contains("0"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new AsyncHyperbandRule(10, 5, 3));
    assertTrue(e.getMessage().contains("maxResource") && e.getMessage().contains("5"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new AsyncHyperbandRule(1, 5, 1.5));
    assertTrue(e.getMessage().contains("reductionFactor") && e.getMessage().contains("1.5"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AsyncHyperbandRule(1, 5, Double.NaN));
    assertThrows(IllegalArgumentException.class, () -> new AsyncHyperbandRule(1, 5, Double.POSITIVE_INFINITY));
    e = assertThrows(IllegalArgumentException.class, () -> new AsyncHyperbandRule(1, 200, 3, 6));
    assertTrue(e.getMessage().contains("brackets") && e.getMessage().contains("[1, 5]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new AsyncHyperbandRule(1, 200, 3, 0));

    AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 200);
    e = assertThrows(IllegalArgumentException.class, () -> rule.report(null, 1, 1.0));
    assertTrue(e.getMessage().contains("trialId"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> rule.report("t", 0, 1.0));
    rule.report("t", 5, 1.0);
    e = assertThrows(IllegalArgumentException.class, () -> rule.report("t", 5, 1.0));
    assertTrue(e.getMessage().contains("resource 5") && e.getMessage().contains("previous report 5"), e.getMessage());
    rule.trialEnded("t");
    e = assertThrows(IllegalArgumentException.class, () -> rule.report("t", 6, 1.0));
    assertTrue(e.getMessage().contains("ended"), e.getMessage());
    rule.trialEnded("unknown"); // ignored
  }

  @Test
  void accessorsAndDefaults() {
    AsyncHyperbandRule rule = new AsyncHyperbandRule(10, 200);
    assertEquals(200, rule.maxResource());
    assertEquals(10, rule.minResource());
    assertEquals(3.0, rule.reductionFactor());
    assertEquals(1, rule.brackets());
    assertEquals(List.of(10, 30, 90), rule.rungLevels());
  }

  @Test
  void promotionFollowsTheTopOneOverEtaOfTheRungWorkedByHand() {
    AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 10, 3); // rungs 1, 3, 9
    assertEquals(CONTINUE, rule.report("a", 1, 5.0), "n=1 < eta: alone at the rung");
    assertEquals(CONTINUE, rule.report("b", 1, 6.0), "n=2 < eta");
    assertEquals(STOP, rule.report("c", 1, 7.0), "n=3: 1 slot, 2 better");
    assertEquals(CONTINUE, rule.report("d", 1, 4.0), "n=4: 1 slot, 0 better");
    assertEquals(STOP, rule.report("e", 1, 4.5), "n=5: 1 slot, 1 better (4.0)");
    assertEquals(CONTINUE, rule.report("f", 1, 4.5), "n=6: 2 slots, 1 better; the tie does not count");
    assertEquals(CONTINUE, rule.report("a", 2, 100.0), "no rung at 2");
    assertEquals(CONTINUE, rule.report("a", 3, 100.0), "first at rung 3");
  }

  @Test
  void noStopBeforeMinResourceAndNeverAtOrPastMaxResource() {
    AsyncHyperbandRule rule = new AsyncHyperbandRule(10, 200, 3);
    for (int i = 0; i < 10; i++) {
      for (int r = 1; r <= 200; r++) {
        rule.report("good" + i, r, 1.0 / r);
      }
      rule.trialEnded("good" + i);
    }
    for (int r = 1; r < 10; r++) {
      assertEquals(CONTINUE, rule.report("bad", r, 100.0), "round " + r + " is before minResource");
    }
    assertEquals(STOP, rule.report("bad", 10, 100.0));
    assertEquals(CONTINUE, rule.report("jumper", 200, 100.0),
        "a report at maxResource is never stopped, even one that skipped every rung");
    assertEquals(CONTINUE, rule.report("jumper", 250, 100.0), "nor past it");

    AsyncHyperbandRule noRungs = new AsyncHyperbandRule(50, 50, 3);
    for (int r = 1; r <= 60; r++) {
      assertEquals(CONTINUE, noRungs.report("x", r, 1e9));
    }
  }

  @Test
  void aTrialThatSkipsRungsIsJudgedAtEachWithItsFirstValuePast() {
    AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 200, 3);
    for (int i = 0; i < 6; i++) {
      rule.report("p" + i, 1, 1.0);
      rule.report("p" + i, 3, 1.0);
    }
    assertEquals(STOP, rule.report("skipper", 5, 2.0), "judged at rung 1 with the value at 5");
  }

  /** Sequential trials with value q + 1/sqrt(r); q random. Returns the furthest resource each reached. */
  private static int[] runMany(AsyncHyperbandRule rule, double[] quality) {
    int[] reached = new int[quality.length];
    for (int t = 0; t < quality.length; t++) {
      for (int r = 1; r <= rule.maxResource(); r++) {
        reached[t] = r;
        if (rule.report("t" + t, r, quality[t] + 1.0 / Math.sqrt(r)) == STOP) {
          break;
        }
      }
      rule.trialEnded("t" + t);
    }
    return reached;
  }

  @Test
  void aboutOneInEtaIsPromotedAtEachRungAndTheBestReachesMax() {
    Random rng = new Random(11);
    double[] quality = new double[400];
    for (int i = 0; i < quality.length; i++) {
      quality[i] = rng.nextDouble();
    }
    AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 200, 3);
    int[] reached = runMany(rule, quality);
    List<Integer> rungs = rule.rungLevels();
    for (int k = 0; k < rungs.size(); k++) {
      int level = rungs.get(k);
      long arrived = java.util.Arrays.stream(reached).filter(r -> r >= level).count();
      long promoted = java.util.Arrays.stream(reached).filter(r -> r > level).count();
      if (arrived >= 30) {
        double fraction = (double) promoted / arrived;
        // asynchronous promotion is a little more lenient than 1/eta at higher rungs: the rung's
        // earlier values include trials promoted while the rungs below were nearly empty
        assertTrue(fraction > 0.25 && fraction < 0.5,
            "rung " + level + ": " + promoted + " of " + arrived + " promoted, expected about 1/3");
      }
    }
    int best = 0;
    for (int i = 1; i < quality.length; i++) {
      if (quality[i] < quality[best]) {
        best = i;
      }
    }
    assertEquals(200, reached[best], "the best trial (best at every rung) is never stopped");
  }

  @Test
  void bracketsAreAssignedRoundRobinAndStartAtHigherRungs() {
    AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 200, 3, 2); // bracket 0: 1,3,9,..; bracket 1: 3,9,..
    List<Decision> atRound1 = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      atRound1.add(rule.report("t" + i, 1, 10.0 - i)); // each new trial is better than all before
    }
    // bracket 1 (odd arrivals) has no rung at 1: always CONTINUE there
    for (int i = 1; i < 12; i += 2) {
      assertEquals(CONTINUE, atRound1.get(i), "trial " + i);
    }
    // bracket 0 (even arrivals) records only its own trials at rung 1: 6 values, all improving -> all continue
    assertTrue(atRound1.stream().allMatch(d -> d == CONTINUE));
    AsyncHyperbandRule twoBrackets = new AsyncHyperbandRule(1, 200, 3, 2);
    List<Decision> d2 = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      d2.add(twoBrackets.report("t" + i, 1, i)); // increasing: each new trial worse than all before
    }
    // bracket 0 gets t0 (0), t2 (2), t4 (4): t4 is the third value and the worst -> STOP; t1, t3, t5 not judged
    assertEquals(List.of(CONTINUE, CONTINUE, CONTINUE, CONTINUE, STOP, CONTINUE), d2);
    // bracket 1 is judged at 3 against its own members only
    assertEquals(CONTINUE, twoBrackets.report("t1", 3, 1.0));
    assertEquals(CONTINUE, twoBrackets.report("t3", 3, 3.0));
    assertEquals(STOP, twoBrackets.report("t5", 3, 5.0));
  }

  @Test
  void nonFiniteValuesContinueAndAreNotRecorded() {
    AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 200, 3);
    assertEquals(CONTINUE, rule.report("a", 1, 1.0));
    assertEquals(CONTINUE, rule.report("nan", 1, Double.NaN));
    assertEquals(CONTINUE, rule.report("inf", 1, Double.POSITIVE_INFINITY));
    assertEquals(CONTINUE, rule.report("b", 1, 2.0),
        "only 2 finite values at the rung (n < eta): had NaN or infinity been recorded, n >= 3 and b would stop");
    assertEquals(STOP, rule.report("c", 1, 3.0), "n = 3 finite values: 1 slot, 2 better");
  }

  @Test
  void sameCallsGiveSameDecisions() {
    List<Decision> first = MedianStoppingRuleTest.replayRandomCalls(new AsyncHyperbandRule(1, 40, 3, 2));
    List<Decision> second = MedianStoppingRuleTest.replayRandomCalls(new AsyncHyperbandRule(1, 40, 3, 2));
    assertEquals(first, second);
    assertTrue(first.contains(STOP) && first.contains(CONTINUE), "the sequence exercises both answers");
  }

  @Test
  void eightThreadsReportingAtOnceGetConsistentDecisions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int repeat = 0; repeat < 20; repeat++) {
        AsyncHyperbandRule rule = new AsyncHyperbandRule(1, 100, 3);
        for (int i = 0; i < 30; i++) {
          for (int r = 1; r <= 100; r++) {
            rule.report("p" + i, r, 1.0 + 0.01 * i);
          }
          rule.trialEnded("p" + i);
        }
        // 4 trials worse than every earlier one and 4 better: the answer cannot depend on interleaving
        CyclicBarrier start = new CyclicBarrier(8);
        List<Future<Integer>> stops = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          String id = "c" + t;
          double value = t < 4 ? 5.0 + t : 0.1 * (t - 3);
          stops.add(pool.submit(() -> {
            start.await();
            for (int r = 1; r <= 100; r++) {
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
          assertEquals(t < 4 ? 1 : -1, stops.get(t).get(), "thread " + t + " in repeat " + repeat);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
