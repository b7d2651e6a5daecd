package dev.tunelab.core.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.train.RecordingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bring-your-own job gets its channels as read-only copies: a real bash program that appends
 * to, truncates and chmods its channel files changes nothing of the user's data.
 */
class ChannelIsolationTest {

  @TempDir Path work;

  /** The job's own view, then every write a careless program might do to its input. */
  private static final String VANDAL = String.join("\n",
      "set -u",
      "f=\"$SM_CHANNEL_TRAIN/train.csv\"",
      "echo \"mode=$(stat -c %a \"$f\") link=$(test -L \"$f\" && echo yes || echo no) nlink=$(stat -c %h \"$f\")\"",
      "echo '999,9,9' >> \"$f\"",
      "chmod 666 \"$SM_CHANNEL_VALIDATION/validation.csv\"",
      ": > \"$SM_CHANNEL_VALIDATION/validation.csv\"",
      "for p in \"$SM_CHANNEL_TRAIN\"/parts/*; do echo gone > \"$p\"; done",
      "echo \"after=$(wc -l < \"$f\")\"",
      "");

  @Test
  void aJobThatWritesToItsChannelsLeavesTheUsersFilesAsTheyWere() throws IOException {
    Path data = Files.createDirectories(work.resolve("data"));
    Path train = Files.writeString(data.resolve("train.csv"), "24.0,0.1,0.2\n21.6,0.3,0.4\n");
    Path validation = Files.writeString(data.resolve("validation.csv"), "34.7,0.5,0.6\n");
    Files.setPosixFilePermissions(train, PosixFilePermissions.fromString("rw-r-----"));
    Files.setPosixFilePermissions(validation, PosixFilePermissions.fromString("rw-------"));
    // a channel file reached through the user's own symbolic link is copied too
    Path real = Files.writeString(data.resolve("real-part.csv"), "1,2,3\n");
    Path linked = Files.createSymbolicLink(data.resolve("linked.csv"), real);
    FileTime trainTime = Files.getLastModifiedTime(train);
    TrainingRequest request = new TrainingRequest("vandal", Map.of(), Map.of(),
        Map.of("train", List.of(train), "validation", List.of(validation), "extra", List.of(linked)),
        work.resolve("jobs/vandal"), Duration.ofSeconds(30), 1, null);
    RecordingListener listener = new RecordingListener();
    TrainingOutcome out = new ProcessTrainer(
        new ProcessCommand(List.of("bash", "-c", VANDAL), List.of(), work, Map.of()), List.of())
        .train(request, listener);

    assertEquals(TrainingOutcome.Status.COMPLETED, out.status(), out.failureReason() + " " + listener.lines);
    assertTrue(listener.lines.contains("mode=444 link=no nlink=1"), listener.lines.toString());
    assertTrue(listener.lines.contains("after=3"), "the job appended to its copy: " + listener.lines);
    assertEquals("24.0,0.1,0.2\n21.6,0.3,0.4\n", Files.readString(train));
    assertEquals("34.7,0.5,0.6\n", Files.readString(validation));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(train)));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(validation)));
    assertEquals(trainTime, Files.getLastModifiedTime(train));
    assertEquals(1, Files.getAttribute(train, "unix:nlink"), "no hard link to the user's file");
    assertEquals("1,2,3\n", Files.readString(real));
    Path copy = work.resolve("jobs/vandal/input/data/extra/linked.csv");
    assertFalse(Files.isSymbolicLink(copy));
    assertEquals("r--r--r--", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(copy, LinkOption.NOFOLLOW_LINKS)));
  }

  @Test
  void aSecondAttemptReplacesTheReadOnlyCopies() throws IOException {
    Path train = Files.writeString(work.resolve("train.csv"), "1,2\n");
    TrainingRequest request = new TrainingRequest("again", Map.of(), Map.of(),
        Map.of("train", List.of(train)), work.resolve("jobs/again"), Duration.ofSeconds(5), 1, null);
    JobFolder.prepare(request, Map.of());
    Files.writeString(train, "3,4\n");
    JobFolder second = JobFolder.prepare(request, Map.of());
    assertEquals("3,4\n", Files.readString(second.channelDirs.get("train").resolve("train.csv")));
  }
}
