/**
 * Evaluation metrics computed in pure Java: the ones SageMaker's XGBoost container computes itself
 * with scikit-learn ({@link dev.tunelab.core.metrics.ContainerMetric}, definitions in
 * {@code docs/design.md}, "Metrics the container computes"), the scores batch transform reports
 * against labels, and the objective families that decide which metric fits which objective.
 */
package dev.tunelab.core.metrics;
