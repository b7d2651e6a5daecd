/**
 * JMH micro-benchmarks of the optimizer: GP fitting, one Bayesian suggestion at n = 100, 500
 * and 1000 observations in 6-D with 2 pending, and the unit-cube encoder. Run from the shaded
 * jar {@code benchmarks/target/tunelab-benchmarks.jar}; results are recorded in RESULTS.md.
 */
package dev.tunelab.benchmarks;
