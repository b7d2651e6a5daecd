package dev.tunelab.datasets;

import java.util.List;
import java.util.Objects;

/**
 * An immutable numeric table for supervised learning: one row per example, the feature matrix
 * {@code features[row][column]}, the target {@code labels[row]}, the feature names, and where the
 * data came from. Missing values are {@link Double#NaN}. Arrays are not copied on the way out for
 * speed: callers must not modify them.
 *
 * @param features     row-major feature matrix, every row of length {@code featureNames.size()}
 * @param labels       target value per row (same length as {@code features}); may be {@code null}
 *                     for unlabelled data such as a batch-transform input
 * @param featureNames column names of the features, in order
 * @param provenance   where the data came from
 */
public record Dataset(double[][] features, double[] labels, List<String> featureNames, Provenance provenance) {

  public Dataset {
    Objects.requireNonNull(features, "features");
    Objects.requireNonNull(featureNames, "featureNames");
    Objects.requireNonNull(provenance, "provenance");
    featureNames = List.copyOf(featureNames);
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
  }

  /** Number of rows (examples). */
  public int rows() {
    return features.length;
  }

  /** Number of feature columns. */
  public int columns() {
    return featureNames.size();
  }

  /** True when the data set has a target column. */
  public boolean labelled() {
    return labels != null;
  }
}
