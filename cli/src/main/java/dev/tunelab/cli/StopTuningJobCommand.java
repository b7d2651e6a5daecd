package dev.tunelab.cli;

import dev.tunelab.core.store.JobStateException;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab stop-hyper-parameter-tuning-job NAME}: Stopping, then Stopped. */
@Command(name = "stop-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"Stop a running tuning job from any process: its status becomes Stopping, the",
        "process running it stops its running training jobs (status Stopped) and ends it as Stopped.",
        "Models and logs written so far are kept. Waits for Stopped unless --no-wait."})
final class StopTuningJobCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Option(names = "--no-wait", description = "Return once the stop is requested.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for Stopped, 0 to 86400 s (default ${DEFAULT-VALUE}).")
  int timeoutSeconds = 60;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws InterruptedException {
    String name = job.name();
    OptionBounds.check("--timeout", timeoutSeconds, 0, 86_400);
    try (JobStore store = home.openStoreOfExistingJobs(false)) {
      TuningJobRecord rec = DescribeTuningJobCommand.find(store, name, home, "--hyper-parameter-tuning-job-name");
      if (rec.status() != TuningJobStatus.InProgress && rec.status() != TuningJobStatus.Stopping) {
        throw new JobStateException("tuning job", name, rec.status().name(), "only a tuning job that is InProgress can be stopped");
      }
      boolean ownerAlive = store.tuningJobAttribute(name, TuningJobAttribute.OWNER_PID)
          .map(ProcessOwner::parse).map(ProcessOwner::isAlive).orElse(false);
      store.requestStop(name);
      if (!ownerAlive) {
        // nobody runs it (the process died): finish the stop here
        store.failStaleTrainingJobs(name, "RetryableError: the tuning process had ended; stopped by stop-hyper-parameter-tuning-job");
        store.updateTuningJobStatus(name, TuningJobStatus.Stopped, null, Instant.now());
        System.out.println(name + ": Stopped");
        return 0;
      }
      System.out.println(name + ": Stopping");
      if (noWait) {
        return 0;
      }
      long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
      while (System.currentTimeMillis() < deadline) {
        TuningJobStatus s = store.tuningJob(name).orElseThrow().status();
        if (s != TuningJobStatus.Stopping && s != TuningJobStatus.InProgress) {
          System.out.println(name + ": " + s);
          return 0;
        }
        Thread.sleep(100);
      }
      System.err.println("tunelab: " + name + " is still Stopping after " + timeoutSeconds + " s");
      return Main.FAILURE;
    }
  }
}
