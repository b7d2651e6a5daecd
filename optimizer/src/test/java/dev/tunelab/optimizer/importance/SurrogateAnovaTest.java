package dev.tunelab.optimizer.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import dev.tunelab.optimizer.space.UnitCubeEncoder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/** Importance on functions whose Sobol indices are known. */
class SurrogateAnovaTest {

  private static final SearchSpace CUBE = new SearchSpace(List.of(
      new ContinuousRange("x0", 0, 1, ScalingType.LINEAR),
      new ContinuousRange("x1", 0, 1, ScalingType.LINEAR),
      new ContinuousRange("x2", 0, 1, ScalingType.LINEAR)));

  private static List<ParameterImportance> run(SearchSpace space, int n,
      ToDoubleFunction<Configuration> f) {
    UnitCubeEncoder encoder = new UnitCubeEncoder(space);
    SplittableRandom rng = new SplittableRandom(7);
    List<Configuration> configs = new ArrayList<>();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double[] r = new double[space.size()];
      for (int j = 0; j < r.length; j++) {
        r[j] = rng.nextDouble();
      }
      Configuration c = encoder.fromRangeUniforms(r);
      configs.add(c);
      y[i] = f.applyAsDouble(c);
    }
    return SurrogateAnova.estimate(space, configs, y, 42);
  }

  @Test
  void aSteepLinearTermDominatesAShallowOne() {
    List<ParameterImportance> imp = run(CUBE, 40,
        c -> 10 * c.getDouble("x0") + 0.1 * c.getDouble("x1"));
    assertEquals(List.of("x0", "x1", "x2"), imp.stream().map(ParameterImportance::name).toList());
    // exact: S0 = 100 / 100.01, S1 = 0.01 / 100.01, S2 = 0
    assertTrue(imp.get(0).importance() > 0.9, imp::toString);
    assertTrue(imp.get(1).importance() < 0.05, imp::toString);
    assertTrue(imp.get(2).importance() < 0.05, imp::toString);
  }

  @Test
  void aFunctionOfOneVariableGivesItAllTheVariance() {
    List<ParameterImportance> imp = run(CUBE, 40,
        c -> Math.pow(c.getDouble("x1") - 0.3, 2) + Math.sin(3 * c.getDouble("x1")));
    assertTrue(imp.get(1).importance() > 0.9, imp::toString);
    assertTrue(imp.get(0).importance() < 0.05, imp::toString);
    assertTrue(imp.get(2).importance() < 0.05, imp::toString);
    double sum = imp.stream().mapToDouble(ParameterImportance::importance).sum();
    assertTrue(sum <= 1 + 1e-12, "sum " + sum);
  }

  @Test
  void categoricalAndLogRangesAreMeasuredInTheirOwnScale() {
    SearchSpace space = new SearchSpace(List.of(
        new ContinuousRange("eta", 0.001, 1, ScalingType.LOGARITHMIC),
        new IntegerRange("depth", 1, 10, ScalingType.LINEAR),
        new CategoricalRange("booster", List.of("gbtree", "dart", "gblinear"))));
    // uniform in log(eta): log10(eta) spans 3 decades; booster shifts by 0, 3, 6
    List<ParameterImportance> imp = run(space, 60, c -> Math.log10(c.getDouble("eta"))
        + 3 * List.of("gbtree", "dart", "gblinear").indexOf(c.getString("booster")));
    // exact: Var(log10 eta) = 9/12 = 0.75, Var(booster) = 9 * 2/3 = 6 -> S = 0.11, 0.89
    assertEquals(0.11, imp.get(0).importance(), 0.06, imp::toString);
    assertTrue(imp.get(1).importance() < 0.05, imp::toString);
    assertEquals(0.89, imp.get(2).importance(), 0.08, imp::toString);
  }

  @Test
  void sameInputsAndSeedSameAnswerAndAConstantObjectiveHasNoImportance() {
    ToDoubleFunction<Configuration> f = c -> c.getDouble("x0") * c.getDouble("x2");
    assertEquals(run(CUBE, 20, f), run(CUBE, 20, f));
    run(CUBE, 10, c -> 3.0).forEach(p -> assertEquals(0.0, p.importance()));
  }

  @Test
  void refusesTooFewPoints() {
    assertThrows(IllegalArgumentException.class,
        () -> SurrogateAnova.estimate(CUBE, List.of(), new double[0], 1));
  }
}
