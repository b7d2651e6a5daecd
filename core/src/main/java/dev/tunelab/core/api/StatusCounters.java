package dev.tunelab.core.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.ObjectiveStatus;
import dev.tunelab.core.store.TrainingJobRecord;
import java.util.List;

/**
 * A tuning job's TrainingJobStatusCounters and ObjectiveStatusCounters, as both
 * DescribeHyperParameterTuningJob and HyperParameterTuningJobSummary show them.
 */
final class StatusCounters {
  private StatusCounters() { }

  /** Adds {@code TrainingJobStatusCounters} and {@code ObjectiveStatusCounters} to {@code o}. */
  static void put(ObjectNode o, List<TrainingJobRecord> jobs) {
    int completed = 0, inProgress = 0, retryable = 0, nonRetryable = 0, stopped = 0;
    int succeeded = 0, pending = 0, failed = 0;
    for (TrainingJobRecord j : jobs) {
      switch (j.status()) {
        case Completed -> completed++;
        case InProgress, Stopping -> inProgress++;
        case Stopped -> stopped++;
        case Failed -> {
          if (j.retryableFailure()) {
            retryable++;
          } else {
            nonRetryable++;
          }
        }
      }
      switch (j.objectiveStatus()) {
        case SUCCEEDED -> succeeded++;
        case PENDING -> pending++;
        case FAILED -> failed++;
      }
    }
    ObjectNode counters = o.putObject("TrainingJobStatusCounters");
    counters.put("Completed", completed);
    counters.put("InProgress", inProgress);
    counters.put("RetryableError", retryable);
    counters.put("NonRetryableError", nonRetryable);
    counters.put("Stopped", stopped);
    ObjectNode objective = o.putObject("ObjectiveStatusCounters");
    objective.put(ObjectiveStatus.SUCCEEDED.sageMakerName(), succeeded);
    objective.put(ObjectiveStatus.PENDING.sageMakerName(), pending);
    objective.put(ObjectiveStatus.FAILED.sageMakerName(), failed);
  }

  /** Puts an ISO-8601 time, or nothing when there is none (SageMaker omits absent fields). */
  static void putTime(ObjectNode o, String field, java.time.Instant t) {
    if (t != null) {
      o.put(field, t.toString());
    }
  }
}
