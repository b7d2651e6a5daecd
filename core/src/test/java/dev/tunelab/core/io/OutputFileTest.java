package dev.tunelab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OutputFile} with real files, links, a FIFO and the system's devices: refusals name the
 * option, special files are written in place, write errors give the path and the system's reason,
 * and nothing is left behind.
 */
class OutputFileTest {

  @TempDir Path dir;

  private List<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void refusesTheInputByNameBySymbolicLinkAndByHardLink() throws IOException {
    Path input = Files.writeString(dir.resolve("in.csv"), "1,2\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), input);
    Path hard = Files.createLink(dir.resolve("hard.csv"), input);
    Path sub = Files.createDirectories(dir.resolve("sub"));
    for (Path out : List.of(input, link, hard, sub.resolve("../in.csv"))) {
      SpecException e = assertThrows(SpecException.class,
          () -> OutputFile.of("--output", out).notSameAs("--input", input), out::toString);
      assertEquals("--output", e.field());
      assertTrue(e.getMessage().contains("--input") && e.getMessage().contains(out.toString()), e.getMessage());
    }
    assertEquals("1,2\n", Files.readString(input));
    assertEquals(List.of("hard.csv", "in.csv", "link.csv", "sub"), listing());
    // another file, a missing input and no input at all are fine
    OutputFile.of("--output", dir.resolve("other.csv")).notSameAs("--input", input)
        .notSameAs("--labels", dir.resolve("missing.csv")).notSameAs("--labels", null);
  }

  @Test
  void refusesAFolderAndAPathUnderAFileNamingTheOption() throws IOException {
    Files.writeString(dir.resolve("file"), "x");
    SpecException folder = assertThrows(SpecException.class, () -> OutputFile.of("--csv", dir));
    assertEquals("--csv", folder.field());
    assertTrue(folder.getMessage().contains("folder"), folder.getMessage());
    SpecException under = assertThrows(SpecException.class,
        () -> OutputFile.of("--csv", dir.resolve("file/sub/out.csv")));
    assertTrue(under.getMessage().startsWith("--csv: got '") && under.getMessage().contains("not a folder"),
        under.getMessage());
    assertThrows(SpecException.class, () -> OutputFile.of("--csv", Path.of("")));
    assertEquals(List.of("file"), listing());
  }

  @Test
  void replacesARegularFileWholeKeepingItsPermissionsAndALinkToIt() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
    Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
    OutputFile out = OutputFile.of("--output", link);
    assertFalse(out.inPlace());
    out.writeText(w -> w.write("new\n"));
    assertTrue(Files.isSymbolicLink(link), "the link is kept");
    assertEquals("new\n", Files.readString(real));
    assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(real)));
    assertEquals(List.of("link.csv", "real.csv"), listing());
    // a missing file in missing folders is created with them
    OutputFile.of("--output", dir.resolve("a/b/c.csv")).writeText(w -> w.write("c"));
    assertEquals("c", Files.readString(dir.resolve("a/b/c.csv")));
  }

  @Test
  void aFailingWriteKeepsThePreviousContentAndLeavesNoTemporaryFile() throws IOException {
    Path file = Files.writeString(dir.resolve("out.csv"), "previous\n");
    OutputWriteException io = assertThrows(OutputWriteException.class,
        () -> OutputFile.of("--output", file).write(o -> {
          o.write("partial".getBytes(StandardCharsets.UTF_8));
          throw new IOException("File too large");
        }));
    assertEquals("cannot write " + file + ": File too large", io.getMessage());
    IllegalStateException bug = assertThrows(IllegalStateException.class,
        () -> OutputFile.of("--output", file).write(o -> {
          o.write("partial".getBytes(StandardCharsets.UTF_8));
          throw new IllegalStateException("boom");
        }));
    assertEquals("boom", bug.getMessage());
    assertEquals("previous\n", Files.readString(file));
    assertEquals(List.of("out.csv"), listing());
  }

  @Test
  void aFifoIsWrittenInPlaceAndStaysAFifo() throws Exception {
    Path fifo = dir.resolve("pipe");
    Process mk = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
    assertEquals(0, mk.waitFor());
    CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
      try (InputStream in = Files.newInputStream(fifo)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "error: " + e;
      }
    });
    OutputFile out = OutputFile.of("--output", fifo);
    assertTrue(out.inPlace());
    out.writeText(w -> w.write("1.5\n2.5\n"));
    assertEquals("1.5\n2.5\n", read.get(10, TimeUnit.SECONDS));
    assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class).isOther(), "still a FIFO");
    assertEquals(List.of("pipe"), listing());
  }

  @Test
  void devicesAreWrittenInPlaceAndAFullDeviceIsAnErrorWithTheSystemsReason() throws IOException {
    Path devNull = Path.of("/dev/null");
    Path devFull = Path.of("/dev/full");
    OutputFile toNull = OutputFile.of("--output", devNull);
    OutputFile toFull = OutputFile.of("--output", devFull);
    // checked before writing anything: a rename over a device (as root) would replace it
    assertTrue(toNull.inPlace() && toFull.inPlace());
    toNull.writeText(w -> w.write("discarded"));
    OutputWriteException e = assertThrows(OutputWriteException.class,
        () -> toFull.writeText(w -> w.write("x".repeat(100_000))));
    assertEquals("cannot write /dev/full: No space left on device", e.getMessage());
    assertFalse(Files.isRegularFile(devNull) || Files.isRegularFile(devFull), "devices stay devices");
  }
}
