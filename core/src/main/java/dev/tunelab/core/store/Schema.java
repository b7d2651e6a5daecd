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
  static final int VERSION = 1;

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

  private Schema() {}

  /**
   * Creates or checks the schema. Runs in a write transaction so two processes opening a new
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
        if (userVersion(st) == 0) {
          for (String ddl : V1) {
            st.execute(ddl);
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

  private static int userVersion(Statement st) throws SQLException {
    try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }
}
