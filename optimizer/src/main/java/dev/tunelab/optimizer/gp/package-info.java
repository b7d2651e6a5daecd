/**
 * Gaussian-process Bayesian optimisation: a Matérn-5/2 ARD surrogate fitted by maximising the
 * (log) marginal likelihood, log expected improvement, its maximisation over the unit cube,
 * and {@link dev.tunelab.optimizer.gp.BayesianStrategy}, which composes them. All arrays are
 * points of the encoder's unit cube; targets are standardised losses (smaller is better).
 */
package dev.tunelab.optimizer.gp;
