package dev.tunelab.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * A training job to insert with {@link JobStore#createTrainingJob}; it starts {@code InProgress}.
 *
 * @param name                  training job name, unique in the store (SageMaker:
 *                              {@code <tuning-job>-<NNN>-<8 hex>} for jobs of a tuning job)
 * @param tuningJobName         the tuning job that launched it, or {@code null} for a lone job
 * @param sequence              1-based number within the tuning job; 0 when {@code tuningJobName}
 *                              is null
 * @param hyperParameters       all hyperparameters, as SageMaker passes them (strings), in order
 * @param tunedHyperParameters  only the tuned ones (SageMaker's {@code TunedHyperParameters})
 * @param specJson              the CreateTrainingJob-shaped JSON it runs, or {@code null}
 * @param creationTime          when it was created (kept to the millisecond)
 * @param jobDir                its folder under {@code $TUNELAB_HOME/jobs}, or {@code null}
 */
public record NewTrainingJob(
    String name,
    String tuningJobName,
    int sequence,
    Map<String, String> hyperParameters,
    Map<String, String> tunedHyperParameters,
    String specJson,
    Instant creationTime,
    Path jobDir) {

  public NewTrainingJob {
    Checks.requireName(name, "training job name");
    if (tuningJobName != null) {
      Checks.requireName(tuningJobName, "tuningJobName");
      if (sequence < 1) {
        throw new IllegalArgumentException("sequence of training job '" + name + "' must be >= 1"
            + " when it belongs to tuning job '" + tuningJobName + "', got " + sequence);
      }
    } else if (sequence != 0) {
      throw new IllegalArgumentException("sequence of training job '" + name
          + "' must be 0 when it belongs to no tuning job, got " + sequence);
    }
    hyperParameters = Checks.orderedCopy(hyperParameters, "hyperParameters");
    tunedHyperParameters = Checks.orderedCopy(tunedHyperParameters, "tunedHyperParameters");
    creationTime = Checks.requireMillis(creationTime, "creationTime");
  }
}
