package dev.tunelab.cli;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.cli.progress.TuningConsole;
import dev.tunelab.core.api.TrainingJobSummaries;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.optimizer.Direction;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tunelab list-training-jobs-for-hyper-parameter-tuning-job NAME}. */
@Command(name = "list-training-jobs-for-hyper-parameter-tuning-job", mixinStandardHelpOptions = true,
    description = {"List a tuning job's training jobs, as a table or as SageMaker's",
        "{\"TrainingJobSummaries\": [...]} JSON (TrainingJobName, TrainingJobStatus, TrainingStartTime,",
        "TrainingEndTime, TunedHyperParameters, FinalHyperParameterTuningJobObjectiveMetric).",
        "Sorting by FinalObjectiveMetricValue leaves out jobs without an objective, as SageMaker does."})
final class ListTrainingJobsCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "NAME", description = "Tuning job name.")
  String name;

  @Option(names = "--sort-by", paramLabel = "FIELD", description = "Name, CreationTime, Status or FinalObjectiveMetricValue (default ${DEFAULT-VALUE}).")
  String sortBy = "Name";

  @Option(names = "--sort-order", paramLabel = "ORDER", description = "Ascending or Descending (default ${DEFAULT-VALUE}).")
  String sortOrder = "Ascending";

  @Option(names = "--status-equals", paramLabel = "STATUS", description = "InProgress, Completed, Failed, Stopping or Stopped.")
  String statusEquals;

  @Option(names = "--max-results", paramLabel = "N", description = "At most N summaries (default: all).")
  Integer maxResults;

  @Option(names = "--output", paramLabel = "json|table", description = "Output format (default ${DEFAULT-VALUE}).")
  String output = "table";

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    if (!TrainingJobSummaries.SORT_BY.contains(sortBy)) {
      throw Main.badInput("--sort-by", sortBy, "one of " + TrainingJobSummaries.SORT_BY);
    }
    if (!sortOrder.equals("Ascending") && !sortOrder.equals("Descending")) {
      throw Main.badInput("--sort-order", sortOrder, "Ascending or Descending");
    }
    if (statusEquals != null && Arrays.stream(TrainingJobStatus.values()).noneMatch(s -> s.name().equals(statusEquals))) {
      throw Main.badInput("--status-equals", statusEquals, "one of " + Arrays.toString(TrainingJobStatus.values()));
    }
    if (!output.equals("json") && !output.equals("table")) {
      throw Main.badInput("--output", output, "json or table");
    }
    if (maxResults != null) {
      OptionBounds.check("--max-results", maxResults, 1, Integer.MAX_VALUE);
    }
    try (JobStore store = home.openReadStore()) {
      TuningJobRecord tuning = DescribeTuningJobCommand.find(store, name, home);
      TuningJobSpec spec = StoredRequests.tuningJob(tuning, null);
      String metric = spec.objectiveMetric();
      Direction direction = spec.direction();
      List<TrainingJobRecord> jobs = TrainingJobSummaries.select(store.trainingJobsOf(name), statusEquals, sortBy,
          sortOrder.equals("Descending"));
      if (maxResults != null && jobs.size() > maxResults) {
        jobs = jobs.subList(0, maxResults);
      }
      if (output.equals("json")) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("TrainingJobSummaries");
        jobs.forEach(j -> list.add(TrainingJobSummaries.summary(j, direction, metric)));
        System.out.println(TerminalText.json(root));
        return 0;
      }
      System.out.printf(Locale.ROOT, "%-46s  %-10s  %12s  %8s  %s%n", "TRAINING JOB", "STATUS", TerminalText.escape(metric), "SECONDS",
          "TUNED HYPERPARAMETERS");
      for (TrainingJobRecord j : jobs) {
        String secs = j.startTime() == null || j.endTime() == null ? "-"
            : String.format(Locale.ROOT, "%.2f", Duration.between(j.startTime(), j.endTime()).toMillis() / 1000.0);
        System.out.printf(Locale.ROOT, "%-46s  %-10s  %12s  %8s  %s%n", TerminalText.escape(j.name()), j.status(),
            j.objectiveValue() == null ? "-" : TuningConsole.fmt(j.objectiveValue()), secs,
            TerminalText.escape(j.tunedHyperParameters()));
      }
      return 0;
    }
  }
}
