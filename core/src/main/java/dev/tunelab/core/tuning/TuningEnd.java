package dev.tunelab.core.tuning;

import dev.tunelab.core.store.TuningJobStatus;

/**
 * Why a tuning job ends before its budget is spent, and the status it ends in: Completed (a
 * completion criterion or MaxRuntimeInSeconds) or Stopped (a stop request or Ctrl-C).
 *
 * @param reason the CompletionReason shown in TuningJobCompletionDetails
 * @param status Completed or Stopped
 */
record TuningEnd(String reason, TuningJobStatus status) {

  /** Ends the tuning job as Completed. */
  static TuningEnd completed(String reason) {
    return new TuningEnd(reason, TuningJobStatus.Completed);
  }

  /** Ends the tuning job as Stopped. */
  static TuningEnd stopped(String reason) {
    return new TuningEnd(reason, TuningJobStatus.Stopped);
  }

  /** True when the tuning job is stopped rather than completed. */
  boolean stopped() {
    return status == TuningJobStatus.Stopped;
  }
}
