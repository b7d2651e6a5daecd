package dev.tunelab.core.tuning;

/**
 * A snapshot of a tuning job's progress.
 *
 * @param finished      training jobs that ended and count toward MaxNumberOfTrainingJobs
 * @param total         MaxNumberOfTrainingJobs
 * @param running       training jobs running now
 * @param completed     training jobs Completed
 * @param failed        training jobs Failed
 * @param stopped       training jobs Stopped (by an early-stopping rule or a stop request)
 * @param bestJob       name of the best training job so far, or {@code null}
 * @param bestObjective its objective value, or {@code NaN}
 * @param elapsedMillis wall time since the tuning job (or its resumption) started
 */
public record TuningProgress(int finished, int total, int running, int completed, int failed, int stopped,
    String bestJob, double bestObjective, long elapsedMillis) { }
