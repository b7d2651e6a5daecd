package dev.tunelab.core.xgboost;

import dev.tunelab.datasets.Dataset;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Builds XGBoost4J matrices from {@link Dataset}s, and turns XGBoost's float predictions into
 * doubles. The dataset's arrays are only read (they may be shared by concurrent jobs): its row-major {@code float[]} ({@link Dataset#floatFeatures()}) is
 * handed to the native library as it is, which copies it into the job's own {@link DMatrix}; only
 * {@code csv_weights=1} makes a Java copy (without the weight column). Missing values are NaN.
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
    float[] all = data.floatFeatures();
    int cols = data.columns();
    DMatrix m = new DMatrix(first == 0 ? all : dropFirstColumn(all, data.rows(), cols),
        data.rows(), cols - first, Float.NaN);
    try {
      m.setLabel(toFloats(data.labels()));
      if (weightColumn) {
        float[] w = new float[data.rows()];
        for (int r = 0; r < w.length; r++) {
          w[r] = all[r * cols];
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

  /** The row-major {@code values} without column 0. */
  static float[] dropFirstColumn(float[] values, int rows, int cols) {
    float[] out = new float[rows * (cols - 1)];
    for (int r = 0; r < rows; r++) {
      System.arraycopy(values, r * cols + 1, out, r * (cols - 1), cols - 1);
    }
    return out;
  }

  /** Count of values of the row-major {@code values} from column {@code first} on that are not NaN. */
  static long nonMissing(float[] values, int cols, int first) {
    long n = 0;
    for (int base = 0; base < values.length; base += cols) {
      for (int c = first; c < cols; c++) {
        if (!Float.isNaN(values[base + c])) {
          n++;
        }
      }
    }
    return n;
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

  /** A double copy of XGBoost's predictions, one row per input row. */
  static double[][] toDoubles(float[][] p) {
    double[][] out = new double[p.length][];
    for (int r = 0; r < p.length; r++) {
      out[r] = new double[p[r].length];
      for (int c = 0; c < p[r].length; c++) {
        out[r][c] = p[r][c];
      }
    }
    return out;
  }

  private static float[] toFloats(double[] v) {
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = (float) v[i];
    }
    return out;
  }
}
