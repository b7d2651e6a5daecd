package dev.tunelab.core.tuning;

import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.Observation;
import dev.tunelab.optimizer.space.Configuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The accounting of a tuning job's finished training jobs, in the order they finished: how many
 * count toward MaxNumberOfTrainingJobs, how many Completed, Failed and Stopped, the best job so far, how
 * many jobs in a row did not improve it, the objectives in order, and the results the strategy
 * learns from.
 *
 * <p>Counting follows SageMaker: every finished training job counts, except a Failed one marked
 * retryable (TuneLab's failure, e.g. the tuning process died while it ran), which is replaced.
 * A job Completed or Stopped with a finite objective is a result; any other counted job is a
 * failed observation and does not improve the best. An improvement is a better objective by more
 * than {@value #IMPROVEMENT} relative (SageMaker's 1%); the best job is the best objective,
 * however small the difference. Not thread-safe: the scheduler thread owns it.
 */
final class JobTally {

  /** Relative improvement that counts as improving (SageMaker: 1%). */
  static final double IMPROVEMENT = 0.01;

  private final Direction direction;
  private final List<Observation> observations = new ArrayList<>();
  private final List<Double> objectives = new ArrayList<>();
  private int counted;
  private int completed;
  private int failed;
  private int stopped;
  private int notImproving;
  private String bestJob;
  private double bestObjective = Double.NaN;

  /** @param direction whether smaller or larger objectives are better */
  JobTally(Direction direction) {
    this.direction = direction;
  }

  /**
   * Accounts one finished training job.
   *
   * @param job           its final record
   * @param configuration its tuned hyperparameters
   * @return true when it became the best job
   */
  boolean record(TrainingJobRecord job, Configuration configuration) {
    boolean retryable = job.status() == TrainingJobStatus.Failed && job.retryableFailure();
    if (!retryable) {
      counted++;
    }
    if (job.status() == TrainingJobStatus.Completed) {
      completed++;
    } else if (job.status() == TrainingJobStatus.Failed) {
      failed++;
    } else if (job.status() == TrainingJobStatus.Stopped) {
      stopped++;
    }
    Double v = job.objectiveValue();
    boolean result = v != null && Double.isFinite(v)
        && (job.status() == TrainingJobStatus.Completed || job.status() == TrainingJobStatus.Stopped);
    if (!result) {
      if (!retryable) {
        observations.add(Observation.failed(configuration));
        notImproving++;
      }
      return false;
    }
    observations.add(Observation.completed(configuration, v));
    objectives.add(v);
    boolean first = bestJob == null;
    boolean improves = first || better(v, bestObjective) && Math.abs(v - bestObjective) > IMPROVEMENT * Math.abs(bestObjective);
    notImproving = improves ? 0 : notImproving + 1;
    if (first || better(v, bestObjective)) {
      bestJob = job.name();
      bestObjective = v;
      return true;
    }
    return false;
  }

  /** Whether smaller or larger objectives are better. */
  Direction direction() {
    return direction;
  }

  /** True when {@code a} is a better objective than {@code b}. */
  boolean better(double a, double b) {
    return direction.isBetter(a, b);
  }

  /** The best of some objectives ({@code values} not empty). */
  double bestOf(List<Double> values) {
    double b = values.get(0);
    for (double v : values) {
      b = better(v, b) ? v : b;
    }
    return b;
  }

  /** Finished jobs that count toward MaxNumberOfTrainingJobs. */
  int counted() {
    return counted;
  }

  /** Jobs that ended Completed. */
  int completed() {
    return completed;
  }

  /** Jobs that ended Failed, retryable ones included. */
  int failed() {
    return failed;
  }

  /** Jobs that ended Stopped. */
  int stopped() {
    return stopped;
  }

  /** Counted jobs in a row, up to the last one, that did not improve the best by more than 1%. */
  int notImproving() {
    return notImproving;
  }

  /** The best job's name, or {@code null} while no job has an objective. */
  String bestJob() {
    return bestJob;
  }

  /** The best job's objective, or {@code NaN}. */
  double bestObjective() {
    return bestObjective;
  }

  /** The objectives of the jobs with one, in the order they finished (a read-only view). */
  List<Double> objectives() {
    return Collections.unmodifiableList(objectives);
  }

  /** What the strategy learns from: a result or a failure per counted job (a read-only view). */
  List<Observation> observations() {
    return Collections.unmodifiableList(observations);
  }
}
