package dev.tunelab.core.transform;

import dev.tunelab.core.metrics.MetricScore;
import dev.tunelab.core.metrics.Metrics;
import dev.tunelab.core.metrics.ObjectiveFamily;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.xgboost.XGBoostModel;
import dev.tunelab.datasets.CsvDatasetReader;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.core.io.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SageMaker batch transform, locally: one prediction per input line of a features-only CSV
 * (SplitType Line, text/csv), written in input order as the XGBoost container's inference writes
 * it for the model's objective: the probability for {@code binary:logistic}, one CSV row of class
 * probabilities for {@code multi:softprob}, the class for {@code multi:softmax}, the value for
 * regression. Optionally scored against a labels file (one value per line) with the metrics that
 * fit the objective: RMSE, MSE, MAE and R2 for regression; AUC, accuracy, F1 of class 1 and log
 * loss for binary classification; accuracy, macro F1 and multiclass log loss for multiclass.
 */
public final class BatchTransform {
  private BatchTransform() { }

  /**
   * The outcome of a transform.
   *
   * @param rows        predictions written
   * @param output      the predictions file
   * @param objective   the model's objective ({@code binary:logistic}, ...; empty when unknown)
   * @param metrics     the scores against the labels, in the order printed; empty without labels
   * @param predictions one value per row, in input order: the written value, or for
   *                    {@code multi:softprob} the most probable class
   * @param labels      the labels read, in input order, or {@code null} without labels
   */
  public record Result(int rows, Path output, String objective, List<MetricScore> metrics,
      double[] predictions, double[] labels) {

    public Result {
      metrics = List.copyOf(metrics);
      predictions = predictions.clone();
      labels = labels == null ? null : labels.clone();
    }

    /** A copy of the predictions. */
    @Override
    public double[] predictions() {
      return predictions.clone();
    }

    /** A copy of the labels, or {@code null}. */
    @Override
    public double[] labels() {
      return labels == null ? null : labels.clone();
    }

    /** The score of that name ({@code rmse}, {@code auc}, ...), or {@code null}. */
    public Double metric(String name) {
      return metrics.stream().filter(m -> m.name().equals(name)).map(MetricScore::value).findFirst().orElse(null);
    }

    /** The scores by name, in order. */
    public Map<String, Double> metricMap() {
      Map<String, Double> m = new LinkedHashMap<>();
      metrics.forEach(s -> m.put(s.name(), s.value()));
      return m;
    }
  }

  /**
   * Predicts every row of {@code input} with the XGBoost model file and writes {@code output}
   * (named {@code --output} in messages) through {@link OutputFile}: whole or not at all, never
   * over the input, the labels or the model.
   *
   * @throws dev.tunelab.datasets.DataFormatException for bad input or label CSVs
   * @throws SpecException when the labels do not match the input row count or the objective's
   *     classes, the feature count does not match the model, or the output cannot be written
   * @throws dev.tunelab.core.io.OutputWriteException when writing the output fails
   */
  public static Result run(Path modelFile, Path input, Path output, Path labels) {
    return run(modelFile, input, OutputFile.of("--output", output), labels);
  }

  /**
   * As {@link #run(Path, Path, Path, Path)}, with an output the caller has checked further
   * (against its store, say).
   */
  public static Result run(Path modelFile, Path input, OutputFile out, Path labels) {
    out.notSameAs("--input", input).notSameAs("--labels", labels).notSameAs("the model " + modelFile, modelFile);
    Path output = out.path();
    Dataset features = CsvDatasetReader.readFeatures(input);
    double[] truth = null;
    if (labels != null) {
      Dataset l = CsvDatasetReader.readFeatures(labels);
      if (l.columns() != 1) {
        throw new SpecException("--labels", labels.toString(), "a CSV with one label per line (it has "
            + l.columns() + " columns)");
      }
      if (l.rows() != features.rows()) {
        throw new SpecException("--labels", labels.toString(), "as many labels as input rows ("
            + features.rows() + "; it has " + l.rows() + ")");
      }
      truth = new double[l.rows()];
      for (int i = 0; i < truth.length; i++) {
        truth[i] = l.features()[i][0];
      }
    }
    String objective;
    double[][] written;
    double[][] probabilities = null;
    try (XGBoostModel model = XGBoostModel.load(modelFile)) {
      if (model.features() > 0 && model.features() != features.columns()) {
        throw new SpecException("--input", input.toString(), "rows of " + model.features()
            + " features as the model was trained on (it has " + features.columns() + ")");
      }
      objective = model.objective();
      written = model.predictAll(features.features());
      if (objective.equals("multi:softprob")) {
        probabilities = written;
      } else if (objective.equals("multi:softmax") && truth != null) {
        probabilities = softmax(model.predictMargins(features.features()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load model " + modelFile, e);
    }
    out.writeText(w -> {
      for (double[] row : written) {
        for (int c = 0; c < row.length; c++) {
          if (c > 0) {
            w.write(',');
          }
          w.write(Float.toString((float) row[c]));
        }
        w.write('\n');
      }
    });
    double[] point = probabilities != null ? toDoubles(Metrics.argmax(probabilities)) : first(written);
    if (truth == null) {
      return new Result(written.length, output, objective, List.of(), point, null);
    }
    return new Result(written.length, output, objective, score(objective, truth, point, probabilities, labels),
        point, truth);
  }

  private static List<MetricScore> score(String objective, double[] truth, double[] point,
      double[][] probabilities, Path labels) {
    ObjectiveFamily family = family(objective);
    List<MetricScore> scores = new ArrayList<>();
    if (family == ObjectiveFamily.BINARY) {
      requireClasses(truth, 2, labels, objective);
      double[] p = point;
      if (objective.equals("binary:logitraw")) {
        p = Arrays.stream(point).map(x -> 1 / (1 + Math.exp(-x))).toArray();
      }
      int[] predicted = Metrics.above(p, 0.5);
      scores.add(new MetricScore("auc", Metrics.auc(truth, point)));
      scores.add(new MetricScore("accuracy", Metrics.accuracy(truth, predicted)));
      scores.add(new MetricScore("f1_binary", Metrics.f1Binary(truth, predicted)));
      scores.add(new MetricScore("logloss", Metrics.logLoss(truth, p)));
    } else if (family == ObjectiveFamily.MULTICLASS) {
      requireClasses(truth, probabilities[0].length, labels, objective);
      int[] predicted = Metrics.argmax(probabilities);
      scores.add(new MetricScore("accuracy", Metrics.accuracy(truth, predicted)));
      scores.add(new MetricScore("f1_macro", Metrics.f1Macro(truth, predicted)));
      scores.add(new MetricScore("mlogloss", Metrics.multiLogLoss(truth, probabilities)));
    } else {
      scores.add(new MetricScore("rmse", Metrics.rmse(truth, point)));
      scores.add(new MetricScore("mse", Metrics.mse(truth, point)));
      scores.add(new MetricScore("mae", Metrics.mae(truth, point)));
      scores.add(new MetricScore("r2", Metrics.r2(truth, point)));
    }
    return scores;
  }

  private static ObjectiveFamily family(String objective) {
    try {
      return ObjectiveFamily.of(objective);
    } catch (IllegalArgumentException e) {
      return ObjectiveFamily.REGRESSION; // a model that does not name its objective: one value per row
    }
  }

  private static void requireClasses(double[] truth, int classes, Path labels, String objective) {
    for (int i = 0; i < truth.length; i++) {
      if (truth[i] != Math.rint(truth[i]) || truth[i] < 0 || truth[i] >= classes) {
        throw new SpecException("--labels", labels.toString(), "class labels 0 to " + (classes - 1)
            + " for a " + objective + " model (line " + (i + 1) + " has " + truth[i] + ")");
      }
    }
  }

  private static double[][] softmax(double[][] margins) {
    double[][] out = new double[margins.length][];
    for (int r = 0; r < margins.length; r++) {
      double max = Arrays.stream(margins[r]).max().orElse(0);
      double[] e = Arrays.stream(margins[r]).map(x -> Math.exp(x - max)).toArray();
      double sum = Arrays.stream(e).sum();
      out[r] = Arrays.stream(e).map(x -> x / sum).toArray();
    }
    return out;
  }

  private static double[] first(double[][] rows) {
    double[] out = new double[rows.length];
    for (int r = 0; r < rows.length; r++) {
      out[r] = rows[r][0];
    }
    return out;
  }

  private static double[] toDoubles(int[] v) {
    return Arrays.stream(v).asDoubleStream().toArray();
  }
}
