package dev.tunelab.cli;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code tunelab metrics JOB [--output table|json|text|csv] [--query EXPR]}: every metric value a training job
 * reported, round by round, as the SageMaker SDK's {@code TrainingJobAnalytics(JOB).dataframe()}
 * shows them (timestamp in seconds since the job started, metric_name, value) plus the round.
 * It reads the store, so it works while the job runs in another process.
 */
@Command(name = "metrics", mixinStandardHelpOptions = true,
    description = {"Every round's metrics of a training job, like the SageMaker SDK's TrainingJobAnalytics dataframe.",
        "The columns are timestamp (seconds since the job started), metric_name, value and round. It works while"
            + " the job runs, from any process."})
final class MetricsCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TrainingJob job;

  @Mixin OutputOptions.WithCsv output;

  @Mixin HomeOption home;

  @Override
  public Integer call() {
    String name = job.name();
    OutputFormat format = output.validate().format();
    if (format == OutputFormat.CSV && output.hasQuery()) {
      throw Main.badInput("--query", output.query, "no --query with --output csv (csv prints every row; use json,"
          + " table or text with --query)");
    }
    try (JobStore store = home.openReadStore()) {
      TrainingJobRecord rec = DescribeTrainingJobCommand.find(store, name, home);
      Instant start = rec.startTime() != null ? rec.startTime() : rec.creationTime();
      List<MetricRow> rows = MetricRow.of(start, store.metrics(name));
      switch (format) {
        case CSV -> System.out.print(MetricsOutput.CSV.render(rec, start, rows));
        default -> output.print(MetricsOutput.document(rec, start, rows),
            () -> MetricsOutput.TABLE.render(rec, start, rows));
      }
      System.out.flush();
      return 0;
    }
  }
}
