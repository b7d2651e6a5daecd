package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** tree_method=auto as the image's XGBoost resolved it, and the one notice when exact meets many rows. */
class TreeMethodNoticeTest {

  @TempDir
  Path dir;

  private static Dataset rows(int n) {
    Random rnd = new Random(3);
    float[] x = new float[n * 2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[2 * i] = rnd.nextFloat();
      x[2 * i + 1] = rnd.nextFloat();
      y[i] = x[2 * i] * 3 + rnd.nextGaussian() * 0.1;
    }
    return Dataset.ofFloats(x, n, y, List.of("a", "b"), new Provenance("test", "", ""));
  }

  private List<String> notices(XGBoostTrainer trainer, Dataset train, Map<String, String> hp) {
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = trainer.train(new TrainingRequest("j", hp, Map.of("train", train), Map.of(),
        dir.resolve("j" + System.nanoTime()), Duration.ofHours(1), 1, null), listener);
    assertEquals(TrainingOutcome.Status.COMPLETED, out.status(), listener.lines.toString());
    return listener.lines.stream().filter(l -> l.startsWith("Notice: ")).toList();
  }

  @Test
  void exactOnMoreThan100000RowsGetsOneNoticeNamingTreeMethod() {
    Dataset big = rows(100_001);
    List<String> n = notices(new XGBoostTrainer(), big, Map.of("num_round", "2"));
    assertEquals(1, n.size(), n.toString());
    assertTrue(n.get(0).contains("tree_method=auto resolved to exact"), n.get(0));
    assertTrue(n.get(0).contains("XGBoost 0.72 behind image tag '1'"), n.get(0));
    assertTrue(n.get(0).contains("tree_method=hist"), n.get(0));
    List<String> asked = notices(new XGBoostTrainer(), big, Map.of("num_round", "1", "tree_method", "exact"));
    assertEquals(1, asked.size());
    assertTrue(asked.get(0).startsWith("Notice: tree_method=exact on 100001 training rows"), asked.get(0));
  }

  @Test
  void noNoticeForSmallDataHistOrAnXgboost2Image() {
    assertEquals(List.of(), notices(new XGBoostTrainer(), rows(100_000), Map.of("num_round", "1")));
    Dataset big = rows(100_001);
    assertEquals(List.of(), notices(new XGBoostTrainer(), big, Map.of("num_round", "1", "tree_method", "hist")));
    XGBoostTrainer x30 = new XGBoostTrainer(XgboostImage.of("x/sagemaker-xgboost:3.0-5", null));
    assertEquals(List.of(), notices(x30, big, Map.of("num_round", "1")), "auto is hist from XGBoost 2.0");
  }
}
