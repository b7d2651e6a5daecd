package dev.tunelab.core.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The tables of {@code tunelab.db} and their version ({@code PRAGMA user_version}). Times are
 * epoch milliseconds (INTEGER); maps are JSON objects (TEXT).
 */
final class Schema {
  /** The version this code writes; a file with a higher one is refused. */
  static final int VERSION = 3;

  private static final String[] V1 = {
      """
      CREATE TABLE IF NOT EXISTS tuning_job (
        id                 INTEGER PRIMARY KEY,
        name               TEXT NOT NULL UNIQUE,
        spec_json          TEXT NOT NULL,
        status             TEXT NOT NULL,
        creation_time      INTEGER NOT NULL,
        end_time           INTEGER,
        last_modified_time INTEGER NOT NULL,
        best_training_job  TEXT,
        failure_reason     TEXT,
        stop_requested     INTEGER NOT NULL DEFAULT 0
      )""",
      """
      CREATE TABLE IF NOT EXISTS tuning_job_attribute (
        tuning_job_id INTEGER NOT NULL REFERENCES tuning_job(id),
        key           TEXT NOT NULL,
        value         TEXT NOT NULL,
        PRIMARY KEY (tuning_job_id, key)
      ) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS training_job (
        id                     INTEGER PRIMARY KEY,
        name                   TEXT NOT NULL UNIQUE,
        tuning_job_id          INTEGER REFERENCES tuning_job(id),
        sequence               INTEGER NOT NULL,
        status                 TEXT NOT NULL,
        hyper_parameters       TEXT NOT NULL,
        tuned_hyper_parameters TEXT NOT NULL,
        spec_json              TEXT,
        creation_time          INTEGER NOT NULL,
        start_time             INTEGER,
        end_time               INTEGER,
        last_modified_time     INTEGER NOT NULL,
        final_metrics          TEXT NOT NULL DEFAULT '{}',
        objective_value        REAL,
        objective_status       TEXT NOT NULL,
        model_artifact         TEXT,
        failure_reason         TEXT,
        job_dir                TEXT,
        rounds_trained         INTEGER NOT NULL DEFAULT 0,
        retryable_failure      INTEGER NOT NULL DEFAULT 0,
        log_count              INTEGER NOT NULL DEFAULT 0,
        metric_count           INTEGER NOT NULL DEFAULT 0
      )""",
      "CREATE INDEX IF NOT EXISTS training_job_tuning_job ON training_job(tuning_job_id)",
      "CREATE UNIQUE INDEX IF NOT EXISTS training_job_sequence"
          + " ON training_job(tuning_job_id, sequence) WHERE tuning_job_id IS NOT NULL",
      """
      CREATE TABLE IF NOT EXISTS log_line (
        training_job_id INTEGER NOT NULL REFERENCES training_job(id),
        seq             INTEGER NOT NULL,
        time            INTEGER NOT NULL,
        text            TEXT NOT NULL,
        PRIMARY KEY (training_job_id, seq)
      ) WITHOUT ROWID""",
      """
      CREATE TABLE IF NOT EXISTS metric (
        training_job_id INTEGER NOT NULL REFERENCES training_job(id),
        seq             INTEGER NOT NULL,
        name            TEXT NOT NULL,
        iteration       INTEGER NOT NULL,
        value           REAL,
        time            INTEGER NOT NULL,
        PRIMARY KEY (training_job_id, seq)
      ) WITHOUT ROWID""",
  };

  /** Version 2: the runs {@code tunelab transform --labels} records. */
  private static final String[] V2 = {
      """
      CREATE TABLE IF NOT EXISTS transform_run (
        id                INTEGER PRIMARY KEY,
        time              INTEGER NOT NULL,
        training_job_name TEXT NOT NULL,
        input             TEXT NOT NULL,
        labels            TEXT NOT NULL,
        rows              INTEGER NOT NULL,
        metrics           TEXT NOT NULL,
        actual            TEXT NOT NULL,
        predicted         TEXT NOT NULL
      )""",
      "CREATE INDEX IF NOT EXISTS transform_run_training_job ON transform_run(training_job_name)",
  };

  /**
   * Version 3: the process that created each training job ({@link ProcessOwner#encode()}), so a
   * lone training job whose {@code train} process died can be recognised and ended as Failed.
   */
  private static final String[] V3 = {
      "ALTER TABLE training_job ADD COLUMN owner TEXT",
  };

  /** The statements that bring a file from version {@code i} to {@code i + 1}, by index. */
  private static final String[][] STEPS = {V1, V2, V3};

  private Schema() {}

  /**
   * Creates, upgrades (version 1 → 2 adds {@code transform_run}, 2 → 3 the training job's owner) or checks the schema. Runs in a
   * write transaction so two processes opening a new
   * file at once do not both create it.
   */
  static void migrate(Connection connection, String file) throws SQLException {
    try (Statement st = connection.createStatement()) {
      int version = userVersion(st);
      if (version == VERSION) {
        return;
      }
      if (version > VERSION) {
        throw new JobStoreException(file + " has schema version " + version
            + ", newer than this TuneLab supports (" + VERSION + "); use a newer TuneLab", null);
      }
      st.execute("BEGIN IMMEDIATE");
      try {
        // another process may have migrated while this one waited for the lock
        int from = userVersion(st);
        if (from < VERSION) {
          for (int step = from; step < VERSION; step++) {
            for (String ddl : STEPS[step]) {
              if (!addsExistingColumn(st, ddl)) {
                st.execute(ddl);
              }
            }
          }
          st.execute("PRAGMA user_version = " + VERSION);
        }
        st.execute("COMMIT");
      } catch (SQLException | RuntimeException e) {
        st.execute("ROLLBACK");
        throw e;
      }
    }
  }

  /** Whether {@code ddl} is an ADD COLUMN of a column the table already has (idempotent steps). */
  private static boolean addsExistingColumn(Statement st, String ddl) throws SQLException {
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) .*").matcher(ddl);
    if (!m.matches()) {
      return false;
    }
    try (ResultSet rs = st.executeQuery("PRAGMA table_info(" + m.group(1) + ")")) {
      while (rs.next()) {
        if (rs.getString("name").equalsIgnoreCase(m.group(2))) {
          return true;
        }
      }
    }
    return false;
  }

  /** The schema version of the open file ({@code PRAGMA user_version}). */
  static int version(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return userVersion(st);
    }
  }

  private static int userVersion(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
