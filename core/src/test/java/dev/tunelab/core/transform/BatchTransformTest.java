package dev.tunelab.core.transform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.metrics.MetricScore;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.core.xgboost.XGBoostTrainer;
import dev.tunelab.datasets.BostonHousing;
import dev.tunelab.datasets.CourseSplit;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch transform with a small XGBoost model on the Boston test split. */
class BatchTransformTest {

  @TempDir static Path dir;
  static Path model;
  static Dataset test;

  @BeforeAll
  static void train() {
    CourseSplit split = BostonHousing.courseSplit(BostonHousing.DEFAULT_SPLIT_SEED);
    test = split.test();
    TrainingOutcome out = new XGBoostTrainer().train(new TrainingRequest("m",
        Map.of("objective", "reg:squarederror", "num_round", "20", "max_depth", "3"),
        Map.of("train", split.train()), Map.of(), dir.resolve("m"), Duration.ofHours(1), 1, null),
        TrainingListener.NONE);
    model = out.modelArtifact();
  }

  private static Path csv(String name, double[][] rows) throws IOException {
    return Files.writeString(dir.resolve(name), Arrays.stream(rows)
        .map(r -> Arrays.stream(r).mapToObj(Double::toString).collect(Collectors.joining(",")))
        .collect(Collectors.joining("\n", "", "\n")));
  }

  private static double[][] column(double[] v) {
    return Arrays.stream(v).mapToObj(x -> new double[] {x}).toArray(double[][]::new);
  }

  @Test
  void writesOnePredictionPerRowAndScoresThemAgainstTheLabels() throws IOException {
    Path input = csv("test.csv", test.features());
    Path labels = csv("labels.csv", column(test.labels()));
    Path output = dir.resolve("out/predictions.csv");
    BatchTransform.Result r = BatchTransform.run(model, input, output, labels);
    assertEquals(test.rows(), r.rows());
    assertEquals(output, r.output());
    List<String> lines = Files.readAllLines(output);
    assertEquals(test.rows(), lines.size());
    double sum = 0;
    for (int i = 0; i < lines.size(); i++) {
      double d = Double.parseDouble(lines.get(i)) - test.labels()[i];
      sum += d * d;
    }
    double mse = sum / lines.size();
    assertEquals(List.of("rmse", "mse", "mae", "r2"), r.metrics().stream().map(MetricScore::name).toList(),
        "the regression scores, in order");
    assertEquals("reg:squarederror", r.objective());
    assertEquals(mse, r.metric("mse"), 1e-3 * mse, "MSE of the written predictions");
    assertEquals(Math.sqrt(r.metric("mse")), r.metric("rmse"), 1e-12);
    assertTrue(r.metric("rmse") < 10, "a plausible RMSE on Boston: " + r.metric("rmse"));
    assertTrue(r.metric("r2") > 0.5 && r.metric("r2") < 1, "a plausible R2: " + r.metric("r2"));
    // the arrays it returns are the written predictions and the labels read
    assertEquals(test.rows(), r.predictions().length);
    assertEquals(Float.parseFloat(lines.get(0)), (float) r.predictions()[0]);
    assertArrayEquals(test.labels(), r.labels(), 1e-6);
  }

  @Test
  void withoutLabelsThereIsNoScore() throws IOException {
    BatchTransform.Result r = BatchTransform.run(model, csv("few.csv", Arrays.copyOf(test.features(), 3)),
        dir.resolve("few.out"), null);
    assertEquals(3, r.rows());
    assertNull(r.metric("rmse"));
    assertEquals(List.of(), r.metrics());
  }

  @Test
  void mismatchedLabelsOrFeaturesAreSpecExceptionsAndWriteNothing() throws IOException {
    Path input = csv("three.csv", Arrays.copyOf(test.features(), 3));
    Path out = dir.resolve("never.csv");
    SpecException count = assertThrows(SpecException.class,
        () -> BatchTransform.run(model, input, out, csv("two-labels.csv", column(new double[] {1, 2}))));
    assertEquals("--labels", count.field());
    assertTrue(count.getMessage().contains("as many labels as input rows"), count.getMessage());
    SpecException wide = assertThrows(SpecException.class,
        () -> BatchTransform.run(model, input, out, csv("wide-labels.csv", new double[][] {{1, 2}, {3, 4}, {5, 6}})));
    assertEquals("--labels", wide.field());
    double[][] twelve = Arrays.stream(Arrays.copyOf(test.features(), 3)).map(r -> Arrays.copyOf(r, 12))
        .toArray(double[][]::new);
    SpecException features = assertThrows(SpecException.class,
        () -> BatchTransform.run(model, csv("twelve.csv", twelve), out, null));
    assertEquals("--input", features.field());
    assertTrue(features.getMessage().contains("13 features"), features.getMessage());
    assertFalse(Files.exists(out));
  }

  @Test
  void anOutputThatIsTheInputTheLabelsOrTheModelIsRefusedAndLeavesThemIntact() throws IOException {
    Path input = csv("same.csv", Arrays.copyOf(test.features(), 3));
    Path labels = csv("same-labels.csv", column(new double[] {1, 2, 3}));
    String inputText = Files.readString(input);
    String labelsText = Files.readString(labels);
    byte[] modelBytes = Files.readAllBytes(model);
    Path link = dir.resolve("link-to-input.csv");
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, input);
    for (Path out : List.of(input, link, labels, model)) {
      SpecException e = assertThrows(SpecException.class,
          () -> BatchTransform.run(model, input, out, labels), out::toString);
      assertEquals("--output", e.field(), e.getMessage());
      assertTrue(e.getMessage().contains("same file"), e.getMessage());
    }
    assertEquals(inputText, Files.readString(input));
    assertEquals(labelsText, Files.readString(labels));
    assertArrayEquals(modelBytes, Files.readAllBytes(model));
    assertTrue(Files.isSymbolicLink(link));
  }
}
