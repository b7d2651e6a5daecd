package dev.tunelab.datasets;

import java.util.List;
import java.util.Objects;

/**
 * An immutable numeric table for supervised learning: one row per example, the feature matrix
 * {@code features[row][column]}, the target {@code labels[row]}, the feature names, and where the
 * data came from. Missing values are {@link Double#NaN}. Arrays are not copied on the way out for
 * speed: callers must not modify them.
 *
 * <p>Two forms hold the same API. One is built from a {@code double[][]} ({@link #Dataset}); the
 * other, built by {@link #ofFloats} (the CSV reader's form for training channels), keeps the
 * features in one row-major {@code float[]}, the precision XGBoost stores them in, which is handed
 * to XGBoost as it is ({@link #floatFeatures()}) and takes a quarter of the memory of
 * {@code double[][]}. Each form builds the other's view only when it is asked for, once.
 */
public final class Dataset {

  private final double[] labels;
  private final List<String> featureNames;
  private final Provenance provenance;
  private final int rows;
  private volatile double[][] features;
  private volatile float[] floats;

  /**
   * A dataset of {@code double} rows.
   *
   * @param features     row-major feature matrix, every row of length {@code featureNames.size()}
   * @param labels       target value per row (same length as {@code features}); may be
   *                     {@code null} for unlabelled data such as a batch-transform input
   * @param featureNames column names of the features, in order
   * @param provenance   where the data came from
   */
  public Dataset(double[][] features, double[] labels, List<String> featureNames,
      Provenance provenance) {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(featureNames, "featureNames");
    Objects.requireNonNull(provenance, "provenance");
    this.featureNames = List.copyOf(featureNames);
    if (labels != null && labels.length != features.length) {
      throw new IllegalArgumentException(
          "labels has " + labels.length + " rows but features has " + features.length);
    }
    for (int r = 0; r < features.length; r++) {
      if (features[r].length != featureNames.size()) {
        throw new IllegalArgumentException("row " + r + " has " + features[r].length
            + " features, expected " + featureNames.size());
      }
    }
    this.features = features;
    this.labels = labels;
    this.provenance = provenance;
    this.rows = features.length;
  }

  private Dataset(float[] values, int rows, double[] labels, List<String> featureNames,
      Provenance provenance) {
    this.featureNames = List.copyOf(featureNames);
    this.floats = values;
    this.rows = rows;
    this.labels = labels;
    this.provenance = provenance;
  }

  /**
   * A dataset whose features are one row-major {@code float[]} ({@code rows * featureNames.size()}
   * values, row after row), kept as it is (not copied).
   *
   * @param values       the features, row-major; NaN marks a missing value
   * @param rows         number of rows
   * @param labels       target per row, or {@code null}
   * @param featureNames column names of the features
   * @param provenance   where the data came from
   * @return the dataset
   */
  public static Dataset ofFloats(float[] values, int rows, double[] labels,
      List<String> featureNames, Provenance provenance) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(featureNames, "featureNames");
    Objects.requireNonNull(provenance, "provenance");
    if ((long) rows * featureNames.size() != values.length) {
      throw new IllegalArgumentException("values has " + values.length + " entries, expected "
          + rows + " rows x " + featureNames.size() + " features");
    }
    if (labels != null && labels.length != rows) {
      throw new IllegalArgumentException("labels has " + labels.length + " rows, expected " + rows);
    }
    return new Dataset(values, rows, labels, featureNames, provenance);
  }

  /**
   * The feature matrix as {@code double} rows; for a float-backed dataset it is built on the
   * first call (each value widened exactly from its float) and kept.
   */
  public double[][] features() {
    double[][] f = features;
    if (f == null) {
      synchronized (this) {
        f = features;
        if (f == null) {
          float[] v = floats;
          int cols = columns();
          f = new double[rows][cols];
          for (int r = 0; r < rows; r++) {
            double[] row = f[r];
            int base = r * cols;
            for (int c = 0; c < cols; c++) {
              row[c] = v[base + c];
            }
          }
          features = f;
        }
      }
    }
    return f;
  }

  /**
   * The features as one row-major {@code float[]} ({@code rows() * columns()} values), the layout
   * XGBoost's dense matrix takes; for a double-backed dataset it is built on the first call (each
   * value rounded to the nearest float) and kept. Callers must not modify it.
   */
  public float[] floatFeatures() {
    float[] v = floats;
    if (v == null) {
      synchronized (this) {
        v = floats;
        if (v == null) {
          double[][] f = features;
          int cols = columns();
          v = new float[rows * cols];
          for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
              v[r * cols + c] = (float) f[r][c];
            }
          }
          floats = v;
        }
      }
    }
    return v;
  }

  /** Target value per row, or {@code null} for unlabelled data. */
  public double[] labels() {
    return labels;
  }

  /** Column names of the features, in order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** Where the data came from. */
  public Provenance provenance() {
    return provenance;
  }

  /** Number of rows (examples). */
  public int rows() {
    return rows;
  }

  /** Number of feature columns. */
  public int columns() {
    return featureNames.size();
  }

  /** True when the data set has a target column. */
  public boolean labelled() {
    return labels != null;
  }

  @Override
  public String toString() {
    return "Dataset[" + rows + " rows x " + columns() + " features, " + provenance + "]";
  }
}
