/**
 * The search space as SageMaker defines it (integer, continuous and categorical ranges with a
 * {@link dev.tunelab.optimizer.space.ScalingType}), configurations drawn from it, and the one
 * encoder to the unit cube and back that every strategy shares.
 */
package dev.tunelab.optimizer.space;
