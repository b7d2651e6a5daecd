package dev.tunelab.core.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts each bring-your-own job in a session of its own, with util-linux's {@code setsid}
 * where it is installed (Debian and most Linux systems): the job's processes then form one
 * session and process group that TuneLab can signal as a whole, and a Ctrl-C typed at the
 * terminal reaches TuneLab only (which stops the jobs itself and records them Stopped) instead
 * of killing the jobs behind its back. Without {@code setsid} jobs run in TuneLab's process
 * group and are still found through the environment token of {@link ProcessTree}.
 */
final class JobSession {
  private JobSession() { }

  private static final List<Path> CANDIDATES = List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"));
  private static final Path SETSID = CANDIDATES.stream().filter(Files::isExecutable).findFirst().orElse(null);

  /** The argv prefix that starts a program in a new session (empty when setsid is missing). */
  static List<String> prefix() {
    // the child of the JVM is never a process group leader, so setsid execs in place: the
    // started process's pid is the session id
    return SETSID == null ? List.of() : List.of(SETSID.toString());
  }

  /** Whether jobs start in a session of their own. */
  static boolean available() {
    return SETSID != null;
  }
}
