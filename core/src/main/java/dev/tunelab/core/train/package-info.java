/**
 * The contract every trainer implements: what a training job is given
 * ({@link dev.tunelab.core.train.TrainingRequest}), what it reports while it runs
 * ({@link dev.tunelab.core.train.TrainingListener}) and how it ends
 * ({@link dev.tunelab.core.train.TrainingOutcome}). It depends on nothing of the store or of
 * tuning (see {@code dev.tunelab.core.job} for the caller that records jobs); what depends on an
 * algorithm (channels, metrics, final value, Hyperband's resource) is its
 * {@link dev.tunelab.core.spec.AlgorithmContract}, implemented beside each trainer.
 */
package dev.tunelab.core.train;
