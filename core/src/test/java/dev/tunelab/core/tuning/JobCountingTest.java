package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.Direction;
import dev.tunelab.core.api.TrainingJobSummaries;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** How the scheduler counts finished training jobs toward MaxNumberOfTrainingJobs, with a fake trainer. */
class JobCountingTest extends FakeTuningTest {

  /** Objective (x - 3)^2 + 1 after 5 rounds: best at x = 3. */
  static FakeTrainer.Plan bowl(Map<String, String> hps) {
    int x = x(hps);
    return FakeTrainer.Plan.train(5, r -> (x - 3) * (x - 3) + 1 + 1.0 / (r + 1));
  }

  @Test
  void everyFinishedJobCountsAndTheBestIsRecorded() {
    runner(JobCountingTest::bowl);
    List<TuningProgress> finished = new ArrayList<>();
    TuningJobRecord rec = run(spec("count", "Grid", 5, 2), new TuningObserver() {
      @Override
      public void finished(TuningJobRecord job, TuningProgress progress) {
        finished.add(progress);
      }
    }, new AtomicBoolean());
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("count");
    assertEquals(List.of(1, 2, 3, 4, 5), jobs.stream().map(FakeTuningTest::x).sorted().toList());
    TrainingJobRecord best = store.trainingJob(rec.bestTrainingJob()).orElseThrow();
    assertEquals(3, x(best));
    assertEquals(1.2, best.objectiveValue(), 1e-12);
    assertEquals("MaxNumberOfTrainingJobs (5) reached", completionDetails("count").get("CompletionReason").asText());
    TuningProgress last = finished.get(0);
    assertEquals(5, last.finished());
    assertEquals(5, last.completed());
    assertEquals(0, last.failed());
    assertEquals(0, last.running());
    assertEquals(rec.bestTrainingJob(), last.bestJob());
    assertEquals(25_000, last.elapsedMillis(), "5 jobs of 5 rounds of 1 s on the test clock");
  }

  @Test
  void everyRoundOfEveryJobIsReportedOnceInOrder() {
    runner(JobCountingTest::bowl);
    Map<String, List<Integer>> rounds = new ConcurrentHashMap<>();
    Map<String, Integer> roundsAtStart = new ConcurrentHashMap<>();
    run(spec("rounds", "Grid", 3, 2), new TuningObserver() {
      @Override
      public void jobStarted(String name, Map<String, String> tuned, TuningProgress p) {
        roundsAtStart.put(name, rounds.getOrDefault(name, List.of()).size());
      }

      @Override
      public void roundReported(String name, int round) {
        rounds.computeIfAbsent(name, n -> Collections.synchronizedList(new ArrayList<>())).add(round);
      }
    }, new AtomicBoolean());
    List<TrainingJobRecord> jobs = jobs("rounds");
    assertEquals(3, jobs.size());
    for (TrainingJobRecord j : jobs) {
      assertEquals(List.of(0, 1, 2, 3, 4), rounds.get(j.name()), j.name() + ": 5 rounds, 0-based, each once");
      assertEquals(0, roundsAtStart.get(j.name()), "jobStarted comes before the job's first round");
    }
  }

  @Test
  void failedJobsCountTowardTheBudgetAndHaveAFailedObjectiveStatus() {
    runner(hps -> x(hps) % 2 == 0 ? FakeTrainer.Plan.fail() : bowl(hps));
    TuningJobRecord rec = run(spec("fails", "Grid", 6, 1));
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("fails");
    assertEquals(6, jobs.size(), "failed jobs are not replaced");
    List<TrainingJobRecord> failed = jobs.stream().filter(j -> j.status() == TrainingJobStatus.Failed).toList();
    assertEquals(List.of(2, 4, 6), failed.stream().map(FakeTuningTest::x).toList());
    for (TrainingJobRecord f : failed) {
      assertFalse(f.retryableFailure());
      assertEquals("Failed", TrainingJobSummaries.summary(f, Direction.MINIMIZE, METRIC).get("ObjectiveStatus").asText());
    }
    TrainingJobRecord ok = jobs.stream().filter(j -> x(j) == 3).findFirst().orElseThrow();
    assertEquals("Succeeded", TrainingJobSummaries.summary(ok, Direction.MINIMIZE, METRIC).get("ObjectiveStatus").asText());
    assertEquals(ok.name(), rec.bestTrainingJob());
    assertEquals(3, completionDetails("fails").get("NumberOfTrainingJobsObjectiveNotImproving").asInt(),
        "x=4, 5 and 6 did not improve on x=3");
  }

  @Test
  void aTuningJobWhoseJobsAllFailFails() {
    runner(hps -> FakeTrainer.Plan.fail());
    TuningJobRecord rec = run(spec("allfail", "Grid", 3, 2));
    assertEquals(TuningJobStatus.Failed, rec.status());
    assertEquals(3, jobs("allfail").size());
    assertTrue(rec.failureReason().startsWith("All training jobs failed"), rec.failureReason());
  }

  @Test
  void aRetryableFailureIsReplacedAndDoesNotCount() {
    runner(JobCountingTest::bowl);
    PreparedTuningJob prepared = runner.prepare(parse(spec("retry", "Grid", 4, 1)));
    runner.create(prepared);
    TrainingJobRunner real = new TrainingJobRunner(store, home, s -> trainer);
    AtomicReference<String> retried = new AtomicReference<>();
    // the first job with x = 2 fails for TuneLab's reasons (as when the tuning process dies)
    TrainingJobLauncher launcher = (job, context) -> {
      if (context.tunedHyperParameters().get("x").equals("2") && retried.compareAndSet(null, job.spec().name())) {
        String name = job.spec().name();
        store.createTrainingJob(new NewTrainingJob(name, context.tuningJobName(), context.sequence(),
            job.spec().hyperParameters(), context.tunedHyperParameters(), null, clock.instant(), null));
        store.finishTrainingJob(name, new TrainingJobResult(TrainingJobStatus.Failed, clock.instant(), Map.of(), null,
            null, "RetryableError: simulated", 0, true));
        return store.trainingJob(name).orElseThrow();
      }
      return real.run(job, context);
    };
    List<TuningProgress> progress = new ArrayList<>();
    TuningObserver observer = new TuningObserver() {
      @Override
      public void finished(TuningJobRecord job, TuningProgress p) {
        progress.add(p);
      }
    };
    TuningJobRecord rec = new TuningScheduler(store, prepared, observer, new AtomicBoolean(), List.of(), 1, clock)
        .run(launcher);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("retry");
    assertEquals(5, jobs.size(), "4 counted jobs and the retryable one");
    assertEquals(List.of(1, 2, 2, 3, 4), jobs.stream().map(FakeTuningTest::x).toList(),
        "the retryable job's configuration is tried again");
    assertTrue(jobs.get(1).retryableFailure());
    assertEquals(retried.get(), jobs.get(1).name());
    assertEquals(TrainingJobStatus.Completed, jobs.get(2).status());
    assertEquals(4, progress.get(0).finished());
    assertEquals(4, progress.get(0).completed());
    assertEquals(1, progress.get(0).failed());
  }
}
