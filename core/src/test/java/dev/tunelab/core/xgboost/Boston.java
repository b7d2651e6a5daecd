package dev.tunelab.core.xgboost;

import dev.tunelab.datasets.Dataset;
import dev.tunelab.datasets.Provenance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Test fixture: the Boston housing data bundled by the datasets module (header row, target
 * {@code medv} last, read from its resource rather than a copy) split like the course: 0.33 test, then 0.33 of the rest validation
 * (227 train / 112 validation / 167 test rows), shuffled with a seed.
 */
final class Boston {

  final Dataset train;
  final Dataset validation;
  final Dataset test;

  private Boston(Dataset train, Dataset validation, Dataset test) {
    this.train = train;
    this.validation = validation;
    this.test = test;
  }

  static Boston split(long seed) {
    List<double[]> rows = new ArrayList<>();
    List<String> header;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        Boston.class.getResourceAsStream("/dev/tunelab/datasets/boston.csv"), StandardCharsets.UTF_8))) {
      header = List.of(in.readLine().split(","));
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int[] order = new int[rows.size()];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int n = rows.size();
    int nTest = (int) Math.ceil(0.33 * n);             // 167
    int nValidation = (int) Math.ceil(0.33 * (n - nTest)); // 112
    List<String> names = header.subList(0, header.size() - 1);
    return new Boston(
        part(rows, order, nTest + nValidation, n, names, "train"),
        part(rows, order, nTest, nTest + nValidation, names, "validation"),
        part(rows, order, 0, nTest, names, "test"));
  }

  private static Dataset part(List<double[]> rows, int[] order, int from, int to, List<String> names, String part) {
    double[][] x = new double[to - from][];
    double[] y = new double[to - from];
    for (int i = from; i < to; i++) {
      double[] row = rows.get(order[i]);
      x[i - from] = Arrays.copyOf(row, row.length - 1);
      y[i - from] = row[row.length - 1];
    }
    return new Dataset(x, y, names, new Provenance("boston.csv", "", "test split part=" + part));
  }
}
