package dev.tunelab.core.spec;

/** Which of the values a training job emits for a metric is its final value (FinalMetricDataList). */
public enum FinalMetricRule {
  /** The last value the job emitted. */
  LAST_EMITTED,
  /** The value at the best iteration (the built-in XGBoost with early stopping re-emits it last). */
  BEST_ITERATION
}
