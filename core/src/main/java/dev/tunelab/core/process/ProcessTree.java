package dev.tunelab.core.process;

import dev.tunelab.core.store.ProcessOwner;
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
 * trick Jenkins' process-tree killer uses), and so do the members of the session the root leads
 * when it was started with {@code setsid} (see {@link JobSession}). While registered, a JVM
 * shutdown (Ctrl-C, SIGTERM) first asks the job to stop ({@link #shuttingDown()}, polled by
 * {@link ProcessRun}, which ends it as Stopped: SIGTERM, then SIGKILL after its grace), waits up
 * to {@value #SHUTDOWN_WAIT_SECONDS} s for the registered trees to end, and only then kills what
 * is left, so no training process outlives TuneLab. Not thread-safe apart from the shutdown
 * hook.
 */
final class ProcessTree {

  /** Environment variable set to a per-job random token in the training process. */
  static final String TOKEN_VARIABLE = "TUNELAB_PROCESS_TOKEN";

  /** Longest wait of the shutdown hook for the running jobs to stop by themselves, in seconds. */
  static final int SHUTDOWN_WAIT_SECONDS = 10;
  /** How many times (2 ms apart) a user process whose environment reads empty is looked at again. */
  private static final int EXEC_RECHECKS = 5;

  private static final Set<ProcessTree> LIVE = ConcurrentHashMap.newKeySet();
  private static volatile boolean shuttingDown;

  static {
    Thread hook = new Thread(ProcessTree::shutdown, "tunelab-process-cleanup");
    try {
      Runtime.getRuntime().addShutdownHook(hook);
    } catch (IllegalStateException e) {
      // the JVM is already shutting down: nothing left to register with
    }
  }

  private final ProcessHandle root;
  private final long rootPid;
  private final boolean sessionLeader;
  private final byte[] marker;
  private final Set<ProcessHandle> known = ConcurrentHashMap.newKeySet();

  /**
   * @param root  the started process
   * @param token the value of {@link #TOKEN_VARIABLE} in its environment
   * @param sessionLeader whether the root was started as the leader of a new session (its
   *     pid is then the session id of every descendant that did not start its own session)
   */
  ProcessTree(Process root, String token, boolean sessionLeader) {
    this(root.toHandle(), root.pid(), token, sessionLeader);
  }

  private ProcessTree(ProcessHandle root, long rootPid, String token, boolean sessionLeader) {
    this.root = root;
    this.rootPid = rootPid;
    this.sessionLeader = sessionLeader;
    this.marker = (TOKEN_VARIABLE + "=" + token + "\0").getBytes(StandardCharsets.ISO_8859_1);
  }

  /**
   * The tree of a job started by a TuneLab process that has died: its root only when the pid
   * still belongs to the process started then ({@code startTicks}), its session only then or when
   * the root is gone, and every process carrying the token.
   */
  static ProcessTree orphan(long pid, long startTicks, String token, boolean sessionLeader) {
    var now = ProcStat.of(pid);
    boolean reused = now.isPresent() && startTicks >= 0 && now.get().startTicks() != startTicks;
    ProcessHandle root = reused ? null : ProcessHandle.of(pid).orElse(null);
    return new ProcessTree(root, pid, token, sessionLeader && !reused);
  }

  /** Whether the JVM is shutting down (Ctrl-C, SIGTERM, System.exit): running jobs should stop. */
  static boolean shuttingDown() {
    return shuttingDown;
  }

  private static void shutdown() {
    shuttingDown = true;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(SHUTDOWN_WAIT_SECONDS);
    while (!LIVE.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        break;
      }
    }
    LIVE.forEach(t -> t.signal(true));
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
    if (root != null && root.isAlive()) {
      root.descendants().forEach(known::add);
    }
  }

  private List<ProcessHandle> members() {
    refresh();
    Set<ProcessHandle> all = new LinkedHashSet<>();
    if (root != null) {
      all.add(root);
    }
    all.addAll(known);
    all.addAll(marked());
    return new ArrayList<>(all);
  }

  /**
   * Processes whose environment holds this tree's token or that belong to the session the root
   * leads (empty without /proc).
   */
  private List<ProcessHandle> marked() {
    List<ProcessHandle> found = new ArrayList<>();
    List<Long> midExec = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid;
        try {
          pid = Long.parseLong(dir.getFileName().toString());
        } catch (NumberFormatException e) {
          continue;
        }
        try {
          if (pid == self) {
            continue;
          }
          if (inSession(pid)) {
            ProcessHandle.of(pid).ifPresent(found::add);
            continue;
          }
          switch (marker(pid)) {
            case HELD -> ProcessHandle.of(pid).ifPresent(found::add);
            case UNREADABLE_NOW -> midExec.add(pid);
            default -> { }
          }
        } catch (RuntimeException e) {
          // this process vanished while being read: the others must still be looked at, or a
          // busy machine (processes coming and going) makes the scan miss the job's own
        }
      }
    } catch (IOException | RuntimeException e) {
      // no /proc (not Linux) or it changed under us: rely on the snapshots
    }
    recheck(midExec, found);
    return found;
  }

  /**
   * Looks again, a few milliseconds apart, at user processes whose environment read empty: a
   * process inside {@code execve} shows no environment until the new program's is set up, and a
   * job's background child caught there (a {@code setsid} grandchild started just before the job
   * exited) must not be missed.
   */
  private void recheck(List<Long> midExec, List<ProcessHandle> found) {
    for (int attempt = 0; attempt < EXEC_RECHECKS && !midExec.isEmpty(); attempt++) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      for (java.util.Iterator<Long> it = midExec.iterator(); it.hasNext(); ) {
        long pid = it.next();
        Marker m = marker(pid);
        if (m == Marker.HELD) {
          ProcessHandle.of(pid).ifPresent(found::add);
        }
        if (m != Marker.UNREADABLE_NOW) {
          it.remove();
        }
      }
    }
  }

  /** What a process's environment says about this tree's token. */
  private enum Marker { HELD, ABSENT, UNREADABLE_NOW }

  private Marker marker(long pid) {
    Path environ = Path.of("/proc", Long.toString(pid), "environ");
    byte[] env;
    try {
      env = Files.readAllBytes(environ);
    } catch (IOException | RuntimeException e) {
      return Marker.ABSENT; // gone, or another user's process
    }
    if (env.length == 0) {
      // kernel threads (session 0) have none; a running user process with none is mid-exec
      boolean user = ProcStat.of(pid).map(st -> st.sid() != 0 && st.running()).orElse(false);
      return user ? Marker.UNREADABLE_NOW : Marker.ABSENT;
    }
    return holdsMarker(env) ? Marker.HELD : Marker.ABSENT;
  }

  private boolean inSession(long pid) {
    // a session id cannot be reused while a process still belongs to the session (Linux keeps
    // the id allocated), so a match is a member of this job's session
    return sessionLeader && ProcStat.of(pid).map(st -> st.sid() == rootPid).orElse(false);
  }

  private boolean holdsMarker(byte[] env) {
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
    return ProcessOwner.running(h);
  }

}
