package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SageMakerCsvWriterTest {

  @TempDir
  Path dir;

  /**
   * The features read back are the written doubles rounded to float when the reader keeps floats
   * (training channels), else the doubles themselves; labels are exact doubles.
   */
  private static void assertSameBits(Dataset expected, Dataset actual) {
    assertEquals(expected.rows(), actual.rows());
    boolean floats = actual.labelled();
    for (int r = 0; r < expected.rows(); r++) {
      double[] e = expected.features()[r];
      double[] a = actual.features()[r];
      assertEquals(e.length, a.length);
      for (int c = 0; c < e.length; c++) {
        double want = floats ? (double) (float) e[c] : e[c];
        assertEquals(Double.doubleToLongBits(want), Double.doubleToLongBits(a[c]),
            "row " + r + " column " + c);
      }
      if (actual.labelled()) {
        assertEquals(Double.doubleToLongBits(expected.labels()[r]),
            Double.doubleToLongBits(actual.labels()[r]), "label of row " + r);
      }
    }
  }

  private List<String> listDir() throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
  }

  @Test
  void courseSplitRoundTripsBitExactly() throws Exception {
    CourseSplit s = BostonHousing.courseSplit(0);
    SageMakerCsvWriter.writeCourseSplit(s, dir.resolve("boston"));
    Path out = dir.resolve("boston");
    assertSameBits(s.train(), CsvDatasetReader.readLabelFirst(out.resolve("train.csv")));
    assertSameBits(s.validation(),
        CsvDatasetReader.readLabelFirst(out.resolve("validation.csv")));
    Dataset test = CsvDatasetReader.readFeatures(out.resolve("test.csv"));
    assertSameBits(s.test(), test);
    List<String> labels = Files.readAllLines(out.resolve("test-labels.csv"));
    assertEquals(167, labels.size());
    for (int r = 0; r < 167; r++) {
      assertEquals(s.test().labels()[r], Double.parseDouble(labels.get(r)));
    }
    try (Stream<Path> files = Files.list(out)) {
      assertEquals(List.of("test-labels.csv", "test.csv", "train.csv", "validation.csv"),
          files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
    }
  }

  @Test
  void textIsLabelFirstWithoutHeaderAndPlainNumbers() throws Exception {
    Dataset d = new Dataset(new double[][] {{0.00632, 18, Double.NaN}, {1e-7, -0.5, 296}},
        new double[] {24, 21.6}, List.of("a", "b", "c"), new Provenance("t", "", ""));
    Path train = dir.resolve("train.csv");
    SageMakerCsvWriter.writeLabelFirst(d, train);
    assertEquals("24,0.00632,18,\n21.6,1e-7,-0.5,296\n",
        Files.readString(train, StandardCharsets.UTF_8));
    Path test = dir.resolve("test.csv");
    SageMakerCsvWriter.writeFeatures(d, test);
    assertEquals("0.00632,18,\n1e-7,-0.5,296\n", Files.readString(test));
    Path labels = dir.resolve("labels.csv");
    SageMakerCsvWriter.writeLabels(d, labels);
    assertEquals("24\n21.6\n", Files.readString(labels));
    Dataset back = CsvDatasetReader.readLabelFirst(train);
    assertSameBits(d, back);
  }

  @Test
  void randomValuesWithMissingCellsRoundTrip() throws Exception {
    SplittableRandom rng = new SplittableRandom(3);
    int n = 300;
    double[][] x = new double[n][5];
    double[] y = new double[n];
    for (int r = 0; r < n; r++) {
      y[r] = (rng.nextDouble() - 0.5) * Math.pow(10, rng.nextInt(-20, 20));
      for (int c = 0; c < 5; c++) {
        x[r][c] = switch (rng.nextInt(4)) {
          case 0 -> Double.NaN;
          case 1 -> rng.nextInt(-1000, 1000);
          case 2 -> rng.nextGaussian() * 1e-300;
          // any bit pattern whose binary exponent is at most 127, so that the value fits the
          // 32-bit float the reader requires (XGBoost stores floats); every digit still counts
          default -> Double.longBitsToDouble(rng.nextLong() & 0x47EF_FFFF_FFFF_FFFFL)
              * (rng.nextBoolean() ? 1 : -1);
        };
      }
    }
    x[0][0] = 1; // the first row must not look like a header: keep one ordinary number
    Dataset d = new Dataset(x, y, List.of("f1", "f2", "f3", "f4", "f5"),
        new Provenance("t", "", ""));
    Path p = dir.resolve("r.csv");
    SageMakerCsvWriter.writeLabelFirst(d, p);
    assertSameBits(d, CsvDatasetReader.readLabelFirst(p));
  }

  @Test
  void overwritesAtomicallyAndLeavesNoTemporaryFiles() throws Exception {
    Path p = dir.resolve("train.csv");
    Files.writeString(p, "old\n");
    Dataset d = new Dataset(new double[][] {{1}}, new double[] {2}, List.of("a"),
        new Provenance("t", "", ""));
    SageMakerCsvWriter.writeLabelFirst(d, p);
    assertEquals("2,1\n", Files.readString(p));
    assertEquals(List.of("train.csv"), listDir());
  }

  @Test
  void failedWriteKeepsTheOldFileAndCleansUp() throws Exception {
    Path p = dir.resolve("train.csv");
    Files.writeString(p, "old\n");
    Dataset bad = new Dataset(new double[][] {{1}, {Double.POSITIVE_INFINITY}},
        new double[] {2, 3}, List.of("a"), new Provenance("t", "", ""));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SageMakerCsvWriter.writeLabelFirst(bad, p));
    assertTrue(e.getMessage().contains("row 1"), e.getMessage());
    assertEquals("old\n", Files.readString(p));
    assertEquals(List.of("train.csv"), listDir());
  }

  @Test
  void labelsAreRequiredWhereWritten() {
    Dataset unlabelled = new Dataset(new double[][] {{1}}, null, List.of("a"),
        new Provenance("t", "", ""));
    assertThrows(IllegalArgumentException.class,
        () -> SageMakerCsvWriter.writeLabelFirst(unlabelled, dir.resolve("x.csv")));
    assertThrows(IllegalArgumentException.class,
        () -> SageMakerCsvWriter.writeLabels(unlabelled, dir.resolve("x.csv")));
    Dataset nanLabel = new Dataset(new double[][] {{1}}, new double[] {Double.NaN},
        List.of("a"), new Provenance("t", "", ""));
    assertThrows(IllegalArgumentException.class,
        () -> SageMakerCsvWriter.writeLabelFirst(nanLabel, dir.resolve("x.csv")));
  }
}
