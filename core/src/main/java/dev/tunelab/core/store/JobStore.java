package dev.tunelab.core.store;

import dev.tunelab.core.startup.BackgroundLoads;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable record of TuneLab: tuning jobs, training jobs, their statuses and times, per-round
 * metrics and log lines. The default implementation is {@link #openSqlite(Path)}: one SQLite file,
 * {@code $TUNELAB_HOME/tunelab.db}.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety.</b> Every method may be called from any thread at any time; many
 *       scheduler threads write at once. The SQLite implementation serialises calls on one
 *       connection behind a lock (SQLite serialises writers anyway); each call is one
 *       transaction, so a batch of log lines or metrics is all there or not at all.</li>
 *   <li><b>Snapshots.</b> Returned records and lists are immutable snapshots taken when the call
 *       ran; they never change afterwards and never need copying.</li>
 *   <li><b>Finished jobs are immutable.</b> Once a training job is Completed, Stopped or Failed,
 *       its status, times, metrics, log lines and result can no longer change: further
 *       {@code finish}, {@code append} or {@code markStarted} calls throw
 *       {@link IllegalStateException}. A tuning job in a terminal status rejects status changes,
 *       {@link #setBestTrainingJob} and {@link #requestStop} has no effect; its attributes
 *       ({@link #putTuningJobAttribute}) remain writable as annotations.</li>
 *   <li><b>Several processes.</b> Another process (e.g. {@code describe-…}, {@code logs --follow},
 *       {@code stop-hyper-parameter-tuning-job}) may open the same file while one process writes:
 *       the file is in WAL mode, so readers never block the writer nor wait for it, and writers
 *       wait up to a busy timeout (10 s) for each other instead of failing. Write transactions
 *       take the write lock when they begin ({@code BEGIN IMMEDIATE}), so they cannot fail
 *       half-way with SQLITE_BUSY. A stop is requested across processes with
 *       {@link #requestStop}; the running scheduler polls {@link #stopRequested}.</li>
 *   <li><b>Durability.</b> A call that returned has been committed; with
 *       {@code synchronous=NORMAL} a power loss may lose the last commits, a killed process
 *       loses nothing that was committed.</li>
 *   <li><b>Crashes.</b> Jobs left InProgress or Stopping by a crashed process stay so until
 *       someone repairs them: {@code resume} calls {@link #failStaleTrainingJobs}, which marks
 *       that tuning job's unfinished training jobs Failed with a retryable failure, and then
 *       launches new ones with numbers from {@link #nextTrainingJobSequence}.</li>
 *   <li><b>Unknown names.</b> Lookups return {@link Optional#empty()}; every other call that
 *       names a missing job throws {@link NoSuchJobException}.</li>
 *   <li><b>Cost.</b> A call costs tens of microseconds whatever its size (a batch of rows is
 *       inserted with one statement), so write a training job's per-round output through a
 *       {@link ProgressWriter}, which batches it, rather than one call per round.</li>
 *   <li><b>Times</b> are stored as epoch milliseconds; records carry them to the millisecond
 *       ({@code lastModifiedTime} comes from the store's clock).</li>
 * </ul>
 */
public interface JobStore extends AutoCloseable {

  // ---- training jobs ---------------------------------------------------------------------

  /**
   * Inserts a new InProgress training job.
   *
   * @throws JobExistsException if a training job of that name exists
   * @throws NoSuchJobException if its tuning job does not exist
   * @throws IllegalArgumentException if its tuning job already has a job with that sequence
   */
  default void createTrainingJob(NewTrainingJob job) {
    createTrainingJob(job, ProcessOwner.current());
  }

  /**
   * As {@link #createTrainingJob(NewTrainingJob)}, recording {@code owner} as the process that
   * runs the job: for a lone training job another process runs ({@code create-training-job}
   * records it, its background process trains it). Should that process be gone while the job is
   * unfinished, the job reads as Failed (RetryableError) as any lone job whose process died.
   */
  void createTrainingJob(NewTrainingJob job, ProcessOwner owner);

  /**
   * Records a job that starts training now: as {@link #createTrainingJob(NewTrainingJob,
   * ProcessOwner)} followed by {@link #markTrainingStarted} at the job's creation time, in one
   * transaction instead of two (a tuning job's training jobs start as soon as they are recorded).
   */
  void startTrainingJob(NewTrainingJob job, ProcessOwner owner);

  /**
   * Records when training started.
   *
   * @throws IllegalStateException if the job has finished or already has a start time
   */
  void markTrainingStarted(String name, Instant startTime);

  /**
   * InProgress → Stopping, when the job has been asked to stop and has not ended yet.
   *
   * @return true if the status changed, false if it was already Stopping or finished
   */
  boolean markTrainingStopping(String name);

  /**
   * Appends log lines (raw text, tabs kept) in one transaction; the store assigns each line the
   * next 1-based sequence number of the job's stream (the {@code seq} passed is ignored).
   *
   * @throws IllegalStateException if the job has finished
   */
  default void appendLogLines(String name, List<LogLine> lines) {
    appendProgress(name, lines, List.of());
  }

  /**
   * Appends metric observations in one transaction.
   *
   * @throws IllegalStateException if the job has finished
   */
  default void appendMetrics(String name, List<MetricPoint> points) {
    appendProgress(name, List.of(), points);
  }

  /**
   * Appends log lines and metric observations together in one transaction (half the cost of two
   * calls; use it for a round's output).
   *
   * @throws IllegalStateException if the job has finished
   */
  void appendProgress(String name, List<LogLine> lines, List<MetricPoint> points);

  /**
   * Terminal transition: status Completed/Stopped/Failed, end time, final metrics, objective
   * value, model path, failure reason and rounds trained; the objective status follows
   * ({@link TrainingJobRecord#objectiveStatus()}).
   *
   * @return the finished record, read in the same transaction (no second read needed)
   * @throws IllegalStateException unless the job is InProgress or Stopping
   */
  TrainingJobRecord finishTrainingJob(String name, TrainingJobResult result);

  /** The training job of that name, if any. */
  Optional<TrainingJobRecord> trainingJob(String name);

  /**
   * The process recorded as running a training job (the one that created it, or the owner given
   * to {@link #createTrainingJob(NewTrainingJob, ProcessOwner)}); empty for an unknown job or a
   * store written before owners were recorded.
   */
  Optional<ProcessOwner> trainingJobOwner(String name);

  /** Training jobs of a tuning job in creation order. @throws NoSuchJobException if unknown */
  List<TrainingJobRecord> trainingJobsOf(String tuningJobName);

  /** Every training job in the store, lone ones included, in creation order. */
  List<TrainingJobRecord> trainingJobs();

  /**
   * Log lines with {@code seq > afterSeq}, in order, at most {@code limit} of them; page on with
   * the last line's seq ({@code logs --follow} polls this).
   */
  List<LogLine> logLines(String name, long afterSeq, int limit);

  /** All metric observations of the job in the order they were appended. */
  List<MetricPoint> metrics(String name);

  /**
   * Removes a training job and everything it owns (log lines, metrics, a best-job reference);
   * used only to roll back a job whose validation failed before it ran.
   *
   * @throws NoSuchJobException if it does not exist
   */
  void deleteTrainingJob(String name);

  // ---- tuning jobs -----------------------------------------------------------------------

  /** Inserts a new InProgress tuning job. @throws JobExistsException if the name exists */
  void createTuningJob(NewTuningJob job);

  /** The tuning job of that name, if any. */
  Optional<TuningJobRecord> tuningJob(String name);

  /** All tuning jobs, newest (by creation time) first. */
  List<TuningJobRecord> tuningJobs();

  /**
   * Changes a tuning job's status. Allowed from InProgress and Stopping only (to the same status
   * too); a terminal status gets {@code endTime} (the store's clock when null).
   *
   * @param failureReason nullable
   * @param endTime       nullable; must be null for a non-terminal status
   * @throws IllegalStateException if the tuning job has already ended
   */
  void updateTuningJobStatus(String name, TuningJobStatus status, String failureReason,
      Instant endTime);

  /**
   * Records the best training job so far.
   *
   * @throws IllegalArgumentException if the training job is not one of this tuning job's
   * @throws IllegalStateException    if the tuning job has ended
   */
  void setBestTrainingJob(String tuningJobName, String trainingJobName);

  /** Stores a value the tuning layer needs later (e.g. completion details JSON); replaces any. */
  void putTuningJobAttribute(String tuningJobName, TuningJobAttribute attribute, String value);

  /** The value stored for {@code attribute}, if any. */
  Optional<String> tuningJobAttribute(String tuningJobName, TuningJobAttribute attribute);

  /**
   * Makes the calling process the owner of a tuning job ({@link TuningJobAttribute#OWNER_PID},
   * pid and process start time), atomically: in one {@code BEGIN IMMEDIATE} transaction the
   * recorded owner is read and replaced only when it is absent, this process, or a process that
   * is gone (a pid now used by a process that started at another time counts as gone). Of two
   * processes claiming at once exactly one wins.
   *
   * @return the previous owner, if one was recorded
   * @throws JobStateException when the job has ended, or another live process owns it (the
   *                           message names its pid)
   */
  Optional<ProcessOwner> claimTuningJob(String tuningJobName);

  /**
   * Called by any process: an InProgress tuning job becomes Stopping and gets the stop flag the
   * running scheduler polls.
   *
   * @return true if this call changed it, false if it was already Stopping or has ended
   * @throws NoSuchJobException if it does not exist
   */
  boolean requestStop(String tuningJobName);

  /** Whether a stop was requested for this tuning job (cheap; polled by the scheduler). */
  boolean stopRequested(String tuningJobName);

  /**
   * After a crash: every training job of this tuning job still InProgress or Stopping becomes
   * Failed with the reason, objective status Failed, a retryable failure and the store's clock
   * as end time.
   *
   * @return how many jobs were changed
   */
  int failStaleTrainingJobs(String tuningJobName, String reason);

  /**
   * Removes a tuning job and everything the store keeps for it, in one transaction: its
   * training jobs with their log lines and metrics, its attributes and its row (the AWS
   * DeleteHyperParameterTuningJob). Recorded transform runs name a training job by name only and
   * stay. The job folders are the caller's to remove, from the returned records
   * ({@link dev.tunelab.core.job.JobFolders}).
   *
   * <p>A tuning job that has ended may be deleted. One InProgress or Stopping is refused while it
   * may still be run: when its recorded owner process is alive, and when no owner is recorded
   * yet (a {@code tune --no-wait} whose background process has not claimed it). One whose
   * recorded owner process is gone (the process died) may be deleted: nothing runs it, and the
   * check and the removal are one transaction, so a {@code resume} cannot claim it half-way.
   *
   * @return the removed training jobs, in creation order
   * @throws NoSuchJobException if it does not exist
   * @throws JobStateException  while it may still run (the message says to stop it first)
   */
  List<TrainingJobRecord> deleteTuningJob(String tuningJobName);

  /**
   * Next training-job sequence number for a tuning job: 1-based, the largest existing + 1, so
   * names never repeat after a resume (a rolled-back last number may be reused).
   */
  int nextTrainingJobSequence(String tuningJobName);

  // ---- transform runs --------------------------------------------------------------------

  /**
   * Records a batch transform scored against labels. The training job is named, not referenced:
   * the run stays when the job is removed.
   *
   * @return the run's id
   */
  long recordTransformRun(NewTransformRun run);

  /** Every recorded transform run, newest (highest id) first. */
  List<TransformRunRecord> transformRuns();

  /**
   * Runs SQLite's {@code quick_check} (a pass over the whole file, without the index
   * cross-checks of {@code integrity_check}): for commands about to write a lot (tune, train,
   * resume), so a damaged file is refused before work starts instead of failing midway.
   *
   * @throws JobStoreException naming the file and what the check found
   */
  void checkHealth();

  /**
   * Runs {@code writes} (calls to this store's write methods, from this thread) as one
   * transaction: all of them are kept, or none. A store without transactions runs them in turn.
   */
  default void writeTogether(Runnable writes) {
    writes.run();
  }

  /** Releases the database connection. Further calls throw {@link IllegalStateException}. */
  @Override
  void close();

  /**
   * Starts loading SQLite's native library on a background thread, for a command that will open
   * a store soon: the first {@code openSqlite*} then finds it loaded, or waits for it.
   */
  static void prepareInBackground() {
    // sqlite-jdbc unpacks its native library from its jar (or compares it with the copy already
    // there) and loads it when the first connection opens
    BackgroundLoads.start("tunelab-sqlite-native", () -> {
      try {
        org.sqlite.SQLiteJDBCLoader.initialize();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
  }

  /**
   * Opens (creating when missing) {@code home} and {@code home/tunelab.db}, readable by the
   * user only (home 0700, file 0600 where created). Lone training jobs whose process died are
   * recorded Failed (RetryableError) on opening. The schema is
   * versioned with SQLite's {@code user_version} and created idempotently, so several processes
   * may open a new home at once.
   *
   * @throws JobStoreException if the file cannot be opened or was written by a newer TuneLab
   */
  static JobStore openSqlite(Path home) {
    return SqliteJobStore.open(home, Clock.systemUTC());
  }

  /**
   * Opens {@code home/tunelab.db} for reading only, for the commands that only look (list,
   * describe, logs, metrics, analytics, dashboard, report): neither the home nor the file is
   * created (a missing file reads as an empty store) and nothing is written, so a read-only home
   * can be read. Every write method throws {@link JobStoreException}.
   *
   * @throws JobStoreException if the file cannot be read or was written by a newer TuneLab
   */
  static JobStore openSqliteReadOnly(Path home) {
    return SqliteJobStore.open(home, Clock.systemUTC(), true);
  }

  /**
   * As {@link #openSqlite(Path)}, for commands about to run jobs (tune, train, resume): SQLite's
   * {@code quick_check} runs first, before anything is read or written, so a damaged file is
   * refused (naming it) instead of being written into.
   *
   * @throws JobStoreException naming the file and what the check found
   */
  static JobStore openSqliteChecked(Path home) {
    return SqliteJobStore.open(home, Clock.systemUTC(), false, true);
  }

  /** As {@link #openSqlite(Path)}, with the clock used for {@code lastModifiedTime} and defaults. */
  static JobStore openSqlite(Path home, Clock clock) {
    return SqliteJobStore.open(home, clock);
  }
}
