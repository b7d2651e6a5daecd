package dev.tunelab.cli;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.TuningJobSummaries;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab list-hyper-parameter-tuning-jobs}. */
@Command(name = "list-hyper-parameter-tuning-jobs", mixinStandardHelpOptions = true,
    description = "List tuning jobs, newest first, as a table or as SageMaker's HyperParameterTuningJobSummaries JSON.")
final class ListTuningJobsCommand implements Callable<Integer> {

  @Option(names = "--output", paramLabel = "json|table", description = "Output format (default ${DEFAULT-VALUE}).")
  String output = "table";

  @Option(names = "--status-equals", paramLabel = "STATUS", description = "Only tuning jobs with this status.")
  String statusEquals;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    if (!output.equals("json") && !output.equals("table")) {
      throw Main.badInput("--output", output, "json or table");
    }
    try (JobStore store = home.openReadStore()) {
      List<TuningJobRecord> jobs = store.tuningJobs().stream()
          .filter(j -> statusEquals == null || j.status().name().equalsIgnoreCase(statusEquals)).toList();
      if (output.equals("json")) {
        ObjectNode root = Json.object();
        ArrayNode list = root.putArray("HyperParameterTuningJobSummaries");
        for (TuningJobRecord j : jobs) {
          list.add(TuningJobSummaries.summary(j, store.trainingJobsOf(j.name())));
        }
        System.out.println(TerminalText.json(root));
        return 0;
      }
      System.out.printf(Locale.ROOT, "%-32s  %-10s  %-24s  %5s  %s%n", "NAME", "STATUS", "CREATED", "JOBS", "BEST");
      for (TuningJobRecord j : jobs) {
        TrainingJobRecord best = j.bestTrainingJob() == null ? null : store.trainingJob(j.bestTrainingJob()).orElse(null);
        System.out.printf(Locale.ROOT, "%-32s  %-10s  %-24s  %5d  %s%n", TerminalText.escape(j.name()), j.status(),
            j.creationTime(), store.trainingJobsOf(j.name()).size(),
            best == null ? "-" : TerminalText.escape(best.name()) + " (" + best.objectiveValue() + ")");
      }
      return 0;
    }
  }
}
