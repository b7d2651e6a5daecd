package dev.tunelab.core.executor;

import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;

/**
 * An open connection to an engine that runs training jobs elsewhere (for example a Spark
 * cluster). It wraps the trainer a job would use here in one that runs the same trainer there and
 * reports its log lines, metrics and outcome back on the calling thread, so that the scheduler,
 * the store and early stopping work unchanged. Closing it releases the engine (ends the Spark
 * application).
 */
public interface TrainingExecutor extends AutoCloseable {

  /**
   * The trainer that runs jobs of {@code spec} on this executor.
   *
   * @param spec  the training job's spec (for a tuning job, its training job definition)
   * @param local the trainer that would run it on this machine; its {@code validate} still runs
   *              here, before anything is sent
   */
  Trainer place(TrainingJobSpec spec, Trainer local);

  /** What runs the jobs, in a few words for the console, for example {@code "Spark local[2]"}. */
  String describe();

  /** Ends the engine's session; jobs still running are cancelled. */
  @Override
  void close();
}
