package dev.tunelab.cli.progress;

import java.util.List;

/**
 * What the progress display shows at one instant.
 *
 * @param done          finished training jobs that count toward MaxNumberOfTrainingJobs
 * @param total         MaxNumberOfTrainingJobs
 * @param running       training jobs running now
 * @param failed        training jobs Failed
 * @param stopped       training jobs Stopped
 * @param bestObjective best objective so far, or NaN
 * @param bestJob       the best job's name (unescaped), or {@code null}
 * @param elapsedMillis milliseconds since the display started
 * @param etaMillis     estimated milliseconds until the last job ends: -1 while no job this
 *                      display watched has finished, 0 once the tuning job ended
 * @param rounds        the current round of each running job that reported one, in launch order
 */
public record ProgressSnapshot(int done, int total, int running, int failed, int stopped, double bestObjective,
    String bestJob, long elapsedMillis, long etaMillis, List<JobRound> rounds) {

  public ProgressSnapshot {
    rounds = List.copyOf(rounds);
  }

  /**
   * A running job's current round.
   *
   * @param label the job's short label, e.g. {@code j3}
   * @param round the last round it reported, 0-based as its log numbers it
   */
  public record JobRound(String label, int round) {
    /** {@code j3:r57}. */
    @Override
    public String toString() {
      return label + ":r" + round;
    }
  }
}
