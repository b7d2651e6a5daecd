package dev.tunelab.cli;

import dev.tunelab.core.json.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Helpers shared by the tuning-job tests: the example specs as mutable JSON, JSON parsing of CLI
 * output, the largest number of training jobs running at one instant, and a real second JVM
 * running the CLI (for kill -9 and cross-process stop tests).
 */
final class TuneTestSupport {
  private TuneTestSupport() { }

  /** The course's high-level tuning spec (20 jobs, 3 parallel, 5 ranges). */
  static final String COURSE_SPEC = "examples/boston-xgboost-hpo.json";
  /** The notebook's low-level tuning spec (20 jobs, 3 parallel, 3 ranges). */
  static final String LOW_LEVEL_SPEC = "examples/boston-xgboost-hpo-lowlevel.json";

  /** An example spec file as a mutable JSON object. */
  static ObjectNode example(String relative) {
    try {
      return (ObjectNode) Json.mapper().readTree(CliTestSupport.repoRoot().resolve(relative).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode config(ObjectNode spec) {
    return (ObjectNode) spec.get("HyperParameterTuningJobConfig");
  }

  static ObjectNode limits(ObjectNode spec) {
    return (ObjectNode) config(spec).get("ResourceLimits");
  }

  static ObjectNode definition(ObjectNode spec) {
    return (ObjectNode) spec.get("TrainingJobDefinition");
  }

  /** Writes the spec as {@code dir/<file>} and returns the path. */
  static Path write(Path dir, String file, JsonNode spec) {
    try {
      Files.createDirectories(dir);
      Path p = dir.resolve(file);
      Files.writeString(p, spec.toPrettyString());
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses a command's stdout as JSON. */
  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new AssertionError("not JSON:\n" + text, e);
    }
  }

  /** Runs a command that must succeed and returns its run. */
  static CliTestSupport.Run ok(Path home, String... args) {
    CliTestSupport.Run r = CliTestSupport.run(home, args);
    assertEquals(0, r.exitCode(), () -> String.join(" ", args) + " failed:\n" + r.all());
    return r;
  }

  /** A closed time interval [start, end] in epoch milliseconds. */
  record Span(long start, long end) {
    static Span of(JsonNode summary) {
      return new Span(Instant.parse(summary.get("TrainingStartTime").asText()).toEpochMilli(),
          Instant.parse(summary.get("TrainingEndTime").asText()).toEpochMilli());
    }
  }

  /**
   * The largest number of spans that share an instant. A span that ends at the millisecond
   * another starts is not counted as overlapping it (a slot handed over).
   */
  static int maxOverlap(List<Span> spans) {
    List<long[]> events = new ArrayList<>();
    for (Span s : spans) {
      assertTrue(s.end() >= s.start(), () -> "end before start: " + s);
      events.add(new long[] {s.start(), +1});
      events.add(new long[] {s.end(), -1});
    }
    // at equal times, ends (-1) before starts (+1)
    events.sort((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    int running = 0;
    int max = 0;
    for (long[] e : events) {
      running += (int) e[1];
      max = Math.max(max, running);
    }
    return max;
  }

  /**
   * Starts {@code tunelab ARGS} in a new JVM (this JVM's java binary and class path), its
   * stdout and stderr going to {@code log}.
   */
  static Process startCliProcess(Path log, String... args) throws IOException {
    return startCliProcess(log, List.of(), Map.of(), args);
  }

  /**
   * As {@link #startCliProcess(Path, String...)}, run through {@code launcher} (e.g.
   * {@code setsid}, so its pid is its process group) with {@code env} added to its environment.
   */
  static Process startCliProcess(Path log, List<String> launcher, Map<String, String> env, String... args)
      throws IOException {
    List<String> cmd = new ArrayList<>(launcher);
    cmd.addAll(cliCommand(List.of(), args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().putAll(env);
    return pb.start();
  }

  /** The command line of {@code tunelab ARGS} in a new JVM: this JVM's java and class path, then {@code jvmOptions}. */
  static List<String> cliCommand(List<String> jvmOptions, String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-XX:+UseSerialGC");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.addAll(jvmOptions);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    return cmd;
  }

  /** The log of a child process, for failure messages. */
  static String read(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log) : "(no log)";
    } catch (IOException e) {
      return "(unreadable log: " + e + ")";
    }
  }
}
