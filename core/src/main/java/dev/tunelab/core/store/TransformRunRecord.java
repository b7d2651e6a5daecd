package dev.tunelab.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A recorded batch transform scored against labels (see {@link NewTransformRun} for the fields).
 *
 * @param id               1-based, in recording order
 * @param time             when it ran
 * @param trainingJobName  the training job whose model predicted (it may since have been removed)
 * @param tuningJobName    that training job's tuning job, or {@code null} for a lone job or a
 *                         training job no longer in the store
 * @param input            the features CSV, absolute
 * @param labels           the labels CSV, absolute
 * @param rows             rows predicted
 * @param metrics          scores by name ({@code rmse}, {@code mse})
 * @param actual           the first labels (at most {@link NewTransformRun#MAX_POINTS})
 * @param predicted        the predictions of the same rows
 */
public record TransformRunRecord(long id, Instant time, String trainingJobName,
    String tuningJobName, Path input, Path labels, int rows, Map<String, Double> metrics,
    List<Double> actual, List<Double> predicted) {

  public TransformRunRecord {
    metrics = Checks.orderedCopy(metrics, "metrics");
    actual = List.copyOf(actual);
    predicted = List.copyOf(predicted);
  }
}
