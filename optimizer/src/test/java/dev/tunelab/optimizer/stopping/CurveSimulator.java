package dev.tunelab.optimizer.stopping;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

/**
 * Test helper: runs synthetic learning curves through a {@link StoppingRule} as a scheduler
 * with {@code parallel} slots would, deterministically (all running trials advance one round
 * per tick, in slot order; a freed slot takes the next trial at the next tick).
 */
final class CurveSimulator {

  /** What happened to one trial: the rounds it trained and its value at the last one. */
  record TrialOutcome(int rounds, double lastValue, boolean stopped) {}

  /** Outcome of a whole simulated tuning job. */
  record Result(List<TrialOutcome> trials) {
    int totalRounds() {
      return trials.stream().mapToInt(TrialOutcome::rounds).sum();
    }

    /** Best (smallest) final value among trials the rule did not stop. */
    double bestCompletedValue() {
      return trials.stream().filter(t -> !t.stopped()).mapToDouble(TrialOutcome::lastValue).min().orElse(Double.NaN);
    }
  }

  /** Curves a_i + b_i / sqrt(round), a_i in [aLo, aHi), b_i in [bLo, bHi), from a seeded RNG. */
  static List<IntToDoubleFunction> powerLawCurves(int count, long seed, double aLo, double aHi, double bLo, double bHi) {
    Random rng = new Random(seed);
    List<IntToDoubleFunction> curves = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double a = aLo + (aHi - aLo) * rng.nextDouble();
      double b = bLo + (bHi - bLo) * rng.nextDouble();
      curves.add(r -> a + b / Math.sqrt(r));
    }
    return curves;
  }

  /**
   * Runs every curve for at most {@code maxRounds} rounds; a null rule never stops anything.
   */
  static Result run(List<IntToDoubleFunction> curves, int maxRounds, int parallel, StoppingRule rule) {
    Deque<Integer> queue = new ArrayDeque<>();
    for (int i = 0; i < curves.size(); i++) {
      queue.add(i);
    }
    TrialOutcome[] outcomes = new TrialOutcome[curves.size()];
    int[] slots = new int[parallel];
    int[] round = new int[parallel];
    java.util.Arrays.fill(slots, -1);
    while (true) {
      boolean any = false;
      for (int s = 0; s < parallel; s++) {
        if (slots[s] < 0 && !queue.isEmpty()) {
          slots[s] = queue.poll();
          round[s] = 0;
        }
        int t = slots[s];
        if (t < 0) {
          continue;
        }
        any = true;
        int r = ++round[s];
        double v = curves.get(t).applyAsDouble(r);
        boolean stop = rule != null && rule.report("t" + t, r, v) == StoppingRule.Decision.STOP;
        if (stop || r >= maxRounds) {
          outcomes[t] = new TrialOutcome(r, v, stop);
          if (rule != null) {
            rule.trialEnded("t" + t);
          }
          slots[s] = -1;
        }
      }
      if (!any) {
        return new Result(List.of(outcomes));
      }
    }
  }
}
