package dev.tunelab.cli;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tunelab wait ...}: the AWS CLI's waiters. Each polls a job until it reaches a status the
 * waiter accepts: success (exit 0, nothing printed) on Completed or Stopped, failure (exit 255,
 * the AWS CLI's message on stderr) on Failed or after the last attempt.
 */
@Command(name = "wait", mixinStandardHelpOptions = true,
    description = {"Wait until a job reaches a given state, as the AWS CLI's `aws sagemaker wait`",
        "does. Exit codes: 0 the state was reached (nothing is printed), 255 the waiter",
        "failed (the job Failed, or --max-attempts polls passed; the message says",
        "which, in the AWS CLI's words), 2 bad input (e.g. no such job)."},
    subcommands = {WaitCommand.TrainingJobCompletedOrStopped.class,
        WaitCommand.TuningJobCompletedOrStopped.class})
final class WaitCommand implements Runnable {

  /** The AWS CLI's exit code when a waiter fails. */
  static final int WAITER_FAILED = 255;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "Missing the waiter's name: training-job-completed-or-stopped or hyper-parameter-tuning-job-completed-or-stopped");
  }

  /** What one poll saw: still running, done, or a terminal failure (with its description). */
  private record Poll(boolean done, String failure) {
    static final Poll RUNNING = new Poll(false, null);
    static final Poll SUCCESS = new Poll(true, null);

    static Poll failed(String what) {
      return new Poll(true, what);
    }
  }

  /** The polling options every waiter has, with AWS's total wait (6 h) as the default. */
  static final class Polling {
    @Option(names = "--delay", paramLabel = "SECONDS",
        description = "Seconds between polls, 0.05 to 3600 (default ${DEFAULT-VALUE}; the AWS CLI polls every 120 s).")
    double delaySeconds = 1.0;

    @Option(names = "--max-attempts", paramLabel = "N",
        description = "Polls before the waiter fails, 1 to 100000000 (default ${DEFAULT-VALUE}: with the default"
            + " delay, the AWS CLI's 6 hours).")
    int maxAttempts = 21_600;

    void check() {
      if (!(delaySeconds >= 0.05 && delaySeconds <= 3600)) {
        throw Main.badInput("--delay", delaySeconds, "a number of seconds from 0.05 to 3600");
      }
      OptionBounds.check("--max-attempts", maxAttempts, 1, 100_000_000);
    }
  }

  /** One poll of a job; throws a bad-input exception for an unknown name. */
  @FunctionalInterface
  private interface Poller {
    Poll poll(JobStore store);
  }

  private static int await(HomeOption home, Polling polling, String waiterName, PrintWriter err, Poller poller)
      throws InterruptedException {
    polling.check();
    long delayMillis = Math.round(polling.delaySeconds * 1000);
    try (JobStore store = home.openReadStore()) {
      for (int attempt = 1; ; attempt++) {
        Poll p = poller.poll(store);
        if (p.done() && p.failure() == null) {
          return 0;
        }
        if (p.done()) {
          return fail(err, waiterName, "Waiter encountered a terminal failure state: " + p.failure());
        }
        if (attempt >= polling.maxAttempts) {
          return fail(err, waiterName, "Max attempts exceeded (" + polling.maxAttempts + " polls, "
              + String.format(Locale.ROOT, "%.2f", polling.delaySeconds) + " s apart; see --max-attempts and --delay)");
        }
        Thread.sleep(delayMillis);
      }
    }
  }

  private static int fail(PrintWriter err, String waiterName, String reason) {
    err.println();
    err.println("Waiter " + waiterName + " failed: " + TerminalText.escape(reason));
    err.flush();
    return WAITER_FAILED;
  }

  private static String matched(String expression, String status) {
    return "For expression \"" + expression + "\" we matched expected path: \"" + status + "\"";
  }

  /** {@code wait training-job-completed-or-stopped}: the AWS CLI's TrainingJobCompletedOrStopped. */
  @Command(name = "training-job-completed-or-stopped", mixinStandardHelpOptions = true,
      description = {"Wait until a training job is Completed or Stopped (exit 0, nothing printed),",
        "as `aws sagemaker wait training-job-completed-or-stopped` does. A Failed job",
        "fails the waiter: exit 255 and \"Waiter TrainingJobCompletedOrStopped failed:",
        "Waiter encountered a terminal failure state: ...\" on stderr, as does reaching",
        "--max-attempts. An unknown job: exit 2. A training job whose process died",
        "reads as Failed, so the waiter never waits for it in vain."})
  static final class TrainingJobCompletedOrStopped implements Callable<Integer> {
    @Mixin JobNameArgument.TrainingJob job;
    @Mixin Polling polling;
    @Mixin HomeOption home;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      String name = job.name();
      return await(home, polling, "TrainingJobCompletedOrStopped", spec.commandLine().getErr(), store -> {
        TrainingJobRecord rec = DescribeTrainingJobCommand.find(store, name, home);
        return switch (rec.status()) {
          case Completed, Stopped -> Poll.SUCCESS;
          case Failed -> Poll.failed(matched("TrainingJobStatus", "Failed"));
          default -> Poll.RUNNING;
        };
      });
    }
  }

  /** {@code wait hyper-parameter-tuning-job-completed-or-stopped}: TuneLab's own waiter. */
  @Command(name = "hyper-parameter-tuning-job-completed-or-stopped", mixinStandardHelpOptions = true,
      description = {"Wait until a tuning job is Completed or Stopped (exit 0, nothing printed).",
        "TuneLab's own waiter: the AWS CLI has none for tuning jobs; it behaves as the",
        "AWS CLI's training-job waiter does. A Failed tuning job fails the waiter: exit",
        "255 and \"Waiter HyperParameterTuningJobCompletedOrStopped failed: Waiter",
        "encountered a terminal failure state: ...\" on stderr, as do --max-attempts",
        "polls and a tuning job whose process died (it stays InProgress until `tunelab",
        "resume NAME` continues it). An unknown job: exit 2."})
  static final class TuningJobCompletedOrStopped implements Callable<Integer> {
    @Mixin JobNameArgument.TuningJob job;
    @Mixin Polling polling;
    @Mixin HomeOption home;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
      String name = job.name();
      return await(home, polling, "HyperParameterTuningJobCompletedOrStopped", spec.commandLine().getErr(), store -> {
        TuningJobRecord rec = DescribeTuningJobCommand.find(store, name, home, "--hyper-parameter-tuning-job-name");
        return switch (rec.status()) {
          case Completed, Stopped -> Poll.SUCCESS;
          case Failed -> Poll.failed(matched("HyperParameterTuningJobStatus", "Failed"));
          default -> orphaned(store, rec);
        };
      });
    }

    /** A running tuning job whose recorded process is gone: nothing will end it. */
    private static Poll orphaned(JobStore store, TuningJobRecord rec) {
      Optional<ProcessOwner> owner = store.tuningJobAttribute(rec.name(), TuningJobAttribute.OWNER_PID)
          .map(ProcessOwner::parse);
      if (owner.isPresent() && !owner.get().isCurrent() && !owner.get().isAlive()) {
        // the status may have been written just before the process ended: read it once more
        TuningJobRecord again = store.tuningJob(rec.name()).orElse(rec);
        if (again.status().isTerminal()) {
          return again.status().name().equals("Failed")
              ? Poll.failed(matched("HyperParameterTuningJobStatus", "Failed")) : Poll.SUCCESS;
        }
        return Poll.failed("tuning job " + rec.name() + " is " + rec.status() + " but the process that ran it ("
            + owner.get().pid() + ") has ended; `tunelab resume " + rec.name() + "` continues it");
      }
      return Poll.RUNNING;
    }
  }
}
