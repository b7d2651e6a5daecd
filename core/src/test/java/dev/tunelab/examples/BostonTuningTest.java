package dev.tunelab.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.sdk.HyperparameterTuner;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.TuningJobSpec;
import dev.tunelab.core.spec.TuningJobSpecParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Runs {@code examples/java/dev/tunelab/examples/BostonTuning.java} as a user would and checks
 * that what it prints is the tuning job the store holds, and that the job it created is the
 * course's spec ({@code examples/boston-xgboost-hpo.json}) as the CLI reads it.
 */
@Tag("slow")
class BostonTuningTest {

  @TempDir Path home;

  @Test
  void theExampleTunesTheCourseSpecAndPrintsItsBestJob() {
    PrintStream saved = System.out;
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      BostonTuning.main(new String[] {home.toString()});
    } finally {
      System.setOut(saved);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);

    String name = group(out, "Tuning job: (\\S+)");
    assertTrue(name.matches("xgboost-\\d{6}-\\d{4}"), "SDK-style default name: " + name);
    HyperparameterTuner tuner = HyperparameterTuner.attach(name, home);
    JsonNode d = tuner.describe();
    assertEquals("Completed", d.path("HyperParameterTuningJobStatus").asText());
    assertEquals(20, d.path("TrainingJobStatusCounters").path("Completed").asInt());

    Table jobs = tuner.analytics().sortAscendingOn("FinalObjectiveValue");
    assertEquals(20, jobs.rowCount());
    assertEquals(tuner.bestTrainingJob(), group(out, "Best training job: (\\S+)"));
    assertEquals(jobs.stringColumn("TrainingJobName").get(0), tuner.bestTrainingJob());
    assertEquals(jobs.doubleColumn("FinalObjectiveValue").get(0),
        Double.parseDouble(group(out, "Objective: validation:rmse = (\\S+)")));
    assertTrue(out.contains(d.path("BestTrainingJob").path("TunedHyperParameters").toString()), out);
    // the top-5 table lists the five best jobs, best first
    int at = out.indexOf("TrainingJobName");
    for (int i = 0; i < 5; i++) {
      int next = out.indexOf(jobs.stringColumn("TrainingJobName").get(i), at);
      assertTrue(next > at, "row " + i + " in order:\n" + out);
      at = next;
    }
    assertTrue(!out.substring(out.indexOf("TrainingJobName")).contains(jobs.stringColumn("TrainingJobName").get(5)));

    // the job the Java API created is the course's spec as the CLI parses it
    TuningJobSpec cli = TuningJobSpecParser.parse(Path.of("..", "examples", "boston-xgboost-hpo.json"), n -> { });
    TuningJobSpec sdk = TuningJobSpecParser.parse(JsonSpecReader.parse(
        HyperparameterTuner.attach(name, home).createRequest(name, java.util.Map.of(
            "train", "dataset:boston/train", "validation", "dataset:boston/validation")).toString(), "sdk", n -> { }),
        home);
    assertEquals(cli.space().ranges(), sdk.space().ranges());
    assertEquals(cli.staticHyperParameters(), sdk.staticHyperParameters());
    assertEquals(List.of(cli.strategy(), cli.direction(), cli.objectiveMetric(), cli.maxTrainingJobs(),
        cli.maxParallelJobs(), cli.randomSeed()), List.of(sdk.strategy(), sdk.direction(), sdk.objectiveMetric(),
        sdk.maxTrainingJobs(), sdk.maxParallelJobs(), sdk.randomSeed()));
  }

  private static String group(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
    return m.group(1);
  }
}
