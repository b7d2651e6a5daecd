package dev.tunelab.spark;

import dev.tunelab.core.train.TrainingOutcome;
import java.util.Map;

/**
 * Turns what Spark throws for a training task into the job's outcome. The trainer itself never
 * throws for a failing job (its failure comes back as an outcome), so anything Spark throws is the
 * cluster's failure: a lost executor is a {@code RetryableError} (SageMaker's word for a failure
 * that is not the job's: it does not count toward the tuning job's budget), a cancelled job that
 * was asked to stop is Stopped, and the rest is an {@code InternalError} naming Spark's reason.
 */
final class SparkFailures {

  /** The failure-reason prefix of a failure worth another try. */
  static final String RETRYABLE = "RetryableError";

  private SparkFailures() { }

  static TrainingOutcome outcome(Throwable error, boolean stopAsked) {
    String message = firstLine(error);
    if (stopAsked) {
      return new TrainingOutcome(TrainingOutcome.Status.STOPPED, Map.of(), null,
          "Stopped: its Spark task was cancelled (" + message + ")", -1, 0);
    }
    if (message.contains("ExecutorLostFailure") || message.contains("executor lost")
        || message.contains("Executor heartbeat timed out")) {
      return TrainingOutcome.failed(RETRYABLE + ": the Spark executor running the training job was lost (" + message + ")");
    }
    if (message.contains("cancelled")) {
      return TrainingOutcome.failed(RETRYABLE + ": its Spark job was cancelled (" + message + ")");
    }
    return TrainingOutcome.failed("InternalError: the Spark task failed: " + message);
  }

  private static String firstLine(Throwable t) {
    String m = t == null ? "no reason given" : String.valueOf(t.getMessage());
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
