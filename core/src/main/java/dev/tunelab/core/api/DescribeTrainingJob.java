package dev.tunelab.core.api;

import dev.tunelab.core.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the DescribeTrainingJob response for a stored training job, shaped like SageMaker's
 * (https://docs.aws.amazon.com/sagemaker/latest/APIReference/API_DescribeTrainingJob.html):
 * status, HyperParameters (in the job's order: static ones first, then the tuned ones in the
 * spec's range order), FinalMetricDataList, ModelArtifacts, times (ISO-8601, UTC),
 * FailureReason, and the request's AlgorithmSpecification, InputDataConfig, ResourceConfig,
 * StoppingCondition echoed back. Only fields of SageMaker's response appear (the number of
 * boosting rounds trained is on the dashboard, not here), and optional ones only when they have
 * a value: a job that wrote no model has no ModelArtifacts.
 */
public final class DescribeTrainingJob {
  private DescribeTrainingJob() { }

  /** The response as JSON. */
  public static ObjectNode of(TrainingJobRecord job) {
    ObjectNode o = Json.object();
    o.put("TrainingJobName", job.name());
    o.put("TrainingJobArn", Arns.trainingJob(job.name()));
    if (job.tuningJobName() != null) {
      o.put("TuningJobArn", Arns.tuningJob(job.tuningJobName()));
    }
    if (job.modelArtifact() != null) {
      o.putObject("ModelArtifacts").put("S3ModelArtifacts", job.modelArtifact());
    }
    o.put("TrainingJobStatus", job.status().name());
    o.put("SecondaryStatus", secondaryStatus(job));
    if (job.failureReason() != null) {
      o.put("FailureReason", job.failureReason());
    }
    ObjectNode hps = o.putObject("HyperParameters");
    job.hyperParameters().forEach(hps::put);
    JsonNode request = parse(job.specJson());
    for (String section : new String[] {"AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig",
        "ResourceConfig", "StoppingCondition", "Environment"}) {
      if (request != null && request.has(section)) {
        o.set(section, request.get(section));
      }
    }
    StatusCounters.putTime(o, "CreationTime", job.creationTime());
    StatusCounters.putTime(o, "TrainingStartTime", job.startTime());
    StatusCounters.putTime(o, "TrainingEndTime", job.endTime());
    StatusCounters.putTime(o, "LastModifiedTime", job.lastModifiedTime());
    ArrayNode metrics = o.putArray("FinalMetricDataList");
    Instant at = job.endTime() == null ? job.lastModifiedTime() : job.endTime();
    for (Map.Entry<String, Double> e : new TreeMap<>(job.finalMetrics()).entrySet()) {
      ObjectNode m = metrics.addObject();
      m.put("MetricName", e.getKey());
      m.put("Value", e.getValue());
      m.put("Timestamp", iso(at));
    }
    if (job.startTime() != null && job.endTime() != null) {
      long seconds = trainingSeconds(job.startTime(), job.endTime());
      o.put("TrainingTimeInSeconds", seconds);
      o.put("BillableTimeInSeconds", seconds);
    }
    return o;
  }

  /** Whole seconds of training as SageMaker bills them: rounded up, at least 1. */
  public static long trainingSeconds(Instant start, Instant end) {
    long ms = Duration.between(start, end).toMillis();
    return Math.max(1, (ms + 999) / 1000);
  }

  private static String secondaryStatus(TrainingJobRecord job) {
    if (job.status() == TrainingJobStatus.Stopped && job.failureReason() != null
        && job.failureReason().startsWith("MaxRuntimeExceeded")) {
      return "MaxRuntimeExceeded";
    }
    return switch (job.status()) {
      case InProgress -> "Training";
      case Completed -> "Completed";
      case Failed -> "Failed";
      case Stopping -> "Stopping";
      case Stopped -> "Stopped";
    };
  }

  /** ISO-8601 UTC with milliseconds, or {@code null}. */
  public static String iso(Instant t) {
    return t == null ? null : t.toString();
  }

  private static JsonNode parse(String json) {
    if (json == null) {
      return null;
    }
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      return null;
    }
  }
}
