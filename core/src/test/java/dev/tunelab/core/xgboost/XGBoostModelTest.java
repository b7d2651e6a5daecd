package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XGBoostModelTest {

  @TempDir static Path dir;
  static Path model;
  static Boston boston;

  @BeforeAll
  static void train() {
    boston = Boston.split(1);
    TrainingOutcome out = new XGBoostTrainer().train(new TrainingRequest("m", XGBoostTrainerTest.course(),
        Map.of("train", boston.train, "validation", boston.validation), Map.of(), dir.resolve("m"),
        Duration.ofHours(1), 1, null), TrainingListener.NONE);
    model = out.modelArtifact();
  }

  @Test
  void predictsOneValuePerRowOnTheTargetScale() throws IOException {
    try (XGBoostModel m = XGBoostModel.load(model)) {
      assertEquals(13, m.features());
      double[] p = m.predict(boston.test.features());
      assertEquals(boston.test.rows(), p.length);
      assertTrue(XGBoostTrainerTest.rmse(p, boston.test.labels()) < 7, "test RMSE");
      assertEquals(0, m.predict(new double[0][]).length);
    }
  }

  @Test
  void concurrentPredictionsEqualSerialOnes() throws Exception {
    try (XGBoostModel m = XGBoostModel.load(model)) {
      double[] serial = m.predict(boston.test.features());
      ExecutorService pool = Executors.newFixedThreadPool(4);
      try {
        List<Future<double[]>> f = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
          f.add(pool.submit(() -> m.predict(boston.test.features())));
        }
        for (Future<double[]> x : f) {
          assertArrayEquals(serial, x.get());
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void missingValuesArePredictedNotRejected() throws IOException {
    double[][] rows = {new double[13]};
    Arrays.fill(rows[0], Double.NaN);
    try (XGBoostModel m = XGBoostModel.load(model)) {
      assertTrue(Double.isFinite(m.predict(rows)[0]));
    }
  }

  @Test
  void wrongRowWidthIsRejected() throws IOException {
    try (XGBoostModel m = XGBoostModel.load(model)) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.predict(new double[][] {new double[12]}));
      assertTrue(e.getMessage().contains("rows[0]: got 12 features; expected 13"), e.getMessage());
    }
  }

  @Test
  void closedModelRefusesToPredict() throws IOException {
    XGBoostModel m = XGBoostModel.load(model);
    m.close();
    m.close();
    assertThrows(IllegalStateException.class, () -> m.predict(boston.test.features()));
  }

  @Test
  void missingOrCorruptFileIsAnIOException() throws IOException {
    assertThrows(IOException.class, () -> XGBoostModel.load(dir.resolve("nope.json")));
    Path bad = Files.writeString(dir.resolve("bad.json"), "{\"not\": \"a model\"}");
    assertThrows(IOException.class, () -> XGBoostModel.load(bad));
  }
}
