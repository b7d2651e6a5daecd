/**
 * Quality benchmarks: standard test functions with known optima over SageMaker-style ranges,
 * and a runner that applies a strategy over several seeds (sequentially or with k trials in
 * flight, simulated deterministically) and summarises best-so-far trajectories by quartiles.
 */
package dev.tunelab.optimizer.benchmark;
