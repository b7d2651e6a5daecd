package dev.tunelab.optimizer.stopping;

/**
 * Decides, after each resource unit (boosting round / epoch) of a running trial, whether to
 * stop it. Implementations are thread-safe (called concurrently from several training
 * threads) and deterministic given the same sequence of calls. Values are "smaller is better":
 * the scheduler negates objectives that are maximised before reporting them.
 */
public interface StoppingRule {

  /**
   * A trial reports its objective after completing {@code resource} units (1-based: resource 1
   * = after the first round). Returns CONTINUE or STOP. A non-finite value never causes STOP
   * by itself (a NaN objective is the scheduler's business).
   *
   * @throws IllegalArgumentException if the trial id is null or blank, the resource is not
   *     after the trial's previous report, or the trial was already ended
   */
  Decision report(String trialId, int resource, double value);

  /**
   * The trial ended (completed, stopped or failed); its curve stays in the history used to
   * judge later trials. Unknown ids (a trial that failed before its first report) and repeated
   * calls are ignored.
   */
  void trialEnded(String trialId);

  /** The answer to a report. */
  enum Decision { CONTINUE, STOP }
}
