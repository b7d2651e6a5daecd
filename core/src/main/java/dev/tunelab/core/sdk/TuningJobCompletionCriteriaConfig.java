package dev.tunelab.core.sdk;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.TuningJobSpec;

/**
 * When a tuning job may end before MaxNumberOfTrainingJobs, the SageMaker Python SDK's
 * {@code TuningJobCompletionCriteriaConfig(max_number_of_training_jobs_not_improving,
 * complete_on_convergence, target_objective_metric_value)}; every field is optional
 * ({@code null}). Serialised as the request's {@code TuningJobCompletionCriteria}; values are
 * checked when the request is parsed (e.g. at least 3 jobs not improving).
 *
 * @param maxNumberOfTrainingJobsNotImproving BestObjectiveNotImproving.MaxNumberOfTrainingJobsNotImproving
 * @param completeOnConvergence              ConvergenceDetected.CompleteOnConvergence (Enabled when true)
 * @param targetObjectiveMetricValue         TargetObjectiveMetricValue, in the objective metric's unit
 */
public record TuningJobCompletionCriteriaConfig(
    Integer maxNumberOfTrainingJobsNotImproving,
    Boolean completeOnConvergence,
    Double targetObjectiveMetricValue) {

  /** The request's {@code TuningJobCompletionCriteria} object. */
  public ObjectNode toJson() {
    ObjectNode o = Json.object();
    if (maxNumberOfTrainingJobsNotImproving != null) {
      o.putObject("BestObjectiveNotImproving")
          .put("MaxNumberOfTrainingJobsNotImproving", maxNumberOfTrainingJobsNotImproving);
    }
    if (completeOnConvergence != null) {
      o.putObject("ConvergenceDetected").put("CompleteOnConvergence", completeOnConvergence ? "Enabled" : "Disabled");
    }
    if (targetObjectiveMetricValue != null) {
      o.put("TargetObjectiveMetricValue", targetObjectiveMetricValue);
    }
    return o;
  }

  /**
   * The SDK's config for a parsed request's criteria (for {@code attach}), or {@code null} when
   * it has none; a criterion that is off is left out ({@code null}).
   */
  public static TuningJobCompletionCriteriaConfig of(TuningJobSpec.CompletionCriteria criteria) {
    if (criteria.equals(TuningJobSpec.CompletionCriteria.NONE)) {
      return null;
    }
    return new TuningJobCompletionCriteriaConfig(
        criteria.maxJobsNotImproving() > 0 ? criteria.maxJobsNotImproving() : null,
        criteria.completeOnConvergence() ? Boolean.TRUE : null, criteria.targetObjectiveValue());
  }
}
