package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchmarkCommandTest {

  private record Run(int code, String out, String err) {
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void jsonHasOneResultPerStrategyWithEveryBudgetAndSeed() {
    Run r = run("benchmark", "--function", "branin", "--strategy", "Random,Bayesian", "--trials", "6",
        "--seeds", "2", "--parallel", "2", "--json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\"results\":["), r.out());
    assertEquals(2, r.out().split("\"strategy\"").length - 1);
    assertEquals(12, r.out().split("\"budget\"").length - 1);
    assertEquals(4, r.out().split("\"bestSoFar\"").length - 1);
    assertTrue(r.out().contains("\"parallel\":2"));
  }

  @Test
  void tablePrintsMedianAndQuartiles() {
    Run r = run("benchmark", "--function", "hartmann6", "--strategy", "Random", "--trials", "10", "--seeds", "3");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("median") && r.out().contains("hartmann6"), r.out());
  }

  @Test
  void badInputExitsTwoAndNamesTheValue() {
    Run r = run("benchmark", "--function", "nosuch");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("nosuch") && r.err().contains("branin"), r.err());
    Run s = run("benchmark", "--strategy", "Grid", "--trials", "3");
    assertEquals(2, s.code());
    assertTrue(s.err().contains("Grid"), s.err());
    assertEquals(2, run("benchmark", "--trials", "0").code());
  }
}
