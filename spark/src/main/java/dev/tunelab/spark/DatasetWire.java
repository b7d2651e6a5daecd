package dev.tunelab.spark;

import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.io.Serializable;
import java.util.ArrayList;

/**
 * A parsed channel ({@link Dataset}) as Spark broadcasts it: the features in the row-major
 * {@code float} form XGBoost trains on (4 bytes a cell), the labels, the column names and the
 * provenance. The executor rebuilds the same {@code Dataset}, so a job trains on exactly the
 * values it would have on the driver.
 */
final class DatasetWire implements Serializable {

  private static final long serialVersionUID = 1L;

  private final float[] values;
  private final int rows;
  private final double[] labels;
  private final ArrayList<String> featureNames;
  private final String source;
  private final String sha256;
  private final String derivation;

  private DatasetWire(Dataset d) {
    values = d.floatFeatures();
    rows = d.rows();
    labels = d.labelled() ? d.labels() : null;
    featureNames = new ArrayList<>(d.featureNames());
    source = d.provenance().source();
    sha256 = d.provenance().sha256();
    derivation = d.provenance().derivation();
  }

  /** The data as it travels. */
  static DatasetWire of(Dataset d) {
    return new DatasetWire(d);
  }

  /** Bytes the features and labels take, to choose between broadcasting and reading on the executor. */
  static long sizeOf(Dataset d) {
    return 4L * d.rows() * d.columns() + 8L * d.rows();
  }

  /** The dataset again, on the executor. */
  Dataset toDataset() {
    return Dataset.ofFloats(values, rows, labels, featureNames, new Provenance(source, sha256, derivation));
  }
}
