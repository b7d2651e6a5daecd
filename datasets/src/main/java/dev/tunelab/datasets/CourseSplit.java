package dev.tunelab.datasets;

import java.util.Objects;

/**
 * The course's three-way split (see {@link CourseSplitter}): train, validation and test parts
 * plus the seed that produced them.
 *
 * @param train      the training part (about 45% of the rows)
 * @param validation the validation part used for early stopping and the tuning objective
 *                   (about 22%)
 * @param test       the held-out test part (about 33%)
 * @param seed       the seed given to {@link CourseSplitter#split}
 */
public record CourseSplit(Dataset train, Dataset validation, Dataset test, long seed) {
  public CourseSplit {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
  }

  /** Total rows over the three parts. */
  public int rows() {
    return train.rows() + validation.rows() + test.rows();
  }
}
