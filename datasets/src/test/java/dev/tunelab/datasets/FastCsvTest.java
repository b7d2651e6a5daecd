package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parallel byte parser of training channels against the String path it replaces. */
class FastCsvTest {

  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  /** What the String path makes of a feature cell: (float) of the parsed double, NaN if missing. */
  private static float expected(String cell) {
    return cell.isBlank() ? Float.NaN : (float) NumberText.parse(cell);
  }

  private static void assertSameFloats(float[] want, float[] got) {
    assertEquals(want.length, got.length);
    for (int i = 0; i < want.length; i++) {
      assertEquals(Float.floatToRawIntBits(want[i]), Float.floatToRawIntBits(got[i]),
          "value " + i + ": " + want[i] + " vs " + got[i]);
    }
  }

  @Test
  void trickyNumbersEqualTheStringPathBitForBit() throws Exception {
    String[] cells = {"0", "-0", "+1", "-0.0", "1e5", "1E-5", "6.575E+2", ".5", "5.", "007",
        "123456789012345", "1234567890123456", "1234567890123456789", "0.1", "0.3",
        "3.4028235e38", "-3.4028234663852886e38", "1e-45", "1e-46", "4.9e-324", "1.4e-45",
        "0.000000000000000000000001", "1e22", "1e23", "123.456e-10", "9007199254740993",
        "0.1000000000000000055511151231257827", "2.2250738585072014e-308", "16777217",
        "33554431.5", "0.00632", "-123.456", "1e0", "1e+0", "1.e3", "nan", "NaN", "-nan", "NA",
        "", " ", " 1.5 ", "\t2", "1e-22", "1e-23", "999999999999999e22", "1e-00007"};
    StringBuilder csv = new StringBuilder();
    for (String c : cells) {
      csv.append("1,").append(c).append('\n');
    }
    Dataset d = CsvDatasetReader.readLabelFirst(file("t.csv", csv.toString()));
    float[] want = new float[cells.length];
    for (int i = 0; i < cells.length; i++) {
      want[i] = expected(cells[i]);
    }
    assertSameFloats(want, d.floatFeatures());
    assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(d.floatFeatures()[1]),
        "-0 keeps its sign");
  }

  @Test
  void labelsAreExactDoubles() throws Exception {
    String[] labels = {"21.6", "0.1", "-0", "1e-300", "3.4e38", "123456789.123456789",
        "3.14159265358979323846"};
    StringBuilder csv = new StringBuilder();
    for (String y : labels) {
      csv.append(y).append(",1\n");
    }
    Dataset d = CsvDatasetReader.readLabelFirst(file("y.csv", csv.toString()));
    for (int i = 0; i < labels.length; i++) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(labels[i])),
          Double.doubleToRawLongBits(d.labels()[i]), labels[i]);
    }
  }

  @Test
  void randomDataEqualsTheStringPath() throws Exception {
    Random rnd = new Random(7);
    int rows = 3000;
    int cols = 9;
    StringBuilder csv = new StringBuilder();
    List<String> cells = new ArrayList<>();
    double[] labels = new double[rows];
    for (int r = 0; r < rows; r++) {
      labels[r] = rnd.nextGaussian() * 100;
      csv.append(labels[r]);
      for (int c = 0; c < cols; c++) {
        double v = rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20);
        String s = switch (rnd.nextInt(6)) {
          case 0 -> Double.toString(v);
          case 1 -> String.format(Locale.ROOT, "%.6f", v);
          case 2 -> String.format(Locale.ROOT, "%.3e", v);
          case 3 -> String.format(Locale.ROOT, "%.17g", v);
          case 4 -> Float.toString((float) v);
          default -> rnd.nextInt(20) == 0 ? "" : Long.toString(rnd.nextLong() >> rnd.nextInt(64));
        };
        cells.add(s);
        csv.append(',').append(s);
      }
      csv.append(rnd.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    Path p = file("r.csv", csv.toString());
    float[] want = new float[cells.size()];
    for (int i = 0; i < want.length; i++) {
      want[i] = expected(cells.get(i));
    }
    for (int chunk : new int[] {FastCsv.CHUNK_BYTES, 4096, 97}) {
      for (int threads : new int[] {1, 3}) {
        Dataset d = CsvDatasetReader.readLabelFirst(p, false, chunk, threads);
        assertSameFloats(want, d.floatFeatures());
        assertArrayEquals(labels, d.labels());
      }
    }
  }

  @Test
  void chunkBoundariesAnywhereGiveTheSameRows() throws Exception {
    // blank lines, CRLF, a lone CR line end, a BOM and a last line without a line end
    String body = "1,2,3\n\n4,5,6\r\n7,,9\r\r\n10,11,12\n\n\n13,14,15\r16,17,18";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = body.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[3 + text.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(text, 0, all, 3, text.length);
    Path p = dir.resolve("b.csv");
    Files.write(p, all);
    float[] want = {2, 3, 5, 6, 8, Float.NaN, 11, 12, 14, 15, 17, 18};
    want[4] = Float.NaN;
    want[5] = 9;
    for (int chunk = 1; chunk <= all.length + 1; chunk++) {
      for (int threads : new int[] {1, 2, 4}) {
        Dataset d = CsvDatasetReader.readLabelFirst(p, false, chunk, threads);
        assertSameFloats(want, d.floatFeatures());
        assertArrayEquals(new double[] {1, 4, 7, 10, 13, 16}, d.labels(), "chunk " + chunk);
      }
    }
  }

  @Test
  void errorsNameTheLineAndColumnWhateverTheChunks() throws Exception {
    StringBuilder csv = new StringBuilder();
    for (int i = 1; i <= 500; i++) {
      csv.append(i == 321 ? "1,2,abc\n" : i == 450 ? "1,2\n" : "1,2,3\n");
    }
    Path p = file("e.csv", csv.toString());
    for (int chunk : new int[] {7, 64, 1000, FastCsv.CHUNK_BYTES}) {
      for (int threads : new int[] {1, 2, 4}) {
        DataFormatException e = assertThrows(DataFormatException.class,
            () -> CsvDatasetReader.readLabelFirst(p, false, chunk, threads));
        assertEquals(p + " line 321, column 3: 'abc' is not a number", e.getMessage(),
            "the first error in the file wins, chunk " + chunk);
      }
    }
    Path ragged = file("g.csv", "1,2,3\n".repeat(200) + "1,2\n" + "1,2,3\n".repeat(50));
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> CsvDatasetReader.readLabelFirst(ragged, false, 16, 2));
    assertEquals(ragged + " line 201: 2 columns, expected 3 (as in line 1)", e.getMessage());
    Path label = file("l.csv", "1,2\n".repeat(99) + ",2\n");
    e = assertThrows(DataFormatException.class,
        () -> CsvDatasetReader.readLabelFirst(label, false, 16, 2));
    assertEquals(label + " line 100, column 1: label is missing", e.getMessage());
    Path inf = file("i.csv", "1,2\n".repeat(50) + "1,inf\n");
    e = assertThrows(DataFormatException.class,
        () -> CsvDatasetReader.readLabelFirst(inf, false, 16, 2));
    assertEquals(51, e.line());
    assertEquals(2, e.column());
    assertTrue(e.problem().startsWith("'inf' is not a finite number"), e.getMessage());
    Path big = file("f.csv", "1,2\n1,1e39\n");
    e = assertThrows(DataFormatException.class, () -> CsvDatasetReader.readLabelFirst(big));
    assertEquals(2, e.line());
    assertTrue(e.problem().contains("outside the range of a 32-bit float"), e.getMessage());
  }

  @Test
  void quotedCellsTakeTheUnivocityPathWithTheSameValues() throws Exception {
    Path q = file("q.csv", "1,\"2.5\",3\n4,\"\",6\n");
    Dataset d = CsvDatasetReader.readLabelFirst(q);
    assertSameFloats(new float[] {2.5f, 3, Float.NaN, 6}, d.floatFeatures());
    assertArrayEquals(new double[] {1, 4}, d.labels());
  }

  @Test
  void veryLongLinesAndADirectoryOfFiles() throws Exception {
    int cols = 5000;
    StringBuilder row = new StringBuilder("7");
    for (int c = 0; c < cols; c++) {
      row.append(',').append(c).append(".25");
    }
    Files.createDirectories(dir.resolve("ch"));
    Files.writeString(dir.resolve("ch/a.csv"), (row + "\n").repeat(3));
    Files.writeString(dir.resolve("ch/b.csv"), row.toString());
    Dataset d = CsvDatasetReader.readLabelFirst(dir.resolve("ch"), false, 1000, 2);
    assertEquals(4, d.rows());
    assertEquals(cols, d.columns());
    assertEquals(4999.25f, d.floatFeatures()[4 * cols - 1]);
    assertEquals(3.25, d.features()[2][3]);
  }

  @Test
  void headerPresentIsReadAndItsAbsenceRefused() throws Exception {
    Path h = file("h.csv", "y,a,b\n1,2,3\n");
    Dataset d = CsvDatasetReader.readLabelFirst(h, true);
    assertEquals(List.of("a", "b"), d.featureNames());
    assertSameFloats(new float[] {2, 3}, d.floatFeatures());
    DataFormatException e = assertThrows(DataFormatException.class,
        () -> CsvDatasetReader.readLabelFirst(file("h2.csv", "1,x,3\n1,2,3\n")));
    assertEquals(1, e.line());
    assertEquals(2, e.column());
    assertTrue(e.problem().contains("text/csv;header=present"), e.getMessage());
  }

  @Test
  void chunksSplitOnlyAfterLineEnds() {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap("ab\r\ncd\ref\ngh".getBytes(StandardCharsets.US_ASCII));
    for (int size = 1; size < b.limit() + 2; size++) {
      int[] bounds = FastCsv.chunks(b, 0, size);
      assertEquals(0, bounds[0]);
      assertEquals(b.limit(), bounds[bounds.length - 1]);
      int lines = 0;
      for (int i = 1; i < bounds.length - 1; i++) {
        byte before = b.get(bounds[i] - 1);
        assertTrue(before == '\n' || (before == '\r' && b.get(bounds[i]) != '\n'), "size " + size);
      }
      for (int i = 0; i + 1 < bounds.length; i++) {
        lines += FastCsv.countLineEnds(b, bounds[i], bounds[i + 1]);
      }
      assertEquals(3, lines);
    }
  }
}
