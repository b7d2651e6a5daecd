package dev.tunelab.core.api;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.ObjectiveStatus;
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
 * Builds the DescribeHyperParameterTuningJob response: status, the config and training job
 * definition as SageMaker echoes them (with {@code _tuning_objective_metric} and the
 * {@code ObjectiveMetric} definition added), TrainingJobStatusCounters, ObjectiveStatusCounters,
 * BestTrainingJob, times and ConsumedResources.
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
    o.put("CreationTime", DescribeTrainingJob.iso(tuning.creationTime()));
    if (tuning.endTime() != null) {
      o.put("HyperParameterTuningEndTime", DescribeTrainingJob.iso(tuning.endTime()));
    }
    o.put("LastModifiedTime", DescribeTrainingJob.iso(tuning.lastModifiedTime()));
    int completed = 0, inProgress = 0, retryable = 0, nonRetryable = 0, stopped = 0;
    int succeeded = 0, pending = 0, failed = 0;
    for (TrainingJobRecord j : jobs) {
      switch (j.status()) {
        case Completed -> completed++;
        case InProgress, Stopping -> inProgress++;
        case Stopped -> stopped++;
        case Failed -> {
          if (j.retryableFailure()) {
            retryable++;
          } else {
            nonRetryable++;
          }
        }
      }
      switch (j.objectiveStatus()) {
        case SUCCEEDED -> succeeded++;
        case PENDING -> pending++;
        case FAILED -> failed++;
      }
    }
    ObjectNode counters = o.putObject("TrainingJobStatusCounters");
    counters.put("Completed", completed);
    counters.put("InProgress", inProgress);
    counters.put("RetryableError", retryable);
    counters.put("NonRetryableError", nonRetryable);
    counters.put("Stopped", stopped);
    ObjectNode objective = o.putObject("ObjectiveStatusCounters");
    objective.put(ObjectiveStatus.SUCCEEDED.sageMakerName(), succeeded);
    objective.put(ObjectiveStatus.PENDING.sageMakerName(), pending);
    objective.put(ObjectiveStatus.FAILED.sageMakerName(), failed);
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
    long trainingMillis = jobs.stream().filter(j -> j.startTime() != null && j.endTime() != null)
        .mapToLong(j -> Duration.between(j.startTime(), j.endTime()).toMillis()).sum();
    consumed.put("TrainingRuntimeInSeconds", trainingMillis / 1000.0);
    consumed.put("BoostingRoundsTrained", jobs.stream().mapToLong(TrainingJobRecord::roundsTrained).sum());
    return o;
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
    store.tuningJobAttribute(name, TuningJobAttribute.COMPLETION_DETAILS)
        .ifPresent(s -> extra.put("TuningJobCompletionDetails", Json.readStored(s, "the stored TuningJobCompletionDetails")));
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
