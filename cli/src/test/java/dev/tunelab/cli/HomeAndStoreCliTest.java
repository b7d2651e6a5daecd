package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.LogLine;
import dev.tunelab.core.store.NewTrainingJob;
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
 * The home and the store as the commands meet them (issue 13: fault 9, fault 13 and the Also
 * items): an empty {@code --home} is refused, reading commands neither create nor write
 * anything (also in a read-only home), the store is private to the user, and a damaged store is
 * refused by {@code tune} before any work, naming the file.
 */
class HomeAndStoreCliTest {

  @TempDir Path dir;

  @Test
  void anEmptyHomeIsRefusedNamingTheOption() {
    for (String[] args : List.of(new String[] {"list-hyper-parameter-tuning-jobs"}, new String[] {"logs", "x"},
        new String[] {"resume", "x"}, new String[] {"describe-training-job", "x"})) {
      for (String empty : List.of("", "  ")) {
        String[] argv = new String[args.length + 2];
        System.arraycopy(args, 0, argv, 0, args.length);
        argv[args.length] = "--home";
        argv[args.length + 1] = empty;
        CliTestSupport.Run r = CliTestSupport.run(null, argv);
        assertEquals(2, r.exitCode(), r::all);
        assertTrue(r.err().contains("--home"), r::err);
      }
    }
  }

  @Test
  void readingCommandsNeverCreateAHome() {
    Path home = dir.resolve("no/such/home");
    assertEquals(0, CliTestSupport.run(home, "list-hyper-parameter-tuning-jobs").exitCode());
    assertEquals(2, CliTestSupport.run(home, "describe-training-job", "x").exitCode());
    assertEquals(2, CliTestSupport.run(home, "describe-hyper-parameter-tuning-job", "x").exitCode());
    assertEquals(2, CliTestSupport.run(home, "logs", "x").exitCode());
    assertFalse(Files.exists(dir.resolve("no")), "nothing was created");
  }

  @Test
  void aReadOnlyHomeCanBeListedAndDescribedAndIsNotWritten() throws Exception {
    Path home = dir.resolve("home");
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTrainingJob(new NewTrainingJob("ro-job", null, 0, Map.of("a", "1"), Map.of(), "{}",
          Instant.ofEpochMilli(1000), null));
      store.appendLogLines("ro-job", List.of(new LogLine(1, Instant.ofEpochMilli(2000), "hello")));
    }
    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
    Path db = home.resolve("tunelab.db");
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db)));
    Files.setLastModifiedTime(db, FileTime.fromMillis(1_000_000_000_000L));
    byte[] before = Files.readAllBytes(db);
    Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("r--r--r--"));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      CliTestSupport.Run list = CliTestSupport.run(home, "list-hyper-parameter-tuning-jobs");
      assertEquals(0, list.exitCode(), list::all);
      CliTestSupport.Run describe = CliTestSupport.run(home, "describe-training-job", "ro-job");
      assertEquals(0, describe.exitCode(), describe::all);
      assertTrue(describe.out().contains("\"InProgress\""), describe::out);
      CliTestSupport.Run logs = CliTestSupport.run(home, "logs", "ro-job");
      assertEquals(0, logs.exitCode(), logs::all);
      assertTrue(logs.out().contains("hello"), logs::out);
      // as root the modes restrict nothing; that nothing was written is checked on the file itself
      assertArrayEquals(before, Files.readAllBytes(db));
      assertEquals(1_000_000_000_000L, Files.getLastModifiedTime(db).toMillis());
    } finally {
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
      Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-------"));
    }
  }

  @Test
  void tuneRefusesADamagedStoreBeforeWritingNamingTheFile() throws Exception {
    Path home = dir.resolve("home");
    try (JobStore store = JobStore.openSqlite(home)) {
      for (int i = 0; i < 40; i++) {
        store.createTrainingJob(new NewTrainingJob("job-" + i, null, 0, Map.of(), Map.of(), "{}",
            Instant.ofEpochMilli(1000), null));
        store.appendLogLines("job-" + i, List.of(new LogLine(1, Instant.ofEpochMilli(2000), "x".repeat(3000))));
      }
    }
    Path db = home.resolve("tunelab.db");
    long size = Files.size(db);
    try (RandomAccessFile f = new RandomAccessFile(db.toFile(), "rw")) {
      byte[] garbage = new byte[4096];
      new Random(9).nextBytes(garbage);
      for (long page = 2; page * 4096 < size; page += 2) {
        f.seek(page * 4096);
        f.write(garbage);
      }
    }
    byte[] damaged = Files.readAllBytes(db);
    Path spec = TuneTestSupport.write(dir, "spec.json", ByoTuningTest.spec(dir, ByoTuningTest.script(),
        "after-damage", "Random", ByoTuningTest.continuousX(0, 1), Map.of(), "loss=([0-9.]+)", 2));

    CliTestSupport.Run tune = CliTestSupport.run(home, "tune", spec.toString());
    assertEquals(1, tune.exitCode(), tune::all);
    assertTrue(tune.err().contains(db.toString()) && tune.err().contains("damaged"), tune::err);
    assertFalse(tune.all().contains("\tat "), "no stack trace: " + tune.all());
    assertArrayEquals(damaged, Files.readAllBytes(db), "nothing was written into it");
    assertFalse(Files.exists(home.resolve("tuning-jobs").resolve("after-damage.log")));

    CliTestSupport.Run resume = CliTestSupport.run(home, "resume", "after-damage");
    assertEquals(1, resume.exitCode(), resume::all);
    assertTrue(resume.err().contains(db.toString()) && resume.err().contains("damaged"), resume::err);
    assertArrayEquals(damaged, Files.readAllBytes(db));
  }
}
