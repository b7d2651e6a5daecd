package dev.tunelab.datasets;

/**
 * A seeded shuffle-and-split into train and test parts that follows scikit-learn's
 * {@code train_test_split(test_size=...)}: the test part has {@code ceil(testSize * n)} rows and
 * the train part the rest, taken from one random permutation (test first, as scikit-learn's
 * {@code ShuffleSplit} does). Rows inside each part are in permutation order. The permutation is
 * deterministic for a seed on every JVM (see {@code Shuffle}); it does not match numpy's.
 *
 * <p>Each part keeps the parent's source and sha256; its derivation records the test size, the
 * seed and the part, e.g. {@code train_test_split test_size=0.33 seed=0 part=test}.
 */
public final class TrainTestSplitter {

  private final double testSize;
  private final long seed;

  /**
   * @param testSize fraction of rows held out, strictly between 0 and 1 (e.g. 0.33)
   * @param seed     seed of the shuffle
   * @throws IllegalArgumentException when testSize is not in (0, 1)
   */
  public TrainTestSplitter(double testSize, long seed) {
    if (!(testSize > 0 && testSize < 1)) {
      throw new IllegalArgumentException("testSize must be a fraction strictly between 0 and 1,"
          + " got " + testSize);
    }
    this.testSize = testSize;
    this.seed = seed;
  }

  /** The held-out fraction. */
  public double testSize() {
    return testSize;
  }

  /** The seed of the shuffle. */
  public long seed() {
    return seed;
  }

  /**
   * Rows in the test part for {@code n} rows: {@code ceil(testSize * n)} in double arithmetic,
   * as scikit-learn computes it.
   *
   * @throws IllegalArgumentException when either part would be empty
   */
  public static int testRows(int n, double testSize) {
    int nTest = (int) Math.ceil(testSize * n);
    if (nTest < 1 || n - nTest < 1) {
      throw new IllegalArgumentException("with n=" + n + " rows and testSize=" + testSize
          + " the " + (nTest < 1 ? "test" : "train") + " part would be empty; need more rows");
    }
    return nTest;
  }

  /**
   * Shuffles the rows of {@code d} and splits them.
   *
   * @throws IllegalArgumentException when either part would be empty
   */
  public Split split(Dataset d) {
    int n = d.rows();
    int nTest = testRows(n, testSize);
    int[] p = Shuffle.permutation(n, seed);
    String step = "train_test_split test_size=" + testSize + " seed=" + seed + " part=";
    Dataset test = Shuffle.select(d, p, 0, nTest, Shuffle.derived(d.provenance(), step + "test"));
    Dataset train = Shuffle.select(d, p, nTest, n,
        Shuffle.derived(d.provenance(), step + "train"));
    return new Split(train, test);
  }
}
