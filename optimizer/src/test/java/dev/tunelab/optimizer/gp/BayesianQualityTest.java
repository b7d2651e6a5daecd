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
}
