package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibSvmReaderTest {

  @TempDir
  Path dir;

  @Test
  void absentEntriesAreMissingAndIndicesAreTakenAsGiven() throws Exception {
    Path f = Files.writeString(dir.resolve("a.libsvm"), "1 1:0.5 3:2\n\n0\t2:-1e-1 \r\n");
    Dataset d = LibSvmReader.read(List.of(f), f);
    assertEquals(List.of("f0", "f1", "f2", "f3"), d.featureNames());
    assertArrayEquals(new double[] {1, 0}, d.labels());
    assertArrayEquals(new double[] {Double.NaN, 0.5, Double.NaN, 2}, d.features()[0]);
    assertArrayEquals(new double[] {Double.NaN, Double.NaN, -0.1, Double.NaN}, d.features()[1]);
    assertEquals(f.toString(), d.provenance().source());
    assertEquals(64, d.provenance().sha256().length());
  }

  @Test
  void aFolderIsOneTableAsWideAsItsWidestFile() throws Exception {
    Path a = Files.writeString(dir.resolve("part-0"), "1 0:1\n");
    Path b = Files.writeString(dir.resolve("part-1"), "2 4:3\n");
    Dataset d = LibSvmReader.read(List.of(a, b), dir);
    assertEquals(2, d.rows());
    assertEquals(5, d.columns());
    assertEquals(3, d.features()[1][4]);
    assertTrue(d.provenance().derivation().contains("part-0, part-1"), d.provenance().derivation());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "1 1:0.5 abc|1|3|'abc' is not index:value",
      "1 1:0.5\\n0 x:1|2|2|index 'x' is not a non-negative integer",
      "1 -1:2|1|2|index '-1' is not a non-negative integer",
      "1 1:zz|1|2|token '1:zz': value 'zz' is not a finite number",
      "one 1:2|1|1|label 'one' is not a finite number",
      "1 qid:3 1:2|1|2|qid (ranking groups) is not supported",
      "1:0.5 1:2|1|1|instance weight",
      "1 2:1 2:3|1|3|index 2 appears twice",
      "1 100000:1|1|2|too large",
      "1 1:NaN|1|2|not a finite number"})
  void malformedTokensNameFileLineAndToken(String text, int line, int column, String problem) throws Exception {
    Path f = Files.writeString(dir.resolve("bad.libsvm"), text.replace("\\n", "\n"));
    DataFormatException e = assertThrows(DataFormatException.class, () -> LibSvmReader.read(List.of(f), f));
    assertEquals(f, e.file());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(column, e.column(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().startsWith(f + " line " + line), e.getMessage());
  }

  @Test
  void aFileWithoutDataIsRefused() throws Exception {
    Path f = Files.writeString(dir.resolve("empty.libsvm"), "\n \n");
    DataFormatException e = assertThrows(DataFormatException.class, () -> LibSvmReader.read(List.of(f), f));
    assertTrue(e.getMessage().contains("no data lines"), e.getMessage());
  }
}
