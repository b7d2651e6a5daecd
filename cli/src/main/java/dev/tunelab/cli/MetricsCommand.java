package dev.tunelab.cli;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tunelab metrics JOB [--output table|json|csv]}: every metric value a training job
 * reported, round by round, as the SageMaker SDK's {@code TrainingJobAnalytics(JOB).dataframe()}
 * shows them (timestamp in seconds since the job started, metric_name, value) plus the round.
 * It reads the store, so it works while the job runs in another process.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Every round's metrics of a training job, like the SageMaker SDK's",
        "TrainingJobAnalytics dataframe: timestamp (seconds since the job started), metric_name,",
        "value, round. Works while the job runs (from any process)."})
final class MetricsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "TRAINING_JOB", description = "Training job name.")
  String name;

  @Option(names = "--output", paramLabel = "table|json|csv", description = "Output format (default ${DEFAULT-VALUE}).")
  String output = "table";

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    MetricsOutput format = MetricsOutput.parse(output);
    try (JobStore store = home.openReadStore()) {
      TrainingJobRecord job = store.trainingJob(name).orElseThrow(() -> Main.badInput("TRAINING_JOB",
          TerminalText.escape(name), "the name of an existing training job in " + home.path()
              + (store.tuningJob(name).isPresent() ? " (" + TerminalText.escape(name)
              + " is a tuning job: list its training jobs with list-training-jobs-for-hyper-parameter-tuning-job)" : "")));
      Instant start = job.startTime() != null ? job.startTime() : job.creationTime();
      List<MetricRow> rows = MetricRow.of(start, store.metrics(name));
      System.out.print(format.render(job, start, rows));
      System.out.flush();
      return 0;
    }
  }
}
