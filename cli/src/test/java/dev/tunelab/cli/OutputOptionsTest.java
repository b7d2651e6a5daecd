package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.io.OutputFile;
import dev.tunelab.core.store.JobStore;
import dev.tunelab.core.store.NewTuningJob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every option that names a file to write ({@code transform --output}, {@code analytics --csv},
 * {@code report --out}, {@code datasets --out}) against the inputs, folders, files, FIFOs and
 * devices a user may give it: bad input is exit 2 naming the option, a write error is exit 1
 * with the path and the system's reason, special files are written in place, and the folder is
 * listed after each failure to show nothing was left behind.
 */
class OutputOptionsTest {

  @TempDir static Path shared;
  static Path home;
  static Path data;
  static final String JOB = "boston-xgboost-base";
  static final String TUNING = "outputs-tuning";

  @BeforeAll
  static void trainAModel() throws IOException {
    home = shared.resolve("home");
    data = shared.resolve("data");
    CliTestSupport.Run datasets = CliTestSupport.run(null, "datasets", "boston", "--out", data.toString());
    assertEquals(0, datasets.exitCode(), datasets::all);
    CliTestSupport.Run train = CliTestSupport.run(home, "train",
        CliTestSupport.repoRoot().resolve("examples/boston-xgboost-train.json").toString());
    assertEquals(0, train.exitCode(), train::all);
    String spec = Files.readString(CliTestSupport.repoRoot().resolve("examples/boston-xgboost-hpo.json"));
    try (JobStore store = JobStore.openSqlite(home)) {
      store.createTuningJob(new NewTuningJob(TUNING, spec, Instant.parse("2026-12-02T10:00:00Z")));
    }
  }

  @TempDir Path dir;

  private List<String> listing(Path folder) throws IOException {
    try (Stream<Path> s = Files.list(folder)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static CliTestSupport.Run transform(Path input, Path output) {
    return CliTestSupport.run(home, "transform", "--model", JOB, "--input", input.toString(),
        "--output", output.toString());
  }

  private static void assertBadInput(CliTestSupport.Run r, String option) {
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("tunelab: error: " + option + ": got '"), r::err);
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r::err);
  }

  @Test
  void transformRefusesToWriteOverItsInputDirectlyOrThroughALink() throws IOException {
    Path input = Files.copy(data.resolve("test.csv"), dir.resolve("test.csv"));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), input);
    byte[] before = Files.readAllBytes(input);
    for (Path out : List.of(input, link, dir.resolve("sub/../test.csv"))) {
      CliTestSupport.Run r = transform(input, out);
      assertBadInput(r, "--output");
      assertTrue(r.err().contains("same file as"), r::err);
    }
    CliTestSupport.Run labels = CliTestSupport.run(home, "transform", "--model", JOB, "--input",
        input.toString(), "--labels", data.resolve("test-labels.csv").toString(), "--output",
        data.resolve("test-labels.csv").toString());
    assertBadInput(labels, "--output");
    assertEquals(List.of("link.csv", "test.csv"), listing(dir));
    assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(input)), "the input is untouched");
  }

  @Test
  void foldersAndPathsUnderFilesAreBadInputNamingTheOptionAndLeaveNothing() throws IOException {
    Path input = data.resolve("test.csv");
    Path folder = Files.createDirectories(dir.resolve("folder"));
    Path file = Files.writeString(dir.resolve("file.txt"), "keep");
    assertBadInput(transform(input, folder), "--output");
    assertBadInput(transform(input, file.resolve("x.csv")), "--output");
    assertBadInput(CliTestSupport.run(home, "analytics", TUNING, "--csv", folder.toString()), "--csv");
    assertBadInput(CliTestSupport.run(home, "report", TUNING, "--out", folder.toString()), "--out");
    CliTestSupport.Run datasets = CliTestSupport.run(null, "datasets", "boston", "--out", file.toString());
    assertBadInput(datasets, "--out");
    assertTrue(datasets.err().contains("it is a file"), datasets::err);
    // a folder where one of the four files should go: refused before any file is written
    Files.createDirectories(folder.resolve("test.csv"));
    assertBadInput(CliTestSupport.run(null, "datasets", "boston", "--out", folder.toString()), "--out");
    assertEquals(List.of("test.csv"), listing(folder));
    assertEquals(List.of("file.txt", "folder"), listing(dir));
    assertEquals("keep", Files.readString(file));
  }

  @Test
  void theStoreIsNeverAnOutput() throws IOException {
    Path db = home.resolve("tunelab.db");
    long size = Files.size(db);
    assertBadInput(CliTestSupport.run(home, "analytics", TUNING, "--csv", db.toString()), "--csv");
    assertBadInput(CliTestSupport.run(home, "report", TUNING, "--out", db.toString()), "--out");
    assertBadInput(transform(data.resolve("test.csv"), db), "--output");
    assertEquals(size, Files.size(db));
    assertEquals(0, CliTestSupport.run(home, "describe-training-job", JOB).exitCode());
  }

  @Test
  void aFullDeviceIsExitOneWithThePathAndTheSystemsReasonAndStaysADevice() {
    Path full = Path.of("/dev/full");
    // written in place: as root a rename would replace the device node with a file
    assertTrue(OutputFile.of("--output", full).inPlace());
    for (CliTestSupport.Run r : List.of(transform(data.resolve("test.csv"), full),
        CliTestSupport.run(home, "analytics", TUNING, "--csv", full.toString()),
        CliTestSupport.run(home, "report", TUNING, "--out", full.toString()))) {
      assertEquals(1, r.exitCode(), r::all);
      assertTrue(r.err().contains("tunelab: failed: cannot write /dev/full: No space left on device"), r::err);
      assertFalse(r.out().contains("Wrote"), r::out);
    }
    assertFalse(Files.isRegularFile(full));
    CliTestSupport.Run devNull = transform(data.resolve("test.csv"), Path.of("/dev/null"));
    assertEquals(0, devNull.exitCode(), devNull::all);
    assertFalse(Files.isRegularFile(Path.of("/dev/null")));
  }

  @Test
  void aFifoReceivesThePredictionsAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("predictions.pipe");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "error: " + e;
      }
    });
    CliTestSupport.Run r = transform(data.resolve("test.csv"), fifo);
    assertEquals(0, r.exitCode(), r::all);
    assertEquals(167, read.get(30, TimeUnit.SECONDS).lines().count());
    assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther());
    assertEquals(List.of("predictions.pipe"), listing(dir));
  }

  @Test
  void outputsThatCanBeWrittenAreWrittenWhole() throws IOException {
    Path out = dir.resolve("new/predictions.csv");
    assertEquals(0, transform(data.resolve("test.csv"), out).exitCode());
    assertEquals(167, Files.readAllLines(out).size());
    Path csv = dir.resolve("analytics.csv");
    CliTestSupport.Run analytics = CliTestSupport.run(home, "analytics", TUNING, "--csv", csv.toString());
    assertEquals(0, analytics.exitCode(), analytics::all);
    assertTrue(Files.readString(csv).startsWith("TrainingJobName") || Files.size(csv) > 0, csv::toString);
    assertEquals(List.of("analytics.csv", "new"), listing(dir));
    assertEquals(List.of("predictions.csv"), listing(dir.resolve("new")));
  }
}
