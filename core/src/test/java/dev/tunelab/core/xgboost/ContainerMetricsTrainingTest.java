package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.metrics.Metrics;
import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real XGBoost jobs that ask for the metrics SageMaker's container computes itself: the log line
 * has them after XGBoost's own, early stopping maximises them, and the final value is what the
 * saved model scores on the validation channel.
 */
class ContainerMetricsTrainingTest {

  private final XGBoostTrainer trainer = new XGBoostTrainer();
  @TempDir Path dir;

  /** A synthetic task with {@code classes} classes: the class is the bucket of x0 + noise. */
  static Dataset classes(long seed, int rows, int classes) {
    Random random = new Random(seed);
    double[][] x = new double[rows][4];
    double[] y = new double[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < 4; j++) {
        x[i][j] = random.nextGaussian();
      }
      double s = x[i][0] + 0.5 * x[i][1] + 0.7 * random.nextGaussian();
      y[i] = classes == 2 ? (s > 0.3 ? 1 : 0) : (s < -0.5 ? 0 : s < 0.5 ? 1 : 2);
    }
    return new Dataset(x, y, List.of("a", "b", "c", "d"), new Provenance("synthetic", "", ""));
  }

  private TrainingOutcome train(String name, Map<String, String> hp, Dataset train, Dataset validation,
      RecordingListener listener) {
    TrainingRequest request = new TrainingRequest(name, hp, Map.of("train", train, "validation", validation),
        Map.of(), dir.resolve(name), Duration.ofHours(1), 1, null);
    TrainingOutcome out = trainer.train(request, listener);
    assertEquals(Status.COMPLETED, out.status(), out.failureReason());
    return out;
  }

  @Test
  void binaryF1IsLoggedAfterXGBoostsMetricsAndEarlyStopsOnItsMaximum() throws Exception {
    Dataset train = classes(1, 400, 2);
    Dataset validation = classes(2, 200, 2);
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = train("f1", Map.of("num_round", "200", "objective", "binary:logistic", "eta", "0.3",
        "max_depth", "3", "early_stopping_rounds", "10", "eval_metric", "accuracy",
        "_tuning_objective_metric", "validation:f1"), train, validation, listener);
    Pattern line = Pattern.compile("\\[\\d+\\]\ttrain-logloss:\\S+\tvalidation-logloss:\\S+"
        + "\ttrain-accuracy:\\S+\ttrain-f1:\\S+\tvalidation-accuracy:\\S+\tvalidation-f1:\\S+");
    assertTrue(listener.lines.stream().anyMatch(l -> line.matcher(l).matches()), String.join("\n", listener.lines));

    List<Double> f1 = listener.series("validation:f1").subList(0, out.roundsTrained());
    double max = f1.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    assertEquals(max, out.finalMetrics().get("validation:f1"), "f1 is maximised");
    assertEquals(f1.indexOf(max), out.bestIteration());

    // the saved model holds the best rounds: its F1 (macro, p > 0.5) and accuracy are the final values
    double[] p;
    try (XGBoostModel model = XGBoostModel.load(out.modelArtifact())) {
      p = model.predict(validation.features());
    }
    int[] predicted = Metrics.above(p, 0.5);
    assertEquals(Metrics.f1Macro(validation.labels(), predicted), out.finalMetrics().get("validation:f1"), 1e-5);
    assertEquals(Metrics.accuracy(validation.labels(), predicted),
        out.finalMetrics().get("validation:accuracy"), 1e-5);
  }

  @Test
  void multiclassAccuracyAndMacroF1ComeFromTheArgmaxOfTheClassProbabilities() throws Exception {
    Dataset train = classes(3, 400, 3);
    Dataset validation = classes(4, 200, 3);
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = train("multi", Map.of("num_round", "20", "objective", "multi:softprob",
        "num_class", "3", "max_depth", "3", "eval_metric", "mlogloss,accuracy,f1_macro"), train, validation,
        listener);
    double[][] p;
    try (XGBoostModel model = XGBoostModel.load(out.modelArtifact())) {
      p = model.predictAll(validation.features());
    }
    int[] predicted = Metrics.argmax(p);
    assertEquals(Metrics.accuracy(validation.labels(), predicted), out.finalMetrics().get("validation:accuracy"),
        1e-5);
    assertEquals(Metrics.f1Macro(validation.labels(), predicted), out.finalMetrics().get("validation:f1_macro"),
        1e-5);
    assertEquals(Metrics.multiLogLoss(validation.labels(), p), out.finalMetrics().get("validation:mlogloss"), 1e-4);
  }

  @Test
  void regressionMseAndR2OnBoston() throws Exception {
    Boston boston = Boston.split(42);
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = train("reg", Map.of("num_round", "30", "max_depth", "4", "eval_metric", "rmse,mse,r2"),
        boston.train, boston.validation, listener);
    double[] p;
    try (XGBoostModel model = XGBoostModel.load(out.modelArtifact())) {
      p = model.predict(boston.validation.features());
    }
    double mse = Metrics.mse(boston.validation.labels(), p);
    assertEquals(mse, out.finalMetrics().get("validation:mse"), 1e-5 * mse);
    double rmse = out.finalMetrics().get("validation:rmse");
    assertEquals(rmse * rmse, out.finalMetrics().get("validation:mse"), 1e-4 * mse, "XGBoost's rmse agrees");
    assertEquals(Metrics.r2(boston.validation.labels(), p), out.finalMetrics().get("validation:r2"), 1e-5);
  }
}
