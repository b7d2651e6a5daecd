package dev.tunelab.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.Arns;
import dev.tunelab.core.job.JobContext;
import dev.tunelab.core.job.JobFolders;
import dev.tunelab.core.job.PreparedTrainingJob;
import dev.tunelab.core.job.TrainingJobRunner;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.TrainingJobSpec;
import dev.tunelab.core.spec.TrainingJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.ProcessOwner;
import dev.tunelab.core.store.TrainingJobResult;
import dev.tunelab.core.store.TrainingJobStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tunelab create-training-job --cli-input-json file://train.json}: the AWS CLI's verb.
 * Validates as {@code train} does, starts a background JVM, records the job with that JVM as
 * its owner process and prints {@code {"TrainingJobArn": ...}} (so a describe right after finds
 * it).
 *
 * <p>The background JVM is this command again with a hidden option: it reads the request from
 * its standard input, waits until the job is recorded and trains it. Should that process die,
 * the store reads the job as Failed (RetryableError, naming the pid), as for any lone training
 * job whose process is gone.
 */
@Command(name = "create-training-job", mixinStandardHelpOptions = true,
    description = {"Create a training job from a CreateTrainingJob request, as the AWS CLI does:",
        "the request is checked as `train` checks it (bad input: exit 2, nothing",
        "recorded), the job runs in a background process (log:",
        "$TUNELAB_HOME/training-jobs/NAME.log), and the response {\"TrainingJobArn\":",
        "\"arn:aws:sagemaker:local:...\"} is printed at once. Follow it with",
        "describe-training-job or logs, wait for it with `tunelab wait",
        "training-job-completed-or-stopped`. `tunelab train SPEC` is the blocking form."})
final class CreateTrainingJobCommand implements Callable<Integer> {

  /** How long the background process waits for the starting command to record the job. */
  static final long RECORD_TIMEOUT_SECONDS = 120;

  @Option(names = CliInputJson.OPTION, paramLabel = "JSON",
      description = "The request: file://PATH, a PATH, or the JSON text itself.")
  String input;

  @Option(names = "--training-job-name", paramLabel = "NAME",
      description = "Replaces the request's TrainingJobName (the AWS CLI merges options over --cli-input-json).")
  String name;

  /** Set in the background process only: the request comes on stdin, relative paths resolve here. */
  @Option(names = "--background-base-dir", hidden = true)
  Path backgroundBaseDir;

  /** --output and --query, as on every AWS CLI verb: `--query HyperParameterTuningJobArn --output text` prints the bare ARN. */
  @Mixin OutputOptions.JsonDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws IOException, InterruptedException {
    Consumer<String> notices = n -> System.err.println("tunelab: note: " + TerminalText.escape(n));
    if (backgroundBaseDir != null) {
      return runInBackground(notices);
    }
    output.validate();
    if (input == null) {
      throw Main.badInput(CliInputJson.OPTION, null, "file://PATH, a path to a JSON file, or the JSON request itself");
    }
    CliInputJson request = CliInputJson.read(input).with("TrainingJobName", name);
    TrainingJobSpec parsed = TrainingJobSpecParser.parse(request.reader(notices), request.baseDir());
    Path homeDir = home.path();
    try (JobStore store = home.openStoreForWork()) {
      TrainingJobRunner runner = new TrainingJobRunner(store, homeDir);
      PreparedTrainingJob job = runner.prepare(parsed);
      Path log = JobFolders.trainingJobLog(homeDir, parsed.name());
      Process child = BackgroundJobs.start(homeDir, log, true, "create-training-job",
          "--background-base-dir", request.baseDir().toString());
      try {
        try (OutputStream stdin = child.getOutputStream()) {
          stdin.write(request.json().toString().getBytes(StandardCharsets.UTF_8));
        }
        // recorded here, owned by the background process: the response can name a job that
        // exists, and should that process die the job reads as Failed
        runner.record(job, JobContext.standalone(null, () -> false), ProcessOwner.of(child.toHandle()));
      } catch (IOException | RuntimeException e) {
        child.destroyForcibly();
        throw e;
      }
    }
    ObjectNode response = Json.object().put("TrainingJobArn", Arns.trainingJob(parsed.name()));
    output.print(response);
    return 0;
  }

  /**
   * The background process: the request from stdin, its data loaded again, then, once the
   * starting command has recorded the job (right after starting this process), trained. A
   * request that no longer loads (a data file changed meanwhile) ends the job Failed.
   */
  private int runInBackground(Consumer<String> notices) throws IOException, InterruptedException {
    String text = new String(System.in.readAllBytes(), StandardCharsets.UTF_8);
    CliInputJson request = CliInputJson.read(text);
    TrainingJobSpec parsed = TrainingJobSpecParser.parse(request.reader(notices), backgroundBaseDir);
    try (JobStore store = home.openStoreForWork()) {
      TrainingJobRunner runner = new TrainingJobRunner(store, home.path());
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RECORD_TIMEOUT_SECONDS);
      while (store.trainingJob(parsed.name()).isEmpty()) {
        if (System.nanoTime() > deadline) {
          System.err.println("tunelab: failed: training job " + parsed.name() + " was not recorded within "
              + RECORD_TIMEOUT_SECONDS + " s by the command that started this process");
          return Main.FAILURE;
        }
        Thread.sleep(10);
      }
      PreparedTrainingJob job;
      try {
        job = runner.load(parsed);
      } catch (RuntimeException e) {
        store.finishTrainingJob(parsed.name(), new TrainingJobResult(TrainingJobStatus.Failed, Instant.now(),
            Map.of(), null, null, "ClientError: " + e.getMessage(), 0));
        System.err.println("tunelab: failed: " + TerminalText.escape(String.valueOf(e.getMessage())));
        return Main.FAILURE;
      }
      return TrainCommand.runPrepared(runner, job, System.out, true);
    }
  }

  private static String tail(Path log) {
    try {
      String text = Files.exists(log) ? Files.readString(log).strip() : "";
      if (text.isEmpty()) {
        return "(its log " + log + " is empty)";
      }
      return text.length() > 2000 ? "..." + text.substring(text.length() - 2000) : text;
    } catch (IOException e) {
      return "(its log " + log + " cannot be read: " + e + ")";
    }
  }
}
