package dev.tunelab.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A batch transform scored against labels, to record with {@link JobStore#recordTransformRun}
 * ({@code tunelab transform … --labels}).
 *
 * @param time             when the transform ran (kept to the millisecond)
 * @param trainingJobName  the training job whose model predicted
 * @param input            the features CSV, an absolute path
 * @param labels           the labels CSV, an absolute path
 * @param rows             how many rows were predicted (may exceed the points kept)
 * @param metrics          the scores, e.g. {@code rmse}, {@code mse}, in order
 * @param actual           the first labels, at most {@link #MAX_POINTS}
 * @param predicted        the predictions of the same rows, as many as {@code actual}
 */
public record NewTransformRun(Instant time, String trainingJobName, Path input, Path labels,
    int rows, Map<String, Double> metrics, List<Double> actual, List<Double> predicted) {

  /** The most actual/predicted pairs a run keeps. */
  public static final int MAX_POINTS = 10_000;

  public NewTransformRun {
    time = Checks.requireMillis(time, "time");
    Checks.requireName(trainingJobName, "trainingJobName");
    requireAbsolute(input, "input");
    requireAbsolute(labels, "labels");
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    metrics = Checks.orderedCopy(metrics, "metrics");
    actual = List.copyOf(Checks.requireNonNull(actual, "actual"));
    predicted = List.copyOf(Checks.requireNonNull(predicted, "predicted"));
    if (actual.size() != predicted.size() || actual.size() > MAX_POINTS || actual.size() > rows) {
      throw new IllegalArgumentException("actual and predicted must hold as many points, at most "
          + MAX_POINTS + " and at most rows (" + rows + "); got " + actual.size() + " and "
          + predicted.size());
    }
  }

  /** A run keeping the first {@link #MAX_POINTS} of the given labels and predictions. */
  public static NewTransformRun of(Instant time, String trainingJobName, Path input, Path labels,
      Map<String, Double> metrics, double[] actual, double[] predicted) {
    if (actual.length != predicted.length) {
      throw new IllegalArgumentException("as many labels as predictions needed, got "
          + actual.length + " and " + predicted.length);
    }
    int n = Math.min(actual.length, MAX_POINTS);
    List<Double> a = new ArrayList<>(n);
    List<Double> p = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      a.add(actual[i]);
      p.add(predicted[i]);
    }
    return new NewTransformRun(time, trainingJobName, input, labels, actual.length, metrics, a, p);
  }

  private static void requireAbsolute(Path path, String field) {
    if (Checks.requireNonNull(path, field).isAbsolute()) {
      return;
    }
    throw new IllegalArgumentException(field + " must be an absolute path, got " + path);
  }
}
