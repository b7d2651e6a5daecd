package dev.tunelab.spark;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * SageMaker's RetryStrategy.MaximumRetryAttempts for a job (how many more times a training job
 * that failed for the cluster's reasons is tried), read from the request: a tuning job's
 * TrainingJobDefinition or a training job's own field. 0 when absent.
 */
final class RetryStrategy {

  /** SageMaker's bounds for MaximumRetryAttempts. */
  static final int MAX = 30;

  private RetryStrategy() { }

  static int maximumRetryAttempts(JsonNode request) {
    JsonNode owner = request.has("TrainingJobDefinition") ? request.get("TrainingJobDefinition") : request;
    JsonNode n = owner.path("RetryStrategy").path("MaximumRetryAttempts");
    return n.canConvertToInt() ? Math.max(0, Math.min(MAX, n.asInt())) : 0;
  }
}
