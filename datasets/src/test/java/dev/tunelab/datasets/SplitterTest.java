package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SplitterTest {

  /** n rows whose label (and single feature) is the row index, so parts can be traced back. */
  static Dataset indexed(int n) {
    double[][] x = new double[n][1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = i;
      y[i] = i;
    }
    return new Dataset(x, y, List.of("i"), new Provenance("test:indexed", "abc", ""));
  }

  static double[] ids(Dataset d) {
    return d.labels().clone();
  }

  // expected test sizes: ceil(0.33 * n) worked out by hand (Python float arithmetic agrees)
  @ParameterizedTest
  @CsvSource({"506,167", "339,112", "10,4", "100,33", "200,66", "1000,330", "7,3", "4,2", "3,1",
      "2,1"})
  void testPartIsCeilOfFractionTimesRows(int n, int expectedTest) {
    Split s = new TrainTestSplitter(0.33, 42).split(indexed(n));
    assertEquals(expectedTest, s.test().rows());
    assertEquals(n - expectedTest, s.train().rows());
    assertEquals(expectedTest, TrainTestSplitter.testRows(n, 0.33));
  }

  @ParameterizedTest
  @CsvSource({"506,227,112,167", "100,44,23,33", "3,1,1,1", "10,4,2,4", "4,1,1,2"})
  void courseSplitSizes(int n, int train, int validation, int test) {
    CourseSplit s = CourseSplitter.split(indexed(n), 7);
    assertEquals(train, s.train().rows());
    assertEquals(validation, s.validation().rows());
    assertEquals(test, s.test().rows());
    assertEquals(n, s.rows());
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void tooFewRowsAreRefused(int n) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainTestSplitter(0.33, 0).split(indexed(n)));
    assertTrue(e.getMessage().contains("n=" + n), e.getMessage());
  }

  @Test
  void courseSplitNeedsThreeRows() {
    assertThrows(IllegalArgumentException.class, () -> CourseSplitter.split(indexed(2), 0));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void testSizeOutsideTheOpenUnitIntervalIsRefused(double testSize) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new TrainTestSplitter(testSize, 0));
    assertTrue(e.getMessage().contains("testSize") && e.getMessage().contains(
        String.valueOf(testSize)), e.getMessage());
  }

  @Test
  void noRowIsLostOrDuplicatedAcrossCourseParts() {
    for (long seed = 0; seed < 20; seed++) {
      CourseSplit s = CourseSplitter.split(indexed(506), seed);
      List<Double> all = new ArrayList<>();
      for (Dataset part : List.of(s.train(), s.validation(), s.test())) {
        for (double v : part.labels()) {
          all.add(v);
        }
        for (int r = 0; r < part.rows(); r++) {
          assertEquals(part.labels()[r], part.features()[r][0], "row and label stay together");
        }
      }
      all.sort(null);
      for (int i = 0; i < 506; i++) {
        assertEquals(i, all.get(i), "seed " + seed);
      }
      assertEquals(506, all.size());
    }
  }

  @Test
  void sameSeedGivesTheSameSplitAndOtherSeedsDiffer() {
    Dataset d = indexed(506);
    CourseSplit a = CourseSplitter.split(d, 123);
    CourseSplit b = CourseSplitter.split(indexed(506), 123);
    assertArrayEquals(ids(a.train()), ids(b.train()));
    assertArrayEquals(ids(a.validation()), ids(b.validation()));
    assertArrayEquals(ids(a.test()), ids(b.test()));
    for (long other : new long[] {0, 1, 124, -123}) {
      CourseSplit c = CourseSplitter.split(d, other);
      assertFalse(Arrays.equals(ids(a.test()), ids(c.test())), "seed " + other);
      assertFalse(Arrays.equals(ids(a.validation()), ids(c.validation())), "seed " + other);
    }
  }

  @Test
  void partsAreShuffledNotContiguous() {
    double[] test = ids(new TrainTestSplitter(0.33, 5).split(indexed(506)).test());
    double[] sorted = test.clone();
    Arrays.sort(sorted);
    assertFalse(Arrays.equals(test, sorted), "test part is in shuffled order");
    assertTrue(sorted[sorted.length - 1] - sorted[0] > 400, "test rows come from all over");
  }

  @Test
  void courseTestPartEqualsTheFirstTrainTestSplit() {
    Dataset d = indexed(506);
    assertArrayEquals(ids(new TrainTestSplitter(0.33, 9).split(d).test()),
        ids(CourseSplitter.split(d, 9).test()));
  }

  /** Each row is held out with probability nTest/n: a biased shuffle would show here. */
  @Test
  void everyRowIsEquallyLikelyToBeHeldOut() {
    int n = 10;
    int seeds = 4000;
    int[] count = new int[n];
    for (long seed = 0; seed < seeds; seed++) {
      for (double v : new TrainTestSplitter(0.33, seed).split(indexed(n)).test().labels()) {
        count[(int) v]++;
      }
    }
    double p = 4.0 / 10;
    double sd = Math.sqrt(seeds * p * (1 - p));
    for (int i = 0; i < n; i++) {
      assertEquals(seeds * p, count[i], 5 * sd, "row " + i + ": " + Arrays.toString(count));
    }
  }

  /**
   * Pinned: the published course splits depend on this permutation; changing the shuffle
   * changes every split. (Values recorded from the first implementation.)
   */
  @Test
  void bostonSeedZeroSplitIsPinned() {
    CourseSplit s = CourseSplitter.split(indexed(506), 0);
    assertArrayEquals(PINNED_TEST_HEAD, Arrays.copyOf(ids(s.test()), 5));
    assertArrayEquals(PINNED_VALIDATION_HEAD, Arrays.copyOf(ids(s.validation()), 5));
  }

  static final double[] PINNED_TEST_HEAD = {83, 221, 444, 63, 487};
  static final double[] PINNED_VALIDATION_HEAD = {163, 104, 438, 459, 353};

  /**
   * The shuffle's only source of randomness is SplittableRandom.nextLong, which must be
   * SplitMix64: the reference implementation (Vigna, splitmix64.c) gives 0xe220a8397b1dcdaf as
   * the first output for state 0.
   */
  @Test
  void splittableRandomIsReferenceSplitMix64() {
    assertEquals(0xe220a8397b1dcdafL, new java.util.SplittableRandom(0).nextLong());
  }

  @Test
  void provenanceKeepsSourceAndShaAndRecordsTheDerivation() {
    Split s = new TrainTestSplitter(0.25, 3).split(indexed(8));
    assertEquals(new Provenance("test:indexed", "abc",
        "train_test_split test_size=0.25 seed=3 part=test"), s.test().provenance());
    assertEquals(new Provenance("test:indexed", "abc",
        "train_test_split test_size=0.25 seed=3 part=train"), s.train().provenance());
    CourseSplit c = CourseSplitter.split(s.train(), 11);
    assertEquals("train_test_split test_size=0.25 seed=3 part=train; course split seed=11"
        + " part=validation", c.validation().provenance().derivation());
  }

  @Test
  void unlabelledDataSplitsToo() {
    Dataset d = new Dataset(new double[10][2], null, List.of("a", "b"),
        new Provenance("x", "", ""));
    Split s = new TrainTestSplitter(0.5, 1).split(d);
    assertEquals(5, s.test().rows());
    assertNull(s.test().labels());
  }

  @Test
  void partsDoNotShareRowArraysWithTheParent() {
    Dataset d = indexed(20);
    Split s = new TrainTestSplitter(0.33, 0).split(d);
    s.train().features()[0][0] = -1;
    for (double[] row : d.features()) {
      assertTrue(row[0] >= 0);
    }
  }
}
