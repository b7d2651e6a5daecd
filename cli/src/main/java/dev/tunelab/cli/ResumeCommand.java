package dev.tunelab.cli;

import dev.tunelab.cli.progress.TuningConsole;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.tuning.TuningJobRunner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code tunelab resume NAME}: continue a tuning job whose process died. */
@Command(name = "resume", mixinStandardHelpOptions = true,
    description = {"Continue a tuning job whose process died (kill -9, power loss).",
        "Completed training jobs are kept and fed to the optimizer; those left InProgress become",
        "Failed (RetryableError) and do not count; the tuning job then runs until",
        "MaxNumberOfTrainingJobs count. Refused while the original process is still alive."})
final class ResumeCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    String name = job.name();
    try (JobStore store = home.openStoreOfExistingJobs(true)) {
      DescribeTuningJobCommand.find(store, name, home, "--hyper-parameter-tuning-job-name");
      TuningJobRunner runner = new TuningJobRunner(store, home.path());
      long start = System.nanoTime();
      return TuningRun.runWithCtrlC(interrupt -> {
        // 0: the console learns the parallelism from the jobs it sees running
        try (TuningConsole console = TuningConsole.open(0)) {
          return runner.resume(name, console, interrupt);
        }
      }, rec -> TuningRun.summarize(store, rec, StoredRequests.tuningJob(rec, null).objectiveMetric(),
          (System.nanoTime() - start) / 1e9));
    }
  }
}
