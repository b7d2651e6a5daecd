package dev.tunelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.cli.progress.TuningConsole;
import dev.tunelab.core.api.TrainingJobSummaries;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.optimizer.Direction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab list-training-jobs-for-hyper-parameter-tuning-job NAME}. */
@Command(name = "list-training-jobs-for-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"List a tuning job's training jobs, as a table or as SageMaker's TrainingJobSummaries response.",
        "Each summary holds TrainingJobName, TrainingJobStatus, TrainingStartTime, TrainingEndTime,"
            + " TunedHyperParameters and FinalHyperParameterTuningJobObjectiveMetric. Sorting by"
            + " FinalObjectiveMetricValue leaves out jobs without an objective, as SageMaker does. With"
            + " --max-results the response ends with a NextToken while more remain; pass it to --next-token for"
            + " the next page."})
final class ListTrainingJobsCommand implements Callable<Integer> {

  @Mixin JobNameArgument.TuningJob job;

  @Option(names = "--sort-by", paramLabel = "FIELD",
      description = "Name, CreationTime, Status or FinalObjectiveMetricValue (default ${DEFAULT-VALUE}).")
  String sortBy = "Name";

  @Option(names = "--sort-order", paramLabel = "ORDER", description = "Ascending or Descending (default ${DEFAULT-VALUE}).")
  String sortOrder = "Ascending";

  @Option(names = "--status-equals", paramLabel = "STATUS", description = "InProgress, Completed, Failed, Stopping or Stopped.")
  String statusEquals;

  @Option(names = "--max-results", paramLabel = "N", description = "At most N summaries per call (default: all).")
  Integer maxResults;

  @Option(names = "--next-token", paramLabel = "TOKEN",
      description = "The NextToken of the previous call with the same options: its next page.")
  String nextToken;

  @Mixin OutputOptions.TableDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    String name = job.name();
    if (!TrainingJobSummaries.SORT_BY.contains(sortBy)) {
      throw Main.badInput("--sort-by", sortBy, "one of " + TrainingJobSummaries.SORT_BY);
    }
    if (!sortOrder.equals("Ascending") && !sortOrder.equals("Descending")) {
      throw Main.badInput("--sort-order", sortOrder, "Ascending or Descending");
    }
    if (statusEquals != null && Arrays.stream(TrainingJobStatus.values()).noneMatch(s -> s.name().equals(statusEquals))) {
      throw Main.badInput("--status-equals", statusEquals, "one of " + Arrays.toString(TrainingJobStatus.values()));
    }
    if (maxResults != null) {
      OptionBounds.check("--max-results", maxResults, 1, Integer.MAX_VALUE);
    }
    output.validate();
    try (JobStore store = home.openReadStore()) {
      TuningJobSpec spec = StoredRequests.tuningJob(
          DescribeTuningJobCommand.find(store, name, home, "--hyper-parameter-tuning-job-name"), null);
      String metric = spec.objectiveMetric();
      Direction direction = spec.direction();
      List<TrainingJobRecord> all = TrainingJobSummaries.select(store.trainingJobsOf(name), statusEquals, sortBy,
          sortOrder.equals("Descending"));
      Paging.Page<TrainingJobRecord> page = Paging.page(all, maxResults, nextToken,
          Paging.key("list-training-jobs-for-hyper-parameter-tuning-job", name, statusEquals, sortBy, sortOrder));
      ObjectNode root = Json.object();
      ArrayNode list = root.putArray("TrainingJobSummaries");
      page.items().forEach(j -> list.add(summary(j, direction, metric)));
      if (page.nextToken() != null) {
        root.put(OutputOptions.NEXT_TOKEN, page.nextToken());
      }
      output.print(root, () -> table(page.items(), metric));
      return 0;
    }
  }

  /** One item of the JSON list: the single place its fields are chosen. */
  static ObjectNode summary(TrainingJobRecord job, Direction direction, String metric) {
    return TrainingJobSummaries.summary(job, direction, metric);
  }

  private static String table(List<TrainingJobRecord> jobs, String metric) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-46s  %-10s  %12s  %8s  %s%n", "TRAINING JOB", "STATUS",
        TerminalText.escape(metric), "SECONDS", "TUNED HYPERPARAMETERS"));
    for (TrainingJobRecord j : jobs) {
      String secs = j.startTime() == null || j.endTime() == null ? "-"
          : String.format(Locale.ROOT, "%.2f", Duration.between(j.startTime(), j.endTime()).toMillis() / 1000.0);
      b.append(String.format(Locale.ROOT, "%-46s  %-10s  %12s  %8s  %s%n", TerminalText.escape(j.name()), j.status(),
          j.objectiveValue() == null ? "-" : TuningConsole.fmt(j.objectiveValue()), secs,
          TerminalText.escape(j.tunedHyperParameters())));
    }
    return b.toString();
  }
}
