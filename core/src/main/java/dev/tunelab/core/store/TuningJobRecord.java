package dev.tunelab.core.store;

import java.time.Instant;

/**
 * Immutable snapshot of a tuning job as stored. Times have millisecond precision.
 *
 * @param name              tuning job name
 * @param specJson          the CreateHyperParameterTuningJob-shaped JSON
 * @param status            current status
 * @param creationTime      when it was created
 * @param endTime           when it ended ({@code HyperParameterTuningEndTime}), or {@code null}
 * @param lastModifiedTime  last change (store clock)
 * @param bestTrainingJob   name of the best training job so far, or {@code null}
 * @param failureReason     why it failed, or {@code null}
 * @param stopRequested     whether {@link JobStore#requestStop} was called for it
 */
public record TuningJobRecord(
    String name,
    String specJson,
    TuningJobStatus status,
    Instant creationTime,
    Instant endTime,
    Instant lastModifiedTime,
    String bestTrainingJob,
    String failureReason,
    boolean stopRequested) {}
