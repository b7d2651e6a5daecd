package dev.tunelab.cli;

import dev.tunelab.core.store.JobStateException;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TrainingJobRecord;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tunelab stop-training-job NAME}: the AWS CLI's verb for a lone training job (one from
 * {@code train} or {@code create-training-job}). The job becomes Stopping and its process gets
 * SIGTERM, which it handles as Ctrl-C: the training stops and the job ends Stopped, its log and
 * model so far kept.
 */
@Command(name = "stop-training-job", mixinStandardHelpOptions = true,
    description = {"Stop a running training job, as the AWS CLI does (nothing is printed): its",
        "status becomes Stopping and the process running it (train, or",
        "create-training-job's background process) stops it as Ctrl-C would; it then",
        "ends Stopped, with its log and model so far. Follow it with `tunelab wait",
        "training-job-completed-or-stopped`. A training job of a tuning job is stopped",
        "with its tuning job (stop-hyper-parameter-tuning-job)."})
final class StopTrainingJobCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TrainingJob job;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    String name = job.name();
    try (JobStore store = home.openStoreOfExistingJobs(false)) {
      TrainingJobRecord rec = store.trainingJob(name).orElseThrow(() -> Main.badInput("--training-job-name", name,
          "the name of an existing training job in " + home.path()));
      if (rec.tuningJobName() != null) {
        throw new JobStateException("training job", name, "part of tuning job " + rec.tuningJobName(),
            "stop the tuning job with `tunelab stop-hyper-parameter-tuning-job " + rec.tuningJobName() + "`");
      }
      if (rec.status().isTerminal()) {
        throw new JobStateException("training job", name, rec.status().name(),
            "only an InProgress training job can be stopped");
      }
      Optional<ProcessOwner> owner = store.trainingJobOwner(name);
      if (owner.isEmpty() || owner.get().isCurrent() || !owner.get().isAlive()) {
        throw new JobStateException("training job", name, rec.status() + " without a process that runs it",
            "only a training job a live process runs can be stopped");
      }
      store.markTrainingStopping(name);
      // SIGTERM: the process's Ctrl-C handling stops the job and records it Stopped
      ProcessHandle.of(owner.get().pid()).ifPresent(ProcessHandle::destroy);
      return 0;
    }
  }
}
