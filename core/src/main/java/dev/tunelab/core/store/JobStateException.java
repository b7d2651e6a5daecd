package dev.tunelab.core.store;

/**
 * A request that the job's current state does not allow: resuming a tuning job that has ended or
 * whose process still runs it, stopping one that is not running. Unlike
 * {@link dev.tunelab.core.spec.SpecException} nothing in the request is malformed; asking again
 * later, or for another job, can succeed. The message names the job, its state and what the
 * request needs. The command line reports it like bad input (exit code 2): the request cannot be
 * done, and nothing was changed.
 */
public final class JobStateException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String jobName;

  /**
   * @param kind    "training job" or "tuning job"
   * @param jobName the job's name
   * @param state   what the job is now, e.g. "Completed" or "run by process 1234"
   * @param needed  what the request needs, in words
   */
  public JobStateException(String kind, String jobName, String state, String needed) {
    super(kind + " '" + jobName + "' is " + state + "; " + needed);
    this.jobName = jobName;
  }

  /** The job the request named. */
  public String jobName() {
    return jobName;
  }
}
