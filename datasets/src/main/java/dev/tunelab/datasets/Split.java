package dev.tunelab.datasets;

import java.util.Objects;

/**
 * The two parts of a {@link TrainTestSplitter} split; their provenance says how they were made
 * (test size, seed, part).
 *
 * @param train the training part
 * @param test  the held-out part
 */
public record Split(Dataset train, Dataset test) {
  public Split {
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
  }
}
