package dev.tunelab.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a transcript's commands, in order, in one bash process, in a scratch working folder that
 * holds links to the repository's {@code tunelab} launcher and {@code examples/} (so commands run
 * as from the repository root, and whatever they write lands in the scratch folder, never in the
 * repository). {@code mktemp -d} makes its folders under the scratch folder too ({@code TMPDIR}),
 * and the outputs show them as {@code /tmp/tmp.XXXXXXXXXX}, as on a student's machine.
 */
final class TutorialRunner implements AutoCloseable {
  /** One command's exit status and output (stdout and stderr together, as a terminal shows them). */
  record Result(int exitCode, List<String> output) { }

  /** What the runner prints instead of the scratch working folder, where the reader's clone would be. */
  static final String SHOWN_REPO = "/path/to/tunelab";

  private final Path scratch;
  private final Path work;
  private final Path tmp;

  TutorialRunner(Path repo) throws IOException {
    scratch = Files.createTempDirectory("tunelab-tutorial").toRealPath();
    work = Files.createDirectory(scratch.resolve("work"));
    tmp = Files.createDirectory(scratch.resolve("tmp"));
    Files.createSymbolicLink(work.resolve("tunelab"), repo.resolve("tunelab"));
    Files.createSymbolicLink(work.resolve("examples"), repo.resolve("examples"));
  }

  /** Runs one bash command line in the working folder (a warm-up, outside the transcript). */
  Result runOne(String command, long timeoutSeconds) throws IOException, InterruptedException {
    return runAll(List.of(command), timeoutSeconds).get(0);
  }

  /** Runs the commands in one bash process (so cd and export carry over) and returns their results. */
  List<Result> runAll(List<String> commands, long timeoutSeconds) throws IOException, InterruptedException {
    Path out = Files.createTempDirectory(scratch, "out");
    StringBuilder script = new StringBuilder();
    for (int k = 0; k < commands.size(); k++) {
      script.append("{ ").append(commands.get(k)).append("\n} >'").append(out.resolve(k + ".out"))
          .append("' 2>&1 </dev/null; echo $? >'").append(out.resolve(k + ".rc")).append("'\n");
    }
    Path file = out.resolve("script.sh");
    Files.writeString(file, script.toString());
    ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).directory(work.toFile())
        .redirectErrorStream(true).redirectOutput(out.resolve("bash.log").toFile());
    Map<String, String> env = pb.environment();
    env.put("TMPDIR", tmp.toString());
    // where jobs would go if the document forgot its export: the scratch folder, never ~/.tunelab
    env.put("TUNELAB_HOME", scratch.resolve("default-home").toString());
    env.remove("TUNELAB_JAVA_OPTS");
    env.remove("COLUMNS");
    Process p = pb.start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
      p.waitFor();
    }
    List<Result> results = new ArrayList<>();
    for (int k = 0; k < commands.size(); k++) {
      Path o = out.resolve(k + ".out");
      Path rc = out.resolve(k + ".rc");
      if (!Files.exists(rc)) {
        results.add(new Result(-1, Files.exists(o) ? shown(Files.readString(o, StandardCharsets.UTF_8))
            : List.of("(not run: bash stopped or timed out after " + timeoutSeconds + " s before this command)")));
      } else {
        results.add(new Result(Integer.parseInt(Files.readString(rc).strip()),
            shown(Files.readString(o, StandardCharsets.UTF_8))));
      }
    }
    return results;
  }

  /** The output as the reader would see it: scratch paths as theirs, without the launcher's one-off notes. */
  private List<String> shown(String raw) {
    String s = raw.replace(tmp + "/", "/tmp/").replace(work.toString(), SHOWN_REPO);
    List<String> lines = new ArrayList<>();
    for (String l : s.split("\n", -1)) {
      if (l.startsWith("tunelab: building (") || l.startsWith("tunelab: recording the start-up archive")) {
        continue;
      }
      lines.add(l);
    }
    return TranscriptMatcher.trimTrailing(lines);
  }

  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(scratch)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
