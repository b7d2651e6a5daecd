package dev.tunelab.benchmarks.quality;

import dev.tunelab.optimizer.benchmark.TestFunction;
import dev.tunelab.optimizer.benchmark.TestFunctions;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ParameterRange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of TuneLab's benchmark test functions at given points, so that another
 * implementation (benchmarks/python/quality_suite.py) can be checked against them. Reads lines
 * {@code FUNCTION NAME=VALUE NAME=VALUE ...} (whitespace-separated, every parameter of the
 * function's space, values in SageMaker's text form) from stdin and prints one value per line,
 * as {@link Double#toString(double)} (the shortest decimal that reads back to the same double).
 * Blank lines are skipped. A bad line ends the run with exit status 2 and a message naming the
 * line, the field and what is accepted.
 *
 * <p>Usage (from the repository root):
 * {@code java -cp benchmarks/target/tunelab-benchmarks.jar dev.tunelab.benchmarks.quality.TestFunctionValues < points.txt}
 */
public final class TestFunctionValues {
  private TestFunctionValues() { }

  /** Evaluates the points on stdin; see the class comment. */
  public static void main(String[] args) throws IOException {
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    PrintStream out = System.out;
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      n++;
      if (line.isBlank()) {
        continue;
      }
      try {
        out.println(value(line));
      } catch (IllegalArgumentException e) {
        System.err.println("line " + n + ": " + e.getMessage());
        System.exit(2);
      }
    }
    out.flush();
  }

  /** The value of one line {@code FUNCTION NAME=VALUE ...}. */
  static double value(String line) {
    String[] fields = line.trim().split("\\s+");
    TestFunction f = TestFunctions.byName(fields[0]);
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 1; i < fields.length; i++) {
      int eq = fields[i].indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("field '" + fields[i] + "' is not NAME=VALUE with NAME one of "
            + f.space().ranges().stream().map(ParameterRange::name).toList());
      }
      ParameterRange r = f.space().range(fields[i].substring(0, eq));
      String text = fields[i].substring(eq + 1);
      try {
        values.put(r.name(), r.parse(text));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("parameter '" + r.name() + "': '" + text + "' is not a value of this "
            + r.kind() + " range (" + r + ")", e);
      }
    }
    Configuration c = new Configuration(values);
    f.space().check(c);
    return f.evaluate(c);
  }
}
