package dev.tunelab.core.xgboost;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Locale;

/**
 * The out-of-fold predictions of a cross-validated job, written as SageMaker's XGBoost container
 * writes them ({@code ValidationPredictionRecorder}: {@code predictions.csv} in the job's output
 * data folder, one line per row of train then validation, numbers as {@code %f}): for regression
 * {@code label,mean prediction}; for classification {@code label,mean probability,most frequent
 * predicted label} over the repeats. A binary model's label is {@code probability > 0.5}
 * ({@code > 0} for {@code binary:logitraw}, whose outputs are margins); a {@code multi:softprob}
 * model's label is the most probable class and its probability that class's; a
 * {@code multi:softmax} model gives labels only, so its probability column is {@code nan}.
 */
final class OutOfFoldPredictions {

  /** The file name the container uses. */
  static final String FILE = "predictions.csv";

  private final double[] labels;
  private final int repeats;
  private final boolean classification;
  private final boolean margins;
  private final boolean softmax;
  private final double[][] predicted;
  private final double[][] probability;
  private final int[] count;

  /**
   * @param labels    the true label of every row
   * @param repeats   {@code _num_cv_round}: how many predictions each row gets
   * @param objective the job's XGBoost objective: {@code binary:*} and {@code multi:*} are
   *                  classification
   */
  OutOfFoldPredictions(double[] labels, int repeats, String objective) {
    this.labels = labels.clone();
    this.repeats = repeats;
    this.classification = classification(objective);
    this.margins = objective.equals("binary:logitraw");
    this.softmax = objective.equals("multi:softmax");
    this.predicted = new double[labels.length][repeats];
    this.probability = new double[labels.length][repeats];
    this.count = new int[labels.length];
  }

  /**
   * Records one fold's predictions.
   *
   * @param rows        the held-out rows
   * @param predictions XGBoost's output for them, one row per held-out row
   */
  void record(int[] rows, float[][] predictions) {
    if (predictions.length != rows.length) {
      throw new IllegalArgumentException("predictions: " + predictions.length + " rows; expected " + rows.length);
    }
    for (int i = 0; i < rows.length; i++) {
      int row = rows[i];
      if (count[row] == repeats) {
        throw new IllegalStateException("row " + row + " predicted more than " + repeats + " times");
      }
      float[] p = predictions[i];
      double label;
      double prob;
      if (!classification) {
        label = p[0];
        prob = Double.NaN;
      } else if (p.length > 1) {
        int best = 0;
        for (int c = 1; c < p.length; c++) {
          if (p[c] > p[best]) {
            best = c;
          }
        }
        label = best;
        prob = p[best];
      } else if (softmax) {
        label = p[0];
        prob = Double.NaN;
      } else {
        label = p[0] > (margins ? 0 : 0.5) ? 1 : 0;
        prob = p[0];
      }
      predicted[row][count[row]] = label;
      probability[row][count[row]] = prob;
      count[row]++;
    }
  }

  /** Whether an objective is a classification ({@code binary:*}, {@code multi:*}): folds are stratified. */
  static boolean classification(String objective) {
    return objective.startsWith("binary:") || objective.startsWith("multi:");
  }

  /** True when every row has its {@code repeats} predictions. */
  boolean complete() {
    return Arrays.stream(count).allMatch(c -> c == repeats);
  }

  /**
   * Writes the file (atomically) into {@code folder}, creating it.
   *
   * @return the file written
   * @throws IllegalStateException when some row lacks predictions
   */
  Path write(Path folder) throws IOException {
    if (!complete()) {
      throw new IllegalStateException("some rows do not have " + repeats + " out-of-fold predictions");
    }
    Files.createDirectories(folder);
    Path target = folder.resolve(FILE);
    Path tmp = folder.resolve(FILE + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      StringBuilder line = new StringBuilder();
      for (int r = 0; r < labels.length; r++) {
        line.setLength(0);
        line.append(format(labels[r]));
        if (classification) {
          line.append(',').append(format(mean(probability[r]))).append(',').append(format(mode(predicted[r])));
        } else {
          line.append(',').append(format(mean(predicted[r])));
        }
        w.write(line.append('\n').toString());
      }
    }
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    return target;
  }

  /** numpy's {@code %f}: six decimals, {@code nan} and {@code inf} in lower case. */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    return String.format(Locale.ROOT, "%f", v);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  /** The most frequent value, the smallest of those tied (scipy's {@code stats.mode}). */
  static double mode(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    double best = s[0];
    int bestRun = 0;
    int i = 0;
    while (i < s.length) {
      int j = i;
      while (j < s.length && Double.compare(s[j], s[i]) == 0) {
        j++;
      }
      if (j - i > bestRun) {
        bestRun = j - i;
        best = s[i];
      }
      i = j;
    }
    return best;
  }
}
