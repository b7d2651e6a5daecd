package dev.tunelab.core.xgboost;

import dev.tunelab.datasets.Dataset;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Builds XGBoost4J matrices from {@link Dataset}s. The dataset's arrays are only read (they may
 * be shared by concurrent jobs); each call makes its own row-major {@code float[]} copy, which the
 * native library copies again, so every job owns its {@link DMatrix}. Missing values are NaN.
 */
final class Matrices {

  private Matrices() {
  }

  /**
   * A labelled matrix of the dataset's features from column {@code firstColumn} on.
   *
   * @param weightColumn when true, feature column 0 holds instance weights and is left out of the
   *                     features (SageMaker's {@code csv_weights=1})
   */
  static DMatrix labelled(Dataset data, boolean weightColumn) throws XGBoostError {
    int first = weightColumn ? 1 : 0;
    DMatrix m = new DMatrix(features(data.features(), first), data.rows(), data.columns() - first, Float.NaN);
    try {
      m.setLabel(toFloats(data.labels()));
      if (weightColumn) {
        float[] w = new float[data.rows()];
        for (int r = 0; r < w.length; r++) {
          w[r] = (float) data.features()[r][0];
        }
        m.setWeight(w);
      }
      return m;
    } catch (XGBoostError | RuntimeException e) {
      m.dispose();
      throw e;
    }
  }

  /** Row-major float copy of {@code rows}, from column {@code first} on. */
  static float[] features(double[][] rows, int first) {
    int cols = rows.length == 0 ? 0 : rows[0].length - first;
    float[] out = new float[rows.length * cols];
    int k = 0;
    for (double[] row : rows) {
      if (row.length - first != cols) {
        throw new IllegalArgumentException("features: rows have " + (row.length - first)
            + " and " + cols + " columns; expected all rows alike");
      }
      for (int c = first; c < row.length; c++) {
        out[k++] = (float) row[c];
      }
    }
    return out;
  }

  /** Count of values in {@code rows} from column {@code first} on that are not NaN. */
  static long nonMissing(double[][] rows, int first) {
    long n = 0;
    for (double[] row : rows) {
      for (int c = first; c < row.length; c++) {
        if (!Double.isNaN(row[c])) {
          n++;
        }
      }
    }
    return n;
  }

  private static float[] toFloats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
