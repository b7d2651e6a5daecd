package dev.tunelab.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every min/max decision a caller needs, in one place. */
class DirectionTest {

  @Test
  void sageMakerNamesRoundTrip() {
    for (Direction d : Direction.values()) {
      assertEquals(d, Direction.fromSageMaker(d.sageMakerName()));
    }
    assertEquals("Minimize", Direction.MINIMIZE.sageMakerName());
    assertEquals("Maximize", Direction.MAXIMIZE.sageMakerName());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Direction.fromSageMaker("minimise"));
    assertTrue(e.getMessage().contains("minimise") && e.getMessage().contains("Minimize, Maximize"), e.getMessage());
  }

  @Test
  void betterMeansSmallerWhenMinimisingAndLargerWhenMaximising() {
    assertTrue(Direction.MINIMIZE.isBetter(1, 2));
    assertFalse(Direction.MINIMIZE.isBetter(2, 1));
    assertFalse(Direction.MINIMIZE.isBetter(1, 1), "a tie is not better");
    assertTrue(Direction.MAXIMIZE.isBetter(2, 1));
    assertFalse(Direction.MAXIMIZE.isBetter(1, 2));
  }

  @Test
  void reachingATargetIncludesTheTarget() {
    assertTrue(Direction.MINIMIZE.reaches(3.0, 3.0));
    assertTrue(Direction.MINIMIZE.reaches(2.9, 3.0));
    assertFalse(Direction.MINIMIZE.reaches(3.1, 3.0));
    assertTrue(Direction.MAXIMIZE.reaches(3.0, 3.0));
    assertFalse(Direction.MAXIMIZE.reaches(2.9, 3.0));
  }

  @Test
  void lossAndBestFirstOrderAgree() {
    List<Double> values = List.of(0.3, -1.0, 2.5);
    for (Direction d : Direction.values()) {
      List<Double> sorted = new ArrayList<>(values);
      sorted.sort(d.bestFirst());
      assertTrue(d.isBetter(sorted.get(0), sorted.get(1)) && d.isBetter(sorted.get(1), sorted.get(2)), d.name());
      assertTrue(d.toLoss(sorted.get(0)) < d.toLoss(sorted.get(2)), d.name());
    }
    assertEquals(List.of(2.5, 0.3, -1.0), values.stream().sorted(Direction.MAXIMIZE.bestFirst()).toList());
  }
}
