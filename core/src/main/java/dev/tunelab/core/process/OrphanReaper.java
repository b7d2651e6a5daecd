package dev.tunelab.core.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the processes of bring-your-own jobs whose TuneLab process died (kill -9) before its
 * watchdog got to them: reads every job folder's {@link JobProcessRecord} under a jobs root, and
 * for each record whose owner is gone kills (SIGKILL) the job's session and every process carrying
 * its token, waits until they are gone and removes the record. Called before a trainer starts its
 * first job, so {@code resume} never runs replacements next to the killed run's jobs. Records of
 * living owners (another {@code tune} on the same home) are left alone.
 */
final class OrphanReaper {
  private OrphanReaper() { }

  private static final Logger LOG = LoggerFactory.getLogger(OrphanReaper.class);
  /** Longest wait for killed processes to disappear, per record. */
  static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);

  /**
   * Reaps the orphaned jobs under {@code jobsRoot} ({@code $TUNELAB_HOME/jobs}).
   *
   * @return the number of job records whose processes were ended
   */
  static int reap(Path jobsRoot) {
    if (!Files.isDirectory(jobsRoot)) {
      return 0;
    }
    List<Path> dirs = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(jobsRoot)) {
      for (Path d : ds) {
        if (Files.exists(d.resolve(JobProcessRecord.FILE_NAME))) {
          dirs.add(d);
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.warn("cannot look for orphaned job processes in {}: {}", jobsRoot, e.toString());
      return 0;
    }
    int reaped = 0;
    for (Path d : dirs) {
      var rec = JobProcessRecord.read(d);
      if (rec.isEmpty() || rec.get().ownerAlive()) {
        continue;
      }
      JobProcessRecord r = rec.get();
      ProcessTree tree = ProcessTree.orphan(r.pid(), r.startTicks(), r.token(), r.sessionLeader());
      long deadline = System.nanoTime() + WAIT_NANOS;
      boolean any = tree.anyRunning();
      while (tree.anyRunning() && System.nanoTime() < deadline) {
        tree.signal(true);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      if (any) {
        reaped++;
        LOG.info("ended the processes of job folder {} left by dead TuneLab process {}", d, r.ownerPid());
      }
      if (!tree.anyRunning()) {
        JobProcessRecord.delete(d);
      }
    }
    return reaped;
  }
}
