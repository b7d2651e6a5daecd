package dev.tunelab.cli;

import dev.tunelab.core.store.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One row of a training job's metrics, shaped like a row of the SageMaker SDK's
 * {@code TrainingJobAnalytics(...).dataframe()}: {@code timestamp} in seconds since the job's
 * training started (millisecond precision), {@code metric_name}, {@code value}, plus the
 * {@code round} the trainer reported (0-based for XGBoost, as its log prints {@code [56]}).
 *
 * @param timestampMillis milliseconds since the job's start
 * @param metricName      SageMaker metric name, as the spec or the algorithm names it (unescaped)
 * @param value           the value; NaN and infinities are kept
 * @param round           the round (or the count of earlier values, for a regex metric)
 */
record MetricRow(long timestampMillis, String metricName, double value, int round) {

  /** The timestamp in seconds, as the SDK's dataframe gives it. */
  double timestampSeconds() {
    return timestampMillis / 1000.0;
  }

  /**
   * The rows of a job's stored metrics in the dataframe's order: grouped by metric (in the
   * order each metric first appears, as the SDK asks CloudWatch metric by metric), each metric's
   * points in the order they were recorded.
   *
   * @param start  the job's training start (its creation time when it has not started)
   * @param points the stored points, in the order they were appended
   */
  static List<MetricRow> of(Instant start, List<MetricPoint> points) {
    Map<String, List<MetricRow>> byMetric = new LinkedHashMap<>();
    for (MetricPoint p : points) {
      byMetric.computeIfAbsent(p.metricName(), n -> new ArrayList<>())
          .add(new MetricRow(Duration.between(start, p.time()).toMillis(), p.metricName(), p.value(), p.iteration()));
    }
    List<MetricRow> rows = new ArrayList<>(points.size());
    byMetric.values().forEach(rows::addAll);
    return rows;
  }
}
