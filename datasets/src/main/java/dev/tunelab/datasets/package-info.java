/**
 * Tabular data for TuneLab: the {@link dev.tunelab.datasets.Dataset} value type and its
 * {@link dev.tunelab.datasets.Provenance}; {@link dev.tunelab.datasets.CsvDatasetReader} for
 * user CSV files (header row or SageMaker's label-first layout), whose errors
 * ({@link dev.tunelab.datasets.DataFormatException}) name file, line and column;
 * {@link dev.tunelab.datasets.LibSvmReader} (libsvm, read as XGBoost reads it) and
 * {@link dev.tunelab.datasets.ParquetDatasetReader} (Parquet, label first) for the other
 * SageMaker channel formats; the bundled,
 * sha256-checked {@link dev.tunelab.datasets.BostonHousing} data; seeded splitters that follow
 * scikit-learn's {@code train_test_split} ({@link dev.tunelab.datasets.TrainTestSplitter}) and
 * the SageMaker course ({@link dev.tunelab.datasets.CourseSplitter}); and
 * {@link dev.tunelab.datasets.SageMakerCsvWriter}, which writes channels that read back
 * bit-exactly.
 *
 * <p>Units: features and labels are whatever the data holds (Boston's {@code medv} is in
 * thousands of US dollars); row and column counts are plain counts; line and column numbers in
 * errors are 1-based.
 */
package dev.tunelab.datasets;
