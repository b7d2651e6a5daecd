package dev.tunelab.core.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A started training process and every descendant seen so far, so the whole tree can be
 * stopped even after the top process has exited and its children were re-parented. Where
 * {@code /proc} exists, processes whose environment carries the job's {@link #TOKEN_VARIABLE}
 * count as members too (they descend from the job even when no snapshot caught them; the
 * trick Jenkins' process-tree killer uses). While registered, a JVM shutdown hook kills the
 * tree, so no training process outlives TuneLab. Not thread-safe apart from the shutdown hook's
 * forced kill.
 */
final class ProcessTree {

  /** Environment variable set to a per-job random token in the training process. */
  static final String TOKEN_VARIABLE = "TUNELAB_PROCESS_TOKEN";

  private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Thread hook = new Thread(() -> LIVE.forEach(t -> t.signal(true)), "tunelab-process-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: nothing left to register with
    }
  }

  private final Process root;
  private final byte[] marker;
  private final Set<ProcessHandle> known = ConcurrentHashMap.newKeySet();

  /**
   * @param root  the started process
   * @param token the value of {@link #TOKEN_VARIABLE} in its environment
   */
  ProcessTree(Process root, String token) {
    this.root = root;
    this.marker = (TOKEN_VARIABLE + "=" + token + "\0").getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Starts killing this tree at JVM shutdown. */
  void register() {
    LIVE.add(this);
  }

  /** Stops killing this tree at JVM shutdown. */
  void unregister() {
    LIVE.remove(this);
  }

  /** Remembers the descendants the root has now (they are lost once the root has exited). */
  void refresh() {
    if (root.isAlive()) {
      root.descendants().forEach(known::add);
    }
  }

  private List<ProcessHandle> members() {
    refresh();
    Set<ProcessHandle> all = new LinkedHashSet<>();
    all.add(root.toHandle());
    all.addAll(known);
    all.addAll(marked());
    return new ArrayList<>(all);
  }

  /** Processes whose environment holds this tree's token (empty without /proc). */
  private List<ProcessHandle> marked() {
    List<ProcessHandle> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid;
        try {
          pid = Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        if (pid != self && holdsMarker(dir.resolve("environ"))) {
          ProcessHandle.of(pid).ifPresent(found::add);
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux) or it changed under us: rely on the snapshots
    }
    return found;
  }

  private boolean holdsMarker(Path environ) {
    byte[] env;
    try {
      env = Files.readAllBytes(environ);
    } catch (IOException | RuntimeException e) {
      return false; // gone, or another user's process
    }
    outer:
    for (int i = 0; i + marker.length <= env.length; i++) {
      if (i > 0 && env[i - 1] != 0) {
        continue;
      }
      for (int j = 0; j < marker.length; j++) {
        if (env[i + j] != marker[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** Sends SIGTERM ({@code force} false) or SIGKILL ({@code force} true) to every running member. */
  void signal(boolean force) {
    for (ProcessHandle h : members()) {
      if (running(h)) {
        if (force) {
          h.destroyForcibly();
        } else {
          h.destroy();
        }
      }
    }
  }

  /** Whether any member of the tree still runs (zombies do not count). */
  boolean anyRunning() {
    for (ProcessHandle h : members()) {
      if (running(h)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the process is alive and, where /proc tells, not a zombie waiting to be reaped. */
  static boolean running(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", Long.toString(h.pid()), "stat");
    try {
      String s = Files.readString(stat, StandardCharsets.ISO_8859_1);
      int close = s.lastIndexOf(')');
      return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
    } catch (IOException | RuntimeException e) {
      return h.isAlive();
    }
  }
}
