/**
 * Tabular data for TuneLab: the {@link dev.tunelab.datasets.Dataset} value type, CSV reading
 * with errors that name file, line and column, the bundled Boston housing data, and seeded
 * splitters that follow the SageMaker course.
 */
package dev.tunelab.datasets;
