package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.GridStrategy;
import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The acquisition search: valid, snapped, reproducible choices that avoid excluded configurations. */
class AcquisitionOptimizerTest {

  private static GaussianProcess gp(UnitCubeEncoder encoder, List<Configuration> xs, double[] y) {
    double[][] x = xs.stream().map(encoder::encode).toArray(double[][]::new);
    double[] ls = new double[encoder.dimensions()];
    java.util.Arrays.fill(ls, 0.3);
    return GaussianProcess.fit(x, y, new GpHyperparameters(ls, 1.0, 1e-4));
  }

  @Test
  void aContinuousChoiceIsInsideTheSpaceSnappedAndReproducible() {
    SearchSpace space = new SearchSpace(List.of(new ContinuousRange("x", 0, 1, ScalingType.LINEAR)));
    UnitCubeEncoder encoder = new UnitCubeEncoder(space);
    List<Configuration> seen = List.of(encoder.decode(new double[] {0.1}), encoder.decode(new double[] {0.5}),
        encoder.decode(new double[] {0.9}));
    double[] y = {1.0, -1.0, 1.0};
    GaussianProcess gp = gp(encoder, seen, y);
    AcquisitionOptimizer opt = new AcquisitionOptimizer(encoder);
    List<double[]> anchors = List.of(encoder.encode(seen.get(1)));
    AcquisitionOptimizer.Choice a = opt.maximize(gp, -1.0, anchors, new HashSet<>(seen), 64, 2, 20,
        new SplittableRandom(7));
    AcquisitionOptimizer.Choice b = opt.maximize(gp, -1.0, anchors, new HashSet<>(seen), 64, 2, 20,
        new SplittableRandom(7));
    assertNotNull(a);
    space.check(a.configuration());
    assertFalse(seen.contains(a.configuration()));
    assertArrayEquals(encoder.encode(a.configuration()), a.point(), 1e-12, "the point is the snapped configuration");
    assertTrue(Double.isFinite(a.logEi()), "log EI " + a.logEi());
    assertEquals(a.configuration(), b.configuration(), "same random stream, same choice");
  }

  @Test
  void aDiscreteSpaceYieldsTheOnlyConfigurationNotExcludedThenNothing() {
    SearchSpace space = new SearchSpace(List.of(new CategoricalRange("c", List.of("a", "b")),
        new IntegerRange("n", 1, 2, ScalingType.LINEAR)));
    UnitCubeEncoder encoder = new UnitCubeEncoder(space);
    List<Configuration> all = List.of(GridStrategy.combination(space, 0), GridStrategy.combination(space, 1),
        GridStrategy.combination(space, 2), GridStrategy.combination(space, 3));
    GaussianProcess gp = gp(encoder, all.subList(0, 3), new double[] {0.5, -0.5, 1.0});
    AcquisitionOptimizer opt = new AcquisitionOptimizer(encoder);
    Set<Configuration> excluded = new HashSet<>(all.subList(0, 3));
    AcquisitionOptimizer.Choice c = opt.maximize(gp, -0.5, List.of(), excluded, 32, 1, 10, new SplittableRandom(3));
    assertNotNull(c);
    assertEquals(all.get(3), c.configuration());
    excluded.add(all.get(3));
    assertNull(opt.maximize(gp, -0.5, List.of(), excluded, 32, 1, 10, new SplittableRandom(3)),
        "every configuration excluded: no choice");
  }
}
