package dev.tunelab.datasets;

/**
 * The split the SageMaker Boston-housing course makes: {@code train_test_split(test_size=0.33)}
 * on all rows gives the test part, then {@code train_test_split(test_size=0.33)} on the rest
 * gives validation (held out) and train. With 506 rows: 167 test, then 112 validation and 227
 * train.
 *
 * <p>The first shuffle is {@code new TrainTestSplitter(0.33, seed)}, so the test part equals that
 * splitter's test part; the second uses a seed derived from {@code seed} (SplitMix64 finaliser of
 * {@code seed + 1}). Each part keeps the parent's source and sha256, with the derivation
 * {@code course split seed=S part=train|validation|test}.
 */
public final class CourseSplitter {

  /** The course's {@code test_size}, used for both splits. */
  public static final double TEST_SIZE = 0.33;

  private CourseSplitter() {}

  /**
   * Splits {@code d} into train, validation and test parts.
   *
   * @throws IllegalArgumentException when a part would be empty (fewer than 3 rows)
   */
  public static CourseSplit split(Dataset d, long seed) {
    int n = d.rows();
    int nTest = TrainTestSplitter.testRows(n, TEST_SIZE);
    int rest = n - nTest;
    int nValidation = TrainTestSplitter.testRows(rest, TEST_SIZE);
    int[] first = Shuffle.permutation(n, seed);
    int[] second = Shuffle.permutation(rest, Shuffle.derive(seed));
    int[] order = new int[n]; // validation, train, test
    for (int i = 0; i < rest; i++) {
      order[i] = first[nTest + second[i]];
    }
    System.arraycopy(first, 0, order, rest, nTest);
    String step = "course split seed=" + seed + " part=";
    Provenance parent = d.provenance();
    return new CourseSplit(
        Shuffle.select(d, order, nValidation, rest, Shuffle.derived(parent, step + "train")),
        Shuffle.select(d, order, 0, nValidation, Shuffle.derived(parent, step + "validation")),
        Shuffle.select(d, order, rest, n, Shuffle.derived(parent, step + "test")),
        seed);
  }
}
