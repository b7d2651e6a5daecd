package dev.tunelab.core.metrics;

/**
 * One named score, for example {@code auc = 0.97}.
 *
 * @param name  the metric's name as printed and stored ({@code rmse}, {@code f1}, ...)
 * @param value its value at full precision
 */
public record MetricScore(String name, double value) {
  public MetricScore {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a metric needs a name");
    }
  }
}
