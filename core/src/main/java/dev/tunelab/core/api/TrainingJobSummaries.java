package dev.tunelab.core.api;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.optimizer.Direction;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * HyperParameterTrainingJobSummary objects (as in ListTrainingJobsForHyperParameterTuningJob and
 * BestTrainingJob;
 * https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTrainingJobSummary.html),
 * and the sorting and filtering SageMaker's list call offers. TunedHyperParameters come in the
 * spec's range order; optional fields with no value are left out. TrainingJobDefinitionName is
 * left out: it names one of several TrainingJobDefinitions, which TuneLab does not take.
 */
public final class TrainingJobSummaries {
  private TrainingJobSummaries() { }

  /** SortBy values SageMaker accepts. */
  public static final List<String> SORT_BY = List.of("Name", "CreationTime", "Status", "FinalObjectiveMetricValue");

  /**
   * One summary.
   *
   * @param job             the training job
   * @param direction       the objective Type
   * @param objectiveMetric the tuning objective's metric name
   */
  public static ObjectNode summary(TrainingJobRecord job, Direction direction, String objectiveMetric) {
    ObjectNode o = Json.object();
    o.put("TrainingJobName", job.name());
    o.put("TrainingJobArn", Arns.trainingJob(job.name()));
    if (job.tuningJobName() != null) {
      o.put("TuningJobName", job.tuningJobName());
    }
    StatusCounters.putTime(o, "CreationTime", job.creationTime());
    StatusCounters.putTime(o, "TrainingStartTime", job.startTime());
    StatusCounters.putTime(o, "TrainingEndTime", job.endTime());
    o.put("TrainingJobStatus", job.status().name());
    ObjectNode tuned = o.putObject("TunedHyperParameters");
    job.tunedHyperParameters().forEach(tuned::put);
    if (job.failureReason() != null) {
      o.put("FailureReason", job.failureReason());
    }
    if (job.objectiveValue() != null) {
      ObjectNode m = o.putObject("FinalHyperParameterTuningJobObjectiveMetric");
      m.put("Type", direction.sageMakerName());
      m.put("MetricName", objectiveMetric);
      m.put("Value", job.objectiveValue());
    }
    o.put("ObjectiveStatus", job.objectiveStatus().sageMakerName());
    return o;
  }

  /**
   * Filters and sorts as ListTrainingJobsForHyperParameterTuningJob does; sorting by
   * FinalObjectiveMetricValue leaves out jobs without an objective.
   *
   * @param statusEquals a TrainingJobStatus name, or {@code null}
   * @param sortBy       one of {@link #SORT_BY}
   * @param descending   SortOrder Descending
   */
  public static List<TrainingJobRecord> select(List<TrainingJobRecord> jobs, String statusEquals, String sortBy,
      boolean descending) {
    Comparator<TrainingJobRecord> c = switch (sortBy) {
      case "CreationTime" -> Comparator.comparing(TrainingJobRecord::creationTime).thenComparing(TrainingJobRecord::name);
      case "Status" -> Comparator.comparing((TrainingJobRecord j) -> j.status().name()).thenComparing(TrainingJobRecord::name);
      case "FinalObjectiveMetricValue" -> Comparator.comparing(TrainingJobRecord::objectiveValue).thenComparing(TrainingJobRecord::name);
      default -> Comparator.comparing(TrainingJobRecord::name);
    };
    if (descending) {
      c = c.reversed();
    }
    return jobs.stream()
        .filter(j -> statusEquals == null || j.status().name().toLowerCase(Locale.ROOT).equals(statusEquals.toLowerCase(Locale.ROOT)))
        .filter(j -> !sortBy.equals("FinalObjectiveMetricValue") || j.objectiveValue() != null)
        .sorted(c)
        .toList();
  }
}
