package dev.tunelab.core.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the store file is reached: private to the user when created, read without any write by the
 * read verbs (also where the home or file may not be written), and refused, naming the file,
 * when damaged.
 */
class StoreAccessTest {

  @TempDir Path dir;

  private static boolean root() {
    return "root".equals(System.getProperty("user.name"));
  }

  @Test
  void homeAndStoreAreCreatedReadableByTheUserOnly() throws Exception {
    Path home = dir.resolve("a/home");
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(lone("j")); // the -wal and -shm exist while it is open
      assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
      for (String f : List.of("tunelab.db", "tunelab.db-wal", "tunelab.db-shm")) {
        Path p = home.resolve(f);
        assertTrue(Files.exists(p), f);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), f);
      }
    }
  }

  @Test
  void anExistingWorldReadableStoreIsNarrowedOnOpeningForWriting() throws Exception {
    try (JobStore store = JobStore.openSqlite(dir)) {
      store.createTrainingJob(lone("j"));
    }
    Path db = dir.resolve("tunelab.db");
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
    JobStore.openSqlite(dir).close(); // opening for writing is what narrows the mode
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
  }

  @Test
  void readingNeverCreatesAHomeOrAStore() {
    Path home = dir.resolve("missing/home");
    try (JobStore ro = JobStore.openSqliteReadOnly(home)) {
      assertTrue(ro.trainingJobs().isEmpty());
      assertTrue(ro.tuningJobs().isEmpty());
      assertTrue(ro.trainingJob("x").isEmpty());
      JobStoreException e = assertThrows(JobStoreException.class, () -> ro.createTrainingJob(lone("j")));
      assertTrue(e.getMessage().contains("read-only"), e.getMessage());
    }
    assertFalse(Files.exists(dir.resolve("missing")), "no home was created");
  }

  @Test
  void aReadOnlyHomeAndStoreCanBeReadAndAreNotWritten() throws Exception {
    Path home = dir.resolve("home");
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(lone("j"));
      store.appendLogLines("j", List.of(new LogLine(1, Instant.ofEpochMilli(2000), "hello")));
    }
    Path db = home.resolve("tunelab.db");
    Files.setLastModifiedTime(db, FileTime.fromMillis(1_000_000_000_000L));
    byte[] before = Files.readAllBytes(db);
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
    List<String> filesBefore;
    try (var s = Files.list(home)) {
      filesBefore = s.map(p -> p.getFileName().toString()).sorted().toList();
    }
    try {
      // as root the modes restrict nothing: then the checks below are what proves it read only
      try (JobStore ro = JobStore.openSqliteReadOnly(home)) {
        assertEquals(List.of("j"), ro.trainingJobs().stream().map(TrainingJobRecord::name).toList());
        assertEquals("hello", ro.logLines("j", 0, 10).get(0).text());
        assertThrows(JobStoreException.class, () -> ro.appendLogLines("j",
            List.of(new LogLine(2, Instant.ofEpochMilli(3000), "more"))));
      }
      assertArrayEquals(before, Files.readAllBytes(db), "the file is byte for byte the same");
      assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(db).toMillis(), "not even touched");
      try (var s = Files.list(home)) {
        List<String> after = s.map(p -> p.getFileName().toString()).sorted().toList();
        if (!root()) {
          assertEquals(filesBefore, after, "nothing created in a home nobody may write");
        }
      }
    } finally {
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void aStoreWithGarbagePagesFailsTheHealthCheckNamingTheFile() throws Exception {
    try (JobStore store = JobStore.openSqlite(dir)) {
      for (int i = 0; i < 40; i++) {
        store.createTrainingJob(lone("job-" + i));
        store.appendLogLines("job-" + i, List.of(new LogLine(1, Instant.ofEpochMilli(2000), "x".repeat(3000))));
      }
      store.checkHealth(); // a sound store passes
    }
    Path db = dir.resolve("tunelab.db");
    long size = Files.size(db);
    assertTrue(size > 8 * 4096, "several pages: " + size);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      byte[] garbage = new byte[4096];
      new Random(13).nextBytes(garbage);
      for (long page = 2; page * 4096 < size; page += 2) { // page 1 (the header) stays sound
        f.seek(page * 4096);
        f.write(garbage);
      }
    }
    byte[] damaged = Files.readAllBytes(db);
    try (JobStore store = JobStore.openSqlite(dir)) {
      JobStoreException e = assertThrows(JobStoreException.class, store::checkHealth);
      assertTrue(e.getMessage().contains(db.toString()) && e.getMessage().contains("damaged"), e.getMessage());
    } catch (JobStoreException atOpen) {
      // opening may already meet the damage (the schema pages): the message is the same kind
      assertTrue(atOpen.getMessage().contains(db.toString()) && atOpen.getMessage().contains("damaged"),
          atOpen.getMessage());
    }
    assertArrayEquals(damaged, Files.readAllBytes(db), "nothing was written into the damaged file");
  }

  private static NewTrainingJob lone(String name) {
    return new NewTrainingJob(name, null, 0, Map.of(), Map.of(), "{}", Instant.ofEpochMilli(1000), null);
  }
}
