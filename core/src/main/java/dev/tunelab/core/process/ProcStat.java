package dev.tunelab.core.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields TuneLab needs from Linux's {@code /proc/<pid>/stat}: the process state, its process
 * group and session ids and its start time (clock ticks since boot, which with the pid identifies
 * a process even after the pid is reused).
 *
 * @param pid        process id
 * @param state      state letter ({@code R}, {@code S}, {@code Z} for a zombie...)
 * @param pgid       process group id
 * @param sid        session id
 * @param startTicks start time in clock ticks after boot
 */
record ProcStat(long pid, char state, long pgid, long sid, long startTicks) {

  /** The stat of a process, empty when it is gone or there is no {@code /proc} (not Linux). */
  static Optional<ProcStat> of(long pid) {
    String s;
    try {
      s = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.ISO_8859_1);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    return parse(pid, s);
  }

  /** Parses the text of a stat file (the command name in parentheses may hold anything). */
  static Optional<ProcStat> parse(long pid, String s) {
    int close = s.lastIndexOf(')');
    if (close < 0 || close + 2 >= s.length()) {
      return Optional.empty();
    }
    String[] f = s.substring(close + 2).trim().split(" ");
    // after the name: state(3) ppid(4) pgrp(5) session(6) ... starttime(22)
    if (f.length < 20) {
      return Optional.empty();
    }
    try {
      return Optional.of(new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[2]), Long.parseLong(f[3]),
          Long.parseLong(f[19])));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether the process runs (exists and is not a zombie). */
  boolean running() {
    return state != 'Z' && state != 'X';
  }
}
