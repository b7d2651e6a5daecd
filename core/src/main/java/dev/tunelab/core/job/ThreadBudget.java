package dev.tunelab.core.job;

import dev.tunelab.datasets.Dataset;

/**
 * How many threads a built-in training job uses: its share of the cores (cores divided among
 * the parallel jobs, at least 1), and no more than its data can keep busy. Small data trains
 * fastest on one thread: OpenMP's start-up and spin-waiting cost more than the work, and on a
 * busy machine two spinning threads per job were measured ten times slower than one (the course's
 * base model: 14.5 s with 2 threads against 1.1 s with 1, on 2 loaded cores). One thread is
 * allowed per {@value #CELLS_PER_THREAD} training cells (rows × features). The {@code nthread}
 * hyperparameter, when given, overrides this.
 */
public final class ThreadBudget {

  /** Training cells (rows × features) that justify one more thread. */
  public static final long CELLS_PER_THREAD = 250_000;

  private ThreadBudget() { }

  /** Each job's share of the cores when {@code parallelJobs} run at once. */
  public static int share(int parallelJobs) {
    return Math.max(1, Runtime.getRuntime().availableProcessors() / Math.max(1, parallelJobs));
  }

  /** The threads for a job with this share and this training data ({@code null}: unknown). */
  public static int forData(int share, Dataset train) {
    if (train == null) {
      return share;
    }
    long cells = (long) train.rows() * Math.max(1, train.columns());
    long useful = 1 + cells / CELLS_PER_THREAD;
    return (int) Math.max(1, Math.min(share, useful));
  }
}
