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
    return example("boston-xgboost-hpo.json", name, jobs, parallel, seed);
  }

  /** An example tuning spec with another name, job count, parallelism and seed. */
  static ObjectNode example(String file, String name, int jobs, int parallel, long seed) throws IOException {
    ObjectNode spec = (ObjectNode) JSON.readTree(EXAMPLES.resolve(file).toFile());
    spec.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = (ObjectNode) spec.get("HyperParameterTuningJobConfig");
    cfg.put("RandomSeed", seed);
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
    return spec;
  }

  /**
   * A bring-your-own tuning spec in {@code dir}: {@code sh train.sh} minimises {@code loss=(x-3)^2}
   * for x in [0, 6], Random search, after sleeping {@code sleep} seconds (a static hyperparameter),
   * and writes {@code model/model.txt}; with the static {@code ignore_term} set to 1 it ignores
   * SIGTERM (only SIGKILL, 2 s later, ends it).
   */
  static ObjectNode byoSpec(Path dir, String name, int jobs, int parallel, String sleepSeconds) throws IOException {
    Files.writeString(dir.resolve("train.csv"), "1,2\n3,4\n");
    Files.writeString(dir.resolve("train.sh"), String.join("\n",
        "#!/bin/sh",
        "x=$(sed -n 's/.*\"x\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$SM_HPS_FILE\")",
        "s=$(sed -n 's/.*\"sleep\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$SM_HPS_FILE\")",
        "t=$(sed -n 's/.*\"ignore_term\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$SM_HPS_FILE\")",
        "if [ \"$t\" = 1 ]; then trap '' TERM; fi",
        "echo \"training x=$x in $$\"",
        "sleep \"$s\"",
        "echo \"$x\" > \"$SM_MODEL_DIR/model.txt\"",
        "awk -v x=\"$x\" 'BEGIN { printf \"loss=%.6f\\n\", (x - 3) * (x - 3) }'",
        ""));
    ObjectNode s = JSON.createObjectNode();
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = s.putObject("HyperParameterTuningJobConfig");
    cfg.put("Strategy", "Random");
    cfg.putObject("HyperParameterTuningJobObjective").put("Type", "Minimize").put("MetricName", "loss");
    cfg.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
    cfg.putObject("ParameterRanges").putArray("ContinuousParameterRanges").addObject()
        .put("Name", "x").put("MinValue", "0").put("MaxValue", "6");
    cfg.put("RandomSeed", 3);
    ObjectNode def = s.putObject("TrainingJobDefinition");
    def.putObject("StaticHyperParameters").put("sleep", sleepSeconds).put("ignore_term", "0");
    ObjectNode alg = def.putObject("AlgorithmSpecification");
    alg.put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("sh").add("train.sh");
    alg.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", "loss=([0-9.]+)");
    def.putArray("InputDataConfig").addObject().put("ChannelName", "train")
        .putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix").put("S3Uri", "train.csv");
    def.putObject("OutputDataConfig").put("S3OutputPath", "s3://tunelab-local/out");
    def.putObject("ResourceConfig").put("InstanceType", "ml.m4.xlarge").put("InstanceCount", 1).put("VolumeSizeInGB", 1);
    def.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 3600);
    return s;
  }

  /**
   * Writes the spec into {@code dir} and runs it to its end, on Spark when {@code master} is given
   * ({@code afterPrepare}, if any, runs between the checks and the start).
   */
  static TuningJobRecord run(Path home, Path dir, ObjectNode spec, String master, Map<String, String> conf,
      AtomicBoolean interrupt, Consumer<JobStore> afterPrepare) throws IOException {
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
        var prepared = runner.prepare(parsed);
        if (afterPrepare != null) {
          afterPrepare.accept(store);
        }
        return runner.run(prepared, TuningObserver.NONE, interrupt);
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
