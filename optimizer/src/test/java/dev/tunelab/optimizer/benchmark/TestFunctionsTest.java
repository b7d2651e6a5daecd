package dev.tunelab.optimizer.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Strategy;
import dev.tunelab.optimizer.space.Configuration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every test function against the literature: its value at the published minimiser equals the
 * published optimum (both typed from the sources below, to the digits they give), the minimiser
 * lies in the function's space, and random points are never below the optimum.
 *
 * <p>Sources: Surjanovic and Bingham, Virtual Library of Simulation Experiments (sfu.ca/~ssurjano);
 * Dixon and Szegő (1978) for Shekel's centres and its minimiser (4.000747, 4.000593, 3.999663,
 * 3.999510); Vanaret et al. (2020, "Certified global minima for a benchmark of difficult
 * optimization problems") for the 5-D Michalewicz minimiser.
 */
class TestFunctionsTest {

  /** A published minimiser, the published optimum and the tolerance its digits allow. */
  private record Known(Map<String, Object> minimiser, double optimum, double tolerance) {
  }

  private static Map<String, Object> xs(double... x) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < x.length; i++) {
      m.put("x" + (i + 1), x[i]);
    }
    return m;
  }

  private static double[] same(int d, double v) {
    double[] x = new double[d];
    java.util.Arrays.fill(x, v);
    return x;
  }

  private static Map<String, Known> literature() {
    Map<String, Known> k = new LinkedHashMap<>();
    k.put("branin", new Known(xs(Math.PI, 2.275), 0.397887, 1e-6));
    k.put("hartmann6", new Known(xs(0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573), -3.32237, 1e-5));
    k.put("hartmann3", new Known(xs(0.114614, 0.555649, 0.852547), -3.86278, 1e-5));
    k.put("ackley5", new Known(xs(same(5, 0)), 0, 1e-12));
    k.put("rosenbrock4", new Known(xs(same(4, 1)), 0, 1e-12));
    k.put("levy10", new Known(xs(same(10, 1)), 0, 1e-12));
    Map<String, Object> mixed = xs(Math.PI, 2.275);
    mixed.put("n", 4L);
    mixed.put("activation", "relu");
    k.put("mixed", new Known(mixed, 0.397887, 1e-6));
    k.put("sixhumpcamel", new Known(xs(0.0898, -0.7126), -1.0316, 1e-4));
    k.put("styblinskitang4", new Known(xs(same(4, -2.903534)), -156.664, 1e-3));
    k.put("rastrigin5", new Known(xs(same(5, 0)), 0, 1e-12));
    k.put("griewank8", new Known(xs(same(8, 0)), 0, 1e-12));
    k.put("schwefel4", new Known(xs(same(4, 420.9687)), 0, 1e-6));
    k.put("michalewicz5", new Known(xs(2.202906, 1.570796, 1.284992, 1.923058, 1.720470), -4.687658, 1e-6));
    // x_i = 2^(-(2^i - 2) / 2^i), i = 1..6
    k.put("dixonprice6", new Known(xs(1, Math.pow(2, -0.5), Math.pow(2, -0.75), Math.pow(2, -0.875),
        Math.pow(2, -0.9375), Math.pow(2, -0.96875)), 0, 1e-12));
    k.put("zakharov8", new Known(xs(same(8, 0)), 0, 1e-12));
    k.put("shekel", new Known(xs(4.000747, 4.000593, 3.999663, 3.999510), -10.536410, 1e-6));
    Map<String, Object> grid = new LinkedHashMap<>();
    for (int i = 1; i <= 4; i++) {
      grid.put("k" + i, 0L);
    }
    k.put("rastrigin4int", new Known(grid, 0, 1e-12));
    Map<String, Object> camelcat = xs(0.0898, -0.7126);
    camelcat.put("optimizer", "adam");
    camelcat.put("booster", "dart");
    k.put("camelcat", new Known(camelcat, -1.0316, 1e-4));
    return k;
  }

  @Test
  void everyFunctionHasALiteratureEntryAndThereAreAtLeastFourteen() {
    assertEquals(literature().keySet(), Set.copyOf(TestFunctions.names()));
    assertTrue(TestFunctions.names().size() >= 14, TestFunctions.names().toString());
  }

  @Test
  void valueAtThePublishedMinimiserIsThePublishedOptimum() {
    literature().forEach((name, known) -> {
      TestFunction f = TestFunctions.byName(name);
      Configuration c = new Configuration(known.minimiser());
      f.space().check(c);
      double v = f.evaluate(c);
      assertEquals(known.optimum(), v, known.tolerance(), name + " at its minimiser");
      assertEquals(known.optimum(), f.optimum(), known.tolerance(), name + "'s declared optimum");
      assertTrue(v >= f.optimum() - 1e-9, name + ": " + v + " below the declared optimum " + f.optimum());
    });
  }

  @Test
  void randomPointsAreNeverBelowTheOptimum() {
    for (TestFunction f : TestFunctions.all()) {
      Strategy random = BenchmarkRunner.byName("Random").create(f.space(), 7);
      List<Configuration> points = random.suggest(History.empty(), 200);
      Set<Double> distinct = new HashSet<>();
      for (Configuration c : points) {
        f.space().check(c);
        double v = f.evaluate(c);
        assertTrue(Double.isFinite(v) && v >= f.optimum() - 1e-9, f.name() + " at " + c + " = " + v);
        distinct.add(v);
      }
      assertTrue(distinct.size() > 20, f.name() + " is nearly constant: " + distinct.size() + " values");
    }
  }

  @Test
  void knownNonOptimalPointsHaveTheirPublishedShape() {
    // Styblinski-Tang's local minimum near x = 2.746803 in every coordinate is worse than the global one
    double local = TestFunctions.styblinskiTang(same(4, 2.746803));
    assertTrue(local > -156.664 + 10, "local minimum " + local);
    // Shekel with the library's listing (seventh centre (5, 3, 5, 3)) would give -10.53628 at (4, 4, 4, 4);
    // Dixon and Szegő's centres give -10.5363 there too, but -10.5364 at the true minimiser
    assertTrue(TestFunctions.shekel(same(4, 4)) > -10.53641 + 1e-5);
    // Rastrigin on the integer grid: k = 10 (x = 1) is a local minimum of value 1
    assertEquals(1.0, TestFunctions.byName("rastrigin4int").evaluate(new Configuration(
        Map.of("k1", 10L, "k2", 0L, "k3", 0L, "k4", 0L))), 1e-12);
    // camelcat: the categorical penalty is not additive (sgd prefers dart, rmsprop prefers gbtree)
    TestFunction cat = TestFunctions.byName("camelcat");
    Map<String, Object> p = xs(0.0898, -0.7126);
    p.put("optimizer", "rmsprop");
    p.put("booster", "gbtree");
    double rmsGbtree = cat.evaluate(new Configuration(p));
    p.put("booster", "dart");
    double rmsDart = cat.evaluate(new Configuration(p));
    assertTrue(rmsGbtree < rmsDart, rmsGbtree + " vs " + rmsDart);
  }

  @Test
  void unknownNameListsTheKnownOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TestFunctions.byName("sphere"));
    assertTrue(e.getMessage().contains("sphere") && e.getMessage().contains("shekel"), e.getMessage());
  }
}
