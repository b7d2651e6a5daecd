package dev.tunelab.core.store;

/**
 * The values a tuning job keeps beside its record ({@link JobStore#putTuningJobAttribute}), each
 * with its one key. The enum is the only owner of a key: readers and writers name the constant,
 * never the string stored in the {@code tuning_job_attribute} table.
 */
public enum TuningJobAttribute {

  /** The folder the spec's relative paths resolve against (an absolute or relative path). */
  BASE_DIR("BaseDir"),
  /** The pid (decimal) of the process running the tuning job; resume and stop check it is alive. */
  OWNER_PID("OwnerPid"),
  /** The TuningJobCompletionDetails JSON object written when the tuning job ends (describe shows it). */
  COMPLETION_DETAILS("TuningJobCompletionDetails"),
  /**
   * How training jobs are scheduled: {@code InOrder} (reproducible, the default) or
   * {@code Asynchronous} ({@code tune --asynchronous}); resume keeps the job's mode.
   */
  SCHEDULING("Scheduling");

  private final String key;

  TuningJobAttribute(String key) {
    this.key = key;
  }

  /** The key stored in the database (kept stable: existing stores hold it). */
  public String key() {
    return key;
  }
}
