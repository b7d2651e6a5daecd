package dev.tunelab.core.tuning;

import dev.tunelab.core.job.JobFolders;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * DeleteHyperParameterTuningJob: the store's records of a tuning job and its training jobs go in
 * one transaction ({@link JobStore#deleteTuningJob}, which refuses a tuning job that may still
 * run), then their folders under the home ({@link JobFolders}). Afterwards the name is free for a
 * new tuning job.
 */
public final class TuningJobDeletion {
  private TuningJobDeletion() { }

  /**
   * Deletes a tuning job, its training jobs and their folders.
   *
   * @return the removed training jobs
   * @throws dev.tunelab.core.store.NoSuchJobException for an unknown name
   * @throws dev.tunelab.core.store.JobStateException  while it may still run
   * @throws java.io.UncheckedIOException when a folder could not be removed (the records are gone
   *                                      already; the message names what is left)
   */
  public static List<TrainingJobRecord> delete(JobStore store, Path home, String name) {
    List<TrainingJobRecord> removed = store.deleteTuningJob(name);
    for (TrainingJobRecord job : removed) {
      JobFolders.deleteTrainingJobFolder(home, job.name());
    }
    JobFolders.deleteTuningJobLog(home, name);
    return removed;
  }
}
