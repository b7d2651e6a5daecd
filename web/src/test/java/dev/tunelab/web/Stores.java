package dev.tunelab.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.sdk.ContinuousParameter;
import dev.tunelab.core.sdk.Estimator;
import dev.tunelab.core.sdk.HyperparameterTuner;
import dev.tunelab.core.sdk.IntegerParameter;
import dev.tunelab.core.sdk.ParameterRange;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.NewTrainingJob;
import dev.tunelab.core.store.NewTuningJob;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Test stores: a real course tuning job through the Java API, or jobs written with the store API. */
final class Stores {
  private Stores() { }

  /** A value that must come back as text, never as markup. */
  static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)>";
  /** A log line that tries to end the report's data element. */
  static final String HOSTILE_LOG = "</script><script>alert(3)</script><!-- & -->";

  static final Instant T0 = Instant.parse("2026-12-02T10:00:00.000Z");

  /** Runs the course's tuning job (5 ranges, validation:rmse) for real with {@code jobs} jobs. */
  static void realCourseJob(Path home, String name, int jobs) {
    Estimator estimator = Estimator.xgboost().home(home)
        .setHyperparameters("max_depth", 5, "eta", 0.2, "gamma", 4, "min_child_weight", 6,
            "subsample", 0.8, "objective", "reg:linear", "early_stopping_rounds", 10, "num_round", 200);
    Map<String, ParameterRange> ranges = new LinkedHashMap<>();
    ranges.put("max_depth", new IntegerParameter(3, 12));
    ranges.put("eta", new ContinuousParameter(0.05, 0.5));
    ranges.put("min_child_weight", new IntegerParameter(2, 8));
    ranges.put("subsample", new ContinuousParameter(0.5, 0.9));
    ranges.put("gamma", new ContinuousParameter(0, 10));
    new HyperparameterTuner(estimator, "validation:rmse", ranges).objectiveType("Minimize")
        .maxJobs(jobs).maxParallelJobs(2).randomSeed(5)
        .fit(Map.of("train", "dataset:boston/train", "validation", "dataset:boston/validation"), name);
  }

  /**
   * The course's spec (examples/boston-xgboost-hpo.json) renamed, with eta searched on a log
   * scale and a categorical range {@code booster} whose second value is {@link #HOSTILE}.
   */
  static String spec(String name, String strategy, int maxJobs) {
    try {
      ObjectNode s = (ObjectNode) Json.mapper().readTree(
          Files.readString(repoRoot().resolve("examples/boston-xgboost-hpo.json")));
      s.put("HyperParameterTuningJobName", name);
      ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
      cfg.put("Strategy", strategy);
      ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", maxJobs);
      ObjectNode ranges = (ObjectNode) cfg.get("ParameterRanges");
      for (var r : ranges.get("ContinuousParameterRanges")) {
        if (r.get("Name").asText().equals("eta")) {
          ((ObjectNode) r).put("ScalingType", "Logarithmic");
        }
      }
      ArrayNode cat = ranges.putArray("CategoricalParameterRanges");
      cat.addObject().put("Name", "booster").putArray("Values").add("gbtree").add(HOSTILE);
      return Json.write(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A Completed tuning job of {@code jobs} finished training jobs written with the store API:
   * objective {@code 3 + 20 * eta} (eta alone matters), 5 rounds of train and validation rmse
   * each, two log lines (the second {@link #HOSTILE_LOG}); the best job recorded.
   */
  static List<String> syntheticJob(JobStore store, String name, String strategy, int jobs) {
    store.createTuningJob(new NewTuningJob(name, spec(name, strategy, jobs), T0));
    SplittableRandom rng = new SplittableRandom(3);
    List<String> names = new ArrayList<>();
    String best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int i = 1; i <= jobs; i++) {
      String job = String.format("%s-%03d-%08x", name, i, i);
      double eta = Math.exp(Math.log(0.05) + rng.nextDouble() * Math.log(10));
      Map<String, String> tuned = new LinkedHashMap<>();
      tuned.put("max_depth", Integer.toString(3 + rng.nextInt(10)));
      tuned.put("min_child_weight", Integer.toString(2 + rng.nextInt(7)));
      tuned.put("eta", Double.toString(eta));
      tuned.put("subsample", Double.toString(0.5 + 0.4 * rng.nextDouble()));
      tuned.put("gamma", Double.toString(10 * rng.nextDouble()));
      tuned.put("booster", i % 2 == 0 ? HOSTILE : "gbtree");
      Map<String, String> all = new LinkedHashMap<>(tuned);
      all.put("num_round", "200");
      Instant created = T0.plusSeconds(i);
      store.createTrainingJob(new NewTrainingJob(job, name, i, all, tuned, null, created, null));
      store.markTrainingStarted(job, created.plusMillis(100));
      List<MetricPoint> points = new ArrayList<>();
      double objective = 3 + 20 * eta;
      for (int round = 0; round < 5; round++) {
        Instant t = created.plusMillis(200 + round);
        points.add(new MetricPoint("train:rmse", round, 10.0 / (round + 1), t));
        // the best validation round is 3: the final objective is its value
        double v = round == 3 ? objective : objective + Math.abs(round - 3);
        points.add(new MetricPoint("validation:rmse", round, round == 4 && i == 1 ? Double.NaN : v, t));
      }
      store.appendProgress(job, List.of(LogLine.of(created.plusMillis(150), "[0]\ttrain-rmse:10"),
          LogLine.of(created.plusMillis(160), HOSTILE_LOG)), points);
      store.finishTrainingJob(job, new TrainingJobResult(TrainingJobStatus.Completed,
          created.plusSeconds(1), Map.of("validation:rmse", objective, "train:rmse", 2.0), objective,
          null, null, 5, false));
      if (objective < bestValue) {
        bestValue = objective;
        best = job;
      }
      names.add(job);
    }
    store.setBestTrainingJob(name, best);
    store.updateTuningJobStatus(name, TuningJobStatus.Completed, null, T0.plusSeconds(jobs + 2));
    return names;
  }

  /** The repository root, where examples/ lives. */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    return p.getFileName().toString().equals("web") ? p.getParent() : p;
  }
}
