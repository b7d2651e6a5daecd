package dev.tunelab.cli;

import dev.tunelab.core.api.Arns;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.tuning.PreparedTuningJob;
import dev.tunelab.core.tuning.Scheduling;
import dev.tunelab.core.tuning.TuningJobRunner;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tunelab create-hyper-parameter-tuning-job --cli-input-json file://spec.json}: the AWS
 * CLI's verb. Validates as {@code tune} does, records the tuning job, runs it in the background
 * and prints the API's response, {@code {"HyperParameterTuningJobArn": ...}}, at once.
 */
@Command(name = "create-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"Create a hyperparameter tuning job from a CreateHyperParameterTuningJob",
        "request, as the AWS CLI does: the request is checked as `tune` checks it (bad",
        "input: exit 2, nothing recorded), the tuning job is recorded InProgress and",
        "runs in a background process, and the response",
        "{\"HyperParameterTuningJobArn\": \"arn:aws:sagemaker:local:...\"} is printed",
        "at once. Follow it with describe-hyper-parameter-tuning-job, wait for it with",
        "`tunelab wait hyper-parameter-tuning-job-completed-or-stopped`, stop it with",
        "stop-hyper-parameter-tuning-job. `tunelab tune SPEC` is the blocking form."})
final class CreateTuningJobCommand implements Callable<Integer> {

  @Option(names = CliInputJson.OPTION, required = true, paramLabel = "JSON",
      description = "The request: file://PATH, a PATH, or the JSON text itself.")
  String input;

  @Option(names = "--hyper-parameter-tuning-job-name", paramLabel = "NAME",
      description = "Replaces the request's HyperParameterTuningJobName (the AWS CLI merges options"
          + " over --cli-input-json).")
  String name;

  /** --output and --query, as on every AWS CLI verb: `--query HyperParameterTuningJobArn --output text` prints the bare ARN. */
  @Mixin OutputOptions.JsonDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws IOException {
    output.validate();
    CliInputJson request = CliInputJson.read(input).with("HyperParameterTuningJobName", name);
    TuningJobSpec parsed = TuningJobSpecParser.parse(
        request.reader(n -> System.err.println("tunelab: note: " + TerminalText.escape(n))), request.baseDir());
    try (JobStore store = home.openStoreForWork()) {
      TuningJobRunner runner = new TuningJobRunner(store, home.path());
      PreparedTuningJob job = runner.prepare(parsed);
      TuneCommand.startInBackground(store, runner, job, Scheduling.IN_ORDER, home.path());
    }
    var response = Json.object().put("HyperParameterTuningJobArn", Arns.tuningJob(parsed.name()));
    output.print(response);
    return 0;
  }
}
