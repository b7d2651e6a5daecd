package dev.tunelab.core.train;

import java.util.Map;

/**
 * Runs one training job: the built-in XGBoost4J trainer or a local process following
 * SageMaker's container contract. Implementations are thread-safe: one instance may train
 * several jobs at once on different threads.
 */
public interface Trainer {

  /**
   * Checks hyperparameters before any job record is written.
   *
   * @throws dev.tunelab.core.spec.SpecException naming the hyperparameter, its value and what
   *     would be accepted
   */
  void validate(Map<String, String> hyperParameters);

  /**
   * Trains to completion, failure or stop. Never throws for a failing job: a failure is an
   * outcome with status {@link TrainingOutcome.Status#FAILED} and a reason.
   */
  TrainingOutcome train(TrainingRequest request, TrainingListener listener);
}
