package dev.tunelab.core.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Which process runs a bring-your-own job, kept in the job's folder as {@value #FILE_NAME} while
 * the job runs (one line: {@code pid startTicks ownerPid ownerStartTicks sessionLeader token}), so
 * that a later TuneLab process can end the job's processes when the TuneLab process that started
 * them died ({@link OrphanReaper}). Start times ({@code /proc/<pid>/stat}, clock ticks after boot;
 * -1 where unknown) tell a reused pid from the original process.
 *
 * @param pid             the job's first process (the leader of its session when
 *                        {@code sessionLeader})
 * @param startTicks      its start time
 * @param ownerPid        the TuneLab process that started it
 * @param ownerStartTicks the owner's start time
 * @param sessionLeader   whether the job runs in a session of its own ({@link JobSession})
 * @param token           the job's {@link ProcessTree#TOKEN_VARIABLE} value
 */
record JobProcessRecord(long pid, long startTicks, long ownerPid, long ownerStartTicks, boolean sessionLeader,
    String token) {

  /** The file name inside the job folder. */
  static final String FILE_NAME = "process.pid";

  /** The record of a just-started job process, owned by this JVM. */
  static JobProcessRecord started(long pid, boolean sessionLeader, String token) {
    long self = ProcessHandle.current().pid();
    return new JobProcessRecord(pid, ticks(pid), self, ticks(self), sessionLeader, token);
  }

  private static long ticks(long pid) {
    return ProcStat.of(pid).map(ProcStat::startTicks).orElse(-1L);
  }

  /** Writes the record into the job folder (atomically: a reader never sees half a line). */
  void write(Path jobDir) throws IOException {
    Path tmp = jobDir.resolve(FILE_NAME + ".tmp");
    Files.writeString(tmp, pid + " " + startTicks + " " + ownerPid + " " + ownerStartTicks + " "
        + sessionLeader + " " + token + "\n", StandardCharsets.US_ASCII);
    Files.move(tmp, jobDir.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The record in a job folder, empty when there is none or it cannot be read. */
  static Optional<JobProcessRecord> read(Path jobDir) {
    try {
      String[] f = Files.readString(jobDir.resolve(FILE_NAME), StandardCharsets.US_ASCII).trim().split(" ");
      if (f.length != 6) {
        return Optional.empty();
      }
      return Optional.of(new JobProcessRecord(Long.parseLong(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]),
          Long.parseLong(f[3]), Boolean.parseBoolean(f[4]), f[5]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Removes the record of a job whose processes have all ended. */
  static void delete(Path jobDir) {
    try {
      Files.deleteIfExists(jobDir.resolve(FILE_NAME));
    } catch (IOException e) {
      // a stale record is harmless: its owner is this (living or dead) process, checked by start time
    }
  }

  /** Whether the TuneLab process that started the job still runs (same pid and start time). */
  boolean ownerAlive() {
    return ProcStat.of(ownerPid).filter(ProcStat::running)
        .map(st -> ownerStartTicks < 0 || st.startTicks() == ownerStartTicks).orElse(false);
  }
}
