package dev.tunelab.core.train;

/**
 * Receives what a training job reports while it runs. Called from the training thread;
 * implementations must be cheap and thread-safe.
 */
public interface TrainingListener {

  /** One line of the job's log stream, without the trailing newline (tabs written as-is). */
  void log(String line);

  /**
   * One metric observation.
   *
   * @param name      SageMaker metric name, for example {@code validation:rmse}
   * @param iteration boosting round or epoch, 0-based; -1 when the metric has no iteration
   * @param value     the value
   * @return {@code true} to continue training, {@code false} to ask the trainer to stop now
   *     (used by early-stopping rules); the job then ends as STOPPED
   */
  boolean metric(String name, int iteration, double value);

  /** A listener that ignores everything and never stops a job. */
  TrainingListener NONE = new TrainingListener() {
    @Override public void log(String line) { }
    @Override public boolean metric(String name, int iteration, double value) { return true; }
  };
}
