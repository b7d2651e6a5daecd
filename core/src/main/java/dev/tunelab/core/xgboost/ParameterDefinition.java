package dev.tunelab.core.xgboost;

import java.util.List;

/**
 * One hyperparameter that SageMaker's XGBoost container accepts: its SageMaker name, how its
 * value is checked, and what TuneLab does with it. The mapping to XGBoost4J's parameter name lives
 * here and nowhere else (see {@link HyperParameterCatalog}).
 *
 * @param name         SageMaker's name, for example {@code eta}
 * @param kind         how the value is parsed and checked
 * @param interval     accepted numbers for {@link Kind#INTEGER} and {@link Kind#NUMBER}, else {@code null}
 * @param choices      accepted values for {@link Kind#CHOICE} and {@link Kind#CHOICE_LIST}, else empty
 * @param use          what TuneLab does with the value
 * @param xgboostName  XGBoost4J's parameter name when {@code use} is {@link Use#BOOSTER}, else {@code null}
 * @param note         why an {@link Use#IGNORED} parameter is ignored, else empty
 */
record ParameterDefinition(
    String name, Kind kind, Interval interval, List<String> choices, Use use, String xgboostName,
    String note) {

  /** How a value is parsed. */
  enum Kind {
    /** A whole number inside {@link ParameterDefinition#interval()}. */
    INTEGER,
    /** A real number inside {@link ParameterDefinition#interval()}. */
    NUMBER,
    /** One of {@link ParameterDefinition#choices()}. */
    CHOICE,
    /** A comma-separated list of {@link ParameterDefinition#choices()}. */
    CHOICE_LIST,
    /** A comma-separated list of evaluation metric names ({@code rmse}, {@code error@0.7}, ...). */
    METRIC_LIST,
    /** {@code <channel>:<metric>}, for example {@code validation:rmse}. */
    CHANNEL_METRIC,
    /** A tuple of -1, 0 and 1, for example {@code (1,0,-1)}. */
    SIGN_TUPLE,
    /** A list of lists of feature indices, for example {@code [[0,1],[2,3]]}. */
    NESTED_INDEX_LIST,
    /** Where XGBoost trains: {@code cpu}, {@code cuda} or {@code cuda:<ordinal>}. */
    DEVICE
  }

  /** What TuneLab does with an accepted value. */
  enum Use {
    /** Passed to the XGBoost4J booster under {@link ParameterDefinition#xgboostName()}. */
    BOOSTER,
    /** Read by the trainer itself (num_round, early_stopping_rounds, nthread, ...). */
    TRAINER,
    /** Accepted for compatibility with SageMaker and not used; see {@link ParameterDefinition#note()}. */
    IGNORED
  }

  ParameterDefinition {
    choices = List.copyOf(choices);
    note = note == null ? "" : note;
  }
}
