package dev.tunelab.core.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The evaluation metrics SageMaker's XGBoost container computes itself, in Python with
 * scikit-learn, rather than XGBoost ({@code src/sagemaker_xgboost_container/metrics/custom_metrics.py}
 * of {@code aws/sagemaker-xgboost-container}; see {@code docs/design.md}, "Metrics the container
 * computes").
 *
 * <p>Each is computed from the booster's raw margins, as the container's {@code feval} receives
 * them: for classification the predicted class is 1 when the margin is above 0 (a probability
 * above 0.5) with one output per row, else the index of the largest of the row's outputs; the
 * regression metrics compare the margin itself with the label (the prediction for
 * {@code reg:squarederror}). Instance weights are not used, as in the container.
 *
 * <p>{@code rmse} and {@code mae}, which the newest container also computes in Python, are left to
 * XGBoost, which computes the same numbers natively.
 */
public enum ContainerMetric {
  /** {@code accuracy_score}. */
  ACCURACY("accuracy", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code balanced_accuracy_score}. */
  BALANCED_ACCURACY("balanced_accuracy", true, Kind.CLASSES,
      EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code f1_score(average="macro")} (the container's {@code f1} is macro-averaged). */
  F1("f1", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code f1_score(average="binary")}. */
  F1_BINARY("f1_binary", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY)),
  /** {@code f1_score(average="macro")}. */
  F1_MACRO("f1_macro", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code mean_squared_error}. */
  MSE("mse", false, Kind.VALUES, EnumSet.of(ObjectiveFamily.REGRESSION)),
  /** {@code precision_score} (binary average). */
  PRECISION("precision", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY)),
  /** {@code precision_score(average="macro")}. */
  PRECISION_MACRO("precision_macro", true, Kind.CLASSES,
      EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code precision_score(average="micro")}. */
  PRECISION_MICRO("precision_micro", true, Kind.CLASSES,
      EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code r2_score}. */
  R2("r2", true, Kind.VALUES, EnumSet.of(ObjectiveFamily.REGRESSION)),
  /** {@code recall_score} (binary average). */
  RECALL("recall", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY)),
  /** {@code recall_score(average="macro")}. */
  RECALL_MACRO("recall_macro", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS)),
  /** {@code recall_score(average="micro")}. */
  RECALL_MICRO("recall_micro", true, Kind.CLASSES, EnumSet.of(ObjectiveFamily.BINARY, ObjectiveFamily.MULTICLASS));

  private enum Kind { CLASSES, VALUES }

  private final String metricName;
  private final boolean maximize;
  private final Kind kind;
  private final Set<ObjectiveFamily> families;

  ContainerMetric(String metricName, boolean maximize, Kind kind, Set<ObjectiveFamily> families) {
    this.metricName = metricName;
    this.maximize = maximize;
    this.kind = kind;
    this.families = families;
  }

  /** The name in {@code eval_metric} and in the log line ({@code validation-f1:0.93}). */
  public String metricName() {
    return metricName;
  }

  /** True when larger is better. */
  public boolean maximize() {
    return maximize;
  }

  /** The objective families this metric fits. */
  public Set<ObjectiveFamily> families() {
    return EnumSet.copyOf(families);
  }

  /** True when this metric fits the XGBoost objective (for example {@code f1} and {@code multi:softprob}). */
  public boolean fits(String objective) {
    return families.contains(ObjectiveFamily.of(objective));
  }

  /** The metric of that name, if the container computes it. */
  public static Optional<ContainerMetric> named(String name) {
    return Arrays.stream(values()).filter(m -> m.metricName.equals(name)).findFirst();
  }

  /**
   * The metric's value from the booster's raw margins.
   *
   * @param labels  one label per row
   * @param margins one row of outputs per row: one margin (binary, regression) or one per class
   * @return the value; for classification metrics 0 when there are no rows, as the container returns
   */
  public double compute(double[] labels, double[][] margins) {
    if (kind == Kind.VALUES) {
      double[] v = new double[margins.length];
      for (int i = 0; i < v.length; i++) {
        v[i] = margins[i][0];
      }
      return this == MSE ? Metrics.mse(labels, v) : Metrics.r2(labels, v);
    }
    if (margins.length == 0) {
      return 0.0;
    }
    int[] classes = predictedClasses(margins);
    switch (this) {
      case ACCURACY:
        return Metrics.accuracy(labels, classes);
      case BALANCED_ACCURACY:
        return Metrics.balancedAccuracy(labels, classes);
      case F1:
      case F1_MACRO:
        return Metrics.f1Macro(labels, classes);
      case F1_BINARY:
        return Metrics.f1Binary(labels, classes);
      case PRECISION:
        return Metrics.precisionBinary(labels, classes);
      case PRECISION_MACRO:
        return Metrics.precisionMacro(labels, classes);
      case RECALL:
        return Metrics.recallBinary(labels, classes);
      case RECALL_MACRO:
        return Metrics.recallMacro(labels, classes);
      default:
        return Metrics.micro(labels, classes);
    }
  }

  /**
   * The container's {@code margin_to_class_label}: with one output per row, 1 when the margin is
   * above 0, else 0; with several, the index of the largest.
   */
  public static int[] predictedClasses(double[][] margins) {
    if (margins.length > 0 && margins[0].length == 1) {
      double[] m = new double[margins.length];
      for (int i = 0; i < m.length; i++) {
        m[i] = margins[i][0];
      }
      return Metrics.above(m, 0.0);
    }
    return Metrics.argmax(margins);
  }
}
