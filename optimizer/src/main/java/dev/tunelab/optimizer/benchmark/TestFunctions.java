package dev.tunelab.optimizer.benchmark;

import dev.tunelab.optimizer.space.CategoricalRange;
import dev.tunelab.optimizer.space.Configuration;
import dev.tunelab.optimizer.space.ContinuousRange;
import dev.tunelab.optimizer.space.IntegerRange;
import dev.tunelab.optimizer.space.ParameterRange;
import dev.tunelab.optimizer.space.ScalingType;
import dev.tunelab.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Standard test functions with known optima (definitions as in Surjanovic and Bingham's
 * Virtual Library of Simulation Experiments, sfu.ca/~ssurjano), over SageMaker-style
 * continuous ranges with linear scaling:
 * <ul>
 *   <li>{@code branin} (2-D, three global minima, 0.397887)</li>
 *   <li>{@code hartmann6} (6-D on [0, 1]^6, multi-modal, -3.32237)</li>
 *   <li>{@code hartmann3} (3-D on [0, 1]^3, -3.86278)</li>
 *   <li>{@code ackley5} (5-D on [-32.768, 32.768], highly multi-modal, 0)</li>
 *   <li>{@code rosenbrock4} (4-D on [-5, 10], a narrow curved valley, 0)</li>
 *   <li>{@code levy10} (10-D on [-10, 10], higher dimension, 0)</li>
 *   <li>{@code mixed} (Branin in two continuous ranges plus an integer range 1..64 on a log
 *       scale, optimal at 4, and a 4-valued categorical; 0.397887)</li>
 * </ul>
 */
public final class TestFunctions {

  private static final Map<String, TestFunction> ALL = new LinkedHashMap<>();

  static {
    add(new TestFunction("branin", "2-D, three global minima", space(
        new ContinuousRange("x1", -5, 10, ScalingType.LINEAR),
        new ContinuousRange("x2", 0, 15, ScalingType.LINEAR)), 0.397887,
        c -> branin(c.getDouble("x1"), c.getDouble("x2"))));
    add(new TestFunction("hartmann6", "6-D multi-modal on the unit cube", cube(6, 0, 1), -3.32237,
        c -> hartmann6(vector(c, 6))));
    add(new TestFunction("hartmann3", "3-D multi-modal on the unit cube", cube(3, 0, 1), -3.86278,
        c -> hartmann3(vector(c, 3))));
    add(new TestFunction("ackley5", "5-D, highly multi-modal with a narrow global basin",
        cube(5, -32.768, 32.768), 0.0, c -> ackley(vector(c, 5))));
    add(new TestFunction("rosenbrock4", "4-D narrow curved valley (ill-conditioned)",
        cube(4, -5, 10), 0.0, c -> rosenbrock(vector(c, 4))));
    add(new TestFunction("levy10", "10-D, many local minima", cube(10, -10, 10), 0.0,
        c -> levy(vector(c, 10))));
    add(new TestFunction("mixed", "Branin + integer (log scale) + categorical", space(
        new ContinuousRange("x1", -5, 10, ScalingType.LINEAR),
        new ContinuousRange("x2", 0, 15, ScalingType.LINEAR),
        new IntegerRange("n", 1, 64, ScalingType.LOGARITHMIC),
        new CategoricalRange("activation", List.of("relu", "tanh", "sigmoid", "linear"))), 0.397887,
        c -> {
          double l = Math.log(c.getLong("n")) / Math.log(2) - 2;
          double off = switch (c.getString("activation")) {
            case "relu" -> 0.0;
            case "tanh" -> 0.3;
            case "sigmoid" -> 1.0;
            default -> 2.0;
          };
          return branin(c.getDouble("x1"), c.getDouble("x2")) + 0.5 * l * l + off;
        }));
  }

  private TestFunctions() {
  }

  private static void add(TestFunction f) {
    ALL.put(f.name(), f);
  }

  /** Every function, in a stable order. */
  public static List<TestFunction> all() {
    return List.copyOf(ALL.values());
  }

  /** Names of every function. */
  public static List<String> names() {
    return List.copyOf(ALL.keySet());
  }

  /** A function by name; IllegalArgumentException listing the names otherwise. */
  public static TestFunction byName(String name) {
    TestFunction f = ALL.get(name);
    if (f == null) {
      throw new IllegalArgumentException("unknown test function '" + name + "'; known: " + names());
    }
    return f;
  }

  private static SearchSpace space(ParameterRange... r) {
    return new SearchSpace(List.of(r));
  }

  private static SearchSpace cube(int d, double lo, double hi) {
    List<ParameterRange> r = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      r.add(new ContinuousRange("x" + i, lo, hi, ScalingType.LINEAR));
    }
    return new SearchSpace(r);
  }

  private static double[] vector(Configuration c, int d) {
    double[] x = new double[d];
    for (int i = 0; i < d; i++) {
      x[i] = c.getDouble("x" + (i + 1));
    }
    return x;
  }

  /** Branin-Hoo on [-5, 10] x [0, 15]. */
  public static double branin(double x1, double x2) {
    double b = 5.1 / (4 * Math.PI * Math.PI);
    double c = 5 / Math.PI;
    double t = 1 / (8 * Math.PI);
    double a = x2 - b * x1 * x1 + c * x1 - 6;
    return a * a + 10 * (1 - t) * Math.cos(x1) + 10;
  }

  private static final double[] H_ALPHA = {1.0, 1.2, 3.0, 3.2};
  private static final double[][] H6_A = {
      {10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14},
      {3, 3.5, 1.7, 10, 17, 8}, {17, 8, 0.05, 10, 0.1, 14}};
  private static final double[][] H6_P = {
      {0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
      {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
  private static final double[][] H3_A = {{3, 10, 30}, {0.1, 10, 35}, {3, 10, 30}, {0.1, 10, 35}};
  private static final double[][] H3_P = {
      {0.3689, 0.1170, 0.2673}, {0.4699, 0.4387, 0.7470}, {0.1091, 0.8732, 0.5547}, {0.0381, 0.5743, 0.8828}};

  /** Hartmann 6-D on [0, 1]^6. */
  public static double hartmann6(double[] x) {
    return hartmann(x, H6_A, H6_P);
  }

  /** Hartmann 3-D on [0, 1]^3. */
  public static double hartmann3(double[] x) {
    return hartmann(x, H3_A, H3_P);
  }

  private static double hartmann(double[] x, double[][] a, double[][] p) {
    double s = 0;
    for (int i = 0; i < 4; i++) {
      double e = 0;
      for (int j = 0; j < x.length; j++) {
        double d = x[j] - p[i][j];
        e += a[i][j] * d * d;
      }
      s -= H_ALPHA[i] * Math.exp(-e);
    }
    return s;
  }

  /** Ackley with a = 20, b = 0.2, c = 2 pi. */
  public static double ackley(double[] x) {
    double s1 = 0;
    double s2 = 0;
    for (double v : x) {
      s1 += v * v;
      s2 += Math.cos(2 * Math.PI * v);
    }
    int d = x.length;
    return -20 * Math.exp(-0.2 * Math.sqrt(s1 / d)) - Math.exp(s2 / d) + 20 + Math.E;
  }

  /** Rosenbrock. */
  public static double rosenbrock(double[] x) {
    double s = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      double a = x[i + 1] - x[i] * x[i];
      double b = x[i] - 1;
      s += 100 * a * a + b * b;
    }
    return s;
  }

  /** Levy. */
  public static double levy(double[] x) {
    int d = x.length;
    double[] w = new double[d];
    for (int i = 0; i < d; i++) {
      w[i] = 1 + (x[i] - 1) / 4;
    }
    double s = Math.pow(Math.sin(Math.PI * w[0]), 2);
    for (int i = 0; i < d - 1; i++) {
      s += (w[i] - 1) * (w[i] - 1) * (1 + 10 * Math.pow(Math.sin(Math.PI * w[i] + 1), 2));
    }
    s += (w[d - 1] - 1) * (w[d - 1] - 1) * (1 + Math.pow(Math.sin(2 * Math.PI * w[d - 1]), 2));
    return s;
  }
}
