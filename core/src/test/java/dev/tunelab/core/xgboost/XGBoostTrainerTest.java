package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XGBoostTrainerTest {

  /** SageMaker's recorded MetricDefinitions regex, with #011 (how CloudWatch shows a tab) as a real tab. */
  static final Pattern VALIDATION_RMSE =
      Pattern.compile(".*\\[[0-9]+\\].*\tvalidation-rmse:([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*");
  static final Pattern ROUND_LINE = Pattern.compile("\\[([0-9]+)\\]\ttrain-rmse:(\\S+)\tvalidation-rmse:(\\S+)");

  static Boston boston;
  final XGBoostTrainer trainer = new XGBoostTrainer();
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    boston = Boston.split(42);
  }

  /** The course's base hyperparameters (high-level notebook). */
  static Map<String, String> course() {
    Map<String, String> hp = new HashMap<>();
    hp.put("max_depth", "5");
    hp.put("eta", "0.2");
    hp.put("gamma", "4");
    hp.put("min_child_weight", "6");
    hp.put("subsample", "0.8");
    hp.put("objective", "reg:linear");
    hp.put("early_stopping_rounds", "10");
    hp.put("num_round", "200");
    return hp;
  }

  TrainingRequest request(String name, Map<String, String> hp, Map<String, Dataset> channels) {
    return new TrainingRequest(name, hp, channels, Map.of(), dir.resolve(name), Duration.ofHours(1), 1, null);
  }

  TrainingRequest request(String name, Map<String, String> hp) {
    return request(name, hp, Map.of("train", boston.train, "validation", boston.validation));
  }

  static double rmse(double[] predicted, double[] actual) {
    double s = 0;
    for (int i = 0; i < actual.length; i++) {
      double d = predicted[i] - actual[i];
      s += d * d;
    }
    return Math.sqrt(s / actual.length);
  }

  static double[] predict(Path model, double[][] rows) throws Exception {
    try (XGBoostModel m = XGBoostModel.load(model)) {
      return m.predict(rows);
    }
  }

  @Test
  void courseBaseModelEarlyStopsWithSageMakerLogAndBestIterationSemantics() throws Exception {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("base", course()), listener);

    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    int best = out.bestIteration();
    assertTrue(out.roundsTrained() < 200, "early stopping should trigger on Boston, trained " + out.roundsTrained());
    assertEquals(best + 11, out.roundsTrained(), "stops 10 rounds after the best");

    // log: preamble, one SageMaker-style line per round, then the re-print of the best round
    List<String> lines = listener.lines;
    assertTrue(lines.contains("227x13 matrix with 2951 entries loaded from boston.csv"), lines.toString());
    assertTrue(lines.contains("112x13 matrix with 1456 entries loaded from boston.csv"), lines.toString());
    assertTrue(lines.contains("Will train until validation-rmse hasn't improved in 10 rounds."));
    List<String> roundLines = lines.stream().filter(l -> ROUND_LINE.matcher(l).matches()).toList();
    assertEquals(out.roundsTrained() + 1, roundLines.size());
    for (String l : roundLines) {
      assertTrue(VALIDATION_RMSE.matcher(l).matches(), l);
    }
    int stopping = lines.indexOf("Stopping. Best iteration:");
    assertEquals(lines.size() - 2, stopping);
    Matcher reprint = ROUND_LINE.matcher(lines.get(lines.size() - 1));
    assertTrue(reprint.matches());
    assertEquals(best, Integer.parseInt(reprint.group(1)));

    // metrics: the per-round series, then the best round re-reported; final = best = min
    List<Double> validation = listener.series("validation:rmse");
    assertEquals(out.roundsTrained() + 1, validation.size());
    List<Double> perRound = validation.subList(0, out.roundsTrained());
    double min = perRound.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double fin = out.finalMetrics().get("validation:rmse");
    assertEquals(min, fin);
    assertEquals(perRound.get(best), fin);
    assertEquals(fin, validation.get(validation.size() - 1), "last reported value is the best one");
    assertEquals(Double.parseDouble(reprint.group(3)), fin);
    assertEquals(listener.series("train:rmse").get(best), out.finalMetrics().get("train:rmse"));
    assertTrue(fin < 6, "validation RMSE " + fin);

    // the saved model holds the best rounds only: its validation RMSE is the best one
    Path model = out.modelArtifact();
    assertEquals(dir.resolve("base/model/xgboost-model.json"), model);
    double[] predicted = predict(model, boston.validation.features());
    assertEquals(fin, rmse(predicted, boston.validation.labels()), 1e-5 * fin);
  }

  @Test
  void savedModelEqualsAModelTrainedForBestIterationPlusOneRounds() throws Exception {
    TrainingOutcome early = trainer.train(request("early", course()), TrainingListener.NONE);
    Map<String, String> exact = course();
    exact.remove("early_stopping_rounds");
    exact.put("num_round", Integer.toString(early.bestIteration() + 1));
    TrainingOutcome plain = trainer.train(request("plain", exact), TrainingListener.NONE);
    assertEquals(early.bestIteration() + 1, plain.roundsTrained());
    assertEquals(-1, plain.bestIteration());
    assertEquals(early.finalMetrics(), plain.finalMetrics());
    assertArrayEquals(predict(plain.modelArtifact(), boston.test.features()),
        predict(early.modelArtifact(), boston.test.features()));
  }

  @Test
  void listenerReturningFalseStopsTheJob() throws Exception {
    RecordingListener listener = new RecordingListener(o -> o.iteration() == 4);
    Map<String, String> hp = course();
    hp.remove("early_stopping_rounds");
    TrainingOutcome out = trainer.train(request("stopped", hp), listener);
    assertEquals(Status.STOPPED, out.status());
    assertEquals(5, out.roundsTrained());
    assertNotNull(out.failureReason());
    assertEquals(listener.series("validation:rmse").get(4), out.finalMetrics().get("validation:rmse"));
    assertTrue(Files.isRegularFile(out.modelArtifact()));
  }

  @Test
  void listenerStopWithEarlyStoppingKeepsTheBestModelSoFar() throws Exception {
    RecordingListener listener = new RecordingListener(o -> o.iteration() == 25);
    TrainingOutcome out = trainer.train(request("stopped-es", course()), listener);
    assertEquals(Status.STOPPED, out.status());
    assertEquals(26, out.roundsTrained());
    List<Double> v = listener.series("validation:rmse");
    double min = v.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    assertEquals(min, out.finalMetrics().get("validation:rmse"));
    assertEquals(min, v.get(out.bestIteration()));
    double[] predicted = predict(out.modelArtifact(), boston.validation.features());
    assertEquals(min, rmse(predicted, boston.validation.labels()), 1e-5 * min);
  }

  @Test
  void zeroMaxRuntimeStops() {
    TrainingRequest r = new TrainingRequest("late", course(),
        Map.of("train", boston.train, "validation", boston.validation), Map.of(), dir.resolve("late"),
        Duration.ZERO, 1, null);
    TrainingOutcome out = trainer.train(r, TrainingListener.NONE);
    assertEquals(Status.STOPPED, out.status());
    assertTrue(out.failureReason().startsWith("MaxRuntimeExceeded: "), out.failureReason());
    assertEquals(0, out.roundsTrained());
    assertNull(out.modelArtifact());
  }

  @Test
  void stopRequestedStopsBetweenRounds() {
    int[] polls = {0};
    TrainingRequest r = new TrainingRequest("stop", course(),
        Map.of("train", boston.train, "validation", boston.validation), Map.of(), dir.resolve("stop"),
        Duration.ofHours(1), 1, () -> ++polls[0] > 3);
    TrainingOutcome out = trainer.train(r, TrainingListener.NONE);
    assertEquals(Status.STOPPED, out.status());
    assertEquals(3, out.roundsTrained());
  }

  @Test
  void sameSeedGivesBitIdenticalModelsAndAnotherSeedDoesNot() throws Exception {
    Map<String, String> hp = course();
    hp.put("seed", "7");
    double[] a = predict(trainer.train(request("s1", hp), TrainingListener.NONE).modelArtifact(), boston.test.features());
    double[] b = predict(trainer.train(request("s2", hp), TrainingListener.NONE).modelArtifact(), boston.test.features());
    hp.put("seed", "8");
    double[] c = predict(trainer.train(request("s3", hp), TrainingListener.NONE).modelArtifact(), boston.test.features());
    assertArrayEquals(a, b);
    assertFalse(Arrays.equals(a, c), "subsample 0.8 with another seed should change the model");
  }

  @Test
  void parallelJobsGiveTheSameResultsAsSerialOnes() throws Exception {
    List<Map<String, String>> configs = new ArrayList<>();
    for (int k = 0; k < 4; k++) {
      Map<String, String> hp = course();
      hp.put("max_depth", Integer.toString(3 + k));
      hp.put("eta", Double.toString(0.1 + 0.1 * k));
      configs.add(hp);
    }
    List<double[]> serial = new ArrayList<>();
    List<Map<String, Double>> serialMetrics = new ArrayList<>();
    for (int k = 0; k < configs.size(); k++) {
      TrainingOutcome out = trainer.train(request("serial" + k, configs.get(k)), TrainingListener.NONE);
      serialMetrics.add(out.finalMetrics());
      serial.add(predict(out.modelArtifact(), boston.test.features()));
    }
    ExecutorService pool = Executors.newFixedThreadPool(configs.size());
    try {
      List<Future<TrainingOutcome>> futures = new ArrayList<>();
      for (int k = 0; k < configs.size(); k++) {
        TrainingRequest r = request("parallel" + k, configs.get(k));
        futures.add(pool.submit(() -> trainer.train(r, TrainingListener.NONE)));
      }
      for (int k = 0; k < configs.size(); k++) {
        TrainingOutcome out = futures.get(k).get();
        assertEquals(serialMetrics.get(k), out.finalMetrics());
        assertArrayEquals(serial.get(k), predict(out.modelArtifact(), boston.test.features()));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void trainingLeavesTheSharedDatasetsUntouched() {
    double[][] before = Arrays.stream(boston.train.features()).map(double[]::clone).toArray(double[][]::new);
    double[] labels = boston.train.labels().clone();
    trainer.train(request("untouched", course()), TrainingListener.NONE);
    assertTrue(Arrays.deepEquals(before, boston.train.features()));
    assertArrayEquals(labels, boston.train.labels());
  }

  @Test
  void missingTrainChannelFails() {
    TrainingOutcome out = trainer.train(request("no-train", course(), Map.of("validation", boston.validation)),
        TrainingListener.NONE);
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("train"), out.failureReason());
  }

  @Test
  void earlyStoppingWithoutValidationChannelFails() {
    TrainingOutcome out = trainer.train(request("no-val", course(), Map.of("train", boston.train)),
        TrainingListener.NONE);
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("early_stopping_rounds=10"), out.failureReason());
  }

  @Test
  void withoutValidationChannelTrainsAllRoundsOnTrainOnly() {
    Map<String, String> hp = course();
    hp.remove("early_stopping_rounds");
    hp.put("num_round", "20");
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("train-only", hp, Map.of("train", boston.train)), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertEquals(20, out.roundsTrained());
    assertEquals(Map.of("train:rmse", listener.series("train:rmse").get(19)), out.finalMetrics());
    assertTrue(listener.lines.contains("[19]\ttrain-rmse:" + RoundEvaluation.format(out.finalMetrics().get("train:rmse"))));
  }

  @Test
  void badHyperParameterFailsTheJobAndValidateThrows() {
    Map<String, String> hp = course();
    hp.put("eta", "0");
    SpecException e = assertThrows(SpecException.class, () -> trainer.validate(hp));
    assertEquals("HyperParameters.eta", e.field());
    TrainingOutcome out = trainer.train(request("bad", hp), TrainingListener.NONE);
    assertEquals(Status.FAILED, out.status());
    assertEquals(e.getMessage(), out.failureReason());
  }

  @Test
  void featureCountMismatchFails() {
    double[][] x = Arrays.stream(boston.validation.features()).map(r -> Arrays.copyOf(r, 12)).toArray(double[][]::new);
    Dataset narrow = new Dataset(x, boston.validation.labels(), boston.validation.featureNames().subList(0, 12),
        new Provenance("narrow", "", ""));
    TrainingOutcome out = trainer.train(request("narrow", course(), Map.of("train", boston.train, "validation", narrow)),
        TrainingListener.NONE);
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("12 features"), out.failureReason());
  }

  @Test
  void nativeErrorBecomesAFailedOutcome() {
    double[] labels = boston.train.labels().clone();
    labels[0] = 3; // not in [0, 1]
    Dataset bad = new Dataset(boston.train.features(), labels, boston.train.featureNames(), new Provenance("bad", "", ""));
    Map<String, String> hp = Map.of("num_round", "5", "objective", "binary:logistic");
    TrainingOutcome out = trainer.train(request("native", hp, Map.of("train", bad)), TrainingListener.NONE);
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().startsWith("XGBoost failed: "), out.failureReason());
  }

  @Test
  void maximisedMetricEarlyStopsOnItsMaximum() {
    // synthetic binary task: label = x0 + noise > 0
    Random random = new Random(3);
    Dataset[] parts = new Dataset[2];
    for (int p = 0; p < 2; p++) {
      double[][] x = new double[300][4];
      double[] y = new double[300];
      for (int i = 0; i < 300; i++) {
        for (int j = 0; j < 4; j++) {
          x[i][j] = random.nextGaussian();
        }
        y[i] = x[i][0] + 0.8 * random.nextGaussian() > 0 ? 1 : 0;
      }
      parts[p] = new Dataset(x, y, List.of("a", "b", "c", "d"), new Provenance("synthetic", "", ""));
    }
    Map<String, String> hp = Map.of("num_round", "300", "objective", "binary:logistic", "eta", "0.5",
        "early_stopping_rounds", "5", "eval_metric", "logloss,auc", "_tuning_objective_metric", "validation:auc");
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("auc", hp, Map.of("train", parts[0], "validation", parts[1])), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertTrue(listener.lines.contains("Setting up HPO optimized metric to be : auc"));
    assertTrue(listener.lines.contains(
        "Multiple eval metrics have been passed: 'validation-auc' will be used for early stopping."));
    List<Double> auc = listener.series("validation:auc").subList(0, out.roundsTrained());
    double max = auc.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertEquals(max, out.finalMetrics().get("validation:auc"));
    assertEquals(auc.indexOf(max), out.bestIteration(), "the first round reaching the maximum is the best");
    assertTrue(out.finalMetrics().containsKey("validation:logloss"));
  }

  @Test
  void gblinearEarlyStoppingSavesTheBestRoundsToo() throws Exception {
    // 30 training rows, 20 noise features: the linear model overfits as rounds go on
    Random random = new Random(5);
    Dataset[] parts = new Dataset[2];
    for (int p = 0; p < 2; p++) {
      int n = p == 0 ? 30 : 300;
      double[][] x = new double[n][20];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < 20; j++) {
          x[i][j] = random.nextGaussian();
        }
        y[i] = 2 * x[i][0] + random.nextGaussian();
      }
      parts[p] = new Dataset(x, y, java.util.stream.IntStream.range(0, 20).mapToObj(j -> "f" + j).toList(),
          new Provenance("synthetic", "", ""));
    }
    Map<String, String> hp = Map.of("booster", "gblinear", "num_round", "200", "eta", "0.3",
        "lambda", "0", "early_stopping_rounds", "3");
    TrainingOutcome early = trainer.train(request("linear", hp, Map.of("train", parts[0], "validation", parts[1])),
        TrainingListener.NONE);
    assertEquals(Status.COMPLETED, early.status(), early.failureReason());
    assertTrue(early.roundsTrained() < 200, "gblinear should early stop, trained " + early.roundsTrained());
    double fin = early.finalMetrics().get("validation:rmse");
    double[] predicted = predict(early.modelArtifact(), parts[1].features());
    assertEquals(fin, rmse(predicted, parts[1].labels()), 1e-5 * fin);
  }

  @Test
  void dartEarlyStoppingSavesTheModelAsItWasAtTheBestRound() throws Exception {
    // DART re-weights old trees in later rounds, so cutting the final model would not do
    Map<String, String> hp = new HashMap<>(course());
    hp.put("booster", "dart");
    hp.put("rate_drop", "0.3");
    hp.put("early_stopping_rounds", "3");
    TrainingOutcome out = trainer.train(request("dart", hp), TrainingListener.NONE);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertTrue(out.roundsTrained() < 200, "dart should early stop, trained " + out.roundsTrained());
    double fin = out.finalMetrics().get("validation:rmse");
    double[] predicted = predict(out.modelArtifact(), boston.validation.features());
    assertEquals(fin, rmse(predicted, boston.validation.labels()), 1e-5 * fin);
  }

  @Test
  void csvWeightsUsesTheFirstFeatureColumnAsWeights() throws Exception {
    Map<String, String> hp = Map.of("num_round", "10", "csv_weights", "1");
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("weights", hp, Map.of("train", boston.train)), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertTrue(listener.lines.contains("227x12 matrix with 2724 entries loaded from boston.csv"), listener.lines.toString());
    try (XGBoostModel m = XGBoostModel.load(out.modelArtifact())) {
      assertEquals(12, m.features());
    }
  }

  @Test
  void csvWeightsWeighTheValidationRowsToo() {
    Map<String, String> hp = Map.of("num_round", "5", "csv_weights", "1");
    TrainingOutcome even = trainer.train(request("even", hp, Map.of("train", boston.train,
        "validation", withFirstColumn(boston.validation, 1))), new RecordingListener());
    TrainingOutcome skewed = trainer.train(request("skewed", hp, Map.of("train", boston.train,
        "validation", withFirstColumn(boston.validation, 0))), new RecordingListener());
    assertEquals(Status.COMPLETED, even.status(), even.failureReason());
    assertEquals(Status.COMPLETED, skewed.status(), skewed.failureReason());
    // half the validation rows weigh 0 in the second run: XGBoost's weighted rmse must differ
    assertNotEquals(even.finalMetrics().get("validation:rmse"), skewed.finalMetrics().get("validation:rmse"));
  }

  /** The data with its first feature column (the weight) set to 1, or with {@code allOnes} 0, to 0 on even rows. */
  private static Dataset withFirstColumn(Dataset d, int allOnes) {
    double[][] x = new double[d.rows()][];
    for (int r = 0; r < x.length; r++) {
      x[r] = d.features()[r].clone();
      x[r][0] = allOnes == 1 || r % 2 == 1 ? 1 : 0;
    }
    return new Dataset(x, d.labels(), d.featureNames(), d.provenance());
  }
}
