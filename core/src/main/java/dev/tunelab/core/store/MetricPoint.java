package dev.tunelab.core.store;

import java.time.Instant;

/**
 * One observation of a metric during training.
 *
 * @param metricName  SageMaker metric name, e.g. {@code validation:rmse}
 * @param iteration   round (or epoch) as the trainer reports it, 0-based for XGBoost
 * @param value       the value; NaN and infinities are kept
 * @param time        when it was observed (kept to the millisecond)
 */
public record MetricPoint(String metricName, int iteration, double value, Instant time) {

  public MetricPoint {
    Checks.requireName(metricName, "metricName");
    time = Checks.requireMillis(time, "metric time");
  }
}
