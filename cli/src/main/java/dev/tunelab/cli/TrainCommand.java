package dev.tunelab.cli;

import dev.tunelab.core.api.DescribeTrainingJob;
import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.LogFormat;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.spec.TrainingJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.train.TrainingListener;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunelab train SPEC.json}: one training job, its log streamed, its final metrics printed. */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {
        "Run one training job from a CreateTrainingJob JSON spec and stream its log.",
        "TrainingImage containing 'xgboost' runs the built-in XGBoost4J trainer (SageMaker's",
        "XGBoost hyperparameter names and defaults; num_round is required). ContainerEntrypoint",
        "runs your own command under SageMaker's container contract.",
        "Channel S3Uri: a path relative to the spec, file:..., dataset:boston/train|validation|test,",
        "or s3://bucket/key (read from $TUNELAB_HOME/s3/bucket/key).",
        "With early stopping, the final metrics are those of the best iteration (as the course's",
        "XGBoost image reports them), and the saved model holds exactly the trees up to it.",
        "Ctrl-C stops the job cleanly (status Stopped)."})
final class TrainCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "SPEC.json", description = "CreateTrainingJob request body.")
  Path spec;

  @Option(names = "--dry-run", description = "Check the spec and its data as train does before it starts,"
      + " record and run nothing.")
  boolean dryRun;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    TrainingJobSpec parsed = TrainingJobSpecParser.parse(spec, n -> err.println("tunelab: note: " + TerminalText.escape(n)));
    if (!dryRun) {
      parsed.algorithm().contract().prepareInBackground();
    }
    Path homeDir = home.path();
    try (JobStore store = home.openStoreForWork()) {
      TrainingJobRunner runner = new TrainingJobRunner(store, homeDir);
      PreparedTrainingJob job = runner.prepare(parsed);
      if (dryRun) {
        out.println("Training job " + parsed.name() + " is valid (dry run: nothing recorded)");
        return 0;
      }
      return runPrepared(runner, job, out, false);
    }
  }

  /**
   * Runs a validated training job, streaming its log to {@code out} and printing its summary;
   * Ctrl-C (or SIGTERM) stops it cleanly. Shared with the background process of
   * {@code create-training-job}.
   *
   * @param recorded whether the job is recorded already ({@link TrainingJobRunner#record}), so
   *                 only trained here
   * @return 0 when it completed, {@link Main#FAILURE} otherwise
   */
  static int runPrepared(TrainingJobRunner runner, PreparedTrainingJob job, PrintStream out, boolean recorded) {
    TrainingListener console = new TrainingListener() {
      @Override public void log(String line) {
        out.println(TerminalText.escape(LogFormat.cloudWatch(line)));
      }
      @Override public boolean metric(String name, int iteration, double value) {
        return true;
      }
    };
    out.println(job.spec().name() + ": InProgress - Starting the training job");
    return TuningRun.runWithCtrlC(stop -> {
      JobContext context = JobContext.standalone(console, stop::get);
      return recorded ? runner.runRecorded(job, context) : runner.run(job, context);
    }, rec -> {
      printSummary(out, rec);
      return rec.status() == TrainingJobStatus.Completed ? 0 : Main.FAILURE;
    });
  }

  static void printSummary(PrintStream out, TrainingJobRecord rec) {
    out.println();
    out.println(TerminalText.escape(rec.name()) + ": " + rec.status()
        + (rec.failureReason() == null ? "" : " - " + TerminalText.escape(rec.failureReason())));
    for (Map.Entry<String, Double> m : new TreeMap<>(rec.finalMetrics()).entrySet()) {
      out.println(TerminalText.escape(m.getKey()) + " = " + m.getValue());
    }
    if (rec.modelArtifact() != null) {
      out.println("Model artifact: " + TerminalText.escape(rec.modelArtifact()));
    }
    if (rec.startTime() != null && rec.endTime() != null) {
      long s = DescribeTrainingJob.trainingSeconds(rec.startTime(), rec.endTime());
      out.printf("Training seconds: %d (%.3f s)%n", s,
          Duration.between(rec.startTime(), rec.endTime()).toNanos() / 1e9);
      out.println("Billable seconds: " + s);
    }
  }
}
