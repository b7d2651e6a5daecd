package dev.tunelab.core.tuning;

import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;

/**
 * A trainer for scheduler tests: what each job does is a {@link Plan} chosen from its
 * hyperparameters. A training plan emits the objective metric once per round from a deterministic
 * curve, advances the test clock per round, and obeys the listener's stop answer and the stop
 * flag; it may also fail at once, or block until the scheduler asks it to stop. Thread-safe.
 */
final class FakeTrainer implements Trainer {

  /** What a job does. */
  enum Kind { TRAIN, FAIL, BLOCK }

  /**
   * One job's plan.
   *
   * @param kind     train, fail or block until stopped
   * @param rounds   rounds to train (TRAIN)
   * @param curve    the objective after 0-based round r (TRAIN)
   * @param perRound how far each round moves the clock (BLOCK: once, before it blocks)
   */
  record Plan(Kind kind, int rounds, IntToDoubleFunction curve, Duration perRound) {

    static Plan train(int rounds, IntToDoubleFunction curve) {
      return new Plan(Kind.TRAIN, rounds, curve, Duration.ofSeconds(1));
    }

    static Plan fail() {
      return new Plan(Kind.FAIL, 0, r -> Double.NaN, Duration.ZERO);
    }

    static Plan block(Duration advance) {
      return new Plan(Kind.BLOCK, 0, r -> Double.NaN, advance);
    }

    Plan every(Duration d) {
      return new Plan(kind, rounds, curve, d);
    }
  }

  private final String metric;
  private final Function<Map<String, String>, Plan> plans;
  private final MutableClock clock;
  private final List<Map<String, String>> trained = new CopyOnWriteArrayList<>();

  /**
   * @param metric the objective metric's name
   * @param plans  each job's plan from its hyperparameters
   * @param clock  the clock rounds move
   */
  FakeTrainer(String metric, Function<Map<String, String>, Plan> plans, MutableClock clock) {
    this.metric = metric;
    this.plans = plans;
    this.clock = clock;
  }

  /** The hyperparameters of every job trained so far, in start order. */
  List<Map<String, String>> trained() {
    return List.copyOf(trained);
  }

  @Override
  public void validate(Map<String, String> hyperParameters) { }

  @Override
  public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
    trained.add(request.hyperParameters());
    Plan plan = plans.apply(request.hyperParameters());
    switch (plan.kind()) {
      case FAIL -> {
        listener.log("failing as planned");
        return TrainingOutcome.failed("AlgorithmError: planned failure");
      }
      case BLOCK -> {
        clock.advance(plan.perRound());
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!request.stopRequested().getAsBoolean()) {
          if (System.nanoTime() > giveUp) {
            return TrainingOutcome.failed("AlgorithmError: nobody stopped this job within 60 s");
          }
          try {
            Thread.sleep(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return TrainingOutcome.failed("AlgorithmError: interrupted");
          }
        }
        return new TrainingOutcome(TrainingOutcome.Status.STOPPED, Map.of(), null, "Stopped", -1, 0);
      }
      default -> {
        double last = Double.NaN;
        for (int r = 0; r < plan.rounds(); r++) {
          if (request.stopRequested().getAsBoolean()) {
            return outcome(TrainingOutcome.Status.STOPPED, last, r);
          }
          clock.advance(plan.perRound());
          last = plan.curve().applyAsDouble(r);
          listener.log("[" + r + "]\tloss=" + last);
          if (!listener.metric(metric, r, last)) {
            return outcome(TrainingOutcome.Status.STOPPED, last, r + 1);
          }
        }
        return outcome(TrainingOutcome.Status.COMPLETED, last, plan.rounds());
      }
    }
  }

  private TrainingOutcome outcome(TrainingOutcome.Status status, double last, int rounds) {
    Map<String, Double> finals = Double.isNaN(last) ? Map.of() : Map.of(metric, last);
    return new TrainingOutcome(status, finals, null, status == TrainingOutcome.Status.STOPPED ? "Stopped" : null,
        -1, rounds);
  }
}
