package dev.tunelab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.api.DescribeTrainingJob;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.store.TuningJobRecord;
import dev.tunelab.core.store.TuningJobStatus;
import dev.tunelab.core.tuning.TuningJobRunner;
import dev.tunelab.core.tuning.TuningObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code examples/boston-xgboost-kfold-hpo.json} (the course's spec with {@code _kfold} 5) as
 * a tuning job: every training job's objective is its last cross-validation mean line, its fold
 * models and out-of-fold predictions are saved, and a {@code _kfold} larger than the rows is refused
 * before anything is recorded.
 */
@Tag("slow")
class BostonKFoldTuningTest {

  static final Pattern MEAN_LINE = Pattern.compile("\\[200\\]\ttrain-rmse:(\\S+)\tvalidation-rmse:(\\S+)");

  @TempDir Path home;
  JobStore store;
  TuningJobRunner runner;

  @BeforeEach
  void open() {
    store = JobStore.openSqlite(home);
    runner = new TuningJobRunner(store, home);
  }

  @AfterEach
  void close() {
    store.close();
  }

  static Path examples() {
    Path p = Path.of("").toAbsolutePath();
    return (p.getFileName().toString().equals("core") ? p.getParent() : p).resolve("examples");
  }

  static ObjectNode spec(int jobs) throws Exception {
    ObjectNode s = (ObjectNode) Json.mapper().readTree(examples().resolve("boston-xgboost-kfold-hpo.json").toFile());
    ((ObjectNode) s.get("HyperParameterTuningJobConfig").get("ResourceLimits"))
        .put("MaxNumberOfTrainingJobs", jobs).put("MaxParallelTrainingJobs", 1);
    return s;
  }

  TuningJobSpec parse(ObjectNode spec) {
    return TuningJobSpecParser.parse(JsonSpecReader.parse(spec.toString(), "test", n -> { }), examples());
  }

  @Test
  void theKFoldExampleTunesOnCrossValidatedObjectives() throws Exception {
    TuningJobSpec parsed = parse(spec(4));
    assertEquals("5", parsed.staticHyperParameters().get("_kfold"));
    TuningJobRecord rec = runner.run(runner.prepare(parsed), TuningObserver.NONE, new AtomicBoolean());
    assertEquals(TuningJobStatus.Completed, rec.status());
    List<TrainingJobRecord> jobs = store.trainingJobsOf("boston-xgboost-kfold-hpo");
    assertEquals(4, jobs.size());
    for (TrainingJobRecord job : jobs) {
      assertEquals(TrainingJobStatus.Completed, job.status(), job.failureReason());
      List<String> log = store.logLines(job.name(), 0, 100_000).stream().map(LogLine::text).toList();
      String last = log.stream().filter(l -> MEAN_LINE.matcher(l).matches()).reduce((a, b) -> b).orElseThrow();
      Matcher m = MEAN_LINE.matcher(last);
      assertTrue(m.matches());
      assertEquals(Double.parseDouble(m.group(2)), job.objectiveValue(), "objective = last mean line");
      assertEquals(job.objectiveValue(), job.finalMetrics().get("validation:rmse"));
      assertTrue(job.finalMetrics().get("validation:rmse_std") > 0, job.finalMetrics().toString());
      for (int f = 0; f < 5; f++) {
        assertTrue(Files.isRegularFile(job.jobDir().resolve("model/xgboost-model-" + f + ".json")));
      }
      assertEquals(339, Files.readAllLines(job.jobDir().resolve("output/data/predictions.csv")).size());
      JsonNode d = DescribeTrainingJob.of(job);
      boolean std = false;
      for (JsonNode metric : d.get("FinalMetricDataList")) {
        std |= metric.get("MetricName").asText().equals("validation:rmse_std");
      }
      assertTrue(std, d.get("FinalMetricDataList").toString());
      assertTrue(d.get("ModelArtifacts").get("S3ModelArtifacts").asText().endsWith("xgboost-model-0.json"));
    }
    double best = jobs.stream().mapToDouble(TrainingJobRecord::objectiveValue).min().orElseThrow();
    assertEquals(best, store.trainingJob(rec.bestTrainingJob()).orElseThrow().objectiveValue());
  }

  @Test
  void moreFoldsThanRowsOrAStdObjectiveAreRefusedBeforeAnythingIsRecorded() throws Exception {
    ObjectNode s = spec(2);
    ((ObjectNode) s.get("TrainingJobDefinition").get("StaticHyperParameters")).put("_kfold", "400");
    SpecException e = assertThrows(SpecException.class, () -> runner.prepare(parse(s)));
    assertTrue(e.getMessage().contains("HyperParameters._kfold"), e.getMessage());
    assertTrue(e.getMessage().contains("400"), e.getMessage());
    assertTrue(e.getMessage().contains("an integer from 2 to 339"), e.getMessage());

    ObjectNode one = spec(2);
    ((ObjectNode) one.get("TrainingJobDefinition").get("StaticHyperParameters")).put("_kfold", "1");
    SpecException e1 = assertThrows(SpecException.class, () -> runner.prepare(parse(one)));
    assertTrue(e1.getMessage().contains("_kfold") && e1.getMessage().contains("an integer from 2"), e1.getMessage());

    ObjectNode std = spec(2);
    ((ObjectNode) std.get("HyperParameterTuningJobConfig").get("HyperParameterTuningJobObjective"))
        .put("MetricName", "validation:rmse_std");
    assertThrows(SpecException.class, () -> runner.prepare(parse(std)));
    assertTrue(store.tuningJobs().isEmpty());
    assertTrue(store.trainingJobs().isEmpty());
  }
}
