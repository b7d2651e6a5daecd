package dev.tunelab.optimizer.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.History;
import dev.tunelab.optimizer.Strategy;
import dev.tunelab.optimizer.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkRunnerTest {

  @Test
  void knownOptimaAreReached() {
    assertEquals(0.397887, TestFunctions.branin(Math.PI, 2.275), 1e-6);
    assertEquals(0.397887, TestFunctions.branin(-Math.PI, 12.275), 1e-6);
    assertEquals(-3.32237, TestFunctions.hartmann6(new double[] {0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573}), 1e-5);
    assertEquals(-3.86278, TestFunctions.hartmann3(new double[] {0.114614, 0.555649, 0.852547}), 1e-5);
    assertEquals(0, TestFunctions.ackley(new double[5]), 1e-12);
    assertEquals(0, TestFunctions.rosenbrock(new double[] {1, 1, 1, 1}), 0);
    assertEquals(0, TestFunctions.levy(new double[] {1, 1, 1, 1, 1, 1, 1, 1, 1, 1}), 1e-12);
  }

  @Test
  void quartilesInterpolateLikeNumpy() {
    Quartiles q = Quartiles.of(new double[] {4, 1, 3, 2});
    assertEquals(1.75, q.q1(), 1e-12);
    assertEquals(2.5, q.median(), 1e-12);
    assertEquals(3.25, q.q3(), 1e-12);
  }

  @Test
  void parallelSimulationKeepsKPendingAndCompletesTheOldest() {
    TestFunction f = TestFunctions.byName("branin");
    List<Integer> pendingSeen = new ArrayList<>();
    List<Integer> asked = new ArrayList<>();
    Strategy inner = BenchmarkRunner.byName("Random").create(f.space(), 3);
    Strategy spy = (History h, int count) -> {
      pendingSeen.add(h.pending().size());
      asked.add(count);
      return inner.suggest(h, count);
    };
    double[] t = BenchmarkRunner.trajectory(f, spy, 10, 3);
    assertEquals(3, asked.get(0));
    assertEquals(0, pendingSeen.get(0));
    for (int i = 1; i < asked.size(); i++) {
      assertEquals(1, asked.get(i));
      assertEquals(2, pendingSeen.get(i));
    }
    assertEquals(8, asked.size()); // 3 + 7 single asks for 10 trials
    for (int i = 1; i < t.length; i++) {
      assertTrue(t[i] <= t[i - 1]);
    }
  }

  @Test
  void resultsAreReproducibleAndJsonHasEveryBudget() {
    TestFunction f = TestFunctions.byName("mixed");
    BenchmarkResult a = BenchmarkRunner.run(f, "Random", BenchmarkRunner.byName("Random"), 7, 3, 2);
    BenchmarkResult b = BenchmarkRunner.run(f, "Random", BenchmarkRunner.byName("Random"), 7, 3, 2);
    for (int s = 0; s < 3; s++) {
      assertEquals(java.util.Arrays.toString(a.trajectories().get(s)), java.util.Arrays.toString(b.trajectories().get(s)));
    }
    assertEquals(7, a.summary().size(), "one summary per budget");
    assertEquals(3, a.trajectories().size(), "one trajectory per seed");
    String table = BenchmarkTable.table(List.of(a));
    assertTrue(table.contains("mixed") && table.contains("parallel 2") && table.contains("median"), table);
    Configuration any = f.space().ranges().isEmpty() ? null : BenchmarkRunner.byName("Random").create(f.space(), 1)
        .suggest(History.empty(), 1).get(0);
    assertTrue(f.evaluate(any) >= f.optimum());
  }
}
