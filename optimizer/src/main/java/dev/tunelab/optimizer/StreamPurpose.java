package dev.tunelab.optimizer;

/**
 * What a random stream from {@link Seeds#stream} is used for. Each purpose gets its own stream
 * for the same (seed, history size), so that two strategies, or two uses inside one strategy,
 * never share draws by accident. The codes are part of reproducibility: a run with a given seed
 * proposes the same configurations only as long as its purpose keeps its code.
 */
public enum StreamPurpose {
  /** {@link RandomStrategy}'s uniform proposals, one stream per history position. */
  RANDOM_SEARCH(1),
  /**
   * {@link dev.tunelab.optimizer.gp.BayesianStrategy}: its random initial design (one stream
   * per history position) and the stream of its model fit and acquisition search.
   */
  BAYESIAN_SEARCH(2);

  private final int code;

  StreamPurpose(int code) {
    this.code = code;
  }

  /** The number mixed into the stream's seed; fixed per purpose (changing it changes every run). */
  public int code() {
    return code;
  }
}
