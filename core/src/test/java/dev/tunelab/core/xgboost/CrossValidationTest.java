package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.core.transform.BatchTransform;
import dev.tunelab.datasets.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * k-fold cross-validation ({@code _kfold}, {@code _num_cv_round}) of the built-in trainer on
 * Boston (regression) and on Boston turned into a binary problem, checked against the saved fold
 * models re-evaluated independently on the folds {@link KFold} gives for the same seed.
 */
class CrossValidationTest {

  static final Pattern MEAN_LINE = Pattern.compile("\\[200\\]\ttrain-(\\S+):(\\S+)\tvalidation-\\1:(\\S+)");
  /** SageMaker's recorded MetricDefinitions regex for validation:rmse, with a real tab for #011. */
  static final Pattern VALIDATION_RMSE =
      Pattern.compile(".*\\[[0-9]+\\].*\tvalidation-rmse:([-+]?[0-9]*\\.?[0-9]+(?:[eE][-+]?[0-9]+)?).*");

  static Boston boston;
  final XGBoostTrainer trainer = new XGBoostTrainer();
  @TempDir Path dir;

  @BeforeAll
  static void data() {
    boston = Boston.split(42);
  }

  static Map<String, String> hp(String... kv) {
    Map<String, String> hp = new HashMap<>(XGBoostTrainerTest.course());
    for (int i = 0; i < kv.length; i += 2) {
      hp.put(kv[i], kv[i + 1]);
    }
    return hp;
  }

  TrainingRequest request(String name, Map<String, String> hp, Dataset train, Dataset validation) {
    return new TrainingRequest(name, hp, Map.of("train", train, "validation", validation), Map.of(),
        dir.resolve(name), Duration.ofHours(1), 1, null);
  }

  static double[] concat(double[] a, double[] b) {
    double[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static double[][] concat(double[][] a, double[][] b) {
    double[][] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static double[][] rows(double[][] all, int[] idx) {
    return Arrays.stream(idx).mapToObj(i -> all[i]).toArray(double[][]::new);
  }

  static double[] predictOne(Path model, double[][] rows) throws Exception {
    Booster b = XGBoost.loadModel(model.toString());
    DMatrix m = new DMatrix(Matrices.features(rows, 0), rows.length, rows[0].length, Float.NaN);
    try {
      float[][] p = b.predict(m);
      return Arrays.stream(p).mapToDouble(r -> r[0]).toArray();
    } finally {
      m.dispose();
      b.dispose();
    }
  }

  static double mean(double[] v) {
    return Arrays.stream(v).average().orElseThrow();
  }

  static double std(double[] v) {
    double m = mean(v);
    return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / v.length);
  }

  @Test
  void regressionFinalMetricIsTheMeanOfHeldOutFoldMetrics() throws Exception {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("cv", hp("_kfold", "5"), boston.train, boston.validation), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());

    List<String> lines = listener.lines;
    assertTrue(lines.contains("227x13 matrix with 2951 entries loaded from boston.csv"), lines.toString());
    assertTrue(lines.contains("Run 1-round of 5-fold cross validation with 339 rows, folds seeded with 0"),
        lines.toString());
    for (int f = 1; f <= 5; f++) {
      assertEquals(1, lines.stream().filter(("Train cross validation fold " + f)::equals).count(), "fold " + f);
    }
    assertTrue(lines.contains("The metrics of round 1 cross validation"));
    String last = lines.stream().filter(l -> MEAN_LINE.matcher(l).matches()).reduce((a, b) -> b).orElseThrow();
    Matcher mean = MEAN_LINE.matcher(last);
    assertTrue(mean.matches());
    // the last line the SageMaker regex matches is the mean line: the objective a tuner parses
    String lastMatch = lines.stream().filter(l -> VALIDATION_RMSE.matcher(l).matches()).reduce((a, b) -> b).orElseThrow();
    assertEquals(last, lastMatch);
    double fin = out.finalMetrics().get("validation:rmse");
    assertEquals(Double.parseDouble(mean.group(3)), fin);
    assertEquals(new TreeSet<>(List.of("train:rmse", "validation:rmse", "train:rmse_std", "validation:rmse_std")),
        new TreeSet<>(out.finalMetrics().keySet()));
    assertEquals(fin, listener.metrics.get(listener.metrics.size() - 1).value());
    assertEquals("validation:rmse", listener.metrics.get(listener.metrics.size() - 1).name());

    // each fold model, re-evaluated on its held-out rows: the final metric is their mean
    double[] labels = concat(boston.train.labels(), boston.validation.labels());
    double[][] features = concat(boston.train.features(), boston.validation.features());
    List<KFold.Fold> folds = KFold.split(labels, 5, 1, 0, false);
    double[] foldRmse = new double[5];
    double[] oof = new double[labels.length];
    for (KFold.Fold fold : folds) {
      Path model = dir.resolve("cv/model/xgboost-model-" + fold.fold() + ".json");
      assertTrue(Files.isRegularFile(model), model.toString());
      double[] p = predictOne(model, rows(features, fold.heldOut()));
      double[] y = Arrays.stream(fold.heldOut()).mapToDouble(i -> labels[i]).toArray();
      foldRmse[fold.fold()] = XGBoostTrainerTest.rmse(p, y);
      for (int j = 0; j < p.length; j++) {
        oof[fold.heldOut()[j]] = p[j];
      }
    }
    assertFalse(Files.exists(dir.resolve("cv/model/xgboost-model-5.json")));
    assertEquals(dir.resolve("cv/model/xgboost-model-0.json"), out.modelArtifact());
    assertEquals(mean(foldRmse), fin, 1e-4, Arrays.toString(foldRmse));
    assertEquals(std(foldRmse), out.finalMetrics().get("validation:rmse_std"), 1e-4);
    assertTrue(std(foldRmse) > 0.05, "folds differ: " + Arrays.toString(foldRmse));
    assertTrue(fin > out.finalMetrics().get("train:rmse"), "held-out error above training error");

    // out-of-fold predictions as the container writes them: label, mean prediction
    List<String> csv = Files.readAllLines(dir.resolve("cv/output/data/predictions.csv"));
    assertEquals(339, csv.size());
    for (int i = 0; i < csv.size(); i++) {
      String[] cells = csv.get(i).split(",");
      assertEquals(2, cells.length, csv.get(i));
      assertEquals(labels[i], Double.parseDouble(cells[0]), 1e-6);
      assertEquals(oof[i], Double.parseDouble(cells[1]), 2e-6, "row " + i);
    }
  }

  @Test
  void binaryFoldsAreStratifiedAndPredictionsHaveProbabilityAndLabel() throws Exception {
    Dataset train = binary(boston.train);
    Dataset validation = binary(boston.validation);
    Map<String, String> hp = hp("_kfold", "4", "objective", "binary:logistic", "eval_metric", "logloss,auc");
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("bin", hp, train, validation), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    assertTrue(listener.lines.stream().anyMatch(l -> l.contains("cross validation with 339 rows (stratified)")),
        listener.lines.toString());
    assertEquals(new TreeSet<>(List.of("train:auc", "validation:auc", "train:logloss", "validation:logloss",
        "train:auc_std", "validation:auc_std", "train:logloss_std", "validation:logloss_std")),
        new TreeSet<>(out.finalMetrics().keySet()));
    String meanLine = listener.lines.stream().filter(l -> l.startsWith("[200]\t")).findFirst().orElseThrow();
    // per metric (in XGBoost's order, that of eval_metric) the train then the validation mean
    assertTrue(meanLine.matches("\\[200\\]\ttrain-logloss:[0-9.]+\tvalidation-logloss:[0-9.]+"
        + "\ttrain-auc:[0-9.]+\tvalidation-auc:[0-9.]+"), meanLine);

    double[] labels = concat(train.labels(), validation.labels());
    double ones = Arrays.stream(labels).sum();
    assertTrue(ones > 40 && ones < labels.length - 40, "both classes present: " + ones);
    for (KFold.Fold fold : KFold.split(labels, 4, 3, 0, true)) {
      double foldOnes = Arrays.stream(fold.heldOut()).mapToDouble(i -> labels[i]).sum();
      double share = ones * fold.heldOut().length / labels.length;
      assertTrue(Math.abs(foldOnes - share) <= 1, "fold " + fold + ": " + foldOnes + " vs " + share);
      assertTrue(Math.abs(fold.heldOut().length - labels.length / 4.0) < 1);
    }
    // the held-out AUC of every fold, recomputed from its model: the final metric is their mean
    double[][] features = concat(train.features(), validation.features());
    double[] aucs = new double[4];
    for (KFold.Fold fold : KFold.split(labels, 4, 1, 0, true)) {
      double[] p = predictOne(dir.resolve("bin/model/xgboost-model-" + fold.fold() + ".json"),
          rows(features, fold.heldOut()));
      aucs[fold.fold()] = auc(p, Arrays.stream(fold.heldOut()).mapToDouble(i -> labels[i]).toArray());
    }
    assertEquals(mean(aucs), out.finalMetrics().get("validation:auc"), 1e-4, Arrays.toString(aucs));

    List<String> csv = Files.readAllLines(dir.resolve("bin/output/data/predictions.csv"));
    assertEquals(labels.length, csv.size());
    for (int i = 0; i < csv.size(); i++) {
      String[] c = csv.get(i).split(",");
      assertEquals(3, c.length);
      double prob = Double.parseDouble(c[1]);
      assertEquals(prob > 0.5 ? 1.0 : 0.0, Double.parseDouble(c[2]), csv.get(i));
    }
  }

  @Test
  void repeatsUseDifferentFoldsAndTheLastLineAveragesAllFolds() throws Exception {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(request("rep", hp("_kfold", "3", "_num_cv_round", "2"),
        boston.train, boston.validation), listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    for (int i = 0; i < 6; i++) {
      assertTrue(Files.isRegularFile(dir.resolve("rep/model/xgboost-model-" + i + ".json")), "model " + i);
    }
    List<KFold.Fold> folds = KFold.split(concat(boston.train.labels(), boston.validation.labels()), 3, 2, 0, false);
    assertNotEquals(Arrays.toString(folds.get(0).heldOut()), Arrays.toString(folds.get(3).heldOut()));
    List<Double> repeatMeans = new ArrayList<>();
    for (String l : listener.lines) {
      Matcher m = MEAN_LINE.matcher(l);
      if (m.matches()) {
        repeatMeans.add(Double.parseDouble(m.group(3)));
      }
    }
    assertEquals(3, repeatMeans.size(), "one line per repeat and the overall one");
    assertNotEquals(repeatMeans.get(0), repeatMeans.get(1), "different folds, different means");
    assertEquals((repeatMeans.get(0) + repeatMeans.get(1)) / 2, repeatMeans.get(2), 1e-5);
    assertEquals(repeatMeans.get(2), out.finalMetrics().get("validation:rmse"));
    assertTrue(listener.lines.contains("The overall metrics of 2-round cross validation"));
    // each row predicted once per repeat
    assertEquals(339, Files.readAllLines(dir.resolve("rep/output/data/predictions.csv")).size());
  }

  @Test
  void transformOfACrossValidatedJobAveragesItsFoldModels() throws Exception {
    TrainingOutcome out = trainer.train(request("tr", hp("_kfold", "3"), boston.train, boston.validation),
        new RecordingListener());
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    Path input = dir.resolve("test.csv");
    Files.write(input, Arrays.stream(boston.test.features())
        .map(r -> Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(","))).toList());
    BatchTransform.Result r = BatchTransform.run(out.modelArtifact(), input, dir.resolve("pred.csv"), null);
    double[][] each = new double[3][];
    for (int f = 0; f < 3; f++) {
      each[f] = predictOne(dir.resolve("tr/model/xgboost-model-" + f + ".json"), boston.test.features());
    }
    assertNotEquals(each[0][0], each[1][0], "the fold models differ");
    List<String> written = Files.readAllLines(dir.resolve("pred.csv"));
    for (int i = 0; i < each[0].length; i++) {
      double avg = (each[0][i] + each[1][i] + each[2][i]) / 3;
      assertEquals(avg, r.predictions()[i], 1e-5);
      assertEquals(avg, Double.parseDouble(written.get(i)), 1e-5);
    }
    try (XGBoostModel m = XGBoostModel.load(dir.resolve("tr/model/xgboost-model-2.json"))) {
      assertEquals(3, m.foldCount(), "any fold file loads the ensemble");
    }
  }

  @Test
  void softmaxTransformOfACrossValidatedJobIsTheClassWithTheHighestMeanMargin() throws Exception {
    Dataset train = threeClasses(boston.train);
    Dataset validation = threeClasses(boston.validation);
    TrainingOutcome out = trainer.train(request("sm", hp("_kfold", "3", "objective", "multi:softmax",
        "num_class", "3"), train, validation), new RecordingListener());
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    double[][] test = boston.test.features();
    double[][] sum = new double[test.length][3];
    for (int f = 0; f < 3; f++) {
      Booster b = XGBoost.loadModel(dir.resolve("sm/model/xgboost-model-" + f + ".json").toString());
      DMatrix m = new DMatrix(Matrices.features(test, 0), test.length, test[0].length, Float.NaN);
      try {
        float[][] margins = b.predict(m, true, 0);
        for (int i = 0; i < test.length; i++) {
          for (int c = 0; c < 3; c++) {
            sum[i][c] += margins[i][c];
          }
        }
      } finally {
        m.dispose();
        b.dispose();
      }
    }
    try (XGBoostModel model = XGBoostModel.load(out.modelArtifact())) {
      double[] classes = model.predict(test);
      for (int i = 0; i < test.length; i++) {
        int best = 0;
        for (int c = 1; c < 3; c++) {
          if (sum[i][c] > sum[i][best]) {
            best = c;
          }
        }
        assertEquals(best, classes[i], "row " + i + ": a class index, not a mean of the folds' classes");
      }
    }
  }

  /** Boston's price turned into three classes: below 18, 18 to 25, above 25. */
  static Dataset threeClasses(Dataset d) {
    double[] y = Arrays.stream(d.labels()).map(v -> v < 18 ? 0 : v <= 25 ? 1 : 2).toArray();
    return new Dataset(d.features(), y, d.featureNames(), d.provenance());
  }

  @Test
  void badKfoldValuesNameTheFieldTheValueAndWhatIsAccepted() {
    SpecException one = assertThrows(SpecException.class, () -> XGBoostHyperParameters.parse(hp("_kfold", "1")));
    assertEquals("HyperParameters._kfold", one.field());
    assertTrue(one.getMessage().contains("'1'") || one.getMessage().contains("1"), one.getMessage());
    assertTrue(one.getMessage().contains("an integer from 2"), one.getMessage());
    SpecException repeats = assertThrows(SpecException.class,
        () -> XGBoostHyperParameters.parse(hp("_kfold", "3", "_num_cv_round", "0")));
    assertEquals("HyperParameters._num_cv_round", repeats.field());
    SpecException alone = assertThrows(SpecException.class,
        () -> XGBoostHyperParameters.parse(hp("_num_cv_round", "2")));
    assertTrue(alone.getMessage().contains("without _kfold"), alone.getMessage());
    // a std is reported, never tunable
    assertThrows(SpecException.class,
        () -> BuiltInXgboostContract.INSTANCE.checkMetric("MetricName", "validation:rmse_std"));
    // the trainer refuses more folds than rows as a failed job (the contract refuses it before)
    TrainingOutcome out = trainer.train(request("big", hp("_kfold", "340"), boston.train, boston.validation),
        new RecordingListener());
    assertEquals(Status.FAILED, out.status());
    assertTrue(out.failureReason().contains("_kfold=340 is larger than the 339 rows"), out.failureReason());
  }

  static Dataset binary(Dataset d) {
    double[] y = Arrays.stream(d.labels()).map(v -> v > 25 ? 1 : 0).toArray();
    return new Dataset(d.features(), y, d.featureNames(), d.provenance());
  }

  /** AUC by the rank-sum formula, ties counted half. */
  static double auc(double[] p, double[] y) {
    double pos = 0;
    double neg = 0;
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      for (int j = 0; j < p.length; j++) {
        if (y[i] == 1 && y[j] == 0) {
          sum += p[i] > p[j] ? 1 : p[i] == p[j] ? 0.5 : 0;
        }
      }
      pos += y[i];
    }
    neg = p.length - pos;
    return sum / (pos * neg);
  }
}
