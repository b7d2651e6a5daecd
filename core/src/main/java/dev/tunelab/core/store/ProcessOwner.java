package dev.tunelab.core.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The process that runs a job: its pid and the instant that process started. The start time
 * tells a live owner from an unrelated process that got the same pid later (after a reboot or
 * pid reuse), so a stale pid never blocks {@code resume} or {@code stop}. Stored as
 * {@code "<pid>@<start epoch millis>"}; a bare {@code "<pid>"} (stores written before the start
 * time was recorded) is still read, and then only the pid is checked.
 *
 * @param pid   the operating system's process id
 * @param start when that process started (epoch milliseconds precision), or {@code null} when
 *              unknown
 */
public record ProcessOwner(long pid, Instant start) {

  /** How far apart two readings of one process's start time may be (clock-tick rounding). */
  private static final long START_TOLERANCE_MS = 1_000;

  public ProcessOwner {
    if (pid <= 0) {
      throw new IllegalArgumentException("pid must be >= 1, got " + pid);
    }
  }

  /** This JVM's process. */
  public static ProcessOwner current() {
    return of(ProcessHandle.current());
  }

  /** The given process, with its start time where the OS tells it. */
  public static ProcessOwner of(ProcessHandle handle) {
    return new ProcessOwner(handle.pid(), handle.info().startInstant()
        .map(i -> Instant.ofEpochMilli(i.toEpochMilli())).orElse(null));
  }

  /**
   * Reads a stored owner.
   *
   * @throws JobStoreException when the text is neither {@code pid} nor {@code pid@millis}
   */
  public static ProcessOwner parse(String text) {
    try {
      int at = text.indexOf('@');
      if (at < 0) {
        return new ProcessOwner(Long.parseLong(text.trim()), null);
      }
      return new ProcessOwner(Long.parseLong(text.substring(0, at)),
          Instant.ofEpochMilli(Long.parseLong(text.substring(at + 1))));
    } catch (RuntimeException e) {
      throw new JobStoreException("unreadable job owner '" + text
          + "' (expected <pid> or <pid>@<start millis>)", e);
    }
  }

  /** The stored form, {@code pid@millis} (or {@code pid} when the start is unknown). */
  public String encode() {
    return start == null ? Long.toString(pid) : pid + "@" + start.toEpochMilli();
  }

  /** Whether this is the calling JVM. */
  public boolean isCurrent() {
    return pid == ProcessHandle.current().pid();
  }

  /**
   * Whether this owner still runs: a process with the pid exists, is not a zombie, and (when
   * both are known) started at the recorded instant. A process with the same pid that started
   * at another time is a different process, and the owner is gone.
   */
  public boolean isAlive() {
    Optional<ProcessHandle> handle = ProcessHandle.of(pid);
    if (handle.isEmpty() || !running(handle.get())) {
      return false;
    }
    if (start == null) {
      return true;
    }
    Optional<Instant> now = handle.get().info().startInstant();
    return now.isEmpty()
        || Math.abs(now.get().toEpochMilli() - start.toEpochMilli()) <= START_TOLERANCE_MS;
  }

  /** Whether the process is alive and, where /proc tells, not a zombie waiting to be reaped. */
  public static boolean running(ProcessHandle h) {
    if (!h.isAlive()) {
      return false;
    }
    try {
      String s = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", Long.toString(h.pid()),
          "stat"), java.nio.charset.StandardCharsets.ISO_8859_1);
      int close = s.lastIndexOf(')');
      return close < 0 || close + 2 >= s.length() || s.charAt(close + 2) != 'Z';
    } catch (java.io.IOException | RuntimeException e) {
      return h.isAlive();
    }
  }

  @Override
  public String toString() {
    return "process " + pid;
  }
}
