package dev.tunelab.core.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.metrics.MetricScore;
import dev.tunelab.core.metrics.Metrics;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.core.xgboost.XGBoostTrainer;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch transform of classification models writes what the XGBoost container's inference writes
 * for the objective and scores it with the classification metrics.
 */
class ClassificationTransformTest {

  @TempDir static Path dir;
  static Dataset binaryTest;
  static Dataset multiTest;

  static Dataset data(long seed, int rows, int classes) {
    Random random = new Random(seed);
    double[][] x = new double[rows][3];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 3; j++) {
        x[i][j] = random.nextGaussian();
      }
      double s = x[i][0] + 0.6 * random.nextGaussian();
      y[i] = classes == 2 ? (s > 0 ? 1 : 0) : (s < -0.5 ? 0 : s < 0.5 ? 1 : 2);
    }
    return new Dataset(x, y, List.of("a", "b", "c"), new Provenance("synthetic", "", ""));
  }

  @BeforeAll
  static void data() {
    binaryTest = data(2, 120, 2);
    multiTest = data(4, 120, 3);
  }

  static Path model(String name, String objective, Dataset train) {
    Map<String, String> hp = new HashMap<>(Map.of("objective", objective, "num_round", "15", "max_depth", "3"));
    if (objective.startsWith("multi:")) {
      hp.put("num_class", "3");
    }
    TrainingOutcome out = new XGBoostTrainer().train(new TrainingRequest(name, hp, Map.of("train", train),
        Map.of(), dir.resolve(name), Duration.ofHours(1), 1, null), TrainingListener.NONE);
    return out.modelArtifact();
  }

  static Path csv(String name, double[][] rows) throws IOException {
    return Files.writeString(dir.resolve(name), Arrays.stream(rows)
        .map(r -> Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(",")))
        .collect(Collectors.joining("\n", "", "\n")));
  }

  static Path labels(String name, double[] y) throws IOException {
    return csv(name, Arrays.stream(y).mapToObj(v -> new double[] {v}).toArray(double[][]::new));
  }

  static double[][] readRows(Path file) throws IOException {
    return Files.readAllLines(file).stream()
        .map(l -> Arrays.stream(l.split(",")).mapToDouble(Double::parseDouble).toArray()).toArray(double[][]::new);
  }

  static List<String> names(BatchTransform.Result r) {
    return r.metrics().stream().map(MetricScore::name).toList();
  }

  @Test
  void binaryLogisticWritesTheProbabilityAndReportsAucAccuracyF1AndLogLoss() throws IOException {
    Path model = model("bin", "binary:logistic", data(1, 400, 2));
    Path out = dir.resolve("bin.out");
    BatchTransform.Result r = BatchTransform.run(model, csv("bin.csv", binaryTest.features()), out,
        labels("bin-labels.csv", binaryTest.labels()));
    double[][] written = readRows(out);
    double[] p = Arrays.stream(written).mapToDouble(row -> row[0]).toArray();
    assertTrue(Arrays.stream(written).allMatch(row -> row.length == 1 && row[0] > 0 && row[0] < 1));
    assertEquals(List.of("auc", "accuracy", "f1_binary", "logloss"), names(r));
    double[] y = binaryTest.labels();
    assertEquals(Metrics.auc(y, p), r.metric("auc"), 1e-6);
    assertEquals(Metrics.accuracy(y, Metrics.above(p, 0.5)), r.metric("accuracy"), 1e-12);
    assertEquals(Metrics.f1Binary(y, Metrics.above(p, 0.5)), r.metric("f1_binary"), 1e-12);
    assertEquals(Metrics.logLoss(y, p), r.metric("logloss"), 1e-5);
    assertTrue(r.metric("auc") > 0.8, "a learnable task: " + r.metric("auc"));
  }

  @Test
  void softprobWritesOneRowOfClassProbabilitiesAndReportsMulticlassScores() throws IOException {
    Path model = model("prob", "multi:softprob", data(3, 400, 3));
    Path out = dir.resolve("prob.out");
    BatchTransform.Result r = BatchTransform.run(model, csv("multi.csv", multiTest.features()), out,
        labels("multi-labels.csv", multiTest.labels()));
    double[][] written = readRows(out);
    assertEquals(multiTest.rows(), written.length);
    for (double[] row : written) {
      assertEquals(3, row.length);
      assertEquals(1.0, Arrays.stream(row).sum(), 1e-5);
    }
    assertEquals(List.of("accuracy", "f1_macro", "mlogloss"), names(r));
    int[] predicted = Metrics.argmax(written);
    assertEquals(Metrics.accuracy(multiTest.labels(), predicted), r.metric("accuracy"), 1e-12);
    assertEquals(Metrics.f1Macro(multiTest.labels(), predicted), r.metric("f1_macro"), 1e-12);
    assertEquals(Metrics.multiLogLoss(multiTest.labels(), written), r.metric("mlogloss"), 1e-5);
    assertEquals(predicted[0], r.predictions()[0], "the point prediction is the most probable class");
  }

  @Test
  void softmaxWritesTheClassAndStillReportsLogLossFromTheMargins() throws IOException {
    Path model = model("max", "multi:softmax", data(3, 400, 3));
    Path out = dir.resolve("max.out");
    BatchTransform.Result r = BatchTransform.run(model, csv("max.csv", multiTest.features()), out,
        labels("max-labels.csv", multiTest.labels()));
    double[][] written = readRows(out);
    int[] classes = new int[written.length];
    for (int i = 0; i < written.length; i++) {
      assertEquals(1, written[i].length);
      assertTrue(List.of(0.0, 1.0, 2.0).contains(written[i][0]));
      classes[i] = (int) written[i][0];
    }
    assertEquals(Metrics.accuracy(multiTest.labels(), classes), r.metric("accuracy"), 1e-12);
    assertTrue(r.metric("mlogloss") > 0 && r.metric("mlogloss") < 1.1, "better than uniform: " + r.metric("mlogloss"));
  }

  @Test
  void labelsThatAreNotClassesOfTheModelAreRefusedNamingTheFile() throws IOException {
    Path model = model("bad", "multi:softprob", data(3, 100, 3));
    double[] y = multiTest.labels().clone();
    y[5] = 3;
    Path bad = labels("bad-labels.csv", y);
    SpecException e = assertThrows(SpecException.class, () -> BatchTransform.run(model,
        csv("bad.csv", multiTest.features()), dir.resolve("bad.out"), bad));
    assertEquals("--labels", e.field());
    assertTrue(e.getMessage().contains("class labels 0 to 2") && e.getMessage().contains("line 6"), e.getMessage());
  }
}
