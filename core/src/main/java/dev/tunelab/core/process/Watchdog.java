package dev.tunelab.core.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the job processes of this TuneLab process when it dies without running any Java code
 * (kill -9, OOM killer): one small {@code /bin/sh} process per JVM (script
 * {@code watchdog.sh} next to this class), started with the first bring-your-own job, reads a pipe
 * whose write end only this JVM holds. The JVM writes {@code +PID}/{@code -PID} as job sessions
 * start and end; when the pipe closes (the JVM is gone, however it went) the watchdog sends
 * SIGTERM and, 2 s later, SIGKILL to those sessions and to every process whose environment carries
 * this JVM's {@link #OWNER_VARIABLE} (descendants that started sessions of their own). The
 * watchdog runs in its own session and ignores SIGINT, SIGTERM and SIGHUP. Thread-safe.
 */
final class Watchdog {

  /** Environment variable carrying this JVM's owner token into every job process. */
  static final String OWNER_VARIABLE = "TUNELAB_OWNER_TOKEN";

  private static final Logger LOG = LoggerFactory.getLogger(Watchdog.class);
  private static final String TOKEN = UUID.randomUUID().toString();
  private static Watchdog instance;
  private static boolean tried;

  private final Process process;
  private final OutputStream pipe;

  private Watchdog(Process process) {
    this.process = process;
    this.pipe = process.getOutputStream();
  }

  /** This JVM's owner token (the value of {@link #OWNER_VARIABLE} in its jobs). */
  static String ownerToken() {
    return TOKEN;
  }

  /** The running watchdog, started on first use; empty when it cannot run (no /bin/sh). */
  static synchronized Optional<Watchdog> get() {
    if (!tried) {
      tried = true;
      instance = start();
    }
    if (instance != null && !instance.process.isAlive()) {
      LOG.warn("the job watchdog ended unexpectedly (exit {}); starting a new one", instance.process.exitValue());
      instance = start();
    }
    return Optional.ofNullable(instance);
  }

  private static Watchdog start() {
    if (!java.nio.file.Files.isExecutable(java.nio.file.Path.of("/bin/sh"))) {
      return null;
    }
    String script;
    try (InputStream in = Watchdog.class.getResourceAsStream("watchdog.sh")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      LOG.warn("the job watchdog script is missing: {}", e.toString());
      return null;
    }
    List<String> argv = new ArrayList<>(JobSession.prefix());
    argv.addAll(List.of("/bin/sh", "-c", script, "tunelab-watchdog", TOKEN));
    ProcessBuilder pb = new ProcessBuilder(argv)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD);
    pb.environment().clear();
    pb.environment().put("PATH", "/usr/local/bin:/usr/bin:/bin");
    try {
      return new Watchdog(pb.start());
    } catch (IOException e) {
      LOG.warn("cannot start the job watchdog: {}", e.toString());
      return null;
    }
  }

  /** Tells the watchdog a job session led by {@code pid} started. */
  synchronized void register(long pid) {
    send("+" + pid);
  }

  /** Tells the watchdog the job session led by {@code pid} has ended. */
  synchronized void unregister(long pid) {
    send("-" + pid);
  }

  private void send(String line) {
    try {
      pipe.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
      pipe.flush();
    } catch (IOException e) {
      LOG.warn("the job watchdog does not listen: {}", e.toString());
    }
  }
}
