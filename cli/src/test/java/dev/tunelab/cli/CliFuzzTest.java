package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The acceptance fuzz test of issue 13: seeded mutations of the example specs
 * ({@code examples/*.json}, plus a bring-your-own variant of the course spec) and of the bundled
 * Boston data (CSV cells) go through the CLI in-process ({@link Main#commandLine()}), and no case
 * may end with an exit code other than 0, 1 and 2, a stack trace, an exception that escaped, or a
 * programming error reported as a failure ({@code NullPointerException} and the like).
 *
 * <p>Most cases run {@code tune --dry-run} / {@code train --dry-run}: every check that comes
 * before a job starts (spec, names, bounds, channels, data). Every {@value #RUN_EVERY}th case
 * runs for real with its spec capped (3 boosting rounds, 2 training jobs) so that what passes
 * validation is also trained.
 *
 * <p>The number of cases is {@code -Dtunelab.fuzz.cases} (500 by default; CI runs 10,000), the
 * seed {@code -Dtunelab.fuzz.seed} (13). A failing case prints its index and its mutations; case
 * {@code i} uses {@code new Random(seed * 1_000_003 + i)}, so it replays alone with
 * {@code -Dtunelab.fuzz.only=i}.
 */
class CliFuzzTest {

  static final int CASES = Integer.getInteger("tunelab.fuzz.cases", 500);
  static final long SEED = Long.getLong("tunelab.fuzz.seed", 13L);
  static final int ONLY = Integer.getInteger("tunelab.fuzz.only", -1);
  static final int RUN_EVERY = 50;

  /** A line of a Java stack trace. */
  private static final Pattern STACK_LINE = Pattern.compile("(?m)^\\s+at [\\w$.]+\\(.*\\)\\s*$");
  /** Exceptions that say the code is wrong, not the input, when they reach the user. */
  private static final Pattern PROGRAMMING_ERROR = Pattern.compile("(NullPointer|ClassCast|IndexOutOfBounds"
      + "|ConcurrentModification|IllegalState|Arithmetic|NumberFormat|UnsupportedOperation|StackOverflow"
      + "|OutOfMemory|NegativeArraySize|IllegalArgument|Unchecked|Json\\w*)(Exception|Error)");

  @TempDir Path dir;

  private record Base(String name, String command, ObjectNode spec) { }

  @Test
  void mutatedSpecsAndDataNeverCrashTheCli() throws Exception {
    Path home = dir.resolve("home");
    Path data = dir.resolve("data");
    CliTestSupport.Run split = CliTestSupport.run(null, "datasets", "boston", "--out", data.toString());
    assertEquals(0, split.exitCode(), split.all());
    String trainCsv = Files.readString(data.resolve("train.csv"));
    List<Base> bases = bases();

    long start = System.nanoTime();
    Map<Integer, Integer> exits = new TreeMap<>();
    int csvCases = 0;
    int realRuns = 0;
    int trained = 0;
    List<String> findings = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      if (ONLY >= 0 && i != ONLY) {
        continue;
      }
      Random r = new Random(SEED * 1_000_003L + i);
      Base base = bases.get(r.nextInt(bases.size()));
      ObjectNode spec = base.spec().deepCopy();
      List<String> what = new ArrayList<>();
      what.add(base.name());
      Path caseDir = Files.createDirectories(dir.resolve("case-" + i));
      boolean real = i % RUN_EVERY == RUN_EVERY - 1;
      boolean csv = r.nextInt(3) == 0;
      if (csv) {
        csvCases++;
        CsvCellMutator cm = new CsvCellMutator(r);
        Path file = caseDir.resolve("train.csv");
        Files.writeString(file, cm.mutate(trainCsv));
        pointTrainChannelAt(spec, file);
        what.addAll(cm.applied());
      }
      String text;
      if (!csv || r.nextBoolean()) {
        SpecMutator sm = new SpecMutator(r);
        text = real ? sm.mutate(spec, 1, false) : sm.mutate(spec);
        what.addAll(sm.applied());
      } else {
        text = Json.pretty(spec);
      }
      if (real) {
        realRuns++;
        text = capForARealRun(text, base, i);
        what.add("real run");
      }
      Path file = caseDir.resolve("spec.json");
      Files.writeString(file, text);
      List<String> args = new ArrayList<>(List.of(base.command(), file.toString()));
      if (!real) {
        args.add("--dry-run");
      }
      CliTestSupport.Run run;
      try {
        run = CliTestSupport.run(home, args.toArray(String[]::new));
      } catch (Throwable t) {
        findings.add("case " + i + " " + what + ": escaped " + t);
        continue;
      }
      exits.merge(run.exitCode(), 1, Integer::sum);
      if (real && run.exitCode() != 2) {
        trained++;
      }
      String problem = problem(run, real);
      if (problem != null) {
        String out = run.all();
        findings.add("case " + i + " " + what + ": " + problem + "\n    "
            + TerminalText.escape(out.length() > 600 ? out.substring(0, 600) + "…" : out));
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("CliFuzzTest: %d cases (seed %d, %d with mutated CSV cells, %d real runs of which %d"
        + " passed validation and ran) in %.1f s; exit codes %s; %d findings%n", ONLY >= 0 ? 1 : CASES, SEED,
        csvCases, realRuns, trained, seconds, exits, findings.size());
    assertTrue(findings.isEmpty(), findings.size() + " of " + CASES + " cases failed:\n"
        + String.join("\n", findings.subList(0, Math.min(25, findings.size()))));
  }

  /** Why a run is a finding, or null when it is not. */
  static String problem(CliTestSupport.Run run, boolean real) {
    String out = run.all();
    int code = run.exitCode();
    if (code != 0 && code != 1 && code != 2) {
      return "exit code " + code;
    }
    if (STACK_LINE.matcher(out).find() || out.contains("Exception in thread")) {
      return "a stack trace";
    }
    if (code != 0 && out.contains("tunelab: failed:") && PROGRAMMING_ERROR.matcher(out).find()) {
      return "a programming error reached the user";
    }
    if (!real && code == 1) {
      return "exit 1 from a dry run (validation must answer 0 or 2)";
    }
    return null;
  }

  /** The example specs, made small (2 jobs, 3 rounds) so that a case that passes runs quickly. */
  static List<Base> bases() throws Exception {
    List<Base> out = new ArrayList<>();
    for (String f : List.of("boston-xgboost-hpo.json", "boston-xgboost-hpo-lowlevel.json")) {
      ObjectNode s = TuneTestSupport.example("examples/" + f);
      shrinkTuning(s);
      out.add(new Base(f, "tune", s));
    }
    ObjectNode train = TuneTestSupport.example("examples/boston-xgboost-train.json");
    ((ObjectNode) train.get("HyperParameters")).put("num_round", "3");
    out.add(new Base("boston-xgboost-train.json", "train", train));
    ObjectNode byo = TuneTestSupport.example("examples/boston-xgboost-hpo.json");
    shrinkTuning(byo);
    ObjectNode def = (ObjectNode) byo.get("TrainingJobDefinition");
    ObjectNode alg = def.putObject("AlgorithmSpecification");
    alg.put("TrainingInputMode", "File");
    alg.putArray("ContainerEntrypoint").add("bash").add("-c").add("echo loss=1.5");
    alg.putArray("MetricDefinitions").addObject().put("Name", "loss").put("Regex", "loss=([0-9.]+)");
    ((ObjectNode) byo.get("HyperParameterTuningJobConfig").get("HyperParameterTuningJobObjective"))
        .put("MetricName", "loss");
    out.add(new Base("boston-hpo-bring-your-own", "tune", byo));
    return out;
  }

  private static void shrinkTuning(ObjectNode s) {
    ObjectNode cfg = (ObjectNode) s.get("HyperParameterTuningJobConfig");
    ((ObjectNode) cfg.get("ResourceLimits")).put("MaxNumberOfTrainingJobs", 2).put("MaxParallelTrainingJobs", 2);
    ((ObjectNode) s.get("TrainingJobDefinition").get("StaticHyperParameters")).put("num_round", "3");
  }

  private static void pointTrainChannelAt(ObjectNode spec, Path file) {
    JsonNode def = spec.has("TrainingJobDefinition") ? spec.get("TrainingJobDefinition") : spec;
    for (JsonNode c : def.path("InputDataConfig")) {
      if ("train".equals(c.path("ChannelName").asText())) {
        ((ObjectNode) c.path("DataSource").path("S3DataSource")).put("S3Uri", file.toString());
      }
    }
  }

  /**
   * A spec that will train for real, kept short: when the text is still a JSON object, the
   * rounds, job counts and (for bring-your-own) the command are set back to the base's, and the
   * job gets a name of its own (so that it runs instead of meeting an earlier case's job).
   */
  private static String capForARealRun(String text, Base base, int i) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(text);
    } catch (Exception e) {
      return text;
    }
    if (!(node instanceof ObjectNode s)) {
      return text;
    }
    boolean tuning = base.command().equals("tune");
    String nameField = tuning ? "HyperParameterTuningJobName" : "TrainingJobName";
    if (s.path(nameField).isTextual()) {
      s.put(nameField, "fuzz-" + i);
    }
    JsonNode def = tuning ? s.path("TrainingJobDefinition") : s;
    if (def instanceof ObjectNode d) {
      JsonNode hps = d.path(tuning ? "StaticHyperParameters" : "HyperParameters");
      if (hps instanceof ObjectNode h) {
        h.put("num_round", "3");
        h.remove("early_stopping_rounds");
      }
      JsonNode baseDef = tuning ? base.spec().get("TrainingJobDefinition") : base.spec();
      d.set("AlgorithmSpecification", baseDef.get("AlgorithmSpecification").deepCopy());
      d.remove("StoppingCondition");
    }
    if (tuning && s.path("HyperParameterTuningJobConfig") instanceof ObjectNode cfg) {
      cfg.set("ResourceLimits", base.spec().get("HyperParameterTuningJobConfig").get("ResourceLimits").deepCopy());
      JsonNode ranges = cfg.path("ParameterRanges");
      for (JsonNode list : ranges) {
        for (JsonNode range : list) {
          if (range instanceof ObjectNode o && List.of("num_round", "early_stopping_rounds", "nthread")
              .contains(o.path("Name").asText())) {
            o.put("Name", "max_depth_" + o.path("Name").asText());
          }
        }
      }
      if (cfg.has("StrategyConfig")) {
        cfg.remove("StrategyConfig");
      }
    }
    return Json.pretty(s);
  }
}
