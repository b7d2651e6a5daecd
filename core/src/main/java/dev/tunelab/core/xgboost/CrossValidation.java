package dev.tunelab.core.xgboost;

import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.datasets.Dataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * The summary of a cross-validated job ({@code _kfold}, {@code _num_cv_round}) in the form of
 * SageMaker's XGBoost container, and the helpers the trainer's fold loop uses.
 *
 * <p>Each fold contributes its final round (the best one under early stopping, else the last),
 * evaluated on the rows the fold trained on ({@code train}) and on its held-out rows
 * ({@code validation}). After each repeat the trainer emits the means over that repeat's folds as
 * the container prints them, {@code [num_round]<TAB>train-rmse:3.12345<TAB>validation-rmse:4.12345}
 * (five decimals, per metric the train then the validation mean); with several repeats a last
 * line gives the means over all folds. The values of the last line emitted are the job's final
 * metrics, together with each metric's fold-to-fold standard deviation (population, as
 * {@code xgboost.cv}'s {@code -std} columns) under {@code <channel>:<metric>_std}, a name no
 * objective metric can take.
 */
final class CrossValidation {

  /** Suffix of the final metric holding a metric's fold-to-fold standard deviation. */
  static final String STD_SUFFIX = "_std";

  private final int numRound;
  private final List<RoundEvaluation> folds = new ArrayList<>();
  private final Map<String, Double> finalMetrics = new LinkedHashMap<>();

  /** @param numRound {@code num_round}, the index the container prints on its mean lines */
  CrossValidation(int numRound) {
    this.numRound = numRound;
  }

  /** The final round of the next fold, in the order the folds train. */
  void add(RoundEvaluation fold) {
    folds.add(fold);
  }

  /** The folds of the repeat just completed. */
  List<RoundEvaluation> lastRepeat(int k) {
    return List.copyOf(folds.subList(folds.size() - k, folds.size()));
  }

  /** Every fold so far. */
  List<RoundEvaluation> all() {
    return List.copyOf(folds);
  }

  /**
   * Logs the mean line of {@code group} and the standard deviations, reports each mean to the
   * listener at round {@code num_round - 1}, and makes them (with the deviations) the final metrics.
   *
   * @return false when the listener asks to stop
   */
  boolean emit(TrainingListener listener, List<RoundEvaluation> group) {
    RoundEvaluation first = group.get(0);
    List<String> metrics = new ArrayList<>();
    for (MetricValue m : first.metrics()) {
      if (!metrics.contains(m.metric())) {
        metrics.add(m.metric());
      }
    }
    StringBuilder line = new StringBuilder().append('[').append(numRound).append(']');
    StringBuilder stdLine = new StringBuilder("Standard deviation over ").append(group.size()).append(" folds:");
    Map<String, Double> values = new LinkedHashMap<>();
    Map<String, Double> deviations = new LinkedHashMap<>();
    for (String metric : metrics) {
      for (String channel : List.of("train", "validation")) {
        if (first.find(channel, metric) == null) {
          continue;
        }
        double[] v = group.stream().mapToDouble(e -> e.find(channel, metric).exact()).toArray();
        String mean = fixed(mean(v));
        String std = fixed(std(v));
        line.append('\t').append(channel).append('-').append(metric).append(':').append(mean);
        stdLine.append(' ').append(channel).append('-').append(metric).append(' ').append(std);
        String name = channel + ":" + metric;
        values.put(name, Double.parseDouble(mean));
        deviations.put(name + STD_SUFFIX, Double.parseDouble(std));
      }
    }
    listener.log(line.toString());
    listener.log(stdLine.toString());
    finalMetrics.clear();
    finalMetrics.putAll(values);
    finalMetrics.putAll(deviations);
    boolean keepGoing = true;
    for (Map.Entry<String, Double> e : values.entrySet()) {
      keepGoing &= listener.metric(e.getKey(), numRound - 1, e.getValue());
    }
    return keepGoing;
  }

  /** The metrics of the last line emitted, then their standard deviations; empty before the first. */
  Map<String, Double> finalMetrics() {
    return new LinkedHashMap<>(finalMetrics);
  }

  /** The file name of fold {@code index} (0-based over all repeats) in the job's model folder. */
  static String modelFile(int index) {
    return "xgboost-model-" + index + ".json";
  }

  /**
   * The seed of the folds: the job's {@code seed} hyperparameter (XGBoost's seed), 0 when absent as
   * in XGBoost, so every training job of a tuning job sees the same folds unless told otherwise.
   */
  static long seed(XGBoostHyperParameters hp) {
    return Long.parseLong(hp.values().getOrDefault("seed", "0"));
  }

  /** The labels of the train then the validation rows. */
  static double[] labels(Dataset train, Dataset validation) {
    double[] t = train.labels();
    if (validation == null) {
      return t.clone();
    }
    double[] v = validation.labels();
    double[] out = new double[t.length + v.length];
    System.arraycopy(t, 0, out, 0, t.length);
    System.arraycopy(v, 0, out, t.length, v.length);
    return out;
  }

  /**
   * One labelled matrix of the train then the validation rows; with {@code csv_weights=1} every
   * row carries the weight of its first column (both channels have one, as in SageMaker).
   */
  static DMatrix matrix(Dataset train, Dataset validation, boolean weightColumn) throws XGBoostError {
    if (validation == null) {
      return Matrices.labelled(train, weightColumn);
    }
    int first = weightColumn ? 1 : 0;
    float[] a = Matrices.features(train.features(), first);
    float[] b = Matrices.features(validation.features(), first);
    float[] features = new float[a.length + b.length];
    System.arraycopy(a, 0, features, 0, a.length);
    System.arraycopy(b, 0, features, a.length, b.length);
    int rows = train.rows() + validation.rows();
    DMatrix m = new DMatrix(features, rows, train.columns() - first, Float.NaN);
    try {
      double[] labels = labels(train, validation);
      float[] l = new float[rows];
      for (int i = 0; i < rows; i++) {
        l[i] = (float) labels[i];
      }
      m.setLabel(l);
      if (weightColumn) {
        float[] w = new float[rows];
        for (int r = 0; r < rows; r++) {
          w[r] = (float) (r < train.rows() ? train.features()[r][0] : validation.features()[r - train.rows()][0]);
        }
        m.setWeight(w);
      }
      return m;
    } catch (XGBoostError | RuntimeException e) {
      m.dispose();
      throw e;
    }
  }

  private static String fixed(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    return String.format(Locale.ROOT, "%.5f", v);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return s / v.length;
  }

  private static double std(double[] v) {
    double m = mean(v);
    double s = 0;
    for (double x : v) {
      s += (x - m) * (x - m);
    }
    return Math.sqrt(s / v.length);
  }
}
