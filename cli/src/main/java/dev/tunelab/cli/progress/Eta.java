package dev.tunelab.cli.progress;

import java.util.List;

/**
 * Estimates the time left in a tuning job from the mean duration of the training jobs that
 * finished: each running job needs what is left of a mean duration, each job not started yet a
 * whole one, and the slots work through that in parallel; the estimate is never below the time
 * the longest-running job still needs. A rough guide, as SageMaker gives none: jobs stopped
 * early or tuned to fewer rounds make it shrink as the job goes.
 */
final class Eta {
  private Eta() { }

  /**
   * @param meanMillis     mean duration of the finished jobs, in milliseconds
   * @param runningElapsed how long each running job has run, in milliseconds
   * @param notStarted     jobs still to launch
   * @param parallelism    jobs that run at once (at least 1 is assumed)
   * @return the estimated milliseconds until the last job ends
   */
  static long estimate(long meanMillis, List<Long> runningElapsed, int notStarted, int parallelism) {
    long work = (long) Math.max(0, notStarted) * meanMillis;
    long longest = 0;
    for (long elapsed : runningElapsed) {
      long left = Math.max(0, meanMillis - elapsed);
      work += left;
      longest = Math.max(longest, left);
    }
    return Math.max(longest, work / Math.max(1, parallelism));
  }
}
