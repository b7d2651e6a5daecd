package dev.tunelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.TuningJobSummaries;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tunelab list-hyper-parameter-tuning-jobs}, with the ListHyperParameterTuningJobs API's filters. */
@Command(name = "list-hyper-parameter-tuning-jobs", mixinStandardHelpOptions = true,
    description = {"List tuning jobs, newest first, as a table or as SageMaker's HyperParameterTuningJobSummaries"
        + " response.",
        "The filters and the sort are those of the ListHyperParameterTuningJobs API. Times are ISO-8601"
            + " (2026-12-02T10:00:00Z; without a zone, UTC), a date, or seconds since the epoch; 'after' and"
            + " 'before' exclude the time itself. With --max-results the response ends with a NextToken while more"
            + " remain; pass it to --next-token for the next page."})
final class ListTuningJobsCommand implements Callable<Integer> {

  /** The fields {@code --sort-by} accepts, as the API spells them. */
  static final List<String> SORT_BY = List.of("Name", "Status", "CreationTime");

  @Option(names = "--name-contains", paramLabel = "TEXT",
      description = "Only tuning jobs whose name contains TEXT (ignoring case).")
  String nameContains;

  @Option(names = "--status-equals", paramLabel = "STATUS",
      description = "Only tuning jobs with this status: InProgress, Completed, Failed, Stopping or Stopped.")
  String statusEquals;

  @Option(names = "--creation-time-after", paramLabel = "TIME", description = "Only tuning jobs created after TIME.")
  String creationTimeAfter;

  @Option(names = "--creation-time-before", paramLabel = "TIME", description = "Only tuning jobs created before TIME.")
  String creationTimeBefore;

  @Option(names = "--last-modified-time-after", paramLabel = "TIME",
      description = "Only tuning jobs last modified after TIME.")
  String lastModifiedTimeAfter;

  @Option(names = "--last-modified-time-before", paramLabel = "TIME",
      description = "Only tuning jobs last modified before TIME.")
  String lastModifiedTimeBefore;

  @Option(names = "--sort-by", paramLabel = "FIELD", description = "Name, Status or CreationTime (default ${DEFAULT-VALUE}).")
  String sortBy = "CreationTime";

  @Option(names = "--sort-order", paramLabel = "ORDER", description = "Ascending or Descending (default ${DEFAULT-VALUE}).")
  String sortOrder = "Descending";

  @Option(names = "--max-results", paramLabel = "N", description = "At most N summaries per call (default: all).")
  Integer maxResults;

  @Option(names = "--next-token", paramLabel = "TOKEN",
      description = "The NextToken of the previous call with the same options: its next page.")
  String nextToken;

  @Mixin OutputOptions.TableDefault output;

  @Mixin HomeOption home;

  @Override
  public Integer call() throws Exception {
    if (statusEquals != null && Arrays.stream(TuningJobStatus.values()).noneMatch(s -> s.name().equals(statusEquals))) {
      throw Main.badInput("--status-equals", statusEquals, "one of " + Arrays.toString(TuningJobStatus.values()));
    }
    Instant createdAfter = TimeArgument.parse("--creation-time-after", creationTimeAfter);
    Instant createdBefore = TimeArgument.parse("--creation-time-before", creationTimeBefore);
    Instant modifiedAfter = TimeArgument.parse("--last-modified-time-after", lastModifiedTimeAfter);
    Instant modifiedBefore = TimeArgument.parse("--last-modified-time-before", lastModifiedTimeBefore);
    if (!SORT_BY.contains(sortBy)) {
      throw Main.badInput("--sort-by", sortBy, "Name, Status or CreationTime");
    }
    if (!sortOrder.equals("Ascending") && !sortOrder.equals("Descending")) {
      throw Main.badInput("--sort-order", sortOrder, "Ascending or Descending");
    }
    if (maxResults != null) {
      OptionBounds.check("--max-results", maxResults, 1, Integer.MAX_VALUE);
    }
    output.validate();
    try (JobStore store = home.openReadStore()) {
      String contains = nameContains == null ? null : nameContains.toLowerCase(Locale.ROOT);
      List<TuningJobRecord> all = store.tuningJobs().stream()
          .filter(j -> contains == null || j.name().toLowerCase(Locale.ROOT).contains(contains))
          .filter(j -> statusEquals == null || j.status().name().equals(statusEquals))
          .filter(j -> createdAfter == null || j.creationTime().isAfter(createdAfter))
          .filter(j -> createdBefore == null || j.creationTime().isBefore(createdBefore))
          .filter(j -> modifiedAfter == null || j.lastModifiedTime().isAfter(modifiedAfter))
          .filter(j -> modifiedBefore == null || j.lastModifiedTime().isBefore(modifiedBefore))
          .sorted(order())
          .toList();
      Paging.Page<TuningJobRecord> page = Paging.page(all, maxResults, nextToken,
          Paging.key("list-hyper-parameter-tuning-jobs", nameContains, statusEquals, createdAfter, createdBefore,
              modifiedAfter, modifiedBefore, sortBy, sortOrder));
      ObjectNode root = Json.object();
      ArrayNode list = root.putArray("HyperParameterTuningJobSummaries");
      for (TuningJobRecord j : page.items()) {
        list.add(summary(store, j));
      }
      if (page.nextToken() != null) {
        root.put(OutputOptions.NEXT_TOKEN, page.nextToken());
      }
      output.print(root, () -> table(store, page.items()));
      return 0;
    }
  }

  /** The order {@code --sort-by} and {@code --sort-order} ask for; ties are broken by name, so pages are stable. */
  private Comparator<TuningJobRecord> order() {
    Comparator<TuningJobRecord> c = switch (sortBy) {
      case "Name" -> Comparator.comparing(TuningJobRecord::name);
      case "Status" -> Comparator.comparing((TuningJobRecord j) -> j.status().name()).thenComparing(TuningJobRecord::name);
      default -> Comparator.comparing(TuningJobRecord::creationTime).thenComparing(TuningJobRecord::name);
    };
    return sortOrder.equals("Descending") ? c.reversed() : c;
  }

  /** One item of the JSON list: the single place its fields are chosen. */
  static ObjectNode summary(JobStore store, TuningJobRecord j) {
    return TuningJobSummaries.summary(j, store.trainingJobsOf(j.name()));
  }


  private static String table(JobStore store, List<TuningJobRecord> jobs) {
    StringBuilder b = new StringBuilder();
    b.append(String.format(Locale.ROOT, "%-32s  %-10s  %-24s  %5s  %s%n", "NAME", "STATUS", "CREATED", "JOBS", "BEST"));
    for (TuningJobRecord j : jobs) {
      TrainingJobRecord best = j.bestTrainingJob() == null ? null : store.trainingJob(j.bestTrainingJob()).orElse(null);
      b.append(String.format(Locale.ROOT, "%-32s  %-10s  %-24s  %5d  %s%n", TerminalText.escape(j.name()), j.status(),
          j.creationTime(), store.trainingJobsOf(j.name()).size(),
          best == null ? "-" : TerminalText.escape(best.name()) + " (" + best.objectiveValue() + ")"));
    }
    return b.toString();
  }
}
