package dev.tunelab.core.metrics;

import java.util.Arrays;
import java.util.TreeSet;

/**
 * Metric functions with scikit-learn's definitions (the library SageMaker's XGBoost container
 * calls), unweighted as the container calls them. Class labels are compared as numbers
 * ({@code 1.0} is class 1). Per-class averages run over the union of the classes in the labels and
 * in the predictions, and a ratio with a zero denominator counts as 0, as scikit-learn's
 * {@code zero_division="warn"} does.
 */
public final class Metrics {

  /** Probabilities are clipped to [EPS, 1 - EPS] before logs are taken. */
  static final double EPS = 1e-15;

  private Metrics() { }

  /** {@code sklearn.metrics.accuracy_score}: the share of rows whose class is right. */
  public static double accuracy(double[] labels, int[] predicted) {
    check(labels.length, predicted.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] == predicted[i]) {
        right++;
      }
    }
    return (double) right / labels.length;
  }

  /**
   * {@code sklearn.metrics.balanced_accuracy_score}: the mean recall of the classes present in the
   * labels.
   */
  public static double balancedAccuracy(double[] labels, int[] predicted) {
    Counts c = Counts.of(labels, predicted);
    double sum = 0;
    int n = 0;
    for (int k = 0; k < c.classes.length; k++) {
      if (c.tp[k] + c.fn[k] > 0) {
        sum += (double) c.tp[k] / (c.tp[k] + c.fn[k]);
        n++;
      }
    }
    return n == 0 ? Double.NaN : sum / n;
  }

  /** {@code f1_score(average="binary")}: F1 of class 1. */
  public static double f1Binary(double[] labels, int[] predicted) {
    long[] c = binaryCounts(labels, predicted);
    return ratio(2 * c[0], 2 * c[0] + c[1] + c[2]);
  }

  /** {@code precision_score(average="binary")}: precision of class 1. */
  public static double precisionBinary(double[] labels, int[] predicted) {
    long[] c = binaryCounts(labels, predicted);
    return ratio(c[0], c[0] + c[1]);
  }

  /** {@code recall_score(average="binary")}: recall of class 1. */
  public static double recallBinary(double[] labels, int[] predicted) {
    long[] c = binaryCounts(labels, predicted);
    return ratio(c[0], c[0] + c[2]);
  }

  /** {@code f1_score(average="macro")}: the unweighted mean of each class's F1. */
  public static double f1Macro(double[] labels, int[] predicted) {
    Counts c = Counts.of(labels, predicted);
    double sum = 0;
    for (int k = 0; k < c.classes.length; k++) {
      double p = ratio(c.tp[k], c.tp[k] + c.fp[k]);
      double r = ratio(c.tp[k], c.tp[k] + c.fn[k]);
      sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
    return c.classes.length == 0 ? Double.NaN : sum / c.classes.length;
  }

  /** {@code precision_score(average="macro")}. */
  public static double precisionMacro(double[] labels, int[] predicted) {
    Counts c = Counts.of(labels, predicted);
    double sum = 0;
    for (int k = 0; k < c.classes.length; k++) {
      sum += ratio(c.tp[k], c.tp[k] + c.fp[k]);
    }
    return c.classes.length == 0 ? Double.NaN : sum / c.classes.length;
  }

  /** {@code recall_score(average="macro")}. */
  public static double recallMacro(double[] labels, int[] predicted) {
    Counts c = Counts.of(labels, predicted);
    double sum = 0;
    for (int k = 0; k < c.classes.length; k++) {
      sum += ratio(c.tp[k], c.tp[k] + c.fn[k]);
    }
    return c.classes.length == 0 ? Double.NaN : sum / c.classes.length;
  }

  /**
   * {@code precision_score(average="micro")} and {@code recall_score(average="micro")}: with one
   * class per row both are the share of rows whose class is right.
   */
  public static double micro(double[] labels, int[] predicted) {
    return accuracy(labels, predicted);
  }

  /** {@code sklearn.metrics.mean_squared_error}. */
  public static double mse(double[] labels, double[] predicted) {
    check(labels.length, predicted.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double d = predicted[i] - labels[i];
      sum += d * d;
    }
    return sum / labels.length;
  }

  /** The square root of {@link #mse}. */
  public static double rmse(double[] labels, double[] predicted) {
    return Math.sqrt(mse(labels, predicted));
  }

  /** {@code sklearn.metrics.mean_absolute_error}. */
  public static double mae(double[] labels, double[] predicted) {
    check(labels.length, predicted.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      sum += Math.abs(predicted[i] - labels[i]);
    }
    return sum / labels.length;
  }

  /**
   * {@code sklearn.metrics.r2_score}: 1 - SS_res / SS_tot; with constant labels 1 when the
   * predictions are exact, else 0 (scikit-learn's {@code force_finite=True}).
   */
  public static double r2(double[] labels, double[] predicted) {
    check(labels.length, predicted.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double mean = 0;
    for (double y : labels) {
      mean += y;
    }
    mean /= labels.length;
    double res = 0;
    double tot = 0;
    for (int i = 0; i < labels.length; i++) {
      res += (labels[i] - predicted[i]) * (labels[i] - predicted[i]);
      tot += (labels[i] - mean) * (labels[i] - mean);
    }
    if (tot == 0) {
      return res == 0 ? 1.0 : 0.0;
    }
    return 1 - res / tot;
  }

  /**
   * {@code sklearn.metrics.roc_auc_score} for labels 0/1 and scores (probabilities or margins):
   * the Mann-Whitney statistic with tied scores counted half; NaN when one class is absent.
   */
  public static double auc(double[] labels, double[] scores) {
    check(labels.length, scores.length);
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
    double positiveRanks = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1; // average 1-based rank of the tie group
      for (int k = i; k <= j; k++) {
        if (labels[order[k]] == 1) {
          positiveRanks += rank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = labels.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRanks - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  /** {@code sklearn.metrics.log_loss} for labels 0/1 and probabilities of class 1. */
  public static double logLoss(double[] labels, double[] probabilities) {
    check(labels.length, probabilities.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = clip(probabilities[i]);
      sum += labels[i] == 1 ? -Math.log(p) : -Math.log(1 - p);
    }
    return sum / labels.length;
  }

  /**
   * {@code sklearn.metrics.log_loss} for labels 0 .. k-1 and one row of k class probabilities per
   * row (each row divided by its sum first, as scikit-learn does).
   */
  public static double multiLogLoss(double[] labels, double[][] probabilities) {
    check(labels.length, probabilities.length);
    if (labels.length == 0) {
      return Double.NaN;
    }
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double[] row = probabilities[i];
      int y = (int) labels[i];
      if (y != labels[i] || y < 0 || y >= row.length) {
        throw new IllegalArgumentException("label " + labels[i] + " of row " + i + " is not a class 0.."
            + (row.length - 1));
      }
      double total = 0;
      for (double p : row) {
        total += clip(p);
      }
      sum += -Math.log(clip(row[y]) / total);
    }
    return sum / labels.length;
  }

  /** The index of each row's largest value (the first on ties, as numpy's argmax). */
  public static int[] argmax(double[][] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      int best = 0;
      for (int k = 1; k < rows[i].length; k++) {
        if (rows[i][k] > rows[i][best]) {
          best = k;
        }
      }
      out[i] = best;
    }
    return out;
  }

  /** 1 where the value is strictly above the threshold, else 0. */
  public static int[] above(double[] values, double threshold) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] > threshold ? 1 : 0;
    }
    return out;
  }

  private static double clip(double p) {
    return Math.min(Math.max(p, EPS), 1 - EPS);
  }

  private static double ratio(double num, double den) {
    return den == 0 ? 0 : num / den;
  }

  /** True positives, false positives and false negatives of class 1. */
  private static long[] binaryCounts(double[] labels, int[] predicted) {
    check(labels.length, predicted.length);
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean truth = labels[i] == 1;
      boolean said = predicted[i] == 1;
      if (truth && said) {
        tp++;
      } else if (said) {
        fp++;
      } else if (truth) {
        fn++;
      }
    }
    return new long[] {tp, fp, fn};
  }

  private static void check(int labels, int predictions) {
    if (labels != predictions) {
      throw new IllegalArgumentException("as many predictions as labels needed, got " + predictions
          + " and " + labels);
    }
  }

  /** Per-class counts over the union of the classes in the labels and the predictions. */
  private static final class Counts {
    final double[] classes;
    final long[] tp;
    final long[] fp;
    final long[] fn;

    private Counts(double[] classes) {
      this.classes = classes;
      this.tp = new long[classes.length];
      this.fp = new long[classes.length];
      this.fn = new long[classes.length];
    }

    static Counts of(double[] labels, int[] predicted) {
      check(labels.length, predicted.length);
      TreeSet<Double> set = new TreeSet<>();
      for (int i = 0; i < labels.length; i++) {
        set.add(labels[i] + 0.0);
        set.add((double) predicted[i]);
      }
      Counts c = new Counts(set.stream().mapToDouble(Double::doubleValue).toArray());
      for (int i = 0; i < labels.length; i++) {
        int t = Arrays.binarySearch(c.classes, labels[i] + 0.0);
        int p = Arrays.binarySearch(c.classes, (double) predicted[i]);
        if (t == p) {
          c.tp[t]++;
        } else {
          c.fp[p]++;
          c.fn[t]++;
        }
      }
      return c;
    }
  }
}
