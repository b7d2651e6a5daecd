package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetReaderTest {

  @TempDir
  Path dir;

  private Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content.getBytes(StandardCharsets.UTF_8));
    return p;
  }

  private static DataFormatException fails(Executable e) {
    return assertThrows(DataFormatException.class, e);
  }

  private static void assertProblem(DataFormatException e, Path file, int line, int column,
      String message) {
    assertEquals(message, e.getMessage());
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  // ---- well-formed input ----

  @Test
  void labelFirstWithoutHeaderNamesFeaturesF1ToFn() throws Exception {
    Path p = file("train.csv", "24,0.00632,18\n21.6,0.02731,0\n");
    Dataset d = CsvDatasetReader.readLabelFirst(p);
    assertEquals(List.of("f1", "f2"), d.featureNames());
    assertArrayEquals(new double[] {24, 21.6}, d.labels(), "labels keep double precision");
    // features are the floats XGBoost trains on
    assertArrayEquals(new double[] {(float) 0.00632, 18}, d.features()[0]);
    assertArrayEquals(new double[] {(float) 0.02731, 0}, d.features()[1]);
    assertArrayEquals(new float[] {0.00632f, 18, 0.02731f, 0}, d.floatFeatures());
    assertEquals(new Provenance(p.toString(), sha256(Files.readAllBytes(p)), ""),
        d.provenance());
  }

  @Test
  void headerIsReadOnlyWhenDeclaredPresent() throws Exception {
    Path a = file("a.csv", "medv,crim,1\n24,0.1,2\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readLabelFirst(a));
    assertProblem(e, a, 1, 1, a + " line 1, column 1: 'medv' is not a number: the first row"
        + " looks like a header, and SageMaker's CSV has none; remove the header row, or declare"
        + " it with the channel's ContentType 'text/csv;header=present'");
    Dataset d = CsvDatasetReader.readLabelFirst(a, true);
    assertEquals(List.of("crim", "1"), d.featureNames());
    assertEquals(1, d.rows());
    Dataset numeric = CsvDatasetReader.readLabelFirst(file("b.csv", "1,2,3\n4,5,6\n"));
    assertEquals(2, numeric.rows(), "an all-numeric first line is data");
    assertEquals(List.of("f1", "f2"), numeric.featureNames());
    // header=present: the first record is the header even when it is numeric (pandas writes 0,1,2)
    Dataset named = CsvDatasetReader.readLabelFirst(file("c.csv", "0,1,2\n4,5,6\n"), true);
    assertEquals(1, named.rows());
    assertEquals(List.of("1", "2"), named.featureNames());
  }

  @Test
  void emptyFeatureCellsAndNanAreMissing() throws Exception {
    Dataset d = CsvDatasetReader.readLabelFirst(file("t.csv", "1,,2\n3,NaN,\n4,NA,5\n"));
    assertTrue(Double.isNaN(d.features()[0][0]));
    assertEquals(2.0, d.features()[0][1]);
    assertTrue(Double.isNaN(d.features()[1][0]));
    assertTrue(Double.isNaN(d.features()[1][1]));
    assertTrue(Double.isNaN(d.features()[2][0]));
  }

  @Test
  void numberSyntaxVariantsAreAccepted() throws Exception {
    Dataset d = CsvDatasetReader.readFeatures(file("t.csv", "1e-5,-.5,+3.,\" 7 \",6.575E+2\n"));
    assertArrayEquals(new double[] {1e-5, -0.5, 3, 7, 657.5}, d.features()[0]);
  }

  @Test
  void crlfBomQuotesAndBlankLinesAreHandled() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "y,\"a b\"\r\n\r\n1,\"2\"\r\n3,4\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, 3);
    System.arraycopy(body, 0, all, 3, body.length);
    Path p = dir.resolve("crlf.csv");
    Files.write(p, all);
    Dataset d = CsvDatasetReader.readLabelFirst(p, true);
    assertEquals(List.of("a b"), d.featureNames());
    assertArrayEquals(new double[] {1, 3}, d.labels());
    assertArrayEquals(new double[] {4}, d.features()[1]);
  }

  @Test
  void readWithHeaderTakesTheNamedLabelColumn() throws Exception {
    Path p = file("h.csv", "a,medv,b\n1,24,2\n3,21.6,4\n");
    Dataset d = CsvDatasetReader.readWithHeader(p, "medv");
    assertEquals(List.of("a", "b"), d.featureNames());
    assertArrayEquals(new double[] {24, 21.6}, d.labels());
    assertArrayEquals(new double[] {3, 4}, d.features()[1]);
  }

  @Test
  void readFeaturesHasNoLabels() throws Exception {
    Dataset d = CsvDatasetReader.readFeatures(file("test.csv", "0.1,2\n0.3,4\n"));
    assertNull(d.labels());
    assertEquals(List.of("f1", "f2"), d.featureNames());
    assertArrayEquals(new double[] {0.3, 4}, d.features()[1]);
    Dataset h = CsvDatasetReader.readFeatures(file("test2.csv", "x,y\n0.1,2\n"));
    assertEquals(List.of("x", "y"), h.featureNames());
    assertEquals(1, h.rows());
  }

  @Test
  void directoryChannelConcatenatesCsvFilesInNameOrder() throws Exception {
    Path ch = dir.resolve("train");
    file("train/b.csv", "3,30\n4,40\n");
    file("train/a.csv", "1,10\n2,20\n");
    file("train/notes.txt", "not,data,at,all\n");
    file("train/.hidden.csv", "x\n");
    Dataset d = CsvDatasetReader.readLabelFirst(ch);
    assertArrayEquals(new double[] {1, 2, 3, 4}, d.labels());
    assertArrayEquals(new double[] {40}, d.features()[3]);
    assertEquals(ch.toString(), d.provenance().source());
    String manifest = sha256(Files.readAllBytes(ch.resolve("a.csv"))) + "  a.csv\n"
        + sha256(Files.readAllBytes(ch.resolve("b.csv"))) + "  b.csv\n";
    assertEquals(sha256(manifest.getBytes(StandardCharsets.UTF_8)), d.provenance().sha256());
    assertEquals("concatenation of a.csv, b.csv", d.provenance().derivation());
  }

  @Test
  void directoryFilesMayEachHaveTheSameHeader() throws Exception {
    file("ch/1.csv", "y,p,q\n1,2,3\n");
    file("ch/2.csv", "y,p,q\n4,5,6\n");
    file("ch/3.csv", "y,p,q\n7,8,9\n");
    Dataset d = CsvDatasetReader.readLabelFirst(dir.resolve("ch"), true);
    assertEquals(List.of("p", "q"), d.featureNames());
    assertArrayEquals(new double[] {1, 4, 7}, d.labels());
  }

  // ---- bad input: each names file, line and column ----

  @Test
  void missingFile() {
    Path p = dir.resolve("x/train.csv");
    DataFormatException e = fails(() -> CsvDatasetReader.readLabelFirst(p));
    assertProblem(e, p, 0, 0, "no such file: " + p);
    assertProblem(fails(() -> CsvDatasetReader.readWithHeader(p, "medv")), p, 0, 0,
        "no such file: " + p);
    assertProblem(fails(() -> CsvDatasetReader.readFeatures(p)), p, 0, 0, "no such file: " + p);
  }

  @Test
  void emptyFile() throws Exception {
    Path p = file("train.csv", "");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 0, 0,
        p + ": file is empty");
    Path blank = file("blank.csv", "\n\n\r\n");
    assertProblem(fails(() -> CsvDatasetReader.readFeatures(blank)), blank, 0, 0,
        blank + ": file is empty");
    assertProblem(fails(() -> CsvDatasetReader.readWithHeader(p, "medv")), p, 0, 0,
        p + ": file is empty");
  }

  @Test
  void raggedRowNamesItsLineCountingBlankAndMultiLineRecords() throws Exception {
    StringBuilder sb = new StringBuilder();
    for (int line = 1; line <= 11; line++) {
      if (line == 5) {
        sb.append('\n'); // blank line 5 is skipped but counted
      } else if (line == 8) {
        sb.append("1,2,\"3\n"); // a quoted cell over lines 8-9
      } else if (line == 9) {
        sb.append("\"\n");
      } else {
        sb.append("1,2,3\n");
      }
    }
    sb.append("1,2\n"); // line 12
    Path p = file("train.csv", sb.toString());
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 12, 0,
        p + " line 12: 2 columns, expected 3 (as in line 1)");
  }

  @Test
  void tooManyColumnsIsRaggedToo() throws Exception {
    Path p = file("train.csv", "y,a\n1,2\n3,4,5\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p, true)), p, 3, 0,
        p + " line 3: 3 columns, expected 2 (as in line 1)");
  }

  @Test
  void nonNumericCell() throws Exception {
    Path p = file("train.csv", "1,2,3\n".repeat(6) + "1,2,abc\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 7, 3,
        p + " line 7, column 3: 'abc' is not a number");
  }

  @Test
  void javaOnlyNumberSyntaxIsRefused() throws Exception {
    for (String cell : new String[] {"1d", "0x10", "1f", "1e", "--1", "."}) {
      Path p = file("t.csv", "1,2\n3," + cell + "\n");
      assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 2, 2,
          p + " line 2, column 2: '" + cell + "' is not a number");
    }
  }

  @Test
  void missingLabel() throws Exception {
    Path p = file("train.csv", "1,2\n1,2\n1,2\n,2\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 4, 1,
        p + " line 4, column 1: label is missing");
  }

  @Test
  void missingLabelInNamedColumn() throws Exception {
    Path p = file("h.csv", "a,medv\n1,2\n3,\n");
    assertProblem(fails(() -> CsvDatasetReader.readWithHeader(p, "medv")), p, 3, 2,
        p + " line 3, column 2: label is missing");
  }

  @Test
  void nonFiniteLabelAndInfiniteFeatureAreRefused() throws Exception {
    Path p = file("t.csv", "1,2\nnan,2\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 2, 1,
        p + " line 2, column 1: label must be a finite number, got 'nan'");
    Path q = file("u.csv", "1,2\n1,-inf\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readLabelFirst(q));
    assertEquals(2, e.line());
    assertEquals(2, e.column());
    assertTrue(e.getMessage().startsWith(q + " line 2, column 2: '-inf' is not a finite number"),
        e.getMessage());
  }

  /** Issue 13 fault 10: 1e308 is a finite double but infinite as XGBoost's 32-bit float. */
  @Test
  void valuesBeyondFloat32AreRefusedWithLineAndColumn() throws Exception {
    Path p = file("f.csv", "1,2,3\n1,2,1e308\n");
    assertStartsWith(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 2, 3,
        p + " line 2, column 3: '1e308' is outside the range of a 32-bit float");
    Path label = file("l.csv", "1,2\n-3.5e38,2\n");
    assertStartsWith(fails(() -> CsvDatasetReader.readLabelFirst(label)), label, 2, 1,
        label + " line 2, column 1: '-3.5e38' is outside the range of a 32-bit float");
    Path features = file("x.csv", "2,4e38\n");
    assertStartsWith(fails(() -> CsvDatasetReader.readFeatures(features)), features, 1, 2,
        features + " line 1, column 2: '4e38' is outside");
    Path fits = file("ok.csv", "3.4e38,-3.4028234e38,1e-300\n");
    Dataset d = CsvDatasetReader.readLabelFirst(fits);
    assertEquals(3.4e38, d.labels()[0]);
  }

  private static void assertStartsWith(DataFormatException e, Path file, int line, int column, String prefix) {
    assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    assertTrue(e.getMessage().contains("3.4028235e38"), e.getMessage());
    assertEquals(file, e.file());
    assertEquals(line, e.line());
    assertEquals(column, e.column());
  }

  @Test
  void cellErrorAfterAMultiLineCellNamesTheLineTheCellIsOn() throws Exception {
    Path p = file("t.csv", "y,name,x\n1,\"two\nlines\",bad\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readWithHeader(p, "y"));
    assertTrue(e.problem().startsWith("'two\\nlines' is not a number"), e.problem());
    assertEquals(2, e.line());
    assertEquals(2, e.column());
    Path q = file("q.csv", "y,x,z\n1,\"a\nb\",\n1,2,zz\n");
    DataFormatException f = fails(() -> CsvDatasetReader.readFeatures(q));
    assertEquals(2, f.line());
  }

  @Test
  void unbalancedQuoteIsReportedWhereTheQuoteOpens() throws Exception {
    Path p = file("t.csv", "1,2\n3,\"4\n5,6\n7,8\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readLabelFirst(p));
    assertEquals(2, e.line());
    assertEquals(2, e.column());
    assertTrue(e.problem().contains("unbalanced"), e.getMessage());
  }

  @Test
  void absurdlyWideRecordIsRefusedWithItsLine() throws Exception {
    Path p = file("wide.csv", "1,2\n3,4\n" + "1,".repeat(10_001) + "1\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readLabelFirst(p));
    assertEquals(3, e.line());
    assertEquals("10002 columns, expected 2 (as in line 1)", e.problem());
    Path first = file("wide1.csv", "1,".repeat(10_001) + "1\n");
    DataFormatException f = fails(() -> CsvDatasetReader.readLabelFirst(first));
    assertEquals(1, f.line());
    assertEquals("more than 10000 columns", f.problem());
  }

  @Test
  void singleColumnIsNotLabelFirstData() throws Exception {
    Path p = file("t.csv", "1\n2\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p)), p, 1, 0,
        p + " line 1: 1 column; expected the label and at least one feature, separated by"
            + " commas");
  }

  @Test
  void headerWithoutDataRows() throws Exception {
    Path p = file("t.csv", "y,a,b\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(p, true)), p, 0, 0,
        p + ": no data rows after the header on line 1");
  }

  @Test
  void readWithHeaderNeedsAHeaderAndTheLabelColumn() throws Exception {
    Path noHeader = file("n.csv", "1,2\n3,4\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readWithHeader(noHeader, "medv"));
    assertEquals(1, e.line());
    assertEquals(0, e.column());
    assertTrue(e.problem().startsWith("no header row"), e.getMessage());
    Path p = file("h.csv", "a,b\n1,2\n");
    assertProblem(fails(() -> CsvDatasetReader.readWithHeader(p, "medv")), p, 1, 0,
        p + " line 1: no column named 'medv'; the header has [a, b]");
    DataFormatException d = fails(() -> CsvDatasetReader.readWithHeader(dir, "medv"));
    assertEquals(dir, d.file());
    assertTrue(d.problem().startsWith("is a directory"), d.getMessage());
  }

  @Test
  void headerNamesMustBeNonEmptyAndUnique() throws Exception {
    Path dup = file("d.csv", "y,a,b,a\n1,2,3,4\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(dup, true)), dup, 1, 4,
        dup + " line 1, column 4: column name 'a' repeats column 2; names must be unique");
    Path empty = file("e.csv", "y,a,,b\n1,2,3,4\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(empty, true)), empty, 1, 3,
        empty + " line 1, column 3: column name is empty; every feature column needs a name"
            + " in the header");
    // the label column's own name is not used in the label-first layout and may be empty
    assertEquals(List.of("a"), CsvDatasetReader.readLabelFirst(file("l.csv", ",a\n1,2\n"), true)
        .featureNames());
  }

  @Test
  void directoryErrorsNameTheFileInside() throws Exception {
    file("ch/a.csv", "1,2,3\n");
    Path b = file("ch/b.csv", "1,2,3\n4,5\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(dir.resolve("ch"))), b, 2, 0,
        b + " line 2: 2 columns, expected 3 (as in a.csv line 1)");
    Path c = file("ch2/c.csv", "1,2\n");
    file("ch2/a.csv", "1,2,3\n");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(dir.resolve("ch2"))), c, 1, 0,
        c + " line 1: 2 columns, expected 3 (as in a.csv line 1)");
  }

  @Test
  void directoryHeadersMustAgree() throws Exception {
    file("ch/a.csv", "y,p\n1,2\n");
    Path b = file("ch/b.csv", "y,q\n1,2\n");
    DataFormatException e = fails(() -> CsvDatasetReader.readLabelFirst(dir.resolve("ch"), true));
    assertEquals(b, e.file());
    assertEquals(1, e.line());
    assertEquals("header [q] differs from the header of a.csv [p]", e.problem());
  }

  @Test
  void directoryWithoutCsvFiles() throws Exception {
    Path ch = dir.resolve("empty");
    Files.createDirectories(ch);
    file("empty/readme.txt", "hi");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(ch)), ch, 0, 0,
        ch + ": no *.csv files in this directory");
  }

  @Test
  void emptyFileInsideADirectory() throws Exception {
    file("ch/a.csv", "1,2\n");
    Path b = file("ch/b.csv", "");
    assertProblem(fails(() -> CsvDatasetReader.readLabelFirst(dir.resolve("ch"))), b, 0, 0,
        b + ": file is empty");
  }

  @Test
  void dataFormatExceptionIsAnIllegalArgumentException() {
    IllegalArgumentException e = new DataFormatException(Path.of("t.csv"), 3, 0, "x");
    assertEquals("t.csv line 3: x", e.getMessage());
    assertEquals("t.csv: y", new DataFormatException(Path.of("t.csv"), 0, 0, "y").getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new DataFormatException(Path.of("t.csv"), -1, 0, "x"));
  }
}
