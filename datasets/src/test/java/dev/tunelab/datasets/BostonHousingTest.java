package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BostonHousingTest {

  /** From /work/shared/data/README.md (sha256sum of the file as produced by R). */
  private static final String PUBLISHED_SHA256 =
      "b9f88f3463a208dadd78546f0fb9ddacfa4897b4c92dd1b8269734f000fe377c";

  @Test
  void bundledResourceHasThePublishedSha256() throws Exception {
    byte[] bytes = BostonHousing.resourceBytes();
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    assertEquals(PUBLISHED_SHA256, sha);
    assertEquals(PUBLISHED_SHA256, BostonHousing.SHA256);
  }

  @Test
  void damagedBytesAreRefusedAtLoad() {
    byte[] bytes = BostonHousing.resourceBytes();
    bytes[100] = (byte) (bytes[100] == '1' ? '2' : '1');
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> BostonHousing.fromVerifiedBytes(bytes));
    assertTrue(e.getMessage().contains("expected " + PUBLISHED_SHA256), e.getMessage());
  }

  @Test
  void loadGives506RowsOf13FeaturesAndMedv() {
    Dataset d = BostonHousing.load();
    assertEquals(506, d.rows());
    assertEquals(List.of("crim", "zn", "indus", "chas", "nox", "rm", "age", "dis", "rad", "tax",
        "ptratio", "black", "lstat"), d.featureNames());
    assertTrue(d.labelled());
    assertEquals(new Provenance("dataset:boston", PUBLISHED_SHA256, ""), d.provenance());
  }

  @Test
  void firstAndLastRowsMatchTheFile() {
    Dataset d = BostonHousing.load();
    // line 2 of boston.csv: 0.00632,18,2.31,0,0.538,6.575,65.2,4.09,1,296,15.3,396.9,4.98,24
    assertArrayEquals(new double[] {0.00632, 18, 2.31, 0, 0.538, 6.575, 65.2, 4.09, 1, 296, 15.3,
        396.9, 4.98}, d.features()[0]);
    assertEquals(24.0, d.labels()[0]);
    // last line: 0.04741,0,11.93,0,0.573,6.03,80.8,2.505,1,273,21,396.9,7.88,11.9
    assertArrayEquals(new double[] {0.04741, 0, 11.93, 0, 0.573, 6.03, 80.8, 2.505, 1, 273, 21,
        396.9, 7.88}, d.features()[505]);
    assertEquals(11.9, d.labels()[505]);
  }

  @Test
  void labelSummaryMatchesThePublishedFigures() {
    double[] y = BostonHousing.load().labels();
    double sum = 0;
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    int capped = 0;
    for (double v : y) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
      capped += v == 50.0 ? 1 : 0;
    }
    assertEquals(22.53281, sum / y.length, 5e-6);
    assertEquals(5.0, min);
    assertEquals(50.0, max);
    assertEquals(16, capped);
  }

  @Test
  void fastPathAgreesBitForBitWithTheGeneralReader(@TempDir Path dir) throws Exception {
    Path copy = dir.resolve("boston.csv");
    Files.write(copy, BostonHousing.resourceBytes());
    Dataset general = CsvDatasetReader.readWithHeader(copy, "medv");
    Dataset fast = BostonHousing.load();
    assertEquals(general.featureNames(), fast.featureNames());
    assertEquals(general.provenance().sha256(), fast.provenance().sha256());
    assertArrayEquals(general.labels(), fast.labels());
    for (int r = 0; r < fast.rows(); r++) {
      assertArrayEquals(general.features()[r], fast.features()[r], "row " + r);
    }
  }

  @Test
  void courseSplitHasCourseSizesAndBostonProvenance() {
    CourseSplit s = BostonHousing.courseSplit(BostonHousing.DEFAULT_SPLIT_SEED);
    assertEquals(227, s.train().rows());
    assertEquals(112, s.validation().rows());
    assertEquals(167, s.test().rows());
    assertEquals(0L, s.seed());
    assertEquals(new Provenance("dataset:boston/train", PUBLISHED_SHA256,
        "course split seed=0 part=train"), s.train().provenance());
    assertEquals(new Provenance("dataset:boston/validation", PUBLISHED_SHA256,
        "course split seed=0 part=validation"), s.validation().provenance());
    assertEquals(new Provenance("dataset:boston/test", PUBLISHED_SHA256,
        "course split seed=0 part=test"), s.test().provenance());
    assertEquals(List.of("crim", "zn", "indus", "chas", "nox", "rm", "age", "dis", "rad", "tax",
        "ptratio", "black", "lstat"), s.test().featureNames());
  }

  @Test
  void fastDecimalParserIsBitIdenticalToParseDouble() {
    java.util.SplittableRandom rng = new java.util.SplittableRandom(11);
    for (int i = 0; i < 50_000; i++) {
      long mantissa = rng.nextLong(1, 1_000_000_000_000_000L)
          / (long) Math.pow(10, rng.nextInt(16));
      String digits = Long.toString(mantissa);
      int point = rng.nextInt(digits.length() + 1);
      String text = (rng.nextBoolean() ? "-" : "") + digits.substring(0, point)
          + (point < digits.length() || rng.nextBoolean() ? "." : "") + digits.substring(point);
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
          Double.doubleToRawLongBits(BostonHousing.parseDecimal(text, 0, text.length())), text);
    }
    for (String text : new String[] {"0", "-0", "24", "0.00632", "396.9", "1234567890.12345",
        "0.1234567890123456789", "1e5", "12345678901234567"}) {
      assertEquals(Double.doubleToRawLongBits(Double.parseDouble(text)),
          Double.doubleToRawLongBits(BostonHousing.parseDecimal(text, 0, text.length())), text);
    }
  }

  @Test
  void loadReturnsIndependentCopies() {
    Dataset a = BostonHousing.load();
    a.features()[0][0] = 999;
    assertEquals(0.00632, BostonHousing.load().features()[0][0]);
  }
}
