package dev.tunelab.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the CLI in-process and captures its exit code, stdout and stderr. */
final class CliTestSupport {
  private CliTestSupport() { }

  record Run(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  /** Runs {@code tunelab ARGS --home HOME}; System.out/err are captured while it runs. */
  static synchronized Run run(Path home, String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    if (home != null) {
      argv.add("--home");
      argv.add(home.toString());
    }
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    StringWriter err = new StringWriter();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      var cl = Main.commandLine();
      cl.setErr(new PrintWriter(err, true));
      int code = cl.execute(argv.toArray(String[]::new));
      return new Run(code, out.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8) + err);
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** The repository root (the cli module's parent), where examples/ lives. */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    return p.getFileName().toString().equals("cli") ? p.getParent() : p;
  }
}
