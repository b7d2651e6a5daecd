package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressWriterTest {
  private static final Instant T0 = Instant.parse("2020-08-04T14:30:48.123Z");

  @TempDir Path home;
  private JobStore store;

  @BeforeEach
  void open() {
    store = JobStore.openSqlite(home);
    store.createTrainingJob(new NewTrainingJob("j", null, 0, Map.of(), Map.of(), null, T0, null));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void buffersUntilMaxPendingThenWritesInOrder() {
    ProgressWriter writer = new ProgressWriter(store, "j", 5, Duration.ofHours(1));
    for (int r = 0; r < 2; r++) {
      writer.add(List.of(LogLine.of(T0, "[" + r + "]")),
          List.of(new MetricPoint("validation:rmse", r, r, T0)));
    }
    assertEquals(4, writer.pending());
    assertTrue(store.logLines("j", 0, 100).isEmpty(), "nothing written yet");
    writer.log(T0, "fifth item");
    assertEquals(0, writer.pending());
    assertEquals(List.of("[0]", "[1]", "fifth item"),
        store.logLines("j", 0, 100).stream().map(LogLine::text).toList());
    writer.metric(new MetricPoint("validation:rmse", 2, 2, T0));
    writer.close();
    assertEquals(List.of(0, 1, 2), store.metrics("j").stream().map(MetricPoint::iteration)
        .toList());
  }

  @Test
  void zeroDelayWritesThrough() {
    ProgressWriter writer = new ProgressWriter(store, "j", 1000, Duration.ZERO);
    writer.log(T0, "now");
    assertEquals(1, store.logLines("j", 0, 10).size());
  }

  @Test
  void flushIfDueWritesOnlyOnceTheOldestItemIsOldEnough() {
    AtomicLong nanos = new AtomicLong(1_000);
    ProgressWriter writer = new ProgressWriter(store, "j", 1000, Duration.ofMillis(50), nanos::get);
    writer.log(T0, "waiting");
    nanos.addAndGet(Duration.ofMillis(30).toNanos());
    writer.log(T0, "younger");
    nanos.addAndGet(Duration.ofMillis(20).toNanos() - 1);
    writer.flushIfDue();
    assertEquals(2, writer.pending(), "the oldest item has waited 1 ns less than 50 ms");
    nanos.incrementAndGet();
    writer.flushIfDue();
    assertEquals(0, writer.pending(), "the oldest item has waited 50 ms");
    assertEquals(List.of("waiting", "younger"),
        store.logLines("j", 0, 10).stream().map(LogLine::text).toList());
  }

  @Test
  void anAddWritesWhenTheOldestItemIsDueAndTheAgeRestartsAfterAWrite() {
    AtomicLong nanos = new AtomicLong(0);
    ProgressWriter writer = new ProgressWriter(store, "j", 1000, Duration.ofMillis(200), nanos::get);
    writer.log(T0, "a");
    nanos.addAndGet(Duration.ofMillis(200).toNanos());
    writer.metric(new MetricPoint("validation:rmse", 0, 1.0, T0));
    assertEquals(0, writer.pending(), "the add found the oldest item due and wrote both");
    assertEquals(1, store.metrics("j").size());
    nanos.addAndGet(Duration.ofMillis(10).toNanos());
    writer.log(T0, "b");
    nanos.addAndGet(Duration.ofMillis(199).toNanos());
    writer.flushIfDue();
    assertEquals(1, writer.pending(), "b has waited 199 ms, measured from its own add");
  }

  @Test
  void aFailedWriteKeepsTheBatch() {
    ProgressWriter writer = new ProgressWriter(store, "j", 1000, Duration.ofHours(1));
    writer.log(T0, "too late");
    store.finishTrainingJob("j", new TrainingJobResult(TrainingJobStatus.Completed, T0, Map.of(),
        null, null, null, 0));
    assertThrows(IllegalStateException.class, writer::flush);
    assertEquals(1, writer.pending());
  }

  @Test
  void rejectsBadSettings() {
    assertThrows(IllegalArgumentException.class,
        () -> new ProgressWriter(store, "j", 0, Duration.ZERO));
    assertThrows(IllegalArgumentException.class,
        () -> new ProgressWriter(store, "j", 1, Duration.ofMillis(-1)));
  }
}
