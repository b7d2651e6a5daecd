package dev.tunelab.core.sdk;

/**
 * A job ended in a status other than Completed or Stopped, the SageMaker Python SDK's
 * {@code sagemaker.exceptions.UnexpectedStatusException}, raised by a waiting {@code fit}. The
 * job and its record stay in the store for {@code describe}.
 */
public final class UnexpectedStatusException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String jobName;
  private final String actualStatus;

  /**
   * @param kind         "training job" or "tuning job"
   * @param jobName      the job
   * @param actualStatus its final status
   * @param reason       its FailureReason, or {@code null}
   */
  public UnexpectedStatusException(String kind, String jobName, String actualStatus, String reason) {
    super("Error for " + kind + " " + jobName + ": " + actualStatus + ". Reason: " + reason
        + " (expected Completed or Stopped)");
    this.jobName = jobName;
    this.actualStatus = actualStatus;
  }

  /** The job that ended so. */
  public String jobName() {
    return jobName;
  }

  /** Its final status, e.g. {@code Failed}. */
  public String actualStatus() {
    return actualStatus;
  }
}
