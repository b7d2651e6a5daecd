package dev.tunelab.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTrainingJob;
import dev.tunelab.core.api.DescribeTuningJob;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.StoredRequests;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningStrategy;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.MetricPoint;
import dev.tunelab.core.store.NoSuchJobException;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TransformRunRecord;
import dev.tunelab.core.store.TuningJobAttribute;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.tuning.Configurations;
import dev.tunelab.core.tuning.WarmStart;
import dev.tunelab.optimizer.Direction;
import dev.tunelab.optimizer.gp.BayesianOptions;
import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.SearchSpace;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Builds the JSON documents of the dashboard's API ({@code docs/dashboard-api.md}) from a
 * {@link JobStore}: the list of tuning jobs, one tuning job, one training job with its curves,
 * a page of log lines, the transform runs, and the report's bundle of them all. Reads only.
 * Thread-safe when the store is (the importance cache is concurrent).
 */
public final class DashboardData {

  /** Default and largest page of log lines. */
  public static final int DEFAULT_LOG_LIMIT = 1000;
  /** The largest page of log lines one call returns. */
  public static final int MAX_LOG_LIMIT = 10_000;
  /** Log lines of each training job embedded in a report. */
  public static final int REPORT_LOG_LINES = 200;

  private final JobStore store;
  private final ImportanceCache importance = new ImportanceCache();

  /** Documents of this store (which the caller keeps open and closes). */
  public DashboardData(JobStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** {@code GET /api/tuning-jobs}: every tuning job, newest first. */
  public ObjectNode tuningJobs() {
    ObjectNode doc = Json.object();
    ArrayNode list = doc.putArray("TuningJobs");
    for (TuningJobRecord tuning : store.tuningJobs()) {
      TuningJobSpec spec = StoredRequests.tuningJob(tuning, null);
      List<TrainingJobRecord> jobs = store.trainingJobsOf(tuning.name());
      summary(list.addObject(), tuning, spec, jobs);
    }
    return doc;
  }

  /**
   * {@code GET /api/tuning-jobs/{name}}.
   *
   * @throws NoSuchJobException when there is no such tuning job
   */
  public ObjectNode tuningJob(String name) {
    TuningJobRecord tuning = store.tuningJob(name)
        .orElseThrow(() -> new NoSuchJobException("tuning job", name));
    TuningJobSpec spec = StoredRequests.tuningJob(tuning, null);
    List<TrainingJobRecord> jobs = store.trainingJobsOf(name);
    ObjectNode doc = Json.object();
    summary(doc, tuning, spec, jobs);
    doc.put("MaxParallelTrainingJobs", spec.maxParallelJobs());
    int initial = initialDesignSize(spec, warmStartObservations(spec));
    doc.put("InitialDesignSize", initial);
    doc.set("Configuration", describe(tuning, spec, jobs));
    ArrayNode ranges = doc.putArray("Ranges");
    for (ParameterRange r : spec.space().ranges()) {
      range(ranges.addObject(), r);
    }
    ArrayNode list = doc.putArray("TrainingJobs");
    for (TrainingJobRecord job : jobs) {
      ObjectNode o = list.addObject();
      o.put("Name", job.name());
      o.put("Sequence", job.sequence());
      o.put("Status", job.status().name());
      o.put("ObjectiveStatus", job.objectiveStatus().sageMakerName());
      number(o, "Objective", job.objectiveValue());
      o.put("InitialDesign", job.sequence() <= initial);
      o.put("CreationTime", iso(job.creationTime()));
      o.put("StartTime", iso(job.startTime()));
      o.put("EndTime", iso(job.endTime()));
      o.put("RoundsTrained", job.roundsTrained());
      o.put("FailureReason", job.failureReason());
      ObjectNode hps = o.putObject("TunedHyperParameters");
      job.tunedHyperParameters().forEach(hps::put);
    }
    doc.set("Importance", importance.of(tuning, spec, jobs));
    doc.set("TransformRuns", transformRunList(r -> name.equals(r.tuningJobName())));
    return doc;
  }

  /**
   * {@code GET /api/training-jobs/{name}}.
   *
   * @throws NoSuchJobException when there is no such training job
   */
  public ObjectNode trainingJob(String name) {
    TrainingJobRecord job = store.trainingJob(name)
        .orElseThrow(() -> new NoSuchJobException("training job", name));
    String metric = null;
    Direction direction = null;
    if (job.tuningJobName() != null) {
      TuningJobRecord tuning = store.tuningJob(job.tuningJobName()).orElseThrow();
      TuningJobSpec spec = StoredRequests.tuningJob(tuning, null);
      metric = spec.objectiveMetric();
      direction = spec.direction();
    }
    ObjectNode doc = Json.object();
    doc.put("Name", job.name());
    doc.put("TuningJobName", job.tuningJobName());
    doc.put("Status", job.status().name());
    doc.put("ObjectiveStatus", job.objectiveStatus().sageMakerName());
    doc.put("CreationTime", iso(job.creationTime()));
    doc.put("StartTime", iso(job.startTime()));
    doc.put("EndTime", iso(job.endTime()));
    ObjectNode hps = doc.putObject("HyperParameters");
    job.hyperParameters().forEach(hps::put);
    ObjectNode tuned = doc.putObject("TunedHyperParameters");
    job.tunedHyperParameters().forEach(tuned::put);
    ObjectNode finals = doc.putObject("FinalMetrics");
    job.finalMetrics().forEach((k, v) -> number(finals, k, v));
    doc.put("ObjectiveMetric", metric);
    doc.put("ObjectiveType", direction == null ? null : direction.sageMakerName());
    List<MetricPoint> points = store.metrics(name);
    Integer best = bestIteration(points, metric, direction);
    if (best == null) {
      doc.putNull("BestIteration");
    } else {
      doc.put("BestIteration", best);
    }
    doc.put("FailureReason", job.failureReason());
    doc.put("RoundsTrained", job.roundsTrained());
    ObjectNode metrics = doc.putObject("Metrics");
    for (MetricPoint p : points) {
      ObjectNode series = metrics.has(p.metricName()) ? (ObjectNode) metrics.get(p.metricName())
          : seriesNode(metrics.putObject(p.metricName()));
      ((ArrayNode) series.get("Rounds")).add(p.iteration());
      ArrayNode values = (ArrayNode) series.get("Values");
      if (Double.isFinite(p.value())) {
        values.add(p.value());
      } else {
        values.addNull();
      }
    }
    return doc;
  }

  /**
   * {@code GET /api/training-jobs/{name}/logs}: lines with {@code Seq > after}.
   *
   * @param limit 1 to {@link #MAX_LOG_LIMIT}
   * @throws NoSuchJobException when there is no such training job
   * @throws IllegalArgumentException naming {@code after} or {@code limit} when out of range
   */
  public ObjectNode logs(String name, long after, int limit) {
    if (after < 0) {
      throw new IllegalArgumentException("after must be a line number >= 0, got " + after);
    }
    if (limit < 1 || limit > MAX_LOG_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LOG_LIMIT + ", got " + limit);
    }
    List<LogLine> lines = store.logLines(name, after, limit + 1);
    boolean more = lines.size() > limit;
    List<LogLine> page = more ? lines.subList(0, limit) : lines;
    ObjectNode doc = Json.object();
    ArrayNode list = doc.putArray("Lines");
    for (LogLine line : page) {
      ObjectNode o = list.addObject();
      o.put("Seq", line.seq());
      o.put("Time", iso(line.time()));
      o.put("Text", line.text());
    }
    doc.put("Next", page.isEmpty() ? after : page.get(page.size() - 1).seq());
    doc.put("More", more);
    return doc;
  }

  /** {@code GET /api/transform-runs}: every recorded run, newest first. */
  public ObjectNode transformRuns() {
    ObjectNode doc = Json.object();
    doc.set("TransformRuns", transformRunList(r -> true));
    return doc;
  }

  /**
   * What a report embeds: the tuning job, each of its training jobs with its first
   * {@value #REPORT_LOG_LINES} log lines, and the transform runs of its training jobs and of
   * lone training jobs (the base model).
   *
   * @throws NoSuchJobException when there is no such tuning job
   */
  public ObjectNode report(String tuningJobName) {
    ObjectNode doc = Json.object();
    ObjectNode tuning = tuningJob(tuningJobName);
    doc.set("TuningJob", tuning);
    ObjectNode training = doc.putObject("TrainingJobs");
    for (var job : tuning.get("TrainingJobs")) {
      String name = job.get("Name").asText();
      ObjectNode t = trainingJob(name);
      t.set("Logs", logs(name, 0, REPORT_LOG_LINES).get("Lines"));
      training.set(name, t);
    }
    doc.set("TransformRuns", transformRunList(
        r -> r.tuningJobName() == null || tuningJobName.equals(r.tuningJobName())));
    return doc;
  }

  // ---- parts -----------------------------------------------------------------------------

  /**
   * The describe response, from the jobs already read (a warm-started job reads its parents
   * through {@link DescribeTuningJob#of(JobStore, String)} for OverallBestTrainingJob).
   */
  private ObjectNode describe(TuningJobRecord tuning, TuningJobSpec spec, List<TrainingJobRecord> jobs) {
    if (spec.warmStart() != null) {
      return DescribeTuningJob.of(store, tuning.name());
    }
    Map<String, JsonNode> extra = new LinkedHashMap<>();
    store.tuningJobAttribute(tuning.name(), TuningJobAttribute.COMPLETION_DETAILS).ifPresent(s ->
        extra.put("TuningJobCompletionDetails", Json.readStored(s, "the stored TuningJobCompletionDetails")));
    return DescribeTuningJob.of(tuning, jobs, extra);
  }

  private static void summary(ObjectNode o, TuningJobRecord tuning, TuningJobSpec spec,
      List<TrainingJobRecord> jobs) {
    o.put("Name", tuning.name());
    o.put("Strategy", spec.strategy().sageMakerName());
    o.put("Status", tuning.status().name());
    o.put("CreationTime", iso(tuning.creationTime()));
    o.put("EndTime", iso(tuning.endTime()));
    o.put("ObjectiveMetric", spec.objectiveMetric());
    o.put("ObjectiveType", spec.direction().sageMakerName());
    o.put("MaxNumberOfTrainingJobs", spec.maxTrainingJobs());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String k : new String[] {"Completed", "InProgress", "Stopped", "Failed"}) {
      counts.put(k, 0);
    }
    for (TrainingJobRecord j : jobs) {
      String k = j.status() == TrainingJobStatus.Stopping ? "InProgress" : j.status().name();
      counts.merge(k, 1, Integer::sum);
    }
    ObjectNode counters = o.putObject("Counters");
    counts.forEach(counters::put);
    o.put("BestTrainingJob", tuning.bestTrainingJob());
    Double best = tuning.bestTrainingJob() == null ? null : jobs.stream()
        .filter(j -> j.name().equals(tuning.bestTrainingJob())).findFirst()
        .map(TrainingJobRecord::objectiveValue).orElse(null);
    number(o, "BestObjective", best);
  }

  /**
   * How many of the first jobs were drawn at random before the strategy's model took over:
   * Bayesian's initial design (the optimizer's default, as the scheduler builds it) less the
   * observations a warm start brought from its parents, every job of Random and Hyperband (which
   * draws at random), none of Grid.
   */
  static int initialDesignSize(TuningJobSpec spec, int warmStartObservations) {
    if (spec.strategy() == TuningStrategy.BAYESIAN) {
      return Math.max(0, BayesianOptions.defaults().initialDesign() - warmStartObservations);
    }
    if (spec.strategy() == TuningStrategy.GRID) {
      return 0;
    }
    return spec.maxTrainingJobs();
  }

  /** The parents' jobs a warm start feeds the strategy, as the scheduler counts them; 0 if none. */
  private int warmStartObservations(TuningJobSpec spec) {
    if (spec.warmStart() == null) {
      return 0;
    }
    try {
      return WarmStart.observations(store, spec).size();
    } catch (RuntimeException e) {
      return 0; // a parent since removed: show the design as if there were none
    }
  }

  private static void range(ObjectNode o, ParameterRange r) {
    o.put("Name", r.name());
    if (r instanceof ContinuousRange c) {
      o.put("Type", "Continuous");
      o.put("Scaling", c.effectiveScaling().sageMakerName());
      o.put("MinValue", c.format(c.min()));
      o.put("MaxValue", c.format(c.max()));
    } else if (r instanceof IntegerRange i) {
      o.put("Type", "Integer");
      o.put("Scaling", i.effectiveScaling().sageMakerName());
      o.put("MinValue", i.format(i.min()));
      o.put("MaxValue", i.format(i.max()));
    } else {
      o.put("Type", "Categorical");
      ArrayNode values = o.putArray("Values");
      ((CategoricalRange) r).values().forEach(values::add);
    }
  }

  private static Integer bestIteration(List<MetricPoint> points, String metric,
      Direction direction) {
    if (metric == null) {
      return null;
    }
    Integer best = null;
    double bestValue = Double.NaN;
    for (MetricPoint p : points) {
      if (!p.metricName().equals(metric) || !Double.isFinite(p.value())) {
        continue;
      }
      if (best == null || direction.isBetter(p.value(), bestValue)) {
        best = p.iteration();
        bestValue = p.value();
      }
    }
    return best;
  }

  private static ObjectNode seriesNode(ObjectNode o) {
    o.putArray("Rounds");
    o.putArray("Values");
    return o;
  }

  private ArrayNode transformRunList(Predicate<TransformRunRecord> keep) {
    ArrayNode list = Json.array();
    for (TransformRunRecord r : store.transformRuns()) {
      if (!keep.test(r)) {
        continue;
      }
      ObjectNode o = list.addObject();
      o.put("Id", r.id());
      o.put("Time", iso(r.time()));
      o.put("TrainingJobName", r.trainingJobName());
      o.put("TuningJobName", r.tuningJobName());
      o.put("Input", r.input().toString());
      o.put("Labels", r.labels().toString());
      o.put("Rows", r.rows());
      ObjectNode metrics = o.putObject("Metrics");
      r.metrics().forEach((k, v) -> number(metrics, k, v));
      numbers(o.putArray("Actual"), r.actual());
      numbers(o.putArray("Predicted"), r.predicted());
    }
    return list;
  }

  private static void numbers(ArrayNode array, List<Double> values) {
    for (Double v : values) {
      if (Double.isFinite(v)) {
        array.add(v);
      } else {
        array.addNull();
      }
    }
  }

  /** Puts a number, or null when it is null, NaN or infinite. */
  static void number(ObjectNode o, String key, Double value) {
    if (value == null || !Double.isFinite(value)) {
      o.putNull(key);
    } else {
      o.put(key, value);
    }
  }

  static String iso(Instant t) {
    return DescribeTrainingJob.iso(t);
  }

  /** Configurations of the finished jobs with an objective, for the importance. */
  static List<TrainingJobRecord> scored(List<TrainingJobRecord> jobs) {
    return jobs.stream().filter(j -> j.objectiveValue() != null
        && Double.isFinite(j.objectiveValue())
        && (j.status() == TrainingJobStatus.Completed || j.status() == TrainingJobStatus.Stopped))
        .toList();
  }

  /** The typed configuration a stored job ran with. */
  static dev.tunelab.optimizer.space.Configuration configuration(SearchSpace space,
      TrainingJobRecord job) {
    return Configurations.fromStrings(space, job.tunedHyperParameters());
  }
}
