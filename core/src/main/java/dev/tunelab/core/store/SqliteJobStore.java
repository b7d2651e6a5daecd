package dev.tunelab.core.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * {@link JobStore} on one SQLite file. One JDBC connection per instance, guarded by a fair lock:
 * every public method takes the lock for its whole duration, and writes run in one
 * {@code BEGIN IMMEDIATE} transaction. Prepared statements are cached per SQL text.
 * Connection settings: WAL journal, {@code synchronous=NORMAL}, {@code busy_timeout} 10 s,
 * foreign keys on.
 */
final class SqliteJobStore implements JobStore {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteJobStore.class);

  /** Milliseconds a writer waits for another connection's lock before giving up. */
  static final int BUSY_TIMEOUT_MS = 10_000;
  /** The database file's name inside the home folder. */
  static final String FILE_NAME = "tunelab.db";

  private static final String TRAINING_COLUMNS = "t.name, tj.name, t.sequence, t.status,"
      + " t.hyper_parameters, t.tuned_hyper_parameters, t.spec_json, t.creation_time,"
      + " t.start_time, t.end_time, t.last_modified_time, t.final_metrics, t.objective_value,"
      + " t.objective_status, t.model_artifact, t.failure_reason, t.job_dir, t.rounds_trained,"
      + " t.retryable_failure, ";
  private static final String TRAINING_FROM =
      " FROM training_job t LEFT JOIN tuning_job tj ON tj.id = t.tuning_job_id";
  private static final String TUNING_COLUMNS = "name, spec_json, status, creation_time, end_time,"
      + " last_modified_time, best_training_job, failure_reason, stop_requested";

  private final ReentrantLock lock = new ReentrantLock(true);
  /** Nesting depth of {@link #writeTogether} on the thread holding the lock. */
  private int batchDepth;
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new HashMap<>();
  private final Clock clock;
  private final String file;
  private boolean closed;

  /** Whether training_job has the owner column (schema 3; a read-only older file has not). */
  private boolean hasOwnerColumn = true;
  /** Whether this connection may write (false for the read verbs' read-only opening). */
  private final boolean writable;

  private SqliteJobStore(Connection connection, Clock clock, String file, boolean writable) {
    this.connection = connection;
    this.clock = clock;
    this.file = file;
    this.writable = writable;
  }

  static SqliteJobStore open(Path home, Clock clock) {
    return open(home, clock, false, false);
  }

  static SqliteJobStore open(Path home, Clock clock, boolean readOnly) {
    return open(home, clock, readOnly, false);
  }

  /**
   * Opens the store in {@code home}.
   *
   * @param readOnly true for the commands that only read: the home and the file are never
   *                 created or written (a missing file reads as an empty store), so a read-only
   *                 home still answers; false creates the home (mode 0700) and the file (0600)
   * @param checkFirst true to run {@code quick_check} before anything is read or written
   */
  static SqliteJobStore open(Path home, Clock clock, boolean readOnly, boolean checkFirst) {
    Checks.requireNonNull(home, "home");
    Checks.requireNonNull(clock, "clock");
    Path db = home.resolve(FILE_NAME).toAbsolutePath();
    if (readOnly) {
      return openReadOnly(db, clock);
    }
    StoreFiles.createPrivate(home, db);
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
    config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
    config.enforceForeignKeys(true);
    Connection connection = null;
    try {
      connection = config.createConnection("jdbc:sqlite:" + db);
      if (checkFirst) {
        quickCheck(connection, db.toString());
      }
      Schema.migrate(connection, db.toString());
      LOG.debug("opened job store {}", db);
      SqliteJobStore store = new SqliteJobStore(connection, clock, db.toString(), true);
      store.failOrphanedTrainingJobs();
      return store;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      throw openFailure(db, e);
    }
  }

  private static SqliteJobStore openReadOnly(Path db, Clock clock) {
    Connection connection = null;
    try {
      if (!Files.exists(db)) {
        // nothing was ever stored here: an empty store in memory, and nothing is created
        connection = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
        Schema.migrate(connection, db.toString());
        return new SqliteJobStore(connection, clock, db.toString(), false);
      }
      SQLiteConfig config = new SQLiteConfig();
      config.setBusyTimeout(BUSY_TIMEOUT_MS);
      config.setReadOnly(true);
      try {
        connection = config.createConnection("jdbc:sqlite:file:" + db + "?mode=ro");
        Schema.version(connection); // a WAL file whose -shm cannot be created fails here
      } catch (SQLException e) {
        closeQuietly(connection, e);
        connection = null;
        boolean cantOpen = e instanceof SQLiteException se
            && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CANTOPEN.code;
        if (!cantOpen && Files.isWritable(db.getParent())) {
          throw e;
        }
        // WAL needs a -shm beside the file; in a folder nobody may write, nobody else can be
        // writing the store either, so it is read as the unchanging file it is
        connection = config.createConnection("jdbc:sqlite:file:" + db + "?immutable=1");
      }
      int version = Schema.version(connection);
      if (version == 0) {
        // an empty file (a writer has just created it and not yet its tables): nothing stored
        connection.close();
        connection = new SQLiteConfig().createConnection("jdbc:sqlite::memory:");
        Schema.migrate(connection, db.toString());
        return new SqliteJobStore(connection, clock, db.toString(), false);
      }
      if (version > Schema.VERSION) {
        throw new JobStoreException(db + " has schema version " + version
            + ", newer than this TuneLab supports (" + Schema.VERSION + "); use a newer TuneLab",
            null);
      }
      if (version == 1) {
        throw new JobStoreException(db + " has schema version " + version + "; open it once"
            + " with a command that writes (e.g. `tunelab train`) to upgrade it", null);
      }
      LOG.debug("opened job store {} read-only", db);
      SqliteJobStore store = new SqliteJobStore(connection, clock, db.toString(), false);
      store.hasOwnerColumn = version >= 3;
      return store;
    } catch (SQLException | RuntimeException e) {
      closeQuietly(connection, e);
      throw openFailure(db, e);
    }
  }

  private static void closeQuietly(Connection connection, Exception e) {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
    }
  }

  private static JobStoreException openFailure(Path db, Exception e) {
    if (e instanceof JobStoreException jse) {
      return jse;
    }
    return new JobStoreException("cannot open job store " + db + ": " + e.getMessage()
        + rootCause(e) + corruptionHint(e), e);
  }

  /**
   * " (because: …)" with the innermost cause's message when it says more than the outer one:
   * sqlite-jdbc reports a native library it could not unpack (a file-size limit, a full /tmp) as
   * "Error opening connection", and the reason is only at the end of the chain.
   */
  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String m = root.getMessage();
    if (root == e || m == null || m.isBlank() || (e.getMessage() != null && e.getMessage().contains(m))) {
      return "";
    }
    return " (because: " + m + ")";
  }

  /** " (the file is damaged ...)" when SQLite says the file is corrupt or not a database. */
  private static String corruptionHint(Exception e) {
    if (e instanceof SQLiteException se
        && (se.getResultCode().code & 0xff) == SQLiteErrorCode.SQLITE_CORRUPT.code
        || e instanceof SQLiteException se2
        && se2.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
      return DAMAGED;
    }
    return "";
  }

  /** What every report of a damaged store file ends with. */
  static final String DAMAGED = " (the store file is damaged; nothing was written to it. Move it"
      + " away to start a new store, or restore it from a backup)";

  @Override
  public void checkHealth() {
    read("check the store's health", () -> {
      quickCheck(connection, file);
      return null;
    });
  }

  /** SQLite's quick_check; anything but "ok" is reported naming the file. */
  private static void quickCheck(Connection connection, String file) throws SQLException {
    List<String> problems = new ArrayList<>();
    try (Statement st = connection.createStatement();
         ResultSet rs = st.executeQuery("PRAGMA quick_check(5)")) {
      while (rs.next()) {
        problems.add(rs.getString(1));
      }
    }
    if (!problems.equals(List.of("ok"))) {
      throw new JobStoreException("job store " + file + " failed SQLite's quick_check: "
          + String.join("; ", problems) + DAMAGED, null);
    }
  }

  // ---- training jobs ---------------------------------------------------------------------

  @Override
  public void createTrainingJob(NewTrainingJob job, ProcessOwner owner) {
    insertTrainingJob(job, owner, false);
  }

  @Override
  public void startTrainingJob(NewTrainingJob job, ProcessOwner owner) {
    insertTrainingJob(job, owner, true);
  }

  private void insertTrainingJob(NewTrainingJob job, ProcessOwner owner, boolean started) {
    Checks.requireNonNull(job, "job");
    Checks.requireNonNull(owner, "owner");
    write("create training job " + job.name(), () -> {
      if (trainingJobId(job.name()) != null) {
        throw new JobExistsException("training job", job.name());
      }
      Long tuningId = null;
      if (job.tuningJobName() != null) {
        tuningId = requireTuningJobId(job.tuningJobName());
        try (ResultSet rs = query("SELECT name FROM training_job"
            + " WHERE tuning_job_id = ? AND sequence = ?", tuningId, job.sequence())) {
          if (rs.next()) {
            throw new IllegalArgumentException("sequence " + job.sequence() + " of tuning job '"
                + job.tuningJobName() + "' is already used by training job '" + rs.getString(1)
                + "'; use nextTrainingJobSequence");
          }
        }
      }
      long now = nowMillis();
      long created = job.creationTime().toEpochMilli();
      update("INSERT INTO training_job (name, tuning_job_id, sequence, status, hyper_parameters,"
              + " tuned_hyper_parameters, spec_json, creation_time, start_time, last_modified_time,"
              + " objective_status, job_dir, owner) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
          job.name(), tuningId, job.sequence(), TrainingJobStatus.InProgress.name(),
          JsonMaps.write(job.hyperParameters()), JsonMaps.write(job.tunedHyperParameters()),
          job.specJson(), created, started ? created : null, now,
          ObjectiveStatus.PENDING.sageMakerName(),
          job.jobDir() == null ? null : job.jobDir().toString(), owner.encode());
      return null;
    });
  }

  @Override
  public void markTrainingStarted(String name, Instant startTime) {
    Checks.requireNonNull(startTime, "startTime");
    write("mark training job " + name + " started", () -> {
      JobState state = requireRunning(name, "mark it started");
      try (ResultSet rs = query("SELECT start_time FROM training_job WHERE id = ?", state.id)) {
        Instant started = rs.next() ? instant(rs, 1) : null;
        if (started != null) {
          throw new IllegalStateException("training job '" + name + "' already started at "
              + started);
        }
      }
      update("UPDATE training_job SET start_time = ?, last_modified_time = ? WHERE id = ?",
          Checks.millis(startTime).toEpochMilli(), nowMillis(), state.id);
      return null;
    });
  }

  @Override
  public boolean markTrainingStopping(String name) {
    return write("mark training job " + name + " stopping", () -> {
      JobState state = requireTrainingJob(name);
      if (state.status != TrainingJobStatus.InProgress) {
        return false;
      }
      update("UPDATE training_job SET status = ?, last_modified_time = ? WHERE id = ?",
          TrainingJobStatus.Stopping.name(), nowMillis(), state.id);
      return true;
    });
  }

  @Override
  public void appendProgress(String name, List<LogLine> lines, List<MetricPoint> points) {
    Checks.requireNonNull(lines, "lines");
    Checks.requireNonNull(points, "points");
    for (LogLine line : lines) {
      Checks.requireNonNull(line, "log line");
    }
    for (MetricPoint point : points) {
      Checks.requireNonNull(point, "metric point");
    }
    if (lines.isEmpty() && points.isEmpty()) {
      return;
    }
    write("append to training job " + name, () -> {
      JobState state = requireRunning(name, "append log lines or metrics");
      // One statement per kind: the batch travels as one JSON array and SQLite's json_each
      // expands it into rows, far cheaper than one JDBC round trip per row (see BatchJson).
      if (!lines.isEmpty()) {
        update("INSERT INTO log_line (training_job_id, seq, time, text)"
                + " SELECT ?1, ?2 + key + 1, value ->> 0, value ->> 1 FROM json_each(?3)",
            state.id, state.logCount, BatchJson.logLines(lines));
        update("UPDATE training_job SET log_count = ? WHERE id = ?",
            state.logCount + lines.size(), state.id);
      }
      if (!points.isEmpty()) {
        update("INSERT INTO metric (training_job_id, seq, name, iteration, value, time)"
                + " SELECT ?1, ?2 + key + 1, value ->> 0, value ->> 1, value ->> 2, value ->> 3"
                + " FROM json_each(?3)",
            state.id, state.metricCount, BatchJson.metricPoints(points));
        update("UPDATE training_job SET metric_count = ? WHERE id = ?",
            state.metricCount + points.size(), state.id);
      }
      return null;
    });
  }

  @Override
  public TrainingJobRecord finishTrainingJob(String name, TrainingJobResult result) {
    Checks.requireNonNull(result, "result");
    return write("finish training job " + name, () -> {
      JobState state = requireRunning(name, "finish it as " + result.status());
      update("UPDATE training_job SET status = ?, end_time = ?, last_modified_time = ?,"
              + " final_metrics = ?, objective_value = ?, objective_status = ?,"
              + " model_artifact = ?, failure_reason = ?, rounds_trained = ?,"
              + " retryable_failure = ? WHERE id = ?",
          result.status().name(), result.endTime().toEpochMilli(), nowMillis(),
          JsonMaps.write(result.finalMetrics()), result.objectiveValue(),
          ObjectiveStatus.of(result.status(), result.objectiveValue()).sageMakerName(),
          result.modelArtifact(), result.failureReason(), result.roundsTrained(),
          result.retryableFailure() ? 1 : 0, state.id);
      try (ResultSet rs = query(trainingSelect() + TRAINING_FROM + " WHERE t.id = ?", state.id)) {
        rs.next();
        return trainingRecord(rs);
      }
    });
  }

  @Override
  public Optional<TrainingJobRecord> trainingJob(String name) {
    Checks.requireNonNull(name, "training job name");
    return read("read training job " + name, () -> {
      try (ResultSet rs = query(trainingSelect() + TRAINING_FROM
          + " WHERE t.name = ?", name)) {
        return rs.next() ? Optional.of(trainingRecord(rs)) : Optional.empty();
      }
    });
  }

  @Override
  public Optional<ProcessOwner> trainingJobOwner(String name) {
    Checks.requireNonNull(name, "training job name");
    if (!hasOwnerColumn) {
      return Optional.empty();
    }
    return read("read the owner of training job " + name, () -> {
      try (ResultSet rs = query("SELECT owner FROM training_job WHERE name = ?", name)) {
        return rs.next() && rs.getString(1) != null ? Optional.of(ProcessOwner.parse(rs.getString(1)))
            : Optional.empty();
      }
    });
  }

  @Override
  public List<TrainingJobRecord> trainingJobsOf(String tuningJobName) {
    Checks.requireNonNull(tuningJobName, "tuning job name");
    return read("list training jobs of " + tuningJobName, () -> {
      long tuningId = requireTuningJobId(tuningJobName);
      return trainingRecords(query(trainingSelect() + TRAINING_FROM
          + " WHERE t.tuning_job_id = ? ORDER BY t.id", tuningId));
    });
  }

  @Override
  public List<TrainingJobRecord> trainingJobs() {
    return read("list training jobs", () -> trainingRecords(
        query(trainingSelect() + TRAINING_FROM + " ORDER BY t.id")));
  }

  @Override
  public List<LogLine> logLines(String name, long afterSeq, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    return read("read log of training job " + name, () -> {
      JobState state = requireTrainingJob(name);
      List<LogLine> lines = new ArrayList<>(Math.min(limit, 1024));
      try (ResultSet rs = query("SELECT seq, time, text FROM log_line"
          + " WHERE training_job_id = ? AND seq > ? ORDER BY seq LIMIT ?", state.id, afterSeq,
          limit)) {
        while (rs.next()) {
          lines.add(new LogLine(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
              rs.getString(3)));
        }
      }
      return List.copyOf(lines);
    });
  }

  @Override
  public List<MetricPoint> metrics(String name) {
    return read("read metrics of training job " + name, () -> {
      JobState state = requireTrainingJob(name);
      List<MetricPoint> points = new ArrayList<>();
      try (ResultSet rs = query("SELECT name, iteration, value, time FROM metric"
          + " WHERE training_job_id = ? ORDER BY seq", state.id)) {
        while (rs.next()) {
          double value = rs.getDouble(3);
          if (rs.wasNull()) {
            value = Double.NaN;
          }
          points.add(new MetricPoint(rs.getString(1), rs.getInt(2), value,
              Instant.ofEpochMilli(rs.getLong(4))));
        }
      }
      return List.copyOf(points);
    });
  }

  @Override
  public void deleteTrainingJob(String name) {
    write("delete training job " + name, () -> {
      JobState state = requireTrainingJob(name);
      update("DELETE FROM log_line WHERE training_job_id = ?", state.id);
      update("DELETE FROM metric WHERE training_job_id = ?", state.id);
      update("UPDATE tuning_job SET best_training_job = NULL WHERE best_training_job = ?", name);
      update("DELETE FROM training_job WHERE id = ?", state.id);
      return null;
    });
  }

  // ---- tuning jobs -----------------------------------------------------------------------

  @Override
  public void createTuningJob(NewTuningJob job) {
    Checks.requireNonNull(job, "job");
    write("create tuning job " + job.name(), () -> {
      if (tuningJobId(job.name()) != null) {
        throw new JobExistsException("tuning job", job.name());
      }
      update("INSERT INTO tuning_job (name, spec_json, status, creation_time,"
              + " last_modified_time) VALUES (?,?,?,?,?)",
          job.name(), job.specJson(), TuningJobStatus.InProgress.name(),
          job.creationTime().toEpochMilli(), nowMillis());
      return null;
    });
  }

  @Override
  public Optional<TuningJobRecord> tuningJob(String name) {
    Checks.requireNonNull(name, "tuning job name");
    return read("read tuning job " + name, () -> {
      try (ResultSet rs = query("SELECT " + TUNING_COLUMNS + " FROM tuning_job WHERE name = ?",
          name)) {
        return rs.next() ? Optional.of(tuningRecord(rs)) : Optional.empty();
      }
    });
  }

  @Override
  public List<TuningJobRecord> tuningJobs() {
    return read("list tuning jobs", () -> {
      List<TuningJobRecord> jobs = new ArrayList<>();
      try (ResultSet rs = query("SELECT " + TUNING_COLUMNS
          + " FROM tuning_job ORDER BY creation_time DESC, id DESC")) {
        while (rs.next()) {
          jobs.add(tuningRecord(rs));
        }
      }
      return List.copyOf(jobs);
    });
  }

  @Override
  public void updateTuningJobStatus(String name, TuningJobStatus status, String failureReason,
      Instant endTime) {
    Checks.requireNonNull(status, "status");
    if (!status.isTerminal() && endTime != null) {
      throw new IllegalArgumentException("endTime must be null for non-terminal status " + status
          + " of tuning job '" + name + "', got " + endTime);
    }
    write("update status of tuning job " + name, () -> {
      TuningState state = requireOpenTuningJob(name, "set its status to " + status);
      long now = nowMillis();
      Long end = status.isTerminal()
          ? (endTime == null ? Long.valueOf(now) : Long.valueOf(Checks.millis(endTime)
              .toEpochMilli()))
          : null;
      update("UPDATE tuning_job SET status = ?, failure_reason = ?, end_time = ?,"
          + " last_modified_time = ? WHERE id = ?", status.name(), failureReason, end, now,
          state.id);
      return null;
    });
  }

  @Override
  public void setBestTrainingJob(String tuningJobName, String trainingJobName) {
    Checks.requireNonNull(trainingJobName, "trainingJobName");
    write("set best training job of " + tuningJobName, () -> {
      TuningState state = requireOpenTuningJob(tuningJobName, "set its best training job");
      try (ResultSet rs = query("SELECT 1 FROM training_job WHERE name = ? AND tuning_job_id = ?",
          trainingJobName, state.id)) {
        if (!rs.next()) {
          throw new IllegalArgumentException("best training job '" + trainingJobName
              + "' is not a training job of tuning job '" + tuningJobName + "'");
        }
      }
      update("UPDATE tuning_job SET best_training_job = ?, last_modified_time = ? WHERE id = ?",
          trainingJobName, nowMillis(), state.id);
      return null;
    });
  }

  @Override
  public void putTuningJobAttribute(String tuningJobName, TuningJobAttribute attribute, String value) {
    Checks.requireNonNull(attribute, "attribute");
    String key = attribute.key();
    Checks.requireNonNull(value, "value of attribute " + key);
    write("store attribute " + key + " of tuning job " + tuningJobName, () -> {
      long id = requireTuningJobId(tuningJobName);
      update("INSERT INTO tuning_job_attribute (tuning_job_id, key, value) VALUES (?,?,?)"
          + " ON CONFLICT (tuning_job_id, key) DO UPDATE SET value = excluded.value", id, key,
          value);
      return null;
    });
  }

  @Override
  public Optional<String> tuningJobAttribute(String tuningJobName, TuningJobAttribute attribute) {
    Checks.requireNonNull(attribute, "attribute");
    String key = attribute.key();
    return read("read attribute " + key + " of tuning job " + tuningJobName, () -> {
      long id = requireTuningJobId(tuningJobName);
      try (ResultSet rs = query("SELECT value FROM tuning_job_attribute"
          + " WHERE tuning_job_id = ? AND key = ?", id, key)) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    });
  }

  @Override
  public Optional<ProcessOwner> claimTuningJob(String tuningJobName) {
    ProcessOwner me = ProcessOwner.current();
    return write("take ownership of tuning job " + tuningJobName, () -> {
      TuningState state = requireTuningJob(tuningJobName);
      if (state.status.isTerminal()) {
        throw new JobStateException("tuning job", tuningJobName, state.status.name(),
            "only a tuning job left InProgress or Stopping can be run");
      }
      String key = TuningJobAttribute.OWNER_PID.key();
      ProcessOwner previous = null;
      try (ResultSet rs = query("SELECT value FROM tuning_job_attribute"
          + " WHERE tuning_job_id = ? AND key = ?", state.id, key)) {
        if (rs.next()) {
          previous = ProcessOwner.parse(rs.getString(1));
        }
      }
      if (previous != null && !previous.isCurrent() && previous.isAlive()) {
        throw new JobStateException("tuning job", tuningJobName,
            "run by another process " + previous.pid() + " (pid " + previous.pid() + ")",
            "only one process can run a tuning job (stop it with"
                + " `tunelab stop-hyper-parameter-tuning-job " + tuningJobName + "`)");
      }
      update("INSERT INTO tuning_job_attribute (tuning_job_id, key, value) VALUES (?,?,?)"
          + " ON CONFLICT (tuning_job_id, key) DO UPDATE SET value = excluded.value", state.id,
          key, me.encode());
      return Optional.ofNullable(previous);
    });
  }

  @Override
  public boolean requestStop(String tuningJobName) {
    return write("request stop of tuning job " + tuningJobName, () -> {
      TuningState state = requireTuningJob(tuningJobName);
      if (state.status != TuningJobStatus.InProgress) {
        return false;
      }
      update("UPDATE tuning_job SET status = ?, stop_requested = 1, last_modified_time = ?"
          + " WHERE id = ?", TuningJobStatus.Stopping.name(), nowMillis(), state.id);
      return true;
    });
  }

  @Override
  public boolean stopRequested(String tuningJobName) {
    return read("read stop flag of tuning job " + tuningJobName, () -> {
      try (ResultSet rs = query("SELECT stop_requested FROM tuning_job WHERE name = ?",
          tuningJobName)) {
        if (!rs.next()) {
          throw new NoSuchJobException("tuning job", tuningJobName);
        }
        return rs.getInt(1) != 0;
      }
    });
  }

  @Override
  public int failStaleTrainingJobs(String tuningJobName, String reason) {
    Checks.requireNonNull(reason, "reason");
    return write("fail stale training jobs of " + tuningJobName, () -> {
      long id = requireTuningJobId(tuningJobName);
      long now = nowMillis();
      return update("UPDATE training_job SET status = ?, end_time = ?, last_modified_time = ?,"
              + " failure_reason = ?, objective_status = ?, retryable_failure = 1"
              + " WHERE tuning_job_id = ? AND status IN (?, ?)",
          TrainingJobStatus.Failed.name(), now, now, reason, ObjectiveStatus.FAILED.sageMakerName(),
          id, TrainingJobStatus.InProgress.name(), TrainingJobStatus.Stopping.name());
    });
  }

  @Override
  public List<TrainingJobRecord> deleteTuningJob(String tuningJobName) {
    return write("delete tuning job " + tuningJobName, () -> {
      TuningState state = requireTuningJob(tuningJobName);
      if (!state.status.isTerminal()) {
        ProcessOwner owner = null;
        try (ResultSet rs = query("SELECT value FROM tuning_job_attribute WHERE tuning_job_id = ? AND key = ?",
            state.id, TuningJobAttribute.OWNER_PID.key())) {
          if (rs.next()) {
            owner = ProcessOwner.parse(rs.getString(1));
          }
        }
        if (owner == null || owner.isCurrent() || owner.isAlive()) {
          throw new JobStateException("tuning job", tuningJobName, state.status.name()
              + (owner == null ? " (its process is starting)" : " (run by process " + owner.pid() + ")"),
              "stop it first with `tunelab stop-hyper-parameter-tuning-job " + tuningJobName
                  + "`, then delete it");
        }
      }
      List<TrainingJobRecord> jobs = trainingRecords(query(trainingSelect() + TRAINING_FROM
          + " WHERE t.tuning_job_id = ? ORDER BY t.id", state.id));
      String ofJob = " WHERE training_job_id IN (SELECT id FROM training_job WHERE tuning_job_id = ?)";
      update("DELETE FROM log_line" + ofJob, state.id);
      update("DELETE FROM metric" + ofJob, state.id);
      update("DELETE FROM training_job WHERE tuning_job_id = ?", state.id);
      update("DELETE FROM tuning_job_attribute WHERE tuning_job_id = ?", state.id);
      update("DELETE FROM tuning_job WHERE id = ?", state.id);
      return jobs;
    });
  }

  @Override
  public int nextTrainingJobSequence(String tuningJobName) {
    return read("next sequence of tuning job " + tuningJobName, () -> {
      long id = requireTuningJobId(tuningJobName);
      try (ResultSet rs = query("SELECT COALESCE(MAX(sequence), 0) + 1 FROM training_job"
          + " WHERE tuning_job_id = ?", id)) {
        rs.next();
        return rs.getInt(1);
      }
    });
  }

  // ---- transform runs --------------------------------------------------------------------

  @Override
  public long recordTransformRun(NewTransformRun run) {
    Checks.requireNonNull(run, "run");
    return write("record transform run of " + run.trainingJobName(), () -> {
      update("INSERT INTO transform_run (time, training_job_name, input, labels, rows, metrics,"
              + " actual, predicted) VALUES (?,?,?,?,?,?,?,?)",
          run.time().toEpochMilli(), run.trainingJobName(), run.input().toString(),
          run.labels().toString(), run.rows(), JsonMaps.write(run.metrics()),
          JsonMaps.writeList(run.actual()), JsonMaps.writeList(run.predicted()));
      try (ResultSet rs = query("SELECT last_insert_rowid()")) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  @Override
  public List<TransformRunRecord> transformRuns() {
    return read("list transform runs", () -> {
      List<TransformRunRecord> runs = new ArrayList<>();
      try (ResultSet rs = query("SELECT r.id, r.time, r.training_job_name, tj.name, r.input,"
          + " r.labels, r.rows, r.metrics, r.actual, r.predicted FROM transform_run r"
          + " LEFT JOIN training_job t ON t.name = r.training_job_name"
          + " LEFT JOIN tuning_job tj ON tj.id = t.tuning_job_id ORDER BY r.id DESC")) {
        while (rs.next()) {
          runs.add(new TransformRunRecord(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
              rs.getString(3), rs.getString(4), Path.of(rs.getString(5)), Path.of(rs.getString(6)),
              rs.getInt(7), JsonMaps.doubles(rs.getString(8), "transform_run.metrics"),
              JsonMaps.doubleList(rs.getString(9), "transform_run.actual"),
              JsonMaps.doubleList(rs.getString(10), "transform_run.predicted")));
        }
      }
      return List.copyOf(runs);
    });
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      for (PreparedStatement ps : statements.values()) {
        ps.close();
      }
      statements.clear();
      connection.close();
    } catch (SQLException e) {
      throw new JobStoreException("cannot close job store " + file + ": " + e.getMessage(), e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "SqliteJobStore[" + file + "]";
  }

  // ---- plumbing --------------------------------------------------------------------------

  /** A unit of work run under the lock. */
  @FunctionalInterface
  private interface Work<T> {
    T run() throws SQLException;
  }

  /** Runs a read under the lock, outside any explicit transaction (one statement = snapshot). */
  private <T> T read(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      return work.run();
    } catch (SQLException e) {
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void writeTogether(Runnable writes) {
    Checks.requireNonNull(writes, "writes");
    write("write a batch", () -> {
      batchDepth++;
      try {
        writes.run();
      } finally {
        batchDepth--;
      }
      return null;
    });
  }

  /**
   * Runs a write under the lock in one BEGIN IMMEDIATE transaction, rolled back on any error;
   * inside {@link #writeTogether} it joins that transaction.
   */
  private <T> T write(String what, Work<T> work) {
    lock.lock();
    try {
      ensureOpen();
      if (batchDepth > 0) {
        return work.run(); // the batch's transaction, on this thread (the lock is held)
      }
      if (!writable) {
        throw new JobStoreException("job store " + file + " is open read-only: cannot " + what,
            null);
      }
      statement("BEGIN IMMEDIATE").execute();
      boolean committed = false;
      try {
        T result = work.run();
        statement("COMMIT").execute();
        committed = true;
        return result;
      } finally {
        if (!committed) {
          rollbackQuietly();
        }
      }
    } catch (SQLException e) {
      forgetStatements();
      throw failure(what, e);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes and forgets every cached statement: after an I/O error (a full disk, ulimit -f)
   * sqlite-jdbc's statements can be left unusable ("statement is not executing"), and the next
   * write, e.g. recording that the job failed, must not fail for that.
   */
  private void forgetStatements() {
    for (PreparedStatement ps : statements.values()) {
      try {
        ps.close();
      } catch (SQLException ignored) {
        // being replaced because it may be broken
      }
    }
    statements.clear();
  }

  private void rollbackQuietly() {
    try {
      statement("ROLLBACK").execute();
    } catch (SQLException e) {
      // after an I/O error (a full disk, ulimit -f) the cached statement itself can be unusable
      // ("statement is not executing"); a fresh one ends the transaction, or every later write
      // on this connection fails with "cannot start a transaction within a transaction"
      PreparedStatement broken = statements.remove("ROLLBACK");
      try {
        broken.close();
      } catch (SQLException ignored) {
        // it is being replaced because it failed
      }
      try (Statement fresh = connection.createStatement()) {
        fresh.execute("ROLLBACK");
      } catch (SQLException again) {
        if (again.getMessage() == null || !again.getMessage().contains("no transaction is active")) {
          LOG.warn("rollback failed on {}: {}", file, again.getMessage());
        } // else SQLite rolled back itself, as it does after an I/O error
      }
    }
  }

  private JobStoreException failure(String what, SQLException e) {
    String hint = "";
    if (e instanceof SQLiteException se
        && (se.getResultCode() == SQLiteErrorCode.SQLITE_BUSY
        || se.getResultCode() == SQLiteErrorCode.SQLITE_LOCKED)) {
      hint = " (the database stayed locked by another process for more than "
          + BUSY_TIMEOUT_MS / 1000 + " s)";
    }
    return new JobStoreException("job store " + file + ": cannot " + what + ": "
        + e.getMessage() + hint + corruptionHint(e), e);
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("job store " + file + " is closed");
    }
  }

  private long nowMillis() {
    return clock.millis();
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement ps = statements.get(sql);
    if (ps == null) {
      ps = connection.prepareStatement(sql);
      statements.put(sql, ps);
    }
    return ps;
  }

  private PreparedStatement bind(String sql, Object... args) throws SQLException {
    PreparedStatement ps = statement(sql);
    for (int i = 0; i < args.length; i++) {
      Object arg = args[i];
      if (arg == null) {
        ps.setNull(i + 1, Types.NULL);
      } else {
        ps.setObject(i + 1, arg);
      }
    }
    return ps;
  }

  private ResultSet query(String sql, Object... args) throws SQLException {
    return bind(sql, args).executeQuery();
  }

  private int update(String sql, Object... args) throws SQLException {
    return bind(sql, args).executeUpdate();
  }

  /** What the write paths need to know about a training job. */
  private record JobState(long id, TrainingJobStatus status, long logCount, long metricCount) {}

  /** What the write paths need to know about a tuning job. */
  private record TuningState(long id, TuningJobStatus status) {}

  private Long trainingJobId(String name) throws SQLException {
    try (ResultSet rs = query("SELECT id FROM training_job WHERE name = ?", name)) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private Long tuningJobId(String name) throws SQLException {
    try (ResultSet rs = query("SELECT id FROM tuning_job WHERE name = ?", name)) {
      return rs.next() ? rs.getLong(1) : null;
    }
  }

  private long requireTuningJobId(String name) throws SQLException {
    Long id = tuningJobId(Checks.requireNonNull(name, "tuning job name"));
    if (id == null) {
      throw new NoSuchJobException("tuning job", name);
    }
    return id;
  }

  private JobState requireTrainingJob(String name) throws SQLException {
    Checks.requireNonNull(name, "training job name");
    try (ResultSet rs = query("SELECT id, status, log_count, metric_count FROM training_job"
        + " WHERE name = ?", name)) {
      if (!rs.next()) {
        throw new NoSuchJobException("training job", name);
      }
      return new JobState(rs.getLong(1), TrainingJobStatus.valueOf(rs.getString(2)),
          rs.getLong(3), rs.getLong(4));
    }
  }

  private JobState requireRunning(String name, String action) throws SQLException {
    JobState state = requireTrainingJob(name);
    if (state.status.isTerminal()) {
      throw new IllegalStateException("cannot " + action + ": training job '" + name
          + "' has already finished with status " + state.status);
    }
    return state;
  }

  private TuningState requireTuningJob(String name) throws SQLException {
    Checks.requireNonNull(name, "tuning job name");
    try (ResultSet rs = query("SELECT id, status FROM tuning_job WHERE name = ?", name)) {
      if (!rs.next()) {
        throw new NoSuchJobException("tuning job", name);
      }
      return new TuningState(rs.getLong(1), TuningJobStatus.valueOf(rs.getString(2)));
    }
  }

  private TuningState requireOpenTuningJob(String name, String action) throws SQLException {
    TuningState state = requireTuningJob(name);
    if (state.status.isTerminal()) {
      throw new IllegalStateException("cannot " + action + ": tuning job '" + name
          + "' has already ended with status " + state.status);
    }
    return state;
  }

  private List<TrainingJobRecord> trainingRecords(ResultSet rs) throws SQLException {
    try (rs) {
      List<TrainingJobRecord> jobs = new ArrayList<>();
      while (rs.next()) {
        jobs.add(trainingRecord(rs));
      }
      return List.copyOf(jobs);
    }
  }

  /** The SELECT list of a training job record: its columns and its owner (column 20). */
  private String trainingSelect() {
    return "SELECT " + TRAINING_COLUMNS + (hasOwnerColumn ? "t.owner" : "NULL");
  }

  /**
   * A training job as stored, except that a lone training job whose owner process is gone reads
   * as the Failed job it is ({@link #orphanReason}); a store opened for writing also records it.
   */
  private TrainingJobRecord trainingRecord(ResultSet rs) throws SQLException {
    TrainingJobRecord stored = storedTrainingRecord(rs);
    ProcessOwner owner = deadOwner(stored, rs.getString(20));
    if (owner == null) {
      return stored;
    }
    Instant end = stored.lastModifiedTime();
    return new TrainingJobRecord(stored.name(), stored.tuningJobName(), stored.sequence(),
        TrainingJobStatus.Failed, stored.hyperParameters(), stored.tunedHyperParameters(),
        stored.specJson(), stored.creationTime(), stored.startTime(), end,
        stored.lastModifiedTime(), stored.finalMetrics(), null, ObjectiveStatus.FAILED,
        stored.modelArtifact(), orphanReason(owner), stored.jobDir(), stored.roundsTrained(), true);
  }

  /** The owner of a lone, unfinished training job when that process is gone; else null. */
  private static ProcessOwner deadOwner(TrainingJobRecord job, String ownerText) {
    if (ownerText == null || job.tuningJobName() != null || job.status().isTerminal()) {
      return null;
    }
    ProcessOwner owner = ProcessOwner.parse(ownerText);
    return owner.isCurrent() || owner.isAlive() ? null : owner;
  }

  /** The failure reason of a lone training job whose process died (a retryable failure). */
  static String orphanReason(ProcessOwner owner) {
    return "RetryableError: the process that ran this training job (pid " + owner.pid()
        + ") ended without finishing it (killed or crashed); run it again under a new name";
  }

  /**
   * Ends as Failed every lone training job left InProgress or Stopping by a process that is gone
   * (a {@code train} killed with -9). Writes only when there is such a job.
   */
  private void failOrphanedTrainingJobs() {
    List<TrainingJobRecord> orphans = read("find training jobs whose process died", () -> {
      List<TrainingJobRecord> found = new ArrayList<>();
      try (ResultSet rs = query(trainingSelect() + TRAINING_FROM
          + " WHERE t.tuning_job_id IS NULL AND t.status IN (?, ?) AND t.owner IS NOT NULL",
          TrainingJobStatus.InProgress.name(), TrainingJobStatus.Stopping.name())) {
        while (rs.next()) {
          TrainingJobRecord r = trainingRecord(rs);
          if (r.status() == TrainingJobStatus.Failed) {
            found.add(r);
          }
        }
      }
      return found;
    });
    for (TrainingJobRecord orphan : orphans) {
      write("fail training job " + orphan.name() + " whose process died", () -> {
        long now = nowMillis();
        // the status guard keeps a job its owner finished meanwhile as it is
        return update("UPDATE training_job SET status = ?, end_time = ?, last_modified_time = ?,"
                + " failure_reason = ?, objective_status = ?, retryable_failure = 1"
                + " WHERE name = ? AND status IN (?, ?) AND tuning_job_id IS NULL",
            TrainingJobStatus.Failed.name(), now, now, orphan.failureReason(),
            ObjectiveStatus.FAILED.sageMakerName(), orphan.name(),
            TrainingJobStatus.InProgress.name(), TrainingJobStatus.Stopping.name());
      });
      LOG.info("training job {} failed: {}", orphan.name(), orphan.failureReason());
    }
  }

  private static TrainingJobRecord storedTrainingRecord(ResultSet rs) throws SQLException {
    String jobDir = rs.getString(17);
    return new TrainingJobRecord(
        rs.getString(1),
        rs.getString(2),
        rs.getInt(3),
        TrainingJobStatus.valueOf(rs.getString(4)),
        JsonMaps.strings(rs.getString(5), "hyper_parameters"),
        JsonMaps.strings(rs.getString(6), "tuned_hyper_parameters"),
        rs.getString(7),
        instant(rs, 8),
        instant(rs, 9),
        instant(rs, 10),
        instant(rs, 11),
        JsonMaps.doubles(rs.getString(12), "final_metrics"),
        nullableDouble(rs, 13),
        ObjectiveStatus.fromSageMaker(rs.getString(14)),
        rs.getString(15),
        rs.getString(16),
        jobDir == null ? null : Path.of(jobDir),
        rs.getInt(18),
        rs.getInt(19) != 0);
  }

  private static TuningJobRecord tuningRecord(ResultSet rs) throws SQLException {
    return new TuningJobRecord(
        rs.getString(1),
        rs.getString(2),
        TuningJobStatus.valueOf(rs.getString(3)),
        instant(rs, 4),
        instant(rs, 5),
        instant(rs, 6),
        rs.getString(7),
        rs.getString(8),
        rs.getInt(9) != 0);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    long millis = rs.getLong(column);
    return rs.wasNull() ? null : Instant.ofEpochMilli(millis);
  }

  private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
    double value = rs.getDouble(column);
    return rs.wasNull() ? null : value;
  }
}
