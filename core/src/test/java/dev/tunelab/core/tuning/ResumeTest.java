package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStateException;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Resuming a tuning job whose process died: the store is left as a crash leaves it (one job
 * Completed, one Failed, one InProgress), then {@link TuningJobRunner#resume} finishes the job.
 */
class ResumeTest extends FakeTuningTest {

  static final long SEED = 7; // the fixture's RandomSeed

  /** Objective 10 - x after 3 rounds. */
  static FakeTrainer.Plan falling(Map<String, String> hps) {
    int x = x(hps);
    return FakeTrainer.Plan.train(3, r -> 10 - x + (2 - r));
  }

  private String crashedJob(String tuningJob, int sequence, int x) {
    String name = TuningScheduler.trainingJobName(tuningJob, SEED, sequence);
    store.createTrainingJob(new NewTrainingJob(name, tuningJob, sequence, Map.of("x", Integer.toString(x)),
        Map.of("x", Integer.toString(x)), null, clock.instant(), null));
    store.markTrainingStarted(name, clock.instant());
    return name;
  }

  private void leaveCrashedTuningJob(ObjectNode spec) {
    String name = spec.get("HyperParameterTuningJobName").asText();
    runner.create(runner.prepare(parse(spec)));
    store.putTuningJobAttribute(name, TuningJobAttribute.OWNER_PID, Long.toString(ProcessHandle.current().pid()));
    String done = crashedJob(name, 1, 1);
    store.finishTrainingJob(done, new TrainingJobResult(TrainingJobStatus.Completed, clock.instant(),
        Map.of(METRIC, 9.0), 9.0, null, null, 3));
    String failed = crashedJob(name, 2, 2);
    store.finishTrainingJob(failed, new TrainingJobResult(TrainingJobStatus.Failed, clock.instant(), Map.of(), null,
        null, "AlgorithmError: boom", 0));
    crashedJob(name, 3, 3); // InProgress when the process died
  }

  @Test
  void resumeFailsLeftoverJobsRetryablyAndRunsUntilTheBudgetCounts() {
    runner(ResumeTest::falling);
    leaveCrashedTuningJob(spec("crashed", "Grid", 5, 1));
    List<String> notices = new CopyOnWriteArrayList<>();
    TuningJobRecord rec = runner.resume("crashed", new TuningObserver() {
      @Override
      public void notice(String message) {
        notices.add(message);
      }
    }, new AtomicBoolean());

    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = jobs("crashed");
    assertEquals(List.of(1, 2, 3, 4, 5, 6), jobs.stream().map(TrainingJobRecord::sequence).toList());
    TrainingJobRecord stale = jobs.get(2);
    assertEquals(TrainingJobStatus.Failed, stale.status());
    assertTrue(stale.retryableFailure());
    assertTrue(stale.failureReason().startsWith(TuningScheduler.RETRYABLE_PREFIX), stale.failureReason());
    assertEquals(List.of(3, 4, 5), jobs.subList(3, 6).stream().map(FakeTuningTest::x).toList(),
        "x=3 is tried again; the completed and the failed job count, so 3 more make 5");
    assertEquals(5, jobs.stream().filter(j -> !j.retryableFailure()).count());
    assertEquals(List.of(3, 4, 5), trainer.trained().stream().map(FakeTuningTest::x).toList(), "only new jobs are trained");
    assertEquals(jobs.get(5).name(), rec.bestTrainingJob(), "x=5 has the lowest objective, 5");
    assertEquals("MaxNumberOfTrainingJobs (5) reached", completionDetails("crashed").get("CompletionReason").asText());
    assertEquals(List.of("1 training job(s) left InProgress marked Failed (RetryableError); they do not count"), notices);
  }

  @Test
  void aCrashedTuningJobThatWasStoppingEndsStoppedWithoutTraining() {
    runner(ResumeTest::falling);
    leaveCrashedTuningJob(spec("was-stopping", "Grid", 5, 1));
    store.requestStop("was-stopping");
    TuningJobRecord rec = runner.resume("was-stopping", TuningObserver.NONE, new AtomicBoolean());
    assertEquals(TuningJobStatus.Stopped, rec.status());
    assertTrue(trainer.trained().isEmpty());
    assertEquals(3, jobs("was-stopping").size());
    assertFalse(jobs("was-stopping").stream().anyMatch(j -> j.status() == TrainingJobStatus.InProgress));
  }

  @Test
  void aJobThatEndedOrIsStillRunOrDoesNotExistCannotBeResumedAndNothingChanges() {
    runner(ResumeTest::falling);
    leaveCrashedTuningJob(spec("owned", "Grid", 5, 1));
    long otherLiveProcess = ProcessHandle.current().parent().orElseThrow().pid();
    store.putTuningJobAttribute("owned", TuningJobAttribute.OWNER_PID, Long.toString(otherLiveProcess));
    JobStateException running = assertThrows(JobStateException.class,
        () -> runner.resume("owned", new TuningObserver() { }, new AtomicBoolean()));
    assertTrue(running.getMessage().contains("owned") && running.getMessage().contains("process " + otherLiveProcess),
        running.getMessage());
    assertEquals(TrainingJobStatus.InProgress, jobs("owned").get(2).status(), "the live owner's job is untouched");

    runner.create(runner.prepare(parse(spec("ended", "Grid", 5, 1))));
    store.updateTuningJobStatus("ended", TuningJobStatus.Completed, null, clock.instant());
    JobStateException ended = assertThrows(JobStateException.class,
        () -> runner.resume("ended", new TuningObserver() { }, new AtomicBoolean()));
    assertEquals("ended", ended.jobName());
    assertTrue(ended.getMessage().contains("Completed"), ended.getMessage());
    assertTrue(jobs("ended").isEmpty());

    assertThrows(NoSuchJobException.class, () -> runner.resume("nobody", new TuningObserver() { }, new AtomicBoolean()));
  }
}
