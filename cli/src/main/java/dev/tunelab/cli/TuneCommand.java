package dev.tunelab.cli;

import dev.tunelab.cli.progress.TuningConsole;
import dev.tunelab.core.job.JobFolders;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.tuning.PreparedTuningJob;
import dev.tunelab.core.tuning.Scheduling;
import dev.tunelab.core.tuning.TuningJobRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunelab tune SPEC.json}: create a tuning job and (by default) run it to its end. */
@Command(name = "tune", mixinStandardHelpOptions = true,
    description = {
        "Create a hyperparameter tuning job from a CreateHyperParameterTuningJob JSON spec and run it.",
        "Strategies: Bayesian (Gaussian process + expected improvement), Random, Grid.",
        "At most ResourceLimits.MaxParallelTrainingJobs training jobs run at once, each with",
        "cores/parallel XGBoost threads. Training job k is proposed once jobs 1 .. k-MaxParallel",
        "have finished, so with the same RandomSeed every run launches the same jobs in the same",
        "order (a slot may wait for an older job); --asynchronous fills a slot as soon as it frees.",
        "Training jobs are named <tuning-job>-<NNN>-<8 hex>. Ctrl-C stops the tuning job cleanly",
        "(status Stopped); if the process dies, `tunelab resume NAME` continues it.",
        "create-hyper-parameter-tuning-job is the AWS CLI's form of `tune --no-wait`.",
        "Runs with the same RandomSeed are reproducible, unless --asynchronous, early stopping",
        "Auto or Hyperband make them depend on timing.",
        "--executor spark runs each training job as one Spark task (the optimizer, the scheduler",
        "and the store stay here): `tunelab tune SPEC.json --executor spark --master local[2]`,",
        "or on a cluster `spark-submit --class dev.tunelab.cli.Main tunelab-spark.jar tune",
        "SPEC.json --executor spark`."})
final class TuneCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC.json", description = "CreateHyperParameterTuningJob request body.")
  Path spec;

  @Option(names = "--no-wait", description = "Create the tuning job, run it in the background and return at once.")
  boolean noWait;

  @Option(names = "--dry-run", description = "Check the spec and its data as tune does before it starts"
      + " (names, ranges, hyperparameters, channels), print what would run, record and run nothing.")
  boolean dryRun;

  @Option(names = "--asynchronous", description = "Start a training job as soon as a slot frees, with"
      + " every result so far (no slot waits for an older job, but two runs with the same RandomSeed may"
      + " launch different jobs). Default: in order, reproducible.")
  boolean asynchronous;

  @Mixin HomeOption home;

  @Mixin ExecutorOptions executor;

  private Scheduling scheduling() {
    return asynchronous ? Scheduling.ASYNCHRONOUS : Scheduling.IN_ORDER;
  }

  /**
   * Records a validated tuning job as InProgress and starts a background {@code resume} that
   * runs it (shared by {@code tune --no-wait} and {@code create-hyper-parameter-tuning-job}).
   * When the background JVM cannot be started the tuning job is ended Failed, saying why.
   *
   * @return the background process's log
   */
  static Path startInBackground(JobStore store, TuningJobRunner runner, PreparedTuningJob job, Scheduling scheduling,
      Path home) throws IOException {
    String name = job.spec().name();
    runner.create(job, scheduling);
    Path log = JobFolders.tuningJobLog(home, name);
    try {
      Process child = BackgroundJobs.start(home, log, false, "resume", name);
      // the owner from the start, not only once the child claims it: should the child die before
      // that, the tuning job is an orphan (resume continues it, delete may remove it, a waiter
      // fails) instead of one that seems to be starting forever
      store.putTuningJobAttribute(name, TuningJobAttribute.OWNER_PID, ProcessOwner.of(child.toHandle()).encode());
    } catch (IOException | RuntimeException e) {
      store.updateTuningJobStatus(name, TuningJobStatus.Failed,
          "InternalError: could not start the background process that runs it: " + e, null);
      throw e;
    }
    return log;
  }

  @Override
  public Integer call() throws IOException {
    executor.check(noWait);
    TuningJobSpec parsed = TuningJobSpecParser.parse(spec, n -> System.err.println("tunelab: note: " + TerminalText.escape(n)));
    if (!dryRun && !noWait) {
      parsed.definition().algorithm().contract().prepareInBackground();
    }
    try (JobStore store = home.openStoreForWork();
         ExecutorOptions.Placement placement = executor.open(parsed, dryRun)) {
      TuningJobRunner runner = placement.runner(store, home.path());
      PreparedTuningJob job = runner.prepare(parsed);
      if (dryRun) {
        System.out.printf("Tuning job %s is valid: %s strategy, %s %s, %d training jobs, %d in parallel"
            + " (dry run: nothing recorded)%n", parsed.name(), parsed.strategy().sageMakerName(),
            parsed.direction().sageMakerName(), TerminalText.escape(parsed.objectiveMetric()),
            parsed.maxTrainingJobs(), parsed.maxParallelJobs());
        return 0;
      }
      if (noWait) {
        Path log = startInBackground(store, runner, job, scheduling(), home.path());
        System.out.println(parsed.name());
        System.err.println("tunelab: tuning job " + parsed.name() + " runs in the background (log: " + log
            + "); follow it with `tunelab describe-hyper-parameter-tuning-job " + parsed.name() + "`");
        return 0;
      }
      System.out.printf("Tuning job %s: %s strategy, %s %s, %d training jobs, %d in parallel, seed %d%s%n",
          parsed.name(), parsed.strategy().sageMakerName(), parsed.direction().sageMakerName(),
          TerminalText.escape(parsed.objectiveMetric()), parsed.maxTrainingJobs(),
          parsed.maxParallelJobs(), parsed.randomSeed(), placement.where());
      long start = System.nanoTime();
      return TuningRun.runWithCtrlC(interrupt -> {
        try (TuningConsole console = TuningConsole.open(parsed.maxParallelJobs())) {
          return runner.run(job, console, interrupt, scheduling());
        }
      }, rec -> TuningRun.summarize(store, rec, parsed.objectiveMetric(), (System.nanoTime() - start) / 1e9));
    }
  }
}
