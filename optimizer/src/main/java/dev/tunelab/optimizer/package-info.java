/**
 * Hyperparameter optimisation without knowledge of models, threads or storage: a
 * {@link dev.tunelab.optimizer.Strategy} sees an immutable {@link dev.tunelab.optimizer.History}
 * of observations and proposes configurations. {@link dev.tunelab.optimizer.Strategies} builds
 * SageMaker's strategies by name (Bayesian, Random, Grid).
 */
package dev.tunelab.optimizer;
