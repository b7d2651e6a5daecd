package dev.tunelab.core.tuning;

import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.optimizer.Observation;
import java.util.List;

/**
 * A tuning job that passed validation, with its training data parsed once and shared by all its
 * training jobs. Nothing is in the store yet.
 *
 * @param spec     the validated tuning spec
 * @param template the training job template (trainer and channels)
 * @param warmStartObservations the warm-start parents' results in this job's search space
 */
public record PreparedTuningJob(TuningJobSpec spec, PreparedTrainingJob template,
    List<Observation> warmStartObservations) {

  public PreparedTuningJob {
    warmStartObservations = List.copyOf(warmStartObservations);
  }
}
