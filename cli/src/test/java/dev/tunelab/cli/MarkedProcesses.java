package dev.tunelab.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The live processes that carry a test's unique marker, found through {@code /proc}: in their
 * command line (an argument given to the job) or in their environment (inherited by every child
 * a job starts, detached or not). Zombies have neither and are not counted. Linux only; where
 * {@code /proc} is missing the list is empty.
 *
 * <p>Reading {@code /proc} takes time, so a process listed early in a pass may end before one
 * listed late starts. {@link #find} therefore reads every match a second time after the pass and
 * keeps those still there: each kept process was alive from its first read to its second, and
 * every first read comes before every second one, so all of them were alive at one instant.
 */
final class MarkedProcesses {
  private MarkedProcesses() { }

  /**
   * One live process that carries the marker.
   *
   * @param pid             its process ID
   * @param inCommandLine   whether the marker is in its command line (a job's own process, not one
   *                        of its children)
   * @param trainingJobName the {@code TRAINING_JOB_NAME} in its environment, or "" without one
   * @param commandLine     its command line, arguments separated by spaces (for messages)
   */
  record Proc(long pid, boolean inCommandLine, String trainingJobName, String commandLine) { }

  /** Whether this machine has a readable {@code /proc} to search. */
  static boolean available() {
    return Files.isDirectory(Path.of("/proc/self"));
  }

  /** The live processes whose command line or environment contains {@code marker}. */
  static List<Proc> find(String marker) {
    List<Proc> found = new ArrayList<>();
    if (!available()) {
      return found;
    }
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path p : procs) {
        long pid = Long.parseLong(p.getFileName().toString());
        if (pid == self) {
          continue;
        }
        String cmdline = read(p.resolve("cmdline"));
        String environ = read(p.resolve("environ"));
        boolean inCmd = cmdline.contains(marker);
        if (!inCmd && !environ.contains(marker)) {
          continue;
        }
        String job = "";
        for (String kv : environ.split("\0")) {
          if (kv.startsWith("TRAINING_JOB_NAME=")) {
            job = kv.substring("TRAINING_JOB_NAME=".length());
          }
        }
        found.add(new Proc(pid, inCmd, job, cmdline.replace('\0', ' ').trim()));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    List<Proc> stillAlive = new ArrayList<>();
    for (Proc p : found) {
      String cmdline = read(Path.of("/proc", Long.toString(p.pid()), "cmdline")).replace('\0', ' ').trim();
      if (!cmdline.isEmpty() && cmdline.equals(p.commandLine())) {
        stillAlive.add(p);
      }
    }
    return stillAlive;
  }

  /** Kills (SIGKILL) every process that carries {@code marker}: the test's own leftovers. */
  static void killAll(String marker) {
    for (Proc p : find(marker)) {
      ProcessHandle.of(p.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  /** A /proc file's bytes as text; "" when the process is gone or the file is not readable. */
  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    } catch (IOException | SecurityException e) {
      return "";
    }
  }
}
