package dev.tunelab.core.tuning;

import dev.tunelab.core.spec.EarlyStoppingType;
import dev.tunelab.core.spec.TuningStrategy;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.stopping.AsyncHyperbandRule;
import dev.tunelab.optimizer.stopping.MedianStoppingRule;
import dev.tunelab.optimizer.stopping.StoppingRule;
import java.util.List;

/**
 * Decides after every round of every training job of a tuning job whether the job goes on:
 * TrainingJobEarlyStoppingType Auto applies the median rule, Strategy Hyperband asynchronous
 * successive halving, and a Hyperband job whose trainer does not take its rounds from
 * {@code num_round} is stopped at MaxResource. Each training job gets a {@link #watcher}; the
 * rule itself is shared and thread-safe.
 */
final class EarlyStopping {

  private final StoppingRule rule;
  private final int stopAtResource;
  private final String objectiveMetric;
  private final Direction direction;

  /**
   * @param rule            the rule, or {@code null} for none
   * @param stopAtResource  the resource (1-based round) at which every job is stopped, or
   *                        {@link Integer#MAX_VALUE}
   * @param objectiveMetric the metric the rule judges
   * @param direction       whether smaller or larger objectives are better
   */
  EarlyStopping(StoppingRule rule, int stopAtResource, String objectiveMetric, Direction direction) {
    this.rule = rule;
    this.stopAtResource = stopAtResource;
    this.objectiveMetric = objectiveMetric;
    this.direction = direction;
  }

  /** The early stopping a tuning spec asks for. */
  static EarlyStopping of(TuningJobSpec spec) {
    StoppingRule rule = spec.strategy() == TuningStrategy.HYPERBAND
        ? new AsyncHyperbandRule(spec.hyperband().minResource(), spec.hyperband().maxResource(), 3.0)
        : spec.earlyStopping() == EarlyStoppingType.AUTO ? medianRule(spec) : null;
    // built-in XGBoost is given num_round = MaxResource instead (see TuningScheduler)
    int stopAt = spec.hyperband() != null && spec.definition().algorithm().contract().hyperbandResource().isEmpty()
        ? spec.hyperband().maxResource() : Integer.MAX_VALUE;
    return new EarlyStopping(rule, stopAt, spec.objectiveMetric(), spec.direction());
  }

  /**
   * SageMaker's median rule with TuneLab's grace settings: no decision before 5 earlier jobs have
   * data at a round, nor before round max(10, 10% of num_round) (see {@link MedianStoppingRule}).
   */
  private static StoppingRule medianRule(TuningJobSpec spec) {
    try {
      // the algorithm's resource hyperparameter (num_round for the built-in XGBoost) caps the rounds
      String rounds = spec.definition().algorithm().contract().hyperbandResource()
          .map(spec.staticHyperParameters()::get).orElse(null);
      return rounds == null ? new MedianStoppingRule() : MedianStoppingRule.forMaxRounds(Integer.parseInt(rounds.trim()));
    } catch (NumberFormatException e) {
      return new MedianStoppingRule();
    }
  }

  /** The listener for one running training job: forwards its log, judges its objective. */
  TrainingListener watcher(String jobName, TuningObserver observer) {
    return new Watcher(jobName, observer);
  }

  /** After a resume, the rule learns the curve of a job that ran before. */
  void replay(String jobName, List<MetricPoint> points) {
    if (rule == null) {
      return;
    }
    int last = 0;
    for (MetricPoint p : points) {
      if (p.metricName().equals(objectiveMetric) && p.iteration() + 1 > last && Double.isFinite(p.value())) {
        last = p.iteration() + 1;
        rule.report(jobName, last, direction.toLoss(p.value()));
      }
    }
    rule.trialEnded(jobName);
  }

  /** The job ended; its curve stays in the rule's history. */
  void jobEnded(String jobName) {
    if (rule != null) {
      rule.trialEnded(jobName);
    }
  }

  /** Forwards a running job's log and its new rounds to the observer and feeds its objective to the rule. */
  private final class Watcher implements TrainingListener {
    private final String name;
    private final TuningObserver observer;
    private int lastResource;

    Watcher(String name, TuningObserver observer) {
      this.name = name;
      this.observer = observer;
    }

    @Override
    public void log(String line) {
      observer.trainingLog(name, line);
    }

    @Override
    public boolean metric(String metric, int iteration, double value) {
      if (!metric.equals(objectiveMetric)) {
        return true;
      }
      int resource = iteration + 1;
      if (resource <= lastResource || !Double.isFinite(value)) {
        return true; // a re-print of the best round, or nothing to judge
      }
      lastResource = resource;
      observer.roundReported(name, iteration);
      if (resource >= stopAtResource) {
        return false;
      }
      if (rule == null) {
        return true;
      }
      return rule.report(name, resource, direction.toLoss(value)) == StoppingRule.Decision.CONTINUE;
    }
  }
}
