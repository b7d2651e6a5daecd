package dev.tunelab.core.api;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.optimizer.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the DescribeHyperParameterTuningJob response
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeHyperParameterTuningJob.html):
 * status, the config and training job definition as SageMaker echoes them (with
 * {@code _tuning_objective_metric} and the {@code ObjectiveMetric} definition added),
 * TrainingJobStatusCounters, ObjectiveStatusCounters, BestTrainingJob, times and
 * ConsumedResources.RuntimeInSeconds. Only fields of SageMaker's response appear, and optional
 * ones only when they have a value.
 */
public final class DescribeTuningJob {
  private DescribeTuningJob() { }

  /**
   * @param tuning the tuning job
   * @param jobs   its training jobs
   * @param extra  extra stored attributes to show (e.g. TuningJobCompletionDetails), may be empty
   */
  public static ObjectNode of(TuningJobRecord tuning, List<TrainingJobRecord> jobs, Map<String, JsonNode> extra) {
    TuningJobSpec spec = StoredRequests.tuningJob(tuning, null);
    ObjectNode request = StoredRequests.tuningRequestAsStored(tuning);
    JsonNode config = request.path("HyperParameterTuningJobConfig");
    Direction direction = spec.direction();
    String metric = spec.objectiveMetric();
    ObjectNode o = Json.object();
    o.put("HyperParameterTuningJobName", tuning.name());
    o.put("HyperParameterTuningJobArn", Arns.tuningJob(tuning.name()));
    o.set("HyperParameterTuningJobConfig", config);
    if (request.has("TrainingJobDefinition")) {
      o.set("TrainingJobDefinition", request.get("TrainingJobDefinition"));
    }
    o.put("HyperParameterTuningJobStatus", tuning.status().name());
    StatusCounters.putTime(o, "CreationTime", tuning.creationTime());
    StatusCounters.putTime(o, "HyperParameterTuningEndTime", tuning.endTime());
    StatusCounters.putTime(o, "LastModifiedTime", tuning.lastModifiedTime());
    StatusCounters.put(o, jobs);
    if (tuning.bestTrainingJob() != null) {
      jobs.stream().filter(j -> j.name().equals(tuning.bestTrainingJob())).findFirst()
          .ifPresent(best -> o.set("BestTrainingJob", TrainingJobSummaries.summary(best, direction, metric)));
    }
    if (tuning.failureReason() != null) {
      o.put("FailureReason", tuning.failureReason());
    }
    extra.forEach(o::set);
    Instant end = tuning.endTime() == null ? Instant.now() : tuning.endTime();
    ObjectNode consumed = o.putObject("ConsumedResources");
    consumed.put("RuntimeInSeconds", Duration.between(tuning.creationTime(), end).toSeconds());
    return o;
  }

  /**
   * TuningJobCompletionDetails as the tuning job stored them: SageMaker's fields plus TuneLab's
   * {@code CompletionReason} (which criterion or limit ended the job, in words), which the
   * describe response leaves out because SageMaker's has no such field.
   */
  public static java.util.Optional<JsonNode> storedCompletionDetails(JobStore store, String name) {
    return store.tuningJobAttribute(name, TuningJobAttribute.COMPLETION_DETAILS)
        .map(s -> Json.readStored(s, "the stored TuningJobCompletionDetails"));
  }

  /**
   * The full response for a stored tuning job: its completion details and, for a warm-started
   * job, OverallBestTrainingJob (the best over this job and its parents).
   */
  public static ObjectNode of(JobStore store, String name) {
    TuningJobRecord tuning = store.tuningJob(name).orElseThrow(() ->
        new NoSuchJobException("tuning job", name));
    List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    storedCompletionDetails(store, name).ifPresent(stored -> {
      // only SageMaker's fields: TuneLab's CompletionReason stays in the store (the dashboard shows it)
      ObjectNode details = Json.object();
      for (String f : List.of("NumberOfTrainingJobsObjectiveNotImproving", "ConvergenceDetectedTime")) {
        if (stored.hasNonNull(f)) {
          details.set(f, stored.get(f));
        }
      }
      extra.put("TuningJobCompletionDetails", details);
    });
    TuningJobSpec spec = StoredRequests.tuningJob(tuning, null);
    if (spec.warmStart() != null) {
      extra.put("WarmStartConfig", StoredRequests.tuningRequestAsStored(tuning).get("WarmStartConfig"));
      Direction direction = spec.direction();
      String metric = spec.objectiveMetric();
      List<TrainingJobRecord> all = new ArrayList<>(jobs);
      for (String parent : spec.warmStart().parents()) {
        all.addAll(store.trainingJobsOf(parent));
      }
      Comparator<TrainingJobRecord> bestFirst = Comparator.comparing(TrainingJobRecord::objectiveValue,
          direction.bestFirst());
      all.stream().filter(j -> j.objectiveValue() != null
              && (j.status() == TrainingJobStatus.Completed || j.status() == TrainingJobStatus.Stopped))
          .min(bestFirst)
          .ifPresent(best -> extra.put("OverallBestTrainingJob", TrainingJobSummaries.summary(best, direction, metric)));
    }
    return of(tuning, jobs, extra);
  }
}
