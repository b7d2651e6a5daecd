package dev.tunelab.core.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the Java API tuning the course's ranges with MaxParallelTrainingJobs 1 and a seed
 * runs the same training jobs, in the same order with the same objectives, as the CLI's runner
 * on {@code examples/boston-xgboost-hpo.json} with those settings: the same best job. About 2 s on
 * an idle machine; tagged slow because XGBoost with all cores per job slows down badly when the
 * machine is oversubscribed (10 to 80 s seen).
 */
@Tag("slow")
class SdkMatchesCliTest {

  private static final int JOBS = 8;
  private static final int SEED = 2024;

  @TempDir Path home;

  /** One training job as the tuner saw it. */
  private record Trial(String nameAfterTuningJob, Map<String, String> tuned, Double objective) { }

  @Test
  void javaApiAndCliRunnerChooseTheSameJobsAndTheSameBest() {
    // the CLI's path: the example spec file, modified, through TuningJobSpecParser and TuningJobRunner
    Path example = Path.of("..", "examples", "boston-xgboost-hpo.json").toAbsolutePath().normalize();
    ObjectNode json = JsonSpecReader.read(example, n -> { }).copy();
    json.put("HyperParameterTuningJobName", "cli-run");
    ObjectNode cfg = (ObjectNode) json.get("HyperParameterTuningJobConfig");
    cfg.put("RandomSeed", SEED);
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", JOBS).put("MaxParallelTrainingJobs", 1);
    TuningJobSpec spec = TuningJobSpecParser.parse(JsonSpecReader.parse(json.toString(), "cli", n -> { }),
        example.getParent());
    TuningJobRecord cli;
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobRunner runner = new TuningJobRunner(store, home);
      cli = runner.run(runner.prepare(spec), TuningObserver.NONE, new AtomicBoolean());
    }
    assertEquals(TuningJobStatus.Completed, cli.status());

    // the Java API
    HyperparameterTuner tuner = Course.tuner(home).maxJobs(JOBS).maxParallelJobs(1).randomSeed(SEED);
    tuner.fit(Course.INPUTS, "sdk-run");

    List<Trial> cliTrials = trials("cli-run");
    List<Trial> sdkTrials = trials("sdk-run");
    assertEquals(JOBS, cliTrials.size());
    assertEquals(cliTrials, sdkTrials);
    assertEquals(cli.bestTrainingJob().substring("cli-run".length()),
        tuner.bestTrainingJob().substring("sdk-run".length()));
    // not a degenerate run: the jobs explored different configurations
    assertTrue(cliTrials.stream().map(Trial::tuned).distinct().count() == JOBS);
  }

  private List<Trial> trials(String tuningJob) {
    try (JobStore store = JobStore.openSqlite(home)) {
      return store.trainingJobsOf(tuningJob).stream()
          .map((TrainingJobRecord j) -> new Trial(j.name().substring(tuningJob.length()), j.tunedHyperParameters(),
              j.objectiveValue()))
          .toList();
    }
  }
}
