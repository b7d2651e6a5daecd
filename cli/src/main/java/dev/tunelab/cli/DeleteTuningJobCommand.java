package dev.tunelab.cli;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.tuning.TuningJobDeletion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunelab delete-hyper-parameter-tuning-job NAME}: the AWS CLI's verb; prints nothing. */
@Command(name = "delete-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"Delete a tuning job, as the AWS CLI does (nothing is printed on success): the",
        "tuning job and its training jobs (records, log lines, metrics) go from the",
        "store in one transaction, then their folders under the home",
        "(jobs/<training-job>/, models included) and the tuning job's background log.",
        "Its name is then free for a new tuning job. Refused (exit 2) while the tuning",
        "job runs (InProgress or Stopping): stop it first with",
        "stop-hyper-parameter-tuning-job. One left InProgress by a process that died",
        "may be deleted (or resumed). Nothing outside the home's job folders is",
        "removed; links are removed, never followed. Transform runs recorded for its",
        "training jobs stay."})
final class DeleteTuningJobCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    String name = job.name();
    try (JobStore store = home.openStoreOfExistingJobs(false)) {
      if (store.tuningJob(name).isEmpty()) {
        throw Main.badInput("--hyper-parameter-tuning-job-name", name, "the name of an existing tuning job in "
            + home.path() + " (see `tunelab list-hyper-parameter-tuning-jobs`)");
      }
      TuningJobDeletion.delete(store, home.path(), name);
      return 0;
    }
  }
}
