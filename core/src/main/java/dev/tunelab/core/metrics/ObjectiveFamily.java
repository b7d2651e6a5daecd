package dev.tunelab.core.metrics;

/**
 * The kind of task an XGBoost objective solves, which decides the metrics that fit it and what
 * batch transform writes and scores.
 */
public enum ObjectiveFamily {
  /** {@code reg:*} and {@code count:poisson}: one real value per row. */
  REGRESSION,
  /** {@code binary:*}: one probability (or margin, or 0/1 class) per row, labels 0 and 1. */
  BINARY,
  /** {@code multi:*}: labels 0 .. num_class-1. */
  MULTICLASS,
  /** {@code rank:*}: relevance scores within query groups. */
  RANKING,
  /** {@code survival:*}. */
  SURVIVAL;

  /**
   * The family of an XGBoost objective name such as {@code binary:logistic}.
   *
   * @throws IllegalArgumentException for a name without a known prefix
   */
  public static ObjectiveFamily of(String objective) {
    String prefix = objective.substring(0, Math.max(objective.indexOf(':'), 0));
    switch (prefix) {
      case "reg":
      case "count":
        return REGRESSION;
      case "binary":
        return BINARY;
      case "multi":
        return MULTICLASS;
      case "rank":
        return RANKING;
      case "survival":
        return SURVIVAL;
      default:
        throw new IllegalArgumentException("objective '" + objective + "' has no known family");
    }
  }

  /** The family in words, for messages: {@code "binary classification"}. */
  public String words() {
    switch (this) {
      case REGRESSION:
        return "regression (reg:*, count:poisson)";
      case BINARY:
        return "binary classification (binary:*)";
      case MULTICLASS:
        return "multiclass classification (multi:*)";
      case RANKING:
        return "ranking (rank:*)";
      default:
        return "survival (survival:*)";
    }
  }
}
