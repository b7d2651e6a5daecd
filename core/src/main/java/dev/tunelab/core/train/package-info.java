/**
 * The trainer abstraction: what a training job is given ({@link dev.tunelab.core.train.TrainingRequest}),
 * what it reports while it runs ({@link dev.tunelab.core.train.TrainingListener}) and how it ends
 * ({@link dev.tunelab.core.train.TrainingOutcome}).
 */
package dev.tunelab.core.train;
