package dev.tunelab.core.tuning;

import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.store.TrainingJobRecord;

/**
 * Runs one training job of a tuning job to its end on the calling thread and returns its final
 * record ({@link dev.tunelab.core.job.TrainingJobRunner#run} in production). The scheduler calls
 * it from its training threads, several at once.
 */
@FunctionalInterface
interface TrainingJobLauncher {

  /** Records, trains and finishes the job; a failing job is a Failed record, not an exception. */
  TrainingJobRecord run(PreparedTrainingJob job, JobContext context);
}
