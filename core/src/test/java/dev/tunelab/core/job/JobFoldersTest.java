package dev.tunelab.core.job;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JobFolders}: a job folder goes with all it holds; nothing outside home/jobs ever does. */
class JobFoldersTest {

  @TempDir Path dir;

  @Test
  void removesTheFolderAndFollowsNoLink() throws Exception {
    Path home = dir.resolve("home");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path precious = Files.writeString(outside.resolve("precious.txt"), "keep");
    Path job = Files.createDirectories(home.resolve("jobs/tj-001/model"));
    Files.writeString(job.resolve("xgboost-model"), "m");
    Files.createSymbolicLink(home.resolve("jobs/tj-001/link-to-outside"), outside);
    Files.createSymbolicLink(home.resolve("jobs/tj-001/link-to-file"), precious);
    Files.createDirectories(home.resolve("jobs/tj-002"));

    JobFolders.deleteTrainingJobFolder(home, "tj-001");

    assertFalse(Files.exists(home.resolve("jobs/tj-001"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isRegularFile(precious), "a link's target is never removed");
    assertTrue(Files.isDirectory(home.resolve("jobs/tj-002")), "another job's folder stays");
    JobFolders.deleteTrainingJobFolder(home, "tj-001"); // gone already: nothing to do
  }

  @Test
  void aJobFolderThatIsALinkLosesTheLinkOnly() throws Exception {
    Path home = dir.resolve("home");
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("precious.txt"), "keep");
    Files.createDirectories(home.resolve("jobs"));
    Files.createSymbolicLink(home.resolve("jobs/tj-001"), outside);

    JobFolders.deleteTrainingJobFolder(home, "tj-001");

    assertFalse(Files.exists(home.resolve("jobs/tj-001"), LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isRegularFile(outside.resolve("precious.txt")));
  }

  @Test
  void namesThatCouldLeaveTheJobsFolderAreRefused() throws Exception {
    Path home = dir.resolve("home");
    Files.createDirectories(home.resolve("jobs"));
    Path victim = Files.writeString(home.resolve("tunelab.db"), "db");
    for (String bad : new String[] {"..", ".", "../tunelab.db", "a/../..", "/etc", "", "a/b", "x..y"}) {
      assertThrows(IllegalArgumentException.class, () -> JobFolders.deleteTrainingJobFolder(home, bad), bad);
      assertThrows(IllegalArgumentException.class, () -> JobFolders.deleteTuningJobLog(home, bad), bad);
    }
    assertThrows(IllegalArgumentException.class, () -> JobFolders.deleteTrainingJobFolder(home, null));
    assertTrue(Files.isRegularFile(victim));
  }

  @Test
  void removesATuningJobsBackgroundLog() throws Exception {
    Path home = dir.resolve("home");
    Path log = JobFolders.tuningJobLog(home, "tj");
    Files.createDirectories(log.getParent());
    Files.writeString(log, "x");
    JobFolders.deleteTuningJobLog(home, "tj");
    assertFalse(Files.exists(log));
  }
}
