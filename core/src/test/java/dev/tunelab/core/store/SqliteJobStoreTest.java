package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertIterableEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteJobStoreTest {

  private static final Instant T0 = Instant.parse("2020-08-04T14:30:48.123Z");

  @TempDir Path home;
  private MutableClock clock;
  private JobStore store;

  @BeforeEach
  void open() {
    clock = new MutableClock(Instant.parse("2021-01-01T00:00:00.007Z"));
    store = JobStore.openSqlite(home, clock);
  }

  @AfterEach
  void close() {
    store.close();
  }

  // ---- opening ---------------------------------------------------------------------------

  @Test
  void createsHomeAndDatabaseFileWithWalAndVersionedSchema() throws Exception {
    Path nested = home.resolve("a/b");
    try (JobStore other = JobStore.openSqlite(nested)) {
      assertTrue(Files.isRegularFile(nested.resolve("tunelab.db")));
      assertTrue(other.tuningJobs().isEmpty(), "a new store is empty");
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + nested.resolve("tunelab.db"));
         Statement st = c.createStatement()) {
      try (ResultSet rs = st.executeQuery("PRAGMA journal_mode")) {
        rs.next();
        assertEquals("wal", rs.getString(1));
      }
      try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
        rs.next();
        assertEquals(Schema.VERSION, rs.getInt(1));
      }
    }
  }

  @Test
  void reopeningKeepsDataAndDoesNotRecreateSchema() throws Exception {
    store.createTuningJob(new NewTuningJob("keep", "{}", T0));
    store.close();
    // a marker the schema's DDL would undo: its (idempotent) CREATE INDEX would bring this back
    int cookie;
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         Statement st = c.createStatement()) {
      st.execute("DROP INDEX training_job_tuning_job");
      cookie = intPragma(st, "schema_version");
    }
    store = JobStore.openSqlite(home, clock);
    assertTrue(store.tuningJob("keep").isPresent());
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         Statement st = c.createStatement()) {
      assertEquals(cookie, intPragma(st, "schema_version"), "no DDL ran on re-open");
      try (ResultSet rs = st.executeQuery(
          "SELECT count(*) FROM sqlite_master WHERE name = 'training_job_tuning_job'")) {
        rs.next();
        assertEquals(0, rs.getInt(1), "the dropped index was not created again");
      }
      assertEquals(Schema.VERSION, intPragma(st, "user_version"));
    }
    store = JobStore.openSqlite(home, clock); // for @AfterEach
  }

  private static int intPragma(Statement st, String pragma) throws Exception {
    try (ResultSet rs = st.executeQuery("PRAGMA " + pragma)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void refusesADatabaseWrittenByANewerSchema() throws Exception {
    store.close();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("tunelab.db"));
         Statement st = c.createStatement()) {
      st.execute("PRAGMA user_version = 99");
    }
    JobStoreException e = assertThrows(JobStoreException.class,
        () -> JobStore.openSqlite(home, clock));
    assertTrue(e.getMessage().contains("99"), e.getMessage());
    store = JobStore.openSqlite(home.resolve("fresh"), clock); // for @AfterEach
  }

  @Test
  void closedStoreRejectsCalls() {
    store.close();
    assertThrows(IllegalStateException.class, () -> store.tuningJobs());
    store.close(); // idempotent
  }

  // ---- training jobs ---------------------------------------------------------------------

  @Test
  void trainingJobRoundTripsEveryField() {
    store.createTuningJob(new NewTuningJob("tj", "{\"a\":1}", T0));
    Map<String, String> hps = new LinkedHashMap<>();
    hps.put("objective", "reg:linear");
    hps.put("max_depth", "5");
    hps.put("eta", "0.2");
    Path dir = home.resolve("jobs/tj-001-0a1b2c3d");
    Instant created = Instant.parse("2020-08-04T14:31:00.456789Z"); // micros dropped by the store
    store.createTrainingJob(new NewTrainingJob("tj-001-0a1b2c3d", "tj", 1, hps,
        Map.of("max_depth", "5"), "{\"spec\":true}", created, dir));

    TrainingJobRecord fresh = store.trainingJob("tj-001-0a1b2c3d").orElseThrow();
    assertEquals(TrainingJobStatus.InProgress, fresh.status());
    assertEquals("tj", fresh.tuningJobName());
    assertEquals(1, fresh.sequence());
    assertIterableEquals(List.of("objective", "max_depth", "eta"),
        fresh.hyperParameters().keySet(), "key order kept");
    assertEquals(hps, fresh.hyperParameters());
    assertEquals(Map.of("max_depth", "5"), fresh.tunedHyperParameters());
    assertEquals("{\"spec\":true}", fresh.specJson());
    assertEquals(Instant.parse("2020-08-04T14:31:00.456Z"), fresh.creationTime());
    assertNull(fresh.startTime());
    assertNull(fresh.endTime());
    assertEquals(clock.instant(), fresh.lastModifiedTime());
    assertEquals(Map.of(), fresh.finalMetrics());
    assertNull(fresh.objectiveValue());
    assertEquals(ObjectiveStatus.PENDING, fresh.objectiveStatus());
    assertNull(fresh.modelArtifact());
    assertNull(fresh.failureReason());
    assertEquals(dir, fresh.jobDir());
    assertEquals(0, fresh.roundsTrained());
    assertFalse(fresh.retryableFailure());

    Instant started = T0.plusMillis(1001);
    clock.set(Instant.parse("2021-01-01T00:00:01.500Z"));
    store.markTrainingStarted("tj-001-0a1b2c3d", started);
    assertEquals(started, store.trainingJob("tj-001-0a1b2c3d").orElseThrow().startTime());
    assertEquals(clock.instant(),
        store.trainingJob("tj-001-0a1b2c3d").orElseThrow().lastModifiedTime());

    Instant ended = T0.plusMillis(45_999);
    clock.set(Instant.parse("2021-01-01T00:00:02.999Z"));
    Map<String, Double> finals = new LinkedHashMap<>();
    finals.put("validation:rmse", 3.72621);
    finals.put("train:rmse", 1.21872);
    store.finishTrainingJob("tj-001-0a1b2c3d", new TrainingJobResult(TrainingJobStatus.Completed,
        ended, finals, 3.72621, "/models/m.json", null, 47));

    TrainingJobRecord done = store.trainingJob("tj-001-0a1b2c3d").orElseThrow();
    assertEquals(TrainingJobStatus.Completed, done.status());
    assertEquals(started, done.startTime());
    assertEquals(ended, done.endTime());
    assertEquals(clock.instant(), done.lastModifiedTime());
    assertEquals(finals, done.finalMetrics());
    assertIterableEquals(List.of("validation:rmse", "train:rmse"), done.finalMetrics().keySet());
    assertEquals(3.72621, done.objectiveValue());
    assertEquals(ObjectiveStatus.SUCCEEDED, done.objectiveStatus());
    assertEquals("/models/m.json", done.modelArtifact());
    assertEquals(47, done.roundsTrained());
    assertEquals(hps, done.hyperParameters());
  }

  @Test
  void loneTrainingJobHasNoTuningJobAndNullableFieldsStayNull() {
    store.createTrainingJob(new NewTrainingJob("lone", null, 0, Map.of(), Map.of(), null, T0,
        null));
    TrainingJobRecord r = store.trainingJob("lone").orElseThrow();
    assertNull(r.tuningJobName());
    assertEquals(0, r.sequence());
    assertNull(r.specJson());
    assertNull(r.jobDir());
    assertEquals(List.of("lone"), store.trainingJobs().stream().map(TrainingJobRecord::name)
        .toList());
  }

  @Test
  void duplicateTrainingJobNameThrowsJobExistsNamingIt() {
    store.createTrainingJob(lone("dup"));
    JobExistsException e = assertThrows(JobExistsException.class,
        () -> store.createTrainingJob(lone("dup")));
    assertTrue(e.getMessage().contains("'dup'"), e.getMessage());
    assertEquals("dup", e.jobName());
    assertTrue(e instanceof IllegalArgumentException);
  }

  @Test
  void trainingJobOfUnknownTuningJobIsRejected() {
    NoSuchJobException e = assertThrows(NoSuchJobException.class,
        () -> store.createTrainingJob(child("ghost", 1)));
    assertTrue(e.getMessage().contains("'ghost'"), e.getMessage());
    assertTrue(store.trainingJob("ghost-001").isEmpty(), "nothing inserted");
  }

  @Test
  void sequenceMustBeUniqueWithinATuningJob() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.createTrainingJob(child("tj", 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.createTrainingJob(new NewTrainingJob("tj-other", "tj", 1, Map.of(), Map.of(),
            null, T0, null)));
    assertTrue(e.getMessage().contains("tj-001"), e.getMessage());
  }

  @Test
  void newTrainingJobValidatesItsFields() {
    assertThrows(IllegalArgumentException.class, () -> new NewTrainingJob(" ", null, 0, Map.of(),
        Map.of(), null, T0, null));
    IllegalArgumentException seq = assertThrows(IllegalArgumentException.class,
        () -> new NewTrainingJob("x", "tj", 0, Map.of(), Map.of(), null, T0, null));
    assertTrue(seq.getMessage().contains("sequence"), seq.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new NewTrainingJob("x", null, 3, Map.of(), Map.of(), null, T0, null));
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("eta", null);
    assertThrows(IllegalArgumentException.class,
        () -> new NewTrainingJob("x", null, 0, withNull, Map.of(), null, T0, null));
    assertThrows(IllegalArgumentException.class,
        () -> new NewTrainingJob("x", null, 0, Map.of(), Map.of(), null, null, null));
  }

  @Test
  void finishingTwiceIsIllegalState() {
    store.createTrainingJob(lone("j"));
    store.finishTrainingJob("j", completed(2.0));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> store.finishTrainingJob("j", completed(1.0)));
    assertTrue(e.getMessage().contains("'j'") && e.getMessage().contains("Completed"),
        e.getMessage());
    assertEquals(2.0, store.trainingJob("j").orElseThrow().objectiveValue(), "unchanged");
  }

  @Test
  void finishedJobsAreImmutable() {
    store.createTrainingJob(lone("j"));
    store.finishTrainingJob("j", completed(2.0));
    assertThrows(IllegalStateException.class,
        () -> store.appendLogLines("j", List.of(LogLine.of(T0, "late"))));
    assertThrows(IllegalStateException.class,
        () -> store.appendMetrics("j", List.of(new MetricPoint("m", 0, 1, T0))));
    assertThrows(IllegalStateException.class, () -> store.markTrainingStarted("j", T0));
    assertFalse(store.markTrainingStopping("j"));
    assertEquals(TrainingJobStatus.Completed, store.trainingJob("j").orElseThrow().status());
    assertTrue(store.logLines("j", 0, 10).isEmpty());
  }

  @Test
  void stoppingJobCanFinishAsStopped() {
    store.createTrainingJob(lone("j"));
    assertTrue(store.markTrainingStopping("j"));
    assertFalse(store.markTrainingStopping("j"), "already Stopping");
    assertEquals(TrainingJobStatus.Stopping, store.trainingJob("j").orElseThrow().status());
    store.finishTrainingJob("j", new TrainingJobResult(TrainingJobStatus.Stopped, T0,
        Map.of("validation:rmse", 4.0), 4.0, null, "stopped by request", 12));
    TrainingJobRecord r = store.trainingJob("j").orElseThrow();
    assertEquals(TrainingJobStatus.Stopped, r.status());
    assertEquals(ObjectiveStatus.SUCCEEDED, r.objectiveStatus(), "a stopped job with an objective counts");
    assertEquals("stopped by request", r.failureReason());
  }

  @Test
  void failedJobAndJobWithoutObjectiveHaveObjectiveStatusFailed() {
    store.createTrainingJob(lone("failed"));
    store.finishTrainingJob("failed", new TrainingJobResult(TrainingJobStatus.Failed, T0,
        Map.of(), null, null, "AlgorithmError: boom", 0, false));
    store.createTrainingJob(lone("silent"));
    store.finishTrainingJob("silent", new TrainingJobResult(TrainingJobStatus.Completed, T0,
        Map.of(), null, null, null, 5));
    TrainingJobRecord failed = store.trainingJob("failed").orElseThrow();
    assertEquals(ObjectiveStatus.FAILED, failed.objectiveStatus());
    assertEquals("AlgorithmError: boom", failed.failureReason());
    assertFalse(failed.retryableFailure());
    assertEquals(ObjectiveStatus.FAILED, store.trainingJob("silent").orElseThrow().objectiveStatus());
    store.createTrainingJob(lone("internal"));
    store.finishTrainingJob("internal", new TrainingJobResult(TrainingJobStatus.Failed, T0,
        Map.of(), null, null, "InternalServerError", 0, true));
    assertTrue(store.trainingJob("internal").orElseThrow().retryableFailure());
  }

  @Test
  void markStartedTwiceIsIllegalState() {
    store.createTrainingJob(lone("j"));
    store.markTrainingStarted("j", T0);
    assertThrows(IllegalStateException.class, () -> store.markTrainingStarted("j", T0));
  }

  @Test
  void finalMetricsKeepNaNAndInfinity() {
    store.createTrainingJob(lone("j"));
    Map<String, Double> finals = Map.of("validation:rmse", Double.NaN, "train:rmse",
        Double.POSITIVE_INFINITY);
    store.finishTrainingJob("j", new TrainingJobResult(TrainingJobStatus.Completed, T0, finals,
        null, null, null, 1));
    Map<String, Double> back = store.trainingJob("j").orElseThrow().finalMetrics();
    assertTrue(back.get("validation:rmse").isNaN());
    assertEquals(Double.POSITIVE_INFINITY, back.get("train:rmse"));
  }

  @Test
  void resultValidatesItsFields() {
    assertThrows(IllegalArgumentException.class, () -> new TrainingJobResult(
        TrainingJobStatus.InProgress, T0, Map.of(), null, null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new TrainingJobResult(
        TrainingJobStatus.Completed, T0, Map.of(), Double.NaN, null, null, 0));
    assertThrows(IllegalArgumentException.class, () -> new TrainingJobResult(
        TrainingJobStatus.Completed, T0, Map.of(), null, null, null, -1));
    assertThrows(IllegalArgumentException.class, () -> new TrainingJobResult(
        TrainingJobStatus.Completed, T0, Map.of(), null, null, null, 0, true));
  }

  @Test
  void unknownTrainingJobIsEmptyOrNoSuchJob() {
    assertTrue(store.trainingJob("nope").isEmpty());
    assertThrows(NoSuchJobException.class, () -> store.markTrainingStarted("nope", T0));
    assertThrows(NoSuchJobException.class,
        () -> store.appendLogLines("nope", List.of(LogLine.of(T0, "x"))));
    assertThrows(NoSuchJobException.class, () -> store.finishTrainingJob("nope", completed(1)));
    assertThrows(NoSuchJobException.class, () -> store.logLines("nope", 0, 10));
    assertThrows(NoSuchJobException.class, () -> store.metrics("nope"));
    assertThrows(NoSuchJobException.class, () -> store.deleteTrainingJob("nope"));
  }

  // ---- logs and metrics ------------------------------------------------------------------

  @Test
  void logLinesGetConsecutiveSeqsAndPageBySeq() {
    store.createTrainingJob(lone("j"));
    List<LogLine> first = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      first.add(LogLine.of(T0.plusMillis(i), "[" + i + "]\ttrain-rmse:1.5\tvalidation-rmse:2.5"));
    }
    store.appendLogLines("j", first);
    store.appendLogLines("j", List.of(new LogLine(77, T0.plusMillis(9), "Stopping. Best"
        + " iteration:"), LogLine.of(T0.plusMillis(10), "")));

    List<LogLine> page1 = store.logLines("j", 0, 3);
    assertEquals(List.of(1L, 2L, 3L), page1.stream().map(LogLine::seq).toList());
    assertEquals("[0]\ttrain-rmse:1.5\tvalidation-rmse:2.5", page1.get(0).text(), "tabs kept");
    assertEquals(T0.plusMillis(2), page1.get(2).time());
    List<LogLine> page2 = store.logLines("j", page1.get(2).seq(), 3);
    assertEquals(List.of(4L, 5L, 6L), page2.stream().map(LogLine::seq).toList());
    assertEquals("Stopping. Best iteration:", page2.get(2).text(), "passed seq is ignored");
    List<LogLine> page3 = store.logLines("j", 6, 3);
    assertEquals(1, page3.size());
    assertEquals(7L, page3.get(0).seq());
    assertEquals("", page3.get(0).text());
    assertTrue(store.logLines("j", 7, 3).isEmpty());
    assertTrue(store.logLines("j", 0, 0).isEmpty());
    assertThrows(IllegalArgumentException.class, () -> store.logLines("j", 0, -1));
  }

  @Test
  void logLinesOfOneJobDoNotSeeAnothersAndSeqsArePerJob() {
    store.createTrainingJob(lone("a"));
    store.createTrainingJob(lone("b"));
    store.appendLogLines("a", List.of(LogLine.of(T0, "a1"), LogLine.of(T0, "a2")));
    store.appendLogLines("b", List.of(LogLine.of(T0, "b1")));
    assertEquals(List.of("a1", "a2"), store.logLines("a", 0, 100).stream().map(LogLine::text)
        .toList());
    assertEquals(1L, store.logLines("b", 0, 100).get(0).seq());
  }

  @Test
  void metricsComeBackInAppendOrderWithAllFields() {
    store.createTrainingJob(lone("j"));
    List<MetricPoint> points = List.of(
        new MetricPoint("train:rmse", 0, 20.5, T0),
        new MetricPoint("validation:rmse", 0, 21.25, T0),
        new MetricPoint("train:rmse", 1, 15.0, T0.plusMillis(3)),
        new MetricPoint("validation:rmse", 1, Double.NaN, T0.plusMillis(3)));
    store.appendMetrics("j", points.subList(0, 2));
    store.appendMetrics("j", points.subList(2, 4));
    // the best round re-printed after early stopping: same iteration again, kept as appended
    store.appendMetrics("j", List.of(new MetricPoint("validation:rmse", 0, 21.25,
        T0.plusMillis(4))));

    List<MetricPoint> back = store.metrics("j");
    assertEquals(5, back.size());
    assertEquals(points.get(0), back.get(0));
    assertEquals(points.get(2), back.get(2));
    assertEquals("validation:rmse", back.get(3).metricName());
    assertTrue(Double.isNaN(back.get(3).value()), "NaN survives");
    assertEquals(new MetricPoint("validation:rmse", 0, 21.25, T0.plusMillis(4)), back.get(4));
  }

  @Test
  void logTextAndMetricValuesSurviveExactly() {
    store.createTrainingJob(lone("j"));
    List<String> texts = List.of("quote \" backslash \\ tab\tend", "cr\rlf\nnext",
        "control \u0001\u001f\u007f", "unicode é ✓ 😀", "#011validation-rmse:3.5", "  ");
    List<LogLine> lines = new ArrayList<>();
    for (String t : texts) {
      lines.add(LogLine.of(T0, t));
    }
    store.appendLogLines("j", lines);
    assertEquals(texts, store.logLines("j", 0, 100).stream().map(LogLine::text).toList());

    java.util.Random random = new java.util.Random(42);
    List<MetricPoint> points = new ArrayList<>();
    double[] special = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
        Double.MAX_VALUE, 1e-310, 0.1 + 0.2, 3.72621};
    for (double v : special) {
      points.add(new MetricPoint("m", points.size(), v, T0));
    }
    for (int i = 0; i < 500; i++) {
      double v = Double.longBitsToDouble(random.nextLong());
      points.add(new MetricPoint("m", points.size(), Double.isNaN(v) ? 1 : v, T0));
    }
    store.appendMetrics("j", points);
    assertEquals(points, store.metrics("j"), "every double comes back bit for bit");
  }

  @Test
  void appendProgressWritesLinesAndMetricsTogether() {
    store.createTrainingJob(lone("j"));
    store.appendProgress("j", List.of(LogLine.of(T0, "[0]\tvalidation-rmse:3")),
        List.of(new MetricPoint("validation:rmse", 0, 3, T0)));
    assertEquals(1, store.logLines("j", 0, 10).size());
    assertEquals(1, store.metrics("j").size());
  }

  @Test
  void aFailedBatchLeavesNothingBehind() {
    store.createTrainingJob(lone("j"));
    List<LogLine> withNull = new ArrayList<>();
    withNull.add(LogLine.of(T0, "ok"));
    withNull.add(null);
    assertThrows(IllegalArgumentException.class, () -> store.appendLogLines("j", withNull));
    assertTrue(store.logLines("j", 0, 10).isEmpty());
  }

  // ---- tuning jobs -----------------------------------------------------------------------

  @Test
  void tuningJobRoundTripAndStatusUpdates() {
    store.createTuningJob(new NewTuningJob("tj", "{\"HyperParameterTuningJobName\":\"tj\"}",
        Instant.parse("2020-08-04T14:30:48.123456Z")));
    TuningJobRecord r = store.tuningJob("tj").orElseThrow();
    assertEquals("tj", r.name());
    assertEquals("{\"HyperParameterTuningJobName\":\"tj\"}", r.specJson());
    assertEquals(TuningJobStatus.InProgress, r.status());
    assertEquals(T0, r.creationTime());
    assertNull(r.endTime());
    assertEquals(clock.instant(), r.lastModifiedTime());
    assertNull(r.bestTrainingJob());
    assertNull(r.failureReason());
    assertFalse(r.stopRequested());

    store.createTrainingJob(child("tj", 1));
    store.createTrainingJob(child("tj", 2));
    store.setBestTrainingJob("tj", "tj-002");
    assertEquals("tj-002", store.tuningJob("tj").orElseThrow().bestTrainingJob());

    clock.set(Instant.parse("2021-02-02T00:00:00.042Z"));
    Instant end = T0.plusSeconds(600).plusMillis(5);
    store.updateTuningJobStatus("tj", TuningJobStatus.Completed, null, end);
    TuningJobRecord done = store.tuningJob("tj").orElseThrow();
    assertEquals(TuningJobStatus.Completed, done.status());
    assertEquals(end, done.endTime());
    assertEquals(clock.instant(), done.lastModifiedTime());

    assertThrows(IllegalStateException.class,
        () -> store.updateTuningJobStatus("tj", TuningJobStatus.Failed, "x", null));
    assertThrows(IllegalStateException.class, () -> store.setBestTrainingJob("tj", "tj-001"));
    assertFalse(store.requestStop("tj"), "nothing to stop");
    assertFalse(store.stopRequested("tj"));
  }

  @Test
  void terminalStatusWithoutEndTimeUsesTheStoreClockAndKeepsTheReason() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.updateTuningJobStatus("tj", TuningJobStatus.Failed, "No training job succeeded", null);
    TuningJobRecord r = store.tuningJob("tj").orElseThrow();
    assertEquals(clock.instant(), r.endTime());
    assertEquals("No training job succeeded", r.failureReason());
    assertThrows(IllegalArgumentException.class,
        () -> store.updateTuningJobStatus("tj", TuningJobStatus.InProgress, null, T0));
  }

  @Test
  void duplicateTuningJobThrowsJobExists() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    JobExistsException e = assertThrows(JobExistsException.class,
        () -> store.createTuningJob(new NewTuningJob("tj", "{\"other\":1}", T0)));
    assertTrue(e.getMessage().contains("tuning job 'tj'"), e.getMessage());
    assertEquals("{}", store.tuningJob("tj").orElseThrow().specJson());
  }

  @Test
  void tuningJobsAreListedNewestFirst() {
    store.createTuningJob(new NewTuningJob("old", "{}", T0));
    store.createTuningJob(new NewTuningJob("newest", "{}", T0.plusSeconds(20)));
    store.createTuningJob(new NewTuningJob("middle", "{}", T0.plusSeconds(10)));
    assertEquals(List.of("newest", "middle", "old"),
        store.tuningJobs().stream().map(TuningJobRecord::name).toList());
  }

  @Test
  void trainingJobsOfATuningJobComeInCreationOrder() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.createTuningJob(new NewTuningJob("other", "{}", T0));
    store.createTrainingJob(child("tj", 3));
    store.createTrainingJob(child("tj", 1));
    store.createTrainingJob(child("other", 1));
    store.createTrainingJob(child("tj", 2));
    assertEquals(List.of("tj-003", "tj-001", "tj-002"),
        store.trainingJobsOf("tj").stream().map(TrainingJobRecord::name).toList());
    assertThrows(NoSuchJobException.class, () -> store.trainingJobsOf("ghost"));
  }

  @Test
  void bestTrainingJobMustBelongToTheTuningJob() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.createTuningJob(new NewTuningJob("other", "{}", T0));
    store.createTrainingJob(child("other", 1));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> store.setBestTrainingJob("tj", "other-001"));
    assertTrue(e.getMessage().contains("other-001"), e.getMessage());
  }

  @Test
  void attributesAreStoredReplacedAndPerTuningJob() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.createTuningJob(new NewTuningJob("tj2", "{}", T0));
    TuningJobAttribute details = TuningJobAttribute.COMPLETION_DETAILS;
    assertTrue(store.tuningJobAttribute("tj", details).isEmpty());
    store.putTuningJobAttribute("tj", details, "{\"a\":1}");
    store.putTuningJobAttribute("tj", details, "{\"a\":2}");
    store.putTuningJobAttribute("tj2", details, "x");
    assertEquals("{\"a\":2}", store.tuningJobAttribute("tj", details).orElseThrow());
    assertEquals("x", store.tuningJobAttribute("tj2", details).orElseThrow());
    assertTrue(store.tuningJobAttribute("tj", TuningJobAttribute.OWNER_PID).isEmpty(), "one value per attribute");
    store.updateTuningJobStatus("tj", TuningJobStatus.Completed, null, null);
    store.putTuningJobAttribute("tj", TuningJobAttribute.BASE_DIR, "allowed");
    assertEquals("allowed", store.tuningJobAttribute("tj", TuningJobAttribute.BASE_DIR).orElseThrow());
    assertThrows(NoSuchJobException.class, () -> store.putTuningJobAttribute("ghost", details, "v"));
  }

  @Test
  void attributeKeysAreThoseExistingStoresHold() {
    // stores written by earlier versions hold these keys: renaming one would lose its values
    assertEquals("BaseDir", TuningJobAttribute.BASE_DIR.key());
    assertEquals("OwnerPid", TuningJobAttribute.OWNER_PID.key());
    assertEquals("TuningJobCompletionDetails", TuningJobAttribute.COMPLETION_DETAILS.key());
    assertEquals("Scheduling", TuningJobAttribute.SCHEDULING.key());
    assertEquals(4, TuningJobAttribute.values().length);
  }

  @Test
  void stopRequestIsSeenThroughASecondStoreOnTheSameFile() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    try (JobStore other = JobStore.openSqlite(home)) {
      assertFalse(store.stopRequested("tj"));
      assertTrue(other.requestStop("tj"));
      assertFalse(other.requestStop("tj"), "second request changes nothing");
    }
    assertTrue(store.stopRequested("tj"));
    TuningJobRecord r = store.tuningJob("tj").orElseThrow();
    assertEquals(TuningJobStatus.Stopping, r.status());
    assertTrue(r.stopRequested());
    store.updateTuningJobStatus("tj", TuningJobStatus.Stopped, null, null);
    assertEquals(TuningJobStatus.Stopped, store.tuningJob("tj").orElseThrow().status());
    assertThrows(NoSuchJobException.class, () -> store.requestStop("ghost"));
    assertThrows(NoSuchJobException.class, () -> store.stopRequested("ghost"));
  }

  // ---- crash recovery and sequences ------------------------------------------------------

  @Test
  void failStaleTrainingJobsFailsOnlyUnfinishedJobsOfThatTuningJob() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.createTuningJob(new NewTuningJob("other", "{}", T0));
    store.createTrainingJob(child("tj", 1));
    store.finishTrainingJob("tj-001", completed(3.0));
    store.createTrainingJob(child("tj", 2));
    store.markTrainingStarted("tj-002", T0);
    store.createTrainingJob(child("tj", 3));
    store.markTrainingStopping("tj-003");
    store.createTrainingJob(child("other", 1));
    store.close();

    clock.set(Instant.parse("2022-03-03T03:03:03.333Z"));
    store = JobStore.openSqlite(home, clock); // "the next process"
    assertEquals(2, store.failStaleTrainingJobs("tj", "TuneLab stopped while the job ran"));

    assertEquals(TrainingJobStatus.Completed, store.trainingJob("tj-001").orElseThrow().status());
    for (String name : List.of("tj-002", "tj-003")) {
      TrainingJobRecord r = store.trainingJob(name).orElseThrow();
      assertEquals(TrainingJobStatus.Failed, r.status(), name);
      assertEquals("TuneLab stopped while the job ran", r.failureReason());
      assertEquals(clock.instant(), r.endTime());
      assertEquals(ObjectiveStatus.FAILED, r.objectiveStatus());
      assertTrue(r.retryableFailure());
    }
    assertEquals(TrainingJobStatus.InProgress,
        store.trainingJob("other-001").orElseThrow().status());
    assertEquals(0, store.failStaleTrainingJobs("tj", "again"));
  }

  @Test
  void nextTrainingJobSequenceIsMaxPlusOneAfterDeletions() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    assertEquals(1, store.nextTrainingJobSequence("tj"));
    for (int i = 1; i <= 4; i++) {
      store.createTrainingJob(child("tj", i));
    }
    assertEquals(5, store.nextTrainingJobSequence("tj"));
    store.deleteTrainingJob("tj-002");
    assertEquals(5, store.nextTrainingJobSequence("tj"), "a gap does not lower it");
    store.deleteTrainingJob("tj-004");
    assertEquals(4, store.nextTrainingJobSequence("tj"), "the rolled-back last number is reused");
    assertThrows(NoSuchJobException.class, () -> store.nextTrainingJobSequence("ghost"));
  }

  @Test
  void deleteRemovesTheJobItsLogsMetricsAndBestReference() {
    store.createTuningJob(new NewTuningJob("tj", "{}", T0));
    store.createTrainingJob(child("tj", 1));
    store.appendProgress("tj-001", List.of(LogLine.of(T0, "x")),
        List.of(new MetricPoint("m", 0, 1, T0)));
    store.setBestTrainingJob("tj", "tj-001");
    store.deleteTrainingJob("tj-001");
    assertTrue(store.trainingJob("tj-001").isEmpty());
    assertNull(store.tuningJob("tj").orElseThrow().bestTrainingJob());
    store.createTrainingJob(child("tj", 1)); // the name is free again, with a fresh log
    assertTrue(store.logLines("tj-001", 0, 10).isEmpty());
    assertTrue(store.metrics("tj-001").isEmpty());
  }

  // ---- helpers ---------------------------------------------------------------------------

  private static NewTrainingJob lone(String name) {
    return new NewTrainingJob(name, null, 0, Map.of("eta", "0.2"), Map.of(), "{}", T0, null);
  }

  private static NewTrainingJob child(String tuningJob, int sequence) {
    return new NewTrainingJob(String.format("%s-%03d", tuningJob, sequence), tuningJob, sequence,
        Map.of("max_depth", "5"), Map.of("max_depth", "5"), null, T0, null);
  }

  private static TrainingJobResult completed(double objective) {
    return new TrainingJobResult(TrainingJobStatus.Completed, T0.plusSeconds(1),
        Map.of("validation:rmse", objective), objective, null, null, 10);
  }

  /** A settable clock, so lastModifiedTime can be asserted exactly. */
  static final class MutableClock extends Clock {
    private volatile Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void set(Instant now) {
      this.now = now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
