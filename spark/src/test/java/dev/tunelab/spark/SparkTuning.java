package dev.tunelab.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.executor.ExecutorSettings;
import dev.tunelab.core.executor.TrainingExecutor;
import dev.tunelab.core.executor.TrainingExecutors;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Test helpers: the course's spec, edited, and a tuning job run here or on Spark. */
final class SparkTuning {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Path EXAMPLES = Path.of("..", "examples").toAbsolutePath().normalize();

  private SparkTuning() { }

  /** One launched job as runs compare them: name without the tuning job's, tuned values, objective. */
  record Launched(String name, Map<String, String> tuned, Double objective, String status) { }

  /** The course's tuning spec with another name, job count, parallelism and seed. */
  static ObjectNode courseSpec(String name, int jobs, int parallel, long seed) throws IOException {
    ObjectNode spec = (ObjectNode) JSON.readTree(EXAMPLES.resolve("boston-xgboost-hpo.json").toFile());
    spec.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = (ObjectNode) spec.get("HyperParameterTuningJobConfig");
    cfg.put("RandomSeed", seed);
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
    return spec;
  }

  /** Writes the spec into {@code dir} and runs it to its end, on Spark when {@code master} is given. */
  static TuningJobRecord run(Path home, Path dir, ObjectNode spec, String master, Map<String, String> conf,
      AtomicBoolean interrupt, Consumer<JobStore> whileRunning) throws IOException {
    Path file = dir.resolve(spec.get("HyperParameterTuningJobName").asText() + ".json");
    Files.writeString(file, spec.toPrettyString());
    var parsed = TuningJobSpecParser.parse(file, n -> { });
    try (JobStore store = JobStore.openSqlite(home)) {
      if (master == null) {
        TuningJobRunner runner = new TuningJobRunner(store, home);
        return runner.run(runner.prepare(parsed), TuningObserver.NONE, interrupt);
      }
      try (TrainingExecutor spark = TrainingExecutors.find("spark").orElseThrow().open(
          new ExecutorSettings(master, conf, parsed.name(), parsed.maxParallelJobs()))) {
        TuningJobRunner runner = new TuningJobRunner(store, home,
            s -> spark.place(s, TrainingJobRunner.trainerOf(s)), Clock.systemUTC());
        if (whileRunning != null) {
          whileRunning.accept(store);
        }
        return runner.run(runner.prepare(parsed), TuningObserver.NONE, interrupt);
      }
    }
  }

  /** The tuning job's training jobs in name order. */
  static List<Launched> launched(Path home, String tuningJob) {
    List<Launched> out = new ArrayList<>();
    try (JobStore store = JobStore.openSqlite(home)) {
      store.trainingJobsOf(tuningJob).stream().sorted(Comparator.comparing(TrainingJobRecord::name))
          .forEach(j -> out.add(new Launched(j.name().substring(tuningJob.length()), j.tunedHyperParameters(),
              j.objectiveValue(), j.status().name())));
    }
    return out;
  }
}
