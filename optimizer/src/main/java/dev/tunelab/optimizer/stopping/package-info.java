/**
 * Early-stopping rules for running trials: after every resource unit (a boosting round for
 * XGBoost, an epoch elsewhere) the scheduler reports the trial's objective, already converted
 * to "smaller is better", and a {@link dev.tunelab.optimizer.stopping.StoppingRule} answers
 * CONTINUE or STOP.
 *
 * <ul>
 *   <li>{@link dev.tunelab.optimizer.stopping.MedianStoppingRule}: SageMaker AMT's documented
 *       {@code TrainingJobEarlyStoppingType=Auto} median rule, with grace settings.</li>
 *   <li>{@link dev.tunelab.optimizer.stopping.AsyncHyperbandRule}: asynchronous successive
 *       halving (ASHA, stopping variant), the rule behind the {@code Hyperband} strategy, with
 *       optional Hyperband brackets.</li>
 * </ul>
 *
 * <p>Rules are pure bookkeeping: no threads, clocks, randomness or I/O. They synchronise
 * internally so that training threads may call them concurrently, and they are deterministic
 * given the same sequence of calls.
 */
package dev.tunelab.optimizer.stopping;
