package dev.tunelab.core.xgboost;

/**
 * One evaluation metric of one channel after one boosting round.
 *
 * @param channel  the data channel, {@code train} or {@code validation}
 * @param metric   XGBoost's metric name, for example {@code rmse} or {@code error@0.7}
 * @param value    the value as the log line prints it (six significant digits, like the
 *                 SageMaker XGBoost 0.72 image), in the metric's own unit
 * @param exact    the value at full precision, as XGBoost computed it; early stopping compares these
 */
record MetricValue(String channel, String metric, double value, double exact) {

  /** SageMaker's metric name, for example {@code validation:rmse}. */
  String sageMakerName() {
    return channel + ":" + metric;
  }
}
