package dev.tunelab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.NewTuningJob;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.NewTransformRun;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.transform.BatchTransform;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import dev.tunelab.datasets.Dataset;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.stream.Collectors;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Stores for the browser tests: the course's tuning job run for real (built-in XGBoost on the
 * Boston data), a small tuning job written through the {@link JobStore} API whose categorical
 * value, failure reason and log lines hold HTML, and synthetic tuning jobs of any size (results
 * written through the API, nothing trained) for the render timing.
 */
final class TestStores {

  /** Sets {@code window.__tunelabPwned} if it ever runs as markup. */
  static final String HOSTILE_IMG = "<img src=x onerror=\"window.__tunelabPwned=1\">";
  /** Sets {@code window.__tunelabPwned} if it ever runs as a script. */
  static final String HOSTILE_SCRIPT = "<script>window.__tunelabPwned=2</script>";
  /** The hostile tuning job's name. */
  static final String HOSTILE = "hostile-html";

  private TestStores() { }

  /** The repository's examples folder, from the module's or the root's working directory. */
  static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    return (p.getFileName().toString().equals("web") ? p.getParent() : p).resolve("examples");
  }

  /** The course spec (examples/boston-xgboost-hpo.json) renamed, with its strategy and job count set. */
  static ObjectNode courseRequest(String name, String strategy, int jobs) {
    try {
      ObjectNode s = (ObjectNode) Json.mapper().readTree(examples().resolve("boston-xgboost-hpo.json").toFile());
      s.put("HyperParameterTuningJobName", name);
      ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
      cfg.put("Strategy", strategy);
      ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", jobs);
      return s;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static TuningJobSpec parse(ObjectNode request) {
    return TuningJobSpecParser.parse(JsonSpecReader.parse(request.toString(), "test", n -> { }), examples());
  }

  /** Runs the course tuning job for real: built-in XGBoost trains every job. */
  static void runCourseJob(Path home, String name, String strategy, int jobs) {
    TuningJobSpec spec = parse(courseRequest(name, strategy, jobs));
    try (JobStore store = JobStore.openSqlite(home)) {
      TuningJobRunner runner = new TuningJobRunner(store, home);
      runner.run(runner.prepare(spec), TuningObserver.NONE, new AtomicBoolean());
    }
  }

  /**
   * A finished tuning job of two training jobs whose categorical value, failure reason and log
   * lines hold HTML and a script, written through the store API.
   */
  static void writeHostileJob(Path home) {
    ObjectNode request = courseRequest(HOSTILE, "Random", 2);
    ObjectNode ranges = (ObjectNode) request.get("HyperParameterTuningJobConfig").get("ParameterRanges");
    ArrayNode cats = ranges.putArray("CategoricalParameterRanges");
    ObjectNode booster = cats.addObject();
    booster.put("Name", "booster");
    booster.putArray("Values").add("gbtree").add(HOSTILE_IMG);
    TuningJobSpec spec = parse(request);
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob(HOSTILE, spec.json().toString(), t0));
      for (int i = 1; i <= 2; i++) {
        String job = hostileTrainingJob(i);
        Map<String, String> tuned = new LinkedHashMap<>();
        tuned.put("max_depth", "4");
        tuned.put("min_child_weight", "3");
        tuned.put("eta", "0.1");
        tuned.put("subsample", "0.7");
        tuned.put("gamma", "1.5");
        tuned.put("booster", i == 1 ? HOSTILE_IMG : "gbtree");
        Map<String, String> all = new LinkedHashMap<>(spec.staticHyperParameters());
        all.putAll(tuned);
        store.createTrainingJob(new NewTrainingJob(job, HOSTILE, i, all, tuned, "{}", t0, home.resolve("jobs").resolve(job)));
        store.markTrainingStarted(job, t0.plusMillis(10));
        List<LogLine> lines = new ArrayList<>();
        List<MetricPoint> points = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
          Instant at = t0.plusMillis(20 + r);
          lines.add(LogLine.of(at, "[" + r + "]#011train-rmse:" + (5 - r) + "#011validation-rmse:" + (6 - r)
              + (r == 2 ? " " + HOSTILE_SCRIPT + " " + HOSTILE_IMG : "")));
          points.add(new MetricPoint("train:rmse", r, 5 - r, at));
          points.add(new MetricPoint("validation:rmse", r, 6 - r, at));
        }
        store.appendProgress(job, lines, points);
        Instant end = t0.plusMillis(100);
        store.finishTrainingJob(job, i == 1
            ? new TrainingJobResult(TrainingJobStatus.Completed, end, Map.of("validation:rmse", 2.0, "train:rmse", 1.0),
                2.0, null, null, 5, false)
            : new TrainingJobResult(TrainingJobStatus.Failed, end, Map.of(), null, null,
                "AlgorithmError: " + HOSTILE_SCRIPT + " " + HOSTILE_IMG, 5, false));
      }
      store.setBestTrainingJob(HOSTILE, hostileTrainingJob(1));
      store.updateTuningJobStatus(HOSTILE, TuningJobStatus.Completed, null, t0.plusMillis(200));
    }
  }

  /**
   * Runs the models of the tuning job's first and best training jobs on the course's validation
   * and test splits (real batch transforms with labels) and records the four runs, as
   * {@code tunelab transform --labels} does.
   *
   * @return the number of runs recorded
   */
  static int recordTransforms(Path home, String tuningJob) {
    CourseSplit split = BostonHousing.courseSplit(BostonHousing.DEFAULT_SPLIT_SEED);
    Path dir = home.resolve("transform-inputs");
    int runs = 0;
    try (JobStore store = JobStore.openSqlite(home)) {
      String best = store.tuningJob(tuningJob).orElseThrow().bestTrainingJob();
      List<TrainingJobRecord> jobs = store.trainingJobsOf(tuningJob);
      for (String model : new java.util.LinkedHashSet<>(List.of(jobs.get(0).name(), best))) {
        TrainingJobRecord job = store.trainingJob(model).orElseThrow();
        for (Map.Entry<String, Dataset> e : Map.of("validation", split.validation(), "test", split.test()).entrySet()) {
          Files.createDirectories(dir);
          Path input = csv(dir.resolve(e.getKey() + "_features.csv"), e.getValue().features());
          Path labels = csv(dir.resolve(e.getKey() + "_labels.csv"),
              Arrays.stream(e.getValue().labels()).mapToObj(v -> new double[] {v}).toArray(double[][]::new));
          BatchTransform.Result r = BatchTransform.run(Path.of(job.modelArtifact()), input,
              dir.resolve(model + "-" + e.getKey() + ".out"), labels);
          Map<String, Double> metrics = new LinkedHashMap<>();
          metrics.put("rmse", r.metric("rmse"));
          metrics.put("mse", r.metric("mse"));
          store.recordTransformRun(NewTransformRun.of(Instant.now(), model, input.toAbsolutePath(),
              labels.toAbsolutePath(), metrics, r.labels(), r.predictions()));
          runs++;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return runs;
  }

  private static Path csv(Path file, double[][] rows) throws IOException {
    return Files.writeString(file, Arrays.stream(rows)
        .map(r -> Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(",")))
        .collect(Collectors.joining("\n", "", "\n")));
  }

  static String hostileTrainingJob(int i) {
    return HOSTILE + "-00" + i + "-0000000" + i;
  }

  /**
   * A finished tuning job of {@code jobs} training jobs over the course's five ranges, with made-up
   * objectives and a few rounds of metrics each, written through the store API (nothing trains).
   */
  static void writeSynthetic(Path home, String name, int jobs, long seed) {
    createSynthetic(home, name, jobs);
    addSyntheticJobs(home, name, 1, jobs, seed);
    finishSynthetic(home, name);
  }

  /** Records a tuning job over the course's ranges, InProgress, with no training job yet. */
  static void createSynthetic(Path home, String name, int maxJobs) {
    TuningJobSpec spec = parse(courseRequest(name, "Bayesian", maxJobs));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob(name, spec.json().toString(), Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
  }

  /** Adds {@code count} completed training jobs from launch order {@code first} on, and updates the best. */
  static void addSyntheticJobs(Path home, String name, int first, int count, long seed) {
    Random rnd = new Random(seed);
    Instant t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    try (JobStore store = JobStore.openSqlite(home)) {
      Map<String, String> statics = parse(courseRequest(name, "Bayesian", first + count)).staticHyperParameters();
      for (int i = first; i < first + count; i++) {
        String job = String.format("%s-%04d-%08x", name, i, rnd.nextInt());
        int depth = 3 + rnd.nextInt(10);
        int weight = 2 + rnd.nextInt(7);
        double eta = Math.exp(Math.log(0.05) + rnd.nextDouble() * Math.log(10));
        double subsample = 0.5 + 0.4 * rnd.nextDouble();
        double gamma = 10 * rnd.nextDouble();
        Map<String, String> tuned = new LinkedHashMap<>();
        tuned.put("max_depth", Integer.toString(depth));
        tuned.put("min_child_weight", Integer.toString(weight));
        tuned.put("eta", Double.toString(eta));
        tuned.put("subsample", Double.toString(subsample));
        tuned.put("gamma", Double.toString(gamma));
        Map<String, String> all = new LinkedHashMap<>(statics);
        all.putAll(tuned);
        Instant created = t0.plusMillis(i * 10L);
        store.createTrainingJob(new NewTrainingJob(job, name, i, all, tuned, "{}", created, home.resolve("jobs").resolve(job)));
        store.markTrainingStarted(job, created.plusMillis(1));
        double value = 3 + Math.abs(Math.log(eta / 0.15)) + 0.08 * Math.abs(depth - 5) + 0.05 * gamma
            + 0.1 * rnd.nextGaussian();
        List<MetricPoint> points = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
          points.add(new MetricPoint("train:rmse", r, value + 1 - r, created.plusMillis(2)));
          points.add(new MetricPoint("validation:rmse", r, value + 2 - r, created.plusMillis(2)));
        }
        store.appendMetrics(job, points);
        store.finishTrainingJob(job, new TrainingJobResult(TrainingJobStatus.Completed, created.plusMillis(5),
            Map.of("validation:rmse", value, "train:rmse", value - 1), value, null, null, 3, false));
      }
      store.trainingJobsOf(name).stream().filter(j -> j.objectiveValue() != null)
          .min(java.util.Comparator.comparingDouble(TrainingJobRecord::objectiveValue))
          .ifPresent(best -> store.setBestTrainingJob(name, best.name()));
    }
  }

  /** Marks the tuning job Completed. */
  static void finishSynthetic(Path home, String name) {
    try (JobStore store = JobStore.openSqlite(home)) {
      store.updateTuningJobStatus(name, TuningJobStatus.Completed, null, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
  }

}
