package dev.tunelab.core.tuning;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.TuningJobSpec;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * TuningJobCompletionCriteria: decides from a {@link JobTally} whether the tuning job has done
 * enough, and writes TuningJobCompletionDetails.
 *
 * <ul>
 *   <li>TargetObjectiveMetricValue: the best objective reached it;</li>
 *   <li>BestObjectiveNotImproving: that many counted jobs in a row did not improve the best by
 *       more than 1% (relative);</li>
 *   <li>ConvergenceDetected (TuneLab's rule): at least {@value #CONVERGENCE_MIN_JOBS} jobs have an
 *       objective and the best improved by at most 1% over the later half of them. The time it
 *       was first detected (the clock's) is reported whether or not CompleteOnConvergence is
 *       Enabled.</li>
 * </ul>
 */
final class CompletionRules {

  /** Jobs with an objective needed before convergence can be detected. */
  static final int CONVERGENCE_MIN_JOBS = 10;

  private final TuningJobSpec.CompletionCriteria criteria;
  private final Clock clock;
  private Instant convergenceDetected;

  /**
   * @param criteria the tuning job's criteria
   * @param clock    gives ConvergenceDetectedTime
   */
  CompletionRules(TuningJobSpec.CompletionCriteria criteria, Clock clock) {
    this.criteria = criteria;
    this.clock = clock;
  }

  /** Call after each job the tally recorded: notes when convergence is first detected. */
  void jobRecorded(JobTally tally) {
    List<Double> objectives = tally.objectives();
    int n = objectives.size();
    if (convergenceDetected != null || n < CONVERGENCE_MIN_JOBS) {
      return;
    }
    double earlier = tally.bestOf(objectives.subList(0, n / 2));
    double now = tally.bestOf(objectives);
    if (Math.abs(now - earlier) <= JobTally.IMPROVEMENT * Math.abs(earlier)) {
      convergenceDetected = clock.instant();
    }
  }

  /** The criterion met, as a CompletionReason, or {@code null}. */
  String reason(JobTally tally) {
    Double target = criteria.targetObjectiveValue();
    if (target != null && tally.bestJob() != null
        && tally.direction().reaches(tally.bestObjective(), target)) {
      return "TargetObjectiveMetricValue " + target + " reached by " + tally.bestJob() + " ("
          + tally.bestObjective() + ")";
    }
    if (criteria.maxJobsNotImproving() > 0 && tally.notImproving() >= criteria.maxJobsNotImproving()) {
      return "BestObjectiveNotImproving: " + tally.notImproving()
          + " training jobs in a row did not improve the best objective by more than 1%";
    }
    if (criteria.completeOnConvergence() && convergenceDetected != null) {
      int n = tally.objectives().size();
      return "ConvergenceDetected: the best objective improved by less than 1% over the last "
          + (n - n / 2) + " of " + n + " training jobs";
    }
    return null;
  }

  /** When convergence was first detected, or {@code null}. */
  Instant convergenceDetected() {
    return convergenceDetected;
  }

  /** The TuningJobCompletionDetails JSON object for a tuning job ending for {@code reason}. */
  String details(JobTally tally, String reason) {
    ObjectNode details = Json.object();
    details.put("NumberOfTrainingJobsObjectiveNotImproving", tally.notImproving());
    if (convergenceDetected != null) {
      details.put("ConvergenceDetectedTime", convergenceDetected.toString());
    }
    details.put("CompletionReason", reason);
    return details.toString();
  }
}
