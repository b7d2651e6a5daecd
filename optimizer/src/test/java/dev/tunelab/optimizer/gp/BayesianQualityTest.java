package dev.tunelab.optimizer.gp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.optimizer.benchmark.BenchmarkResult;
import dev.tunelab.optimizer.benchmark.BenchmarkRunner;
import dev.tunelab.optimizer.benchmark.TestFunction;
import dev.tunelab.optimizer.benchmark.TestFunctions;
import org.junit.jupiter.api.Test;

/** A quality gate: a regression in the Bayesian strategy fails the build. */
class BayesianQualityTest {

  @Test
  void bayesianBeatsRandomOnBraninInMedianSimpleRegret() {
    TestFunction branin = TestFunctions.byName("branin");
    BenchmarkResult bo = BenchmarkRunner.run(branin, "Bayesian", BenchmarkRunner.byName("Bayesian"), 30, 5, 1);
    BenchmarkResult rs = BenchmarkRunner.run(branin, "Random", BenchmarkRunner.byName("Random"), 30, 5, 1);
    double boRegret = bo.last().median() - branin.optimum();
    double rsRegret = rs.last().median() - branin.optimum();
    assertTrue(boRegret < 0.05, "Bayesian median simple regret " + boRegret + " on branin after 30 trials");
    assertTrue(boRegret < rsRegret / 10, "Bayesian " + boRegret + " vs Random " + rsRegret);
  }

  @Test
  void aValleyWithLossesOverFiveOrdersOfMagnitudeIsFollowed() {
    // Rosenbrock's walls reach 10^6 while the valley floor is below 10: without the output
    // warping the standardised targets are all walls (median 303 after 50 trials, 20 seeds).
    TestFunction rosenbrock = TestFunctions.byName("rosenbrock4");
    BenchmarkResult bo = BenchmarkRunner.run(rosenbrock, "Bayesian", BenchmarkRunner.byName("Bayesian"), 40, 5, 1);
    assertTrue(bo.last().median() < 100, "Bayesian median best on rosenbrock4 after 40 trials: " + bo.last());
  }
}
