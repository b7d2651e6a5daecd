package dev.tunelab.core.tuning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * In-order scheduling ({@link Scheduling#IN_ORDER}, the default) makes a tuning job with several
 * training jobs at once reproducible: the same RandomSeed launches the same configurations in the
 * same order however long each job takes, with a fake trainer whose jobs sleep for random times
 * and with the course's real XGBoost spec.
 */
class ReproducibleSchedulingTest extends FakeTuningTest {

  /** One job as the comparison sees it: its name, tuned hyperparameters and objective. */
  record Launched(String name, Map<String, String> tuned, Double objective) { }

  static List<Launched> launched(JobStore store, String tuningJob) {
    List<Launched> out = new ArrayList<>();
    store.trainingJobsOf(tuningJob).stream().sorted(Comparator.comparing(TrainingJobRecord::name))
        .forEach(j -> out.add(new Launched(j.name(), j.tunedHyperParameters(), j.objectiveValue())));
    return out;
  }

  /** A fake trainer whose jobs first sleep 0 to 25 ms, drawn from {@code timingSeed}. */
  Trainer sleepy(long timingSeed) {
    FakeTrainer fake = new FakeTrainer(METRIC, hp -> FakeTrainer.Plan.train(3, r -> Math.abs(x(hp) - 23) + r),
        clock);
    SplittableRandom random = new SplittableRandom(timingSeed);
    return new Trainer() {
      @Override
      public void validate(Map<String, String> hyperParameters) { }

      @Override
      public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
        int millis;
        synchronized (random) {
          millis = random.nextInt(26);
        }
        try {
          Thread.sleep(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return fake.train(request, listener);
      }
    };
  }

  List<Launched> runFake(String name, long timingSeed, Scheduling scheduling) {
    TuningJobRunner r = new TuningJobRunner(store, home, s -> sleepy(timingSeed), clock);
    ObjectNode spec = spec(name, "Bayesian", 15, 3);
    TuningJobRecord rec = r.run(r.prepare(parse(spec)), TuningObserver.NONE, new AtomicBoolean(), scheduling);
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<Launched> jobs = launched(store, name);
    // compare across runs without the tuning job's name
    return jobs.stream().map(j -> new Launched(j.name().substring(name.length()), j.tuned(), j.objective())).toList();
  }

  @Test
  void inOrderRunsLaunchTheSameJobsWhateverTheTiming() {
    List<Launched> first = runFake("order-a", 1, Scheduling.IN_ORDER);
    List<Launched> second = runFake("order-b", 2, Scheduling.IN_ORDER);
    List<Launched> third = runFake("order-c", 3, Scheduling.IN_ORDER);
    assertEquals(15, first.size());
    assertEquals(first, second);
    assertEquals(first, third);
    assertEquals("InOrder", store.tuningJobAttribute("order-a", TuningJobAttribute.SCHEDULING).orElseThrow());
  }

  @Test
  void theAsynchronousModeIsKeptWithTheTuningJob() {
    List<Launched> jobs = runFake("async", 4, Scheduling.ASYNCHRONOUS);
    assertEquals(15, jobs.size());
    assertEquals("Asynchronous", store.tuningJobAttribute("async", TuningJobAttribute.SCHEDULING).orElseThrow());
  }

  /** A fake trainer whose first training job sleeps {@code firstMillis}, the others not at all. */
  Trainer slowFirst(int firstMillis) {
    FakeTrainer fake = new FakeTrainer(METRIC, hp -> FakeTrainer.Plan.train(3, r -> Math.abs(x(hp) - 23) + r),
        clock);
    return new Trainer() {
      @Override
      public void validate(Map<String, String> hyperParameters) { }

      @Override
      public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
        if (request.jobName().contains("-001-")) {
          try {
            Thread.sleep(firstMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return fake.train(request, listener);
      }
    };
  }

  /**
   * Random's proposals ignore results, so in order it never waits for an older job (job 3 starts
   * while job 1 still runs), and it still launches the same jobs as when nothing waits.
   */
  @Test
  void randomNeverWaitsForAnOlderJobAndLaunchesTheSameJobs() {
    List<List<Launched>> runs = new ArrayList<>();
    for (int firstMillis : new int[] {0, 600}) {
      String name = "random-" + firstMillis;
      TuningJobRunner r = new TuningJobRunner(store, home, s -> slowFirst(firstMillis), clock);
      TuningJobRecord rec = r.run(r.prepare(parse(spec(name, "Random", 8, 2))), TuningObserver.NONE,
          new AtomicBoolean(), Scheduling.IN_ORDER);
      assertEquals(TuningJobStatus.Completed, rec.status());
      runs.add(launched(store, name).stream()
          .map(j -> new Launched(j.name().substring(name.length()), j.tuned(), j.objective())).toList());
    }
    assertEquals(8, runs.get(0).size());
    assertEquals(runs.get(0), runs.get(1));
    List<TrainingJobRecord> slow = store.trainingJobsOf("random-600").stream()
        .sorted(Comparator.comparingInt(TrainingJobRecord::sequence)).toList();
    assertTrue(slow.get(2).creationTime().isBefore(slow.get(0).endTime()),
        "job 3 was created at " + slow.get(2).creationTime() + ", after job 1 ended at " + slow.get(0).endTime());
  }

  /** The acceptance test: the course's spec with RandomSeed 7 and 3 in parallel, twice, real XGBoost. */
  @Test
  @Tag("slow")
  void twoRunsOfTheCourseSpecWithSeed7AndThreeInParallelAreIdentical() throws Exception {
    List<List<Launched>> runs = new ArrayList<>();
    for (int run = 0; run < 2; run++) {
      Path runHome = Files.createDirectories(home.resolve("run" + run));
      try (JobStore s = JobStore.openSqlite(runHome)) {
        TuningJobRunner r = new TuningJobRunner(s, runHome);
        ObjectNode spec = courseSpec("course-seed7", 20, 3);
        config(spec).put("RandomSeed", 7);
        TuningJobRecord rec = r.run(r.prepare(parse(spec, examples())), TuningObserver.NONE, new AtomicBoolean());
        assertEquals(TuningJobStatus.Completed, rec.status());
        runs.add(launched(s, "course-seed7"));
      }
    }
    assertEquals(20, runs.get(0).size());
    assertTrue(runs.get(0).stream().allMatch(j -> j.objective() != null), runs.get(0).toString());
    assertEquals(runs.get(0), runs.get(1));
  }
}
