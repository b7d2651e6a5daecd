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
 * Virtual Library of Simulation Experiments, sfu.ca/~ssurjano, except where noted), over
 * SageMaker-style ranges; continuous ranges are linear. Families, as the library groups them:
 * <ul>
 *   <li>{@code branin} (2-D, three global minima, 0.397887)</li>
 *   <li>{@code sixhumpcamel} (2-D on [-3, 3] x [-2, 2], six local minima, two global,
 *       -1.0316284535)</li>
 *   <li>{@code hartmann3} (3-D on [0, 1]^3, -3.86278)</li>
 *   <li>{@code hartmann6} (6-D on [0, 1]^6, multi-modal, -3.32237)</li>
 *   <li>{@code shekel} (4-D on [0, 10]^4, m = 10, ten narrow wells, -10.5364098167; the matrix
 *       of Dixon and Szegő, whose seventh centre is (5, 5, 3, 3): the library's listing has
 *       (5, 3, 5, 3), with which the optimum is not the -10.5364 it quotes)</li>
 *   <li>{@code styblinskitang4} (4-D on [-5, 5]^4, 2^4 local minima of similar depth,
 *       -156.664662815)</li>
 *   <li>{@code ackley5} (5-D on [-32.768, 32.768], highly multi-modal with a narrow global basin,
 *       0)</li>
 *   <li>{@code rastrigin5} (5-D on [-5.12, 5.12], regularly spaced local minima, 0)</li>
 *   <li>{@code griewank8} (8-D on [-600, 600], a bowl with small-scale ripples, 0)</li>
 *   <li>{@code schwefel4} (4-D on [-500, 500], the best local minima far apart near the corners,
 *       0 with the constant 418.9828872724338)</li>
 *   <li>{@code levy10} (10-D on [-10, 10], many local minima, 0)</li>
 *   <li>{@code michalewicz5} (5-D on [0, pi], m = 10: steep ridges and valleys, -4.687658)</li>
 *   <li>{@code rosenbrock4} (4-D on [-5, 10], a narrow curved valley, 0)</li>
 *   <li>{@code dixonprice6} (6-D on [-10, 10], a valley, 0)</li>
 *   <li>{@code zakharov8} (8-D on [-5, 10], plate-shaped with a quartic rim, 0)</li>
 *   <li>{@code rastrigin4int} (integer-only: four integers k in -50..50, Rastrigin at
 *       x = k / 10, 0 at k = 0)</li>
 *   <li>{@code mixed} (Branin in two continuous ranges plus an integer range 1..64 on a log
 *       scale, optimal at 4, and a 4-valued categorical; 0.397887)</li>
 *   <li>{@code camelcat} (six-hump camel plus two categoricals whose penalty depends on both,
 *       zero only for optimizer "adam" with booster "dart"; -1.0316284535)</li>
 * </ul>
 */
public final class TestFunctions {

  private static final List<String> CAT_OPTIMIZERS = List.of("sgd", "adam", "rmsprop", "adagrad");
  private static final List<String> CAT_BOOSTERS = List.of("gbtree", "dart", "gblinear");
  /** camelcat's penalty by optimizer (row) and booster (column); the best booster depends on the optimizer. */
  private static final double[][] CAT_PENALTY = {
      {0.8, 0.5, 1.5}, {0.3, 0.0, 1.2}, {0.4, 0.6, 1.0}, {1.1, 0.9, 2.0}};
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
    add(new TestFunction("sixhumpcamel", "2-D, six local minima, two of them global", camelSpace(),
        -1.0316284534898774, c -> sixHumpCamel(c.getDouble("x1"), c.getDouble("x2"))));
    add(new TestFunction("styblinskitang4", "4-D, 16 local minima of similar depth", cube(4, -5, 5),
        -156.66466281508568, c -> styblinskiTang(vector(c, 4))));
    add(new TestFunction("rastrigin5", "5-D, regularly spaced local minima", cube(5, -5.12, 5.12), 0.0,
        c -> rastrigin(vector(c, 5))));
    add(new TestFunction("griewank8", "8-D wide bowl with small ripples", cube(8, -600, 600), 0.0,
        c -> griewank(vector(c, 8))));
    add(new TestFunction("schwefel4", "4-D, deceptive: the second-best minima lie far from the best",
        cube(4, -500, 500), 0.0, c -> schwefel(vector(c, 4))));
    add(new TestFunction("michalewicz5", "5-D, steep ridges and valleys (m = 10)", cube(5, 0, Math.PI),
        -4.687658179088148, c -> michalewicz(vector(c, 5))));
    add(new TestFunction("dixonprice6", "6-D valley", cube(6, -10, 10), 0.0, c -> dixonPrice(vector(c, 6))));
    add(new TestFunction("zakharov8", "8-D plate with a quartic rim", cube(8, -5, 10), 0.0,
        c -> zakharov(vector(c, 8))));
    add(new TestFunction("shekel", "4-D, ten narrow wells of different depths", cube(4, 0, 10),
        -10.536409816692046, c -> shekel(vector(c, 4))));
    add(new TestFunction("rastrigin4int", "integer-only: Rastrigin on the grid x = k / 10, k in -50..50",
        intGrid(4, -50, 50), 0.0, c -> {
          double[] x = new double[4];
          for (int i = 0; i < 4; i++) {
            x[i] = c.getLong("k" + (i + 1)) / 10.0;
          }
          return rastrigin(x);
        }));
    List<ParameterRange> cat = new ArrayList<>(camelSpace().ranges());
    cat.add(new CategoricalRange("optimizer", CAT_OPTIMIZERS));
    cat.add(new CategoricalRange("booster", CAT_BOOSTERS));
    add(new TestFunction("camelcat", "six-hump camel + two interacting categoricals", new SearchSpace(cat),
        -1.0316284534898774, c -> sixHumpCamel(c.getDouble("x1"), c.getDouble("x2"))
            + CAT_PENALTY[CAT_OPTIMIZERS.indexOf(c.getString("optimizer"))][CAT_BOOSTERS.indexOf(c.getString("booster"))]));
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

  private static SearchSpace camelSpace() {
    return space(new ContinuousRange("x1", -3, 3, ScalingType.LINEAR),
        new ContinuousRange("x2", -2, 2, ScalingType.LINEAR));
  }

  private static SearchSpace intGrid(int d, long lo, long hi) {
    List<ParameterRange> r = new ArrayList<>();
    for (int i = 1; i <= d; i++) {
      r.add(new IntegerRange("k" + i, lo, hi, ScalingType.LINEAR));
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

  /** Six-hump camel on [-3, 3] x [-2, 2]. */
  public static double sixHumpCamel(double x1, double x2) {
    double a = x1 * x1;
    double b = x2 * x2;
    return (4 - 2.1 * a + a * a / 3) * a + x1 * x2 + (-4 + 4 * b) * b;
  }

  /** Styblinski-Tang: half the sum of x^4 - 16 x^2 + 5 x. */
  public static double styblinskiTang(double[] x) {
    double s = 0;
    for (double v : x) {
      double v2 = v * v;
      s += v2 * v2 - 16 * v2 + 5 * v;
    }
    return s / 2;
  }

  /** Rastrigin: 10 d + sum of x^2 - 10 cos(2 pi x). */
  public static double rastrigin(double[] x) {
    double s = 10.0 * x.length;
    for (double v : x) {
      s += v * v - 10 * Math.cos(2 * Math.PI * v);
    }
    return s;
  }

  /** Griewank: sum x^2 / 4000 - prod cos(x_i / sqrt(i)) + 1. */
  public static double griewank(double[] x) {
    double s = 0;
    double p = 1;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i] / 4000;
      p *= Math.cos(x[i] / Math.sqrt(i + 1));
    }
    return s - p + 1;
  }

  /** The minimum of -x sin(sqrt(|x|)) on [-500, 500], negated: Schwefel's constant to 16 digits. */
  static final double SCHWEFEL_CONSTANT = 418.9828872724338;

  /** Schwefel: 418.98288727 d - sum of x sin(sqrt(|x|)). */
  public static double schwefel(double[] x) {
    double s = SCHWEFEL_CONSTANT * x.length;
    for (double v : x) {
      s -= v * Math.sin(Math.sqrt(Math.abs(v)));
    }
    return s;
  }

  /** Michalewicz with m = 10: -sum of sin(x_i) sin(i x_i^2 / pi)^20. */
  public static double michalewicz(double[] x) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      double r = Math.sin((i + 1) * x[i] * x[i] / Math.PI);
      s -= Math.sin(x[i]) * Math.pow(r, 20);
    }
    return s;
  }

  /** Dixon-Price: (x_1 - 1)^2 + sum over i >= 2 of i (2 x_i^2 - x_{i-1})^2. */
  public static double dixonPrice(double[] x) {
    double s = (x[0] - 1) * (x[0] - 1);
    for (int i = 1; i < x.length; i++) {
      double t = 2 * x[i] * x[i] - x[i - 1];
      s += (i + 1) * t * t;
    }
    return s;
  }

  /** Zakharov: sum x^2 + w^2 + w^4 with w = sum of 0.5 i x_i. */
  public static double zakharov(double[] x) {
    double s = 0;
    double w = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * x[i];
      w += 0.5 * (i + 1) * x[i];
    }
    double w2 = w * w;
    return s + w2 + w2 * w2;
  }

  private static final double[] SHEKEL_BETA = {0.1, 0.2, 0.2, 0.4, 0.4, 0.6, 0.3, 0.7, 0.5, 0.5};
  private static final double[][] SHEKEL_C = {
      {4, 4, 4, 4}, {1, 1, 1, 1}, {8, 8, 8, 8}, {6, 6, 6, 6}, {3, 7, 3, 7},
      {2, 9, 2, 9}, {5, 5, 3, 3}, {8, 1, 8, 1}, {6, 2, 6, 2}, {7, 3.6, 7, 3.6}};

  /** Shekel 4-D with m = 10 (Dixon and Szegő's centres). */
  public static double shekel(double[] x) {
    double s = 0;
    for (int i = 0; i < SHEKEL_C.length; i++) {
      double d = SHEKEL_BETA[i];
      for (int j = 0; j < 4; j++) {
        double t = x[j] - SHEKEL_C[i][j];
        d += t * t;
      }
      s -= 1 / d;
    }
    return s;
  }
}
