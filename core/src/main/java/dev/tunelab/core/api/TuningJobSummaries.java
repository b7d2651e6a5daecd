package dev.tunelab.core.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TuningJobRecord;
import java.util.List;

/**
 * HyperParameterTuningJobSummary objects, as ListHyperParameterTuningJobs returns them
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_HyperParameterTuningJobSummary.html):
 * name, ARN, status, Strategy, times, TrainingJobStatusCounters, ObjectiveStatusCounters and
 * ResourceLimits, and nothing SageMaker's summary lacks (no training job count, no best job:
 * describe-hyper-parameter-tuning-job has BestTrainingJob). Optional fields with no value are left
 * out, as the API leaves them out.
 */
public final class TuningJobSummaries {
  private TuningJobSummaries() { }

  /**
   * One summary.
   *
   * @param tuning the tuning job
   * @param jobs   its training jobs (for the counters)
   */
  public static ObjectNode summary(TuningJobRecord tuning, List<TrainingJobRecord> jobs) {
    JsonNode config = StoredRequests.tuningRequestAsStored(tuning).path("HyperParameterTuningJobConfig");
    ObjectNode o = Json.object();
    o.put("HyperParameterTuningJobName", tuning.name());
    o.put("HyperParameterTuningJobArn", Arns.tuningJob(tuning.name()));
    o.put("HyperParameterTuningJobStatus", tuning.status().name());
    if (config.path("Strategy").isTextual()) {
      o.put("Strategy", config.path("Strategy").textValue());
    }
    StatusCounters.putTime(o, "CreationTime", tuning.creationTime());
    StatusCounters.putTime(o, "HyperParameterTuningEndTime", tuning.endTime());
    StatusCounters.putTime(o, "LastModifiedTime", tuning.lastModifiedTime());
    StatusCounters.put(o, jobs);
    JsonNode limits = config.path("ResourceLimits");
    if (limits.isObject()) {
      ObjectNode l = o.putObject("ResourceLimits");
      for (String f : List.of("MaxNumberOfTrainingJobs", "MaxParallelTrainingJobs", "MaxRuntimeInSeconds")) {
        if (limits.path(f).isIntegralNumber()) {
          l.put(f, limits.path(f).longValue());
        }
      }
    }
    return o;
  }
}
