package dev.tunelab.core.train;

import dev.tunelab.datasets.Dataset;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Everything a {@link Trainer} needs for one training job.
 *
 * @param jobName         training job name
 * @param hyperParameters SageMaker hyperparameters, all values as strings
 * @param channels        parsed channel data by channel name ({@code train}, {@code validation});
 *                        built-in trainers use these
 * @param channelFiles    the channel files by channel name, for process trainers
 * @param jobDir          the job's working folder ({@code $TUNELAB_HOME/jobs/<name>}); the model
 *                        goes to {@code jobDir/model/}
 * @param maxRuntime      StoppingCondition.MaxRuntimeInSeconds as a duration
 * @param threads         CPU threads this job may use (at least 1)
 * @param stopRequested   polled between rounds; {@code true} ends the job as STOPPED
 */
public record TrainingRequest(
    String jobName,
    Map<String, String> hyperParameters,
    Map<String, Dataset> channels,
    Map<String, List<Path>> channelFiles,
    Path jobDir,
    Duration maxRuntime,
    int threads,
    BooleanSupplier stopRequested) {

  public TrainingRequest {
    Objects.requireNonNull(jobName, "jobName");
    hyperParameters = Map.copyOf(hyperParameters);
    channels = Map.copyOf(channels);
    channelFiles = Map.copyOf(channelFiles);
    Objects.requireNonNull(jobDir, "jobDir");
    Objects.requireNonNull(maxRuntime, "maxRuntime");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    stopRequested = stopRequested == null ? () -> false : stopRequested;
  }
}
