package dev.tunelab.optimizer.space;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitCubeEncoderTest {

  static final SearchSpace SPACE = new SearchSpace(List.of(
      new ContinuousRange("eta", 0.05, 0.5, ScalingType.LINEAR),
      new ContinuousRange("lr", 1e-5, 1e-1, ScalingType.LOGARITHMIC),
      new ContinuousRange("momentum", 0.0, 0.999, ScalingType.REVERSE_LOGARITHMIC),
      new IntegerRange("depth", 3, 12),
      new IntegerRange("trees", 1, 1000, ScalingType.LOGARITHMIC),
      new CategoricalRange("booster", List.of("gbtree", "gblinear", "dart"))));

  @Test
  void dimensionsCountOneHot() {
    UnitCubeEncoder e = new UnitCubeEncoder(SPACE);
    assertEquals(8, e.dimensions());
    assertEquals(5, e.offset(5));
    assertEquals(3, e.width(5));
  }

  @Test
  void integersAndCategoricalsRoundTripExactly() {
    UnitCubeEncoder e = new UnitCubeEncoder(SPACE);
    for (long depth = 3; depth <= 12; depth++) {
      for (long trees : new long[] {1, 2, 3, 10, 999, 1000}) {
        for (String b : List.of("gbtree", "gblinear", "dart")) {
          Configuration c = new Configuration(Map.of("eta", 0.3, "lr", 1e-3, "momentum", 0.9,
              "depth", depth, "trees", trees, "booster", b));
          Configuration back = e.decode(e.encode(c));
          assertEquals(depth, back.getLong("depth"));
          assertEquals(trees, back.getLong("trees"));
          assertEquals(b, back.getString("booster"));
          assertEquals(0.3, back.getDouble("eta"), 1e-12);
          assertEquals(1e-3, back.getDouble("lr"), 1e-15);
          assertEquals(0.9, back.getDouble("momentum"), 1e-12);
        }
      }
    }
  }

  @Test
  void boundsMapToCubeEdgesAndWarpsAreMonotone() {
    UnitCubeEncoder e = new UnitCubeEncoder(SPACE);
    Configuration lo = new Configuration(Map.of("eta", 0.05, "lr", 1e-5, "momentum", 0.0, "depth", 3L, "trees", 1L, "booster", "dart"));
    double[] u = e.encode(lo);
    assertEquals(0.0, u[0], 1e-12);
    assertEquals(0.0, u[1], 1e-12);
    assertEquals(0.0, u[2], 1e-12);
    assertEquals(0.05, u[3], 1e-12); // 3 is the centre of [2.5, 3.5] in [2.5, 12.5]
    assertArrayEquals(new double[] {0, 0, 1}, new double[] {u[5], u[6], u[7]});
    // log: 1e-3 is halfway between 1e-5 and 1e-1
    Configuration mid = new Configuration(Map.of("eta", 0.05, "lr", 1e-3, "momentum", 0.0, "depth", 3L, "trees", 1L, "booster", "dart"));
    assertEquals(0.5, e.encode(mid)[1], 1e-12);
  }

  @Test
  void reverseLogGivesResolutionNearOne() {
    UnitCubeEncoder e = new UnitCubeEncoder(SPACE);
    double[] u = new double[e.dimensions()];
    u[2] = 0.5;
    double half = e.decode(u).getDouble("momentum");
    assertTrue(half > 0.9, "the middle of the cube should decode close to 1, got " + half);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void decodeOfAnyPointIsValid(long seed) {
    UnitCubeEncoder e = new UnitCubeEncoder(SPACE);
    SplittableRandom rng = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      double[] u = new double[e.dimensions()];
      for (int j = 0; j < u.length; j++) {
        u[j] = rng.nextDouble(-0.5, 1.5);
      }
      Configuration c = e.decode(u);
      SPACE.check(c);
      Configuration again = e.decode(e.snap(u));
      for (ParameterRange r : SPACE.ranges()) {
        if (r instanceof ContinuousRange) {
          assertEquals(c.getDouble(r.name()), again.getDouble(r.name()), 1e-12 * Math.max(1, Math.abs(c.getDouble(r.name()))));
        } else {
          assertEquals(c.values().get(r.name()), again.values().get(r.name()));
        }
      }
    }
  }

  @Test
  void rejectsWrongLengthAndForeignConfigurations() {
    UnitCubeEncoder e = new UnitCubeEncoder(SPACE);
    assertThrows(IllegalArgumentException.class, () -> e.decode(new double[3]));
    assertThrows(IllegalArgumentException.class, () -> e.encode(new Configuration(Map.of("eta", 0.1))));
    assertThrows(IllegalArgumentException.class, () -> e.encode(new Configuration(Map.of("eta", 0.9, "lr", 1e-3,
        "momentum", 0.5, "depth", 3L, "trees", 1L, "booster", "dart"))));
  }
}
