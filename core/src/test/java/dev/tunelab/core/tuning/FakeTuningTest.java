package dev.tunelab.core.tuning;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the scheduler's fast tests: a real SQLite store in a temp folder, a test clock, and a
 * {@link FakeTrainer} in place of the real ones. Specs are bring-your-own jobs tuning one integer
 * hyperparameter {@code x} and minimising {@value #METRIC}.
 */
abstract class FakeTuningTest {

  static final String METRIC = "validation:loss";
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path home;
  JobStore store;
  MutableClock clock;
  FakeTrainer trainer;
  TuningJobRunner runner;

  @BeforeEach
  void openStore() throws IOException {
    store = JobStore.openSqlite(home);
    clock = new MutableClock(T0);
    Files.writeString(home.resolve("train.csv"), "1,2\n3,4\n");
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** Uses a fake trainer that follows {@code plans} for the next runs. */
  TuningJobRunner runner(Function<Map<String, String>, FakeTrainer.Plan> plans) {
    return runner(METRIC, plans);
  }

  /** As {@link #runner(Function)}, for a fake that emits {@code metric}. */
  TuningJobRunner runner(String metric, Function<Map<String, String>, FakeTrainer.Plan> plans) {
    trainer = new FakeTrainer(metric, plans, clock);
    runner = new TuningJobRunner(store, home, s -> trainer, clock);
    return runner;
  }

  /**
   * A bring-your-own tuning spec: {@code x} from 1 to 40 (Grid: to {@code jobs}, which SageMaker
   * requires to be the number of combinations), num_round 20, objective {@value #METRIC} minimised.
   */
  static ObjectNode spec(String name, String strategy, int jobs, int parallel) {
    ObjectNode s = Json.object();
    s.put("HyperParameterTuningJobName", name);
    ObjectNode cfg = s.putObject("HyperParameterTuningJobConfig");
    cfg.put("Strategy", strategy);
    cfg.putObject("HyperParameterTuningJobObjective").put("Type", "Minimize").put("MetricName", METRIC);
    cfg.putObject("ResourceLimits").put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", parallel);
    cfg.putObject("ParameterRanges").putArray("IntegerParameterRanges").addObject()
        .put("Name", "x").put("MinValue", "1").put("MaxValue", Integer.toString(strategy.equals("Grid") ? jobs : 40));
    cfg.put("RandomSeed", 7);
    ObjectNode def = s.putObject("TrainingJobDefinition");
    def.putObject("StaticHyperParameters").put("num_round", "20");
    ObjectNode alg = def.putObject("AlgorithmSpecification");
    alg.put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("fake-trainer");
    alg.putArray("MetricDefinitions").addObject().put("Name", METRIC).put("Regex", "loss=([0-9.]+)");
    def.putArray("InputDataConfig").addObject().put("ChannelName", "train")
        .putObject("DataSource").putObject("S3DataSource").put("S3DataType", "S3Prefix").put("S3Uri", "train.csv");
    def.putObject("OutputDataConfig").put("S3OutputPath", "s3://tunelab-local/out");
    def.putObject("ResourceConfig").put("InstanceType", "ml.m4.xlarge").put("InstanceCount", 1).put("VolumeSizeInGB", 1);
    def.putObject("StoppingCondition").put("MaxRuntimeInSeconds", 3600);
    return s;
  }

  static ObjectNode config(ObjectNode spec) {
    return (ObjectNode) spec.get("HyperParameterTuningJobConfig");
  }

  TuningJobSpec parse(ObjectNode spec) {
    return parse(spec, home);
  }

  static TuningJobSpec parse(ObjectNode spec, Path baseDir) {
    return TuningJobSpecParser.parse(JsonSpecReader.parse(spec.toString(), "test", n -> { }), baseDir);
  }

  /** The project's examples folder. */
  static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    return (p.getFileName().toString().equals("core") ? p.getParent() : p).resolve("examples");
  }

  /** The course's built-in XGBoost tuning spec (examples/boston-xgboost-hpo.json) under another name. */
  static ObjectNode courseSpec(String name, int jobs, int parallel) throws IOException {
    ObjectNode s = (ObjectNode) Json.mapper().readTree(examples().resolve("boston-xgboost-hpo.json").toFile());
    s.put("HyperParameterTuningJobName", name);
    ((ObjectNode) config(s).get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs)
        .put("MaxParallelTrainingJobs", parallel);
    return s;
  }

  TuningJobRecord run(ObjectNode spec) {
    return run(spec, TuningObserver.NONE, new AtomicBoolean());
  }

  TuningJobRecord run(ObjectNode spec, TuningObserver observer, AtomicBoolean interrupt) {
    return runner.run(runner.prepare(parse(spec)), observer, interrupt);
  }

  List<TrainingJobRecord> jobs(String tuningJob) {
    return store.trainingJobsOf(tuningJob);
  }

  /** The tuned {@code x} of a training job. */
  static int x(TrainingJobRecord job) {
    return Integer.parseInt(job.tunedHyperParameters().get("x"));
  }

  /** The tuned {@code x} from a job's hyperparameters. */
  static int x(Map<String, String> hyperParameters) {
    return Integer.parseInt(hyperParameters.get("x"));
  }

  JsonNode completionDetails(String tuningJob) {
    return DescribeTuningJob.storedCompletionDetails(store, tuningJob).orElseThrow();
  }
}
