package dev.tunelab.optimizer;

import dev.tunelab.optimizer.space.Configuration;
import java.util.List;

/**
 * Proposes configurations to evaluate next.
 *
 * <p>Contract: returns at most {@code count} distinct configurations of the strategy's space,
 * none already in the history (completed, failed or pending) while the space has others; it may
 * return fewer (even zero) when a finite space is exhausted. Deterministic: the same seed and the
 * same history give the same proposals (randomness is derived from the seed and the history
 * size, never from hidden mutable state), so a resumed tuning job replays. Not required to be
 * thread-safe: call it from one thread.
 */
public interface Strategy {
  /**
   * @param history every observation so far
   * @param count how many configurations are wanted, {@code >= 0}
   * @throws IllegalArgumentException if count is negative
   */
  List<Configuration> suggest(History history, int count);

  /**
   * Whether proposals depend on the objective values of finished jobs. A strategy that only
   * needs to know which configurations were tried (at random, or in grid order) returns false,
   * and a scheduler need not wait for results before asking it for more.
   */
  default boolean learnsFromResults() {
    return true;
  }
}
