package dev.tunelab.cli;

import static dev.tunelab.cli.TuneTestSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same tuning job run twice, each time in its own JVM (Map.copyOf's iteration order is salted
 * per JVM, which once gave 6 hyperparameter orders in 8 runs): describe-training-job's
 * HyperParameters, TunedHyperParameters in the summaries and in describe's BestTrainingJob, the
 * analytics CSV's columns and the best-job block printed after tune all list the hyperparameters
 * in the spec's order, static ones first, then the ranges as the spec writes them (here
 * Continuous, then Categorical, then Integer, while the optimizer takes them integer ones first).
 */
@Tag("slow")
class HyperParameterOrderProcessTest {

  private static final List<String> STATICS = List.of("objective", "early_stopping_rounds", "num_round",
      "_tuning_objective_metric");
  private static final List<String> RANGES = List.of("subsample", "eta", "gamma", "grow_policy", "min_child_weight",
      "max_depth");

  @TempDir Path dir;

  @Test
  void twoJvmsShowTheSpecsOrderEverywhere() throws Exception {
    Path specFile = TuneTestSupport.write(dir, "spec.json", spec());
    List<String> first = orders(specFile, dir.resolve("run1"));
    List<String> second = orders(specFile, dir.resolve("run2"));
    List<String> all = new ArrayList<>(STATICS);
    all.addAll(RANGES);
    for (String line : first) {
      String expected = line.startsWith("HyperParameters") ? all.toString() : RANGES.toString();
      assertEquals(expected, line.substring(line.indexOf('[')), line);
    }
    assertEquals(first, second);
  }

  private static ObjectNode spec() {
    ObjectNode spec = TuneTestSupport.example(TuneTestSupport.COURSE_SPEC);
    spec.put("HyperParameterTuningJobName", "order");
    TuneTestSupport.limits(spec).put("MaxNumberOfTrainingJobs", 3).put("MaxParallelTrainingJobs", 3);
    ((ObjectNode) TuneTestSupport.definition(spec).get("StaticHyperParameters")).put("num_round", "10");
    ObjectNode ranges = Json.object();
    ArrayNode continuous = ranges.putArray("ContinuousParameterRanges");
    continuous.addObject().put("Name", "subsample").put("MinValue", "0.5").put("MaxValue", "0.9");
    continuous.addObject().put("Name", "eta").put("MinValue", "0.05").put("MaxValue", "0.5");
    continuous.addObject().put("Name", "gamma").put("MinValue", "0").put("MaxValue", "10");
    ranges.putArray("CategoricalParameterRanges").addObject().put("Name", "grow_policy")
        .putArray("Values").add("depthwise").add("lossguide");
    ArrayNode integer = ranges.putArray("IntegerParameterRanges");
    integer.addObject().put("Name", "min_child_weight").put("MinValue", "2").put("MaxValue", "8");
    integer.addObject().put("Name", "max_depth").put("MinValue", "3").put("MaxValue", "12");
    TuneTestSupport.config(spec).set("ParameterRanges", ranges);
    return spec;
  }

  /** Runs the tune and the read commands, each in a new JVM, and lists every order seen, one line each. */
  private List<String> orders(Path specFile, Path run) throws Exception {
    Files.createDirectories(run);
    String home = run.resolve("home").toString();
    List<String> out = new ArrayList<>();
    String tune = cli(run, "tune", specFile.toString(), "--home", home);
    Matcher block = Pattern.compile("(?m)^  ([a-z_]+) = ").matcher(tune.substring(tune.indexOf("Best training job:")));
    List<String> printed = new ArrayList<>();
    while (block.find()) {
      printed.add(block.group(1));
    }
    out.add("best-job block " + printed);

    JsonNode describe = json(cli(run, "describe-hyper-parameter-tuning-job", "order", "--home", home));
    out.add("BestTrainingJob.TunedHyperParameters " + keys(describe.path("BestTrainingJob").path("TunedHyperParameters")));
    JsonNode jobs = json(cli(run, "list-training-jobs-for-hyper-parameter-tuning-job", "order", "--output", "json",
        "--home", home));
    for (JsonNode j : jobs.get("TrainingJobSummaries")) {
      out.add("TrainingJobSummaries.TunedHyperParameters " + keys(j.get("TunedHyperParameters")));
      JsonNode training = json(cli(run, "describe-training-job", j.get("TrainingJobName").asText(), "--home", home));
      out.add("HyperParameters " + keys(training.get("HyperParameters")));
    }
    Path csv = run.resolve("analytics.csv");
    cli(run, "analytics", "order", "--csv", csv.toString(), "--home", home);
    List<String> header = List.of(Files.readAllLines(csv).get(0).split(","));
    out.add("analytics CSV " + header.subList(0, RANGES.size()));
    return out;
  }

  private static List<String> keys(JsonNode o) {
    List<String> k = new ArrayList<>();
    o.fieldNames().forEachRemaining(k::add);
    return k;
  }

  /** Runs {@code tunelab ARGS} in a new JVM; returns its stdout (stderr, where the JVM and libraries may warn, apart). */
  private static String cli(Path run, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(run, "cli", ".out");
    Path err = Files.createTempFile(run, "cli", ".err");
    Process p = new ProcessBuilder(TuneTestSupport.cliCommand(List.of(), args)).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), () -> String.join(" ", args) + " did not end");
    String text = Files.readString(out);
    assertEquals(0, p.exitValue(), () -> String.join(" ", args) + " failed:\n" + text + TuneTestSupport.read(err));
    return text;
  }
}
