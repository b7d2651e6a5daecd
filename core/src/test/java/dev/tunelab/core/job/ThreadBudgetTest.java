package dev.tunelab.core.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class ThreadBudgetTest {

  static Dataset data(int rows, int cols) {
    double[][] x = new double[rows][cols];
    return new Dataset(x, new double[rows], Collections.nCopies(cols, "f"), new Provenance("test", "", ""));
  }

  @Test
  void smallDataTrainsOnOneThreadWhateverTheShare() {
    assertEquals(1, ThreadBudget.forData(8, data(227, 13)));
  }

  @Test
  void largeDataUsesItsShareButNoMore() {
    assertEquals(4, ThreadBudget.forData(4, data(100_000, 50)));
    assertEquals(3, ThreadBudget.forData(8, data(50_000, 10)));
  }

  @Test
  void unknownDataGetsTheShare() {
    assertEquals(3, ThreadBudget.forData(3, null));
  }

  @Test
  void shareIsAtLeastOne() {
    assertEquals(1, ThreadBudget.share(1000));
    assertEquals(Runtime.getRuntime().availableProcessors(), ThreadBudget.share(1));
  }
}
