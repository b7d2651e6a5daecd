package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Stop requests, Ctrl-C and MaxRuntimeInSeconds, with a fake trainer and a test clock. */
class StopAndTimeLimitTest extends FakeTuningTest {

  /** Statuses the tuning job had when the scheduler gave its notices. */
  final List<TuningJobStatus> statusAtNotice = new CopyOnWriteArrayList<>();
  final List<String> notices = new CopyOnWriteArrayList<>();
  final List<TuningProgress> finished = new CopyOnWriteArrayList<>();

  TuningObserver observer(String name) {
    return new TuningObserver() {
      @Override
      public void notice(String message) {
        notices.add(message);
        statusAtNotice.add(store.tuningJob(name).orElseThrow().status());
      }

      @Override
      public void finished(TuningJobRecord job, TuningProgress progress) {
        finished.add(progress);
      }
    };
  }

  static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertTrue(System.nanoTime() < giveUp, "timed out waiting for " + what);
      Thread.sleep(5);
    }
  }

  long running(String name) {
    return jobs(name).stream().filter(j -> j.status() == TrainingJobStatus.InProgress).count();
  }

  @Test
  void aStopRequestInTheStoreStopsRunningJobsAndEndsStopped() throws Exception {
    runner(hps -> FakeTrainer.Plan.block(Duration.ZERO));
    AtomicBoolean interrupt = new AtomicBoolean();
    CompletableFuture<TuningJobRecord> result = CompletableFuture.supplyAsync(
        () -> run(spec("stop", "Random", 10, 3), observer("stop"), interrupt));
    waitFor(() -> store.tuningJob("stop").isPresent() && running("stop") == 3, "3 running jobs");
    assertTrue(store.requestStop("stop"));
    assertEquals(TuningJobStatus.Stopping, store.tuningJob("stop").orElseThrow().status());
    TuningJobRecord rec = result.get(30, TimeUnit.SECONDS);
    assertEquals(TuningJobStatus.Stopped, rec.status());
    List<TrainingJobRecord> jobs = jobs("stop");
    assertEquals(3, jobs.size(), "nothing launched after the stop");
    jobs.forEach(j -> assertEquals(TrainingJobStatus.Stopped, j.status(), j.name()));
    assertEquals(List.of("Stop requested (stop-hyper-parameter-tuning-job); stopping 3 running training job(s)"), notices);
    assertEquals(3, finished.get(0).stopped(), "the progress counts the stopped jobs");
    assertEquals(0, finished.get(0).failed());
    assertEquals("Stop requested (stop-hyper-parameter-tuning-job)",
        completionDetails("stop").get("CompletionReason").asText());
  }

  @Test
  void anInterruptGoesThroughStoppingToStopped() throws Exception {
    runner(hps -> FakeTrainer.Plan.block(Duration.ZERO));
    AtomicBoolean interrupt = new AtomicBoolean();
    CompletableFuture<TuningJobRecord> result = CompletableFuture.supplyAsync(
        () -> run(spec("ctrl-c", "Random", 10, 2), observer("ctrl-c"), interrupt));
    waitFor(() -> store.tuningJob("ctrl-c").isPresent() && running("ctrl-c") == 2, "2 running jobs");
    interrupt.set(true);
    TuningJobRecord rec = result.get(30, TimeUnit.SECONDS);
    assertEquals(TuningJobStatus.Stopped, rec.status());
    assertEquals(List.of(TuningJobStatus.Stopping), statusAtNotice, "Stopping while the running jobs stop");
    assertEquals(List.of("Stop requested (interrupt); stopping 2 running training job(s)"), notices);
    jobs("ctrl-c").forEach(j -> assertEquals(TrainingJobStatus.Stopped, j.status(), j.name()));
  }

  @Test
  void maxRuntimeCompletesTheJobAndStopsTheRunningOnes() {
    // the first two jobs take 50 s each; the third moves the clock past 120 s and runs until stopped
    runner(hps -> trainer.trained().size() <= 2
        ? FakeTrainer.Plan.train(10, r -> 10 - r).every(Duration.ofSeconds(5))
        : FakeTrainer.Plan.block(Duration.ofSeconds(100)));
    ObjectNode spec = spec("deadline", "Random", 20, 1);
    ((ObjectNode) config(spec).get("ResourceLimits")).put("MaxRuntimeInSeconds", 120);
    TuningJobRecord rec = run(spec, observer("deadline"), new AtomicBoolean());
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("deadline");
    assertEquals(List.of(TrainingJobStatus.Completed, TrainingJobStatus.Completed, TrainingJobStatus.Stopped),
        jobs.stream().map(TrainingJobRecord::status).toList());
    assertEquals("MaxRuntimeInSeconds (120 s) reached", completionDetails("deadline").get("CompletionReason").asText());
    assertEquals(List.of(TuningJobStatus.InProgress), statusAtNotice, "a time limit does not stop the tuning job");
    assertEquals(T0.plusSeconds(200), rec.endTime());
    assertEquals(200_000, finished.get(0).elapsedMillis());
    assertEquals(1, finished.get(0).stopped());
    assertEquals(2, finished.get(0).completed());
    assertEquals(jobs.get(0).name(), rec.bestTrainingJob(), "ties keep the first best");
  }
}
