package dev.tunelab.core.job;

import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.datasets.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A training job that passed validation: its spec, the trainer that will run it, and its channels
 * resolved and (for built-in trainers) parsed. Nothing has been written to the store yet. The
 * parsed data is immutable and may be shared by many jobs of one tuning job.
 *
 * @param spec         the validated spec
 * @param trainer      the trainer
 * @param channels     parsed data by channel name (empty for bring-your-own jobs)
 * @param channelFiles files by channel name
 */
public record PreparedTrainingJob(
    TrainingJobSpec spec,
    Trainer trainer,
    Map<String, Dataset> channels,
    Map<String, List<Path>> channelFiles) {

  public PreparedTrainingJob {
    channels = Map.copyOf(channels);
    channelFiles = Map.copyOf(channelFiles);
  }
}
