/**
 * How much each hyperparameter matters: a functional ANOVA (first-order Sobol indices) of the
 * Gaussian-process surrogate's posterior mean fitted to a tuning job's finished configurations.
 */
package dev.tunelab.optimizer.importance;
