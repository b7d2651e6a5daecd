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
    CommandLine cl = Main.commandLine();
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
  void helpListsEveryTestFunctionIncludingTheIntegerAndCategoricalOnes() {
    Run r = run("benchmark", "--help");
    assertEquals(0, r.code(), r.err());
    for (String f : new String[] {"branin", "mixed", "shekel", "michalewicz5", "rastrigin4int", "camelcat"}) {
      assertTrue(r.out().contains(f), f + " missing from: " + r.out());
    }
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

  /** Issue 13, fault 15: 2^31 - 1 trials ran out of memory with a stack trace. */
  @Test
  void everyNumericOptionIsBoundedAndTheMessageSaysTheBound() {
    Run r = run("benchmark", "--trials", "2147483647");
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains("--trials: got '2147483647'; expected an integer from 1 to 10000"), r.err());
    Run s = run("benchmark", "--seeds", "1001");
    assertEquals(2, s.code(), s.err());
    assertTrue(s.err().contains("--seeds: got '1001'; expected an integer from 1 to 1000"), s.err());
    Run p = run("benchmark", "--parallel", "-1");
    assertEquals(2, p.code(), p.err());
    assertTrue(p.err().contains("--parallel: got '-1'; expected an integer from 1 to 100"), p.err());
    Run o = run("benchmark", "--trials", "2147483648");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains("'2147483648' is not an integer from -2147483648 to 2147483647"), o.err());
    Run d = run("benchmark", "--trials", "1e400");
    assertEquals(2, d.code(), d.err());
    assertTrue(!d.err().contains("Infinity") && !d.err().contains("\tat "), d.err());
  }
}
