/**
 * "Bring your own training command": a {@link dev.tunelab.core.train.Trainer} that runs a local
 * program as a training job, following SageMaker's container contract (the {@code /opt/ml}
 * folder layout, the {@code SM_*} environment and {@code --name value} hyperparameter arguments)
 * inside the job's own folder, and takes metrics from its stdout and stderr with SageMaker's
 * {@code MetricDefinitions} regular expressions.
 *
 * <p>Entry point: {@link dev.tunelab.core.process.ProcessTrainer}; its inputs are a
 * {@link dev.tunelab.core.process.ProcessCommand} and a list of
 * {@link dev.tunelab.core.spec.MetricDefinition}s.
 *
 * <p>Job processes end with their job: each runs in a session of its own
 * ({@link dev.tunelab.core.process.JobSession}), is stopped as a whole tree
 * ({@link dev.tunelab.core.process.ProcessTree}), is ended by a per-JVM watchdog when TuneLab is
 * killed with SIGKILL ({@link dev.tunelab.core.process.Watchdog}) and reaped from its job folder's
 * record by the next trainer otherwise ({@link dev.tunelab.core.process.OrphanReaper}). Jobs see
 * only part of TuneLab's environment ({@link dev.tunelab.core.process.JobEnvironment}).
 */
package dev.tunelab.core.process;
