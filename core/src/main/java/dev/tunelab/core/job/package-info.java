/**
 * Running one training job against the store: validation before anything is written, loading
 * its channels, recording its log, metrics and outcome, and where its files live
 * ({@link dev.tunelab.core.job.TrainingJobRunner}).
 *
 * <p>Why {@code job} and {@code train} are two packages: {@code train} is the contract a trainer
 * implements (request, listener, outcome) and knows nothing of the store, the home folder or
 * tuning; {@code job} is the one caller of that contract that does. A new trainer depends on
 * {@code train} only; the store's bookkeeping changes in {@code job} without touching a trainer.
 */
package dev.tunelab.core.job;
