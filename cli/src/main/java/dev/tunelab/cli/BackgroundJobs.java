package dev.tunelab.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a TuneLab command in a background JVM (this JVM's java and class path), its stdout and
 * stderr going to a log file: how {@code tune --no-wait}, {@code create-hyper-parameter-tuning-job}
 * and {@code create-training-job} return at once while the job runs on.
 */
final class BackgroundJobs {
  private BackgroundJobs() { }

  /**
   * Starts {@code tunelab ARGS --home HOME} in a new JVM.
   *
   * @param log   where its output goes (the folder is created)
   * @param stdin whether the caller writes the child's standard input (else it reads /dev/null)
   */
  static Process start(Path home, Path log, boolean stdin, String... args) throws IOException {
    Files.createDirectories(log.getParent());
    List<String> cmd = new ArrayList<>();
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(inheritedJvmOptions());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    cmd.add("--home");
    cmd.add(home.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    if (!stdin) {
      pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    }
    return pb.start();
  }

  /**
   * The options of this JVM that a background job should run with too: memory, stack and GC
   * settings and the launcher's class-data-sharing archive (seconds of start-up on a busy
   * machine). Agents, debuggers and the C1-only setting of short commands are not passed on.
   */
  static List<String> inheritedJvmOptions() {
    List<String> kept = new ArrayList<>();
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("-Xss") || a.startsWith("-Xmx") || a.startsWith("-Xms") || a.startsWith("-Xshare:")
          || a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-Xlog:cds") || a.equals("-XX:+UseSerialGC")
          || a.startsWith("-XX:PretenureSizeThreshold=")) {
        kept.add(a);
      }
    }
    return kept;
  }
}
