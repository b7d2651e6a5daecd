package dev.tunelab.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every metric against scikit-learn on fixed files: {@code make_expected.py} (next to the data in
 * the test resources) wrote the inputs and {@code expected.csv}; Python is not needed to run this.
 */
class MetricsAgainstScikitLearnTest {

  private static final double TOLERANCE = 1e-9;

  @Test
  void everyContainerMetricMatchesScikitLearn() throws IOException {
    Map<String, Double> expected = expected();
    int checked = 0;
    for (String file : List.of("binary", "multiclass", "regression")) {
      double[][] rows = read(file + ".csv");
      double[] labels = column(rows, 0);
      double[][] outputs = new double[rows.length][];
      for (int i = 0; i < rows.length; i++) {
        outputs[i] = Arrays.copyOfRange(rows[i], 1, rows[i].length);
      }
      for (ContainerMetric m : ContainerMetric.values()) {
        Double want = expected.get(file + "," + m.metricName());
        if (want == null) {
          continue;
        }
        assertEquals(want, m.compute(labels, outputs), TOLERANCE, file + " " + m.metricName());
        checked++;
      }
    }
    assertEquals(11 + 8 + 2, checked, "binary: 11 container metrics, multiclass: 8, regression: 2 (mse, r2)");
  }

  @Test
  void transformScoresMatchScikitLearn() throws IOException {
    Map<String, Double> expected = expected();
    double[][] binary = read("binary.csv");
    double[] margins = column(binary, 1);
    double[] probabilities = Arrays.stream(margins).map(x -> 1 / (1 + Math.exp(-x))).toArray();
    assertEquals(expected.get("binary,auc"), Metrics.auc(column(binary, 0), probabilities), TOLERANCE);
    assertEquals(expected.get("binary,auc"), Metrics.auc(column(binary, 0), margins), TOLERANCE,
        "AUC depends only on the order of the scores");
    assertEquals(expected.get("binary,logloss"), Metrics.logLoss(column(binary, 0), probabilities), TOLERANCE);

    double[][] multi = read("multiclass.csv");
    double[][] probs = new double[multi.length][];
    for (int i = 0; i < multi.length; i++) {
      probs[i] = Arrays.copyOfRange(multi[i], 1, multi[i].length);
    }
    assertEquals(expected.get("multiclass,mlogloss"), Metrics.multiLogLoss(column(multi, 0), probs), TOLERANCE);

    double[][] reg = read("regression.csv");
    double[] y = column(reg, 0);
    double[] p = column(reg, 1);
    assertEquals(expected.get("regression,rmse"), Metrics.rmse(y, p), TOLERANCE);
    assertEquals(expected.get("regression,mae"), Metrics.mae(y, p), TOLERANCE);
  }

  @Test
  void containerF1IsMacroAveragedNotBinary() throws IOException {
    Map<String, Double> expected = expected();
    assertTrue(Math.abs(expected.get("binary,f1") - expected.get("binary,f1_binary")) > 1e-3,
        "the fixture tells the two apart");
    assertEquals(expected.get("binary,f1_macro"), expected.get("binary,f1"));
  }

  @Test
  void directionsAndFits() {
    for (ContainerMetric m : ContainerMetric.values()) {
      assertEquals(m != ContainerMetric.MSE, m.maximize(), m.metricName());
    }
    assertTrue(ContainerMetric.F1.fits("multi:softprob"));
    assertTrue(ContainerMetric.F1.fits("binary:logistic"));
    assertFalse(ContainerMetric.F1.fits("reg:squarederror"));
    assertFalse(ContainerMetric.F1_BINARY.fits("multi:softmax"));
    assertTrue(ContainerMetric.R2.fits("count:poisson"));
    assertFalse(ContainerMetric.MSE.fits("binary:logistic"));
  }

  @Test
  void edgeCasesFollowScikitLearn() {
    // constant labels: r2 is 1 for exact predictions, else 0 (force_finite)
    assertEquals(1.0, Metrics.r2(new double[] {2, 2}, new double[] {2, 2}));
    assertEquals(0.0, Metrics.r2(new double[] {2, 2}, new double[] {1, 2}));
    // no positive predicted and none true: zero_division gives 0
    assertEquals(0.0, Metrics.f1Binary(new double[] {0, 0}, new int[] {0, 0}));
    // one class only: AUC is undefined
    assertTrue(Double.isNaN(Metrics.auc(new double[] {1, 1}, new double[] {0.2, 0.9})));
    // the container scores no rows as 0 for classification metrics
    assertEquals(0.0, ContainerMetric.ACCURACY.compute(new double[0], new double[0][]));
    // a margin of exactly 0 is class 0 (margin > 0 is class 1)
    assertEquals(0.5, ContainerMetric.ACCURACY.compute(new double[] {1, 0}, new double[][] {{0}, {-1}}));
  }

  private static Map<String, Double> expected() throws IOException {
    Map<String, Double> out = new LinkedHashMap<>();
    for (String line : lines("expected.csv")) {
      String[] p = line.split(",");
      out.put(p[0] + "," + p[1], Double.parseDouble(p[2]));
    }
    return out;
  }

  private static double[][] read(String name) throws IOException {
    List<double[]> rows = new ArrayList<>();
    for (String line : lines(name)) {
      rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
    }
    return rows.toArray(new double[0][]);
  }

  private static List<String> lines(String name) throws IOException {
    try (InputStream in = MetricsAgainstScikitLearnTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("test resource " + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private static double[] column(double[][] rows, int c) {
    return Arrays.stream(rows).mapToDouble(r -> r[c]).toArray();
  }
}
