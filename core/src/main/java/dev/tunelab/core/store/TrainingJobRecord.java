package dev.tunelab.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Immutable snapshot of a training job as stored. Times have millisecond precision.
 *
 * @param name                  training job name
 * @param tuningJobName         the tuning job that launched it, or {@code null}
 * @param sequence              1-based number within its tuning job, 0 for a lone job
 * @param status                current status
 * @param hyperParameters       all hyperparameters (strings), in the order given at creation
 * @param tunedHyperParameters  only the tuned ones
 * @param specJson              the CreateTrainingJob-shaped JSON, or {@code null}
 * @param creationTime          when it was created
 * @param startTime             when training started, or {@code null} before that
 * @param endTime               when it ended, or {@code null} while not terminal
 * @param lastModifiedTime      last change of status or times (store clock)
 * @param finalMetrics          final value of each metric (empty until finished)
 * @param objectiveValue        final objective value, or {@code null}
 * @param objectiveStatus       {@code Pending} while running, {@code Succeeded} when it ended
 *                              Completed or Stopped with an objective value, else {@code Failed}
 * @param modelArtifact         path of the saved model, or {@code null}
 * @param failureReason         why it failed or stopped, or {@code null}
 * @param jobDir                its folder, or {@code null}
 * @param roundsTrained         rounds trained (0 until finished)
 * @param retryableFailure      true when it Failed for TuneLab's reasons (RetryableError)
 */
public record TrainingJobRecord(
    String name,
    String tuningJobName,
    int sequence,
    TrainingJobStatus status,
    Map<String, String> hyperParameters,
    Map<String, String> tunedHyperParameters,
    String specJson,
    Instant creationTime,
    Instant startTime,
    Instant endTime,
    Instant lastModifiedTime,
    Map<String, Double> finalMetrics,
    Double objectiveValue,
    ObjectiveStatus objectiveStatus,
    String modelArtifact,
    String failureReason,
    Path jobDir,
    int roundsTrained,
    boolean retryableFailure) {

  public TrainingJobRecord {
    hyperParameters = Checks.orderedCopy(hyperParameters, "hyperParameters");
    tunedHyperParameters = Checks.orderedCopy(tunedHyperParameters, "tunedHyperParameters");
    finalMetrics = Checks.orderedCopy(finalMetrics, "finalMetrics");
  }
}
