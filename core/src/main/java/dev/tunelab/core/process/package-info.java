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
 */
package dev.tunelab.core.process;
