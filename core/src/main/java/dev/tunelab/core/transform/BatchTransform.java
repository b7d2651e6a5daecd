package dev.tunelab.core.transform;

import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.xgboost.XGBoostModel;
import dev.tunelab.datasets.CsvDatasetReader;
import dev.tunelab.datasets.Dataset;
import dev.tunelab.core.io.OutputFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * SageMaker batch transform, locally: one prediction per input line of a features-only CSV
 * (SplitType Line, text/csv), written in input order; optionally scored against a labels file
 * (one value per line) with RMSE and MSE.
 */
public final class BatchTransform {
  private BatchTransform() { }

  /**
   * The outcome of a transform.
   *
   * @param rows   predictions written
   * @param output the predictions file
   * @param rmse   root mean squared error against the labels, or {@code null} without labels
   * @param mse    mean squared error, or {@code null}
   * @param predictions every prediction, in input order
   * @param labels the labels read, in input order, or {@code null} without labels
   */
  public record Result(int rows, Path output, Double rmse, Double mse, double[] predictions,
      double[] labels) {

    public Result {
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
  }

  /**
   * Predicts every row of {@code input} with the XGBoost model file and writes {@code output}
   * (named {@code --output} in messages) through {@link OutputFile}: whole or not at all, never
   * over the input, the labels or the model.
   *
   * @throws dev.tunelab.datasets.DataFormatException for bad input or label CSVs
   * @throws SpecException when the labels do not match the input row count, the feature count
   *     does not match the model, or the output cannot be written (a folder, the input itself)
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
    double[] predictions;
    try (XGBoostModel model = XGBoostModel.load(modelFile)) {
      if (model.features() > 0 && model.features() != features.columns()) {
        throw new SpecException("--input", input.toString(), "rows of " + model.features()
            + " features as the model was trained on (it has " + features.columns() + ")");
      }
      predictions = model.predict(features.features());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load model " + modelFile, e);
    }
    out.writeText(w -> {
      for (double p : predictions) {
        w.write(Float.toString((float) p));
        w.write('\n');
      }
    });
    if (truth == null) {
      return new Result(predictions.length, output, null, null, predictions, null);
    }
    double sum = 0;
    for (int i = 0; i < truth.length; i++) {
      double d = predictions[i] - truth[i];
      sum += d * d;
    }
    double mse = sum / truth.length;
    return new Result(predictions.length, output, Math.sqrt(mse), mse, predictions, truth);
  }
}
