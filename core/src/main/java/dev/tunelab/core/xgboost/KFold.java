package dev.tunelab.core.xgboost;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Repeated k-fold splits of row indices, as scikit-learn's {@code RepeatedKFold} and
 * {@code RepeatedStratifiedKFold} (which SageMaker's XGBoost container uses for {@code _kfold})
 * make them, but seeded: the same seed gives the same folds.
 *
 * <p>Plain: each repeat shuffles the rows and cuts them into {@code k} consecutive folds whose sizes
 * differ by at most one (the first {@code rows % k} folds one larger). Stratified: each repeat
 * shuffles the rows of each label value (in increasing order of the value) and deals them to the
 * folds in turn, the turn carrying over from one label to the next, so every fold holds
 * {@code floor} or {@code ceil} of {@code n_c / k} rows of each class {@code c} and the folds'
 * sizes differ by at most one.
 */
final class KFold {

  /**
   * One fold of one repeat.
   *
   * @param repeat  0-based repeat ({@code _num_cv_round})
   * @param fold    0-based fold inside the repeat
   * @param train   rows the fold's model trains on, increasing
   * @param heldOut rows held out for its evaluation, increasing
   */
  record Fold(int repeat, int fold, int[] train, int[] heldOut) {
  }

  private KFold() {
  }

  /**
   * The folds of every repeat, repeat by repeat.
   *
   * @param labels     one label per row (read only when {@code stratified})
   * @param k          folds per repeat, from 2 to the number of rows
   * @param repeats    repeats, at least 1
   * @param seed       seed of the shuffles
   * @param stratified whether each fold keeps the label shares of the whole
   * @throws IllegalArgumentException when {@code k} or {@code repeats} is out of range
   */
  static List<Fold> split(double[] labels, int k, int repeats, long seed, boolean stratified) {
    int n = labels.length;
    if (k < 2 || k > n) {
      throw new IllegalArgumentException("k: " + k + "; expected 2 to " + n + " (the rows)");
    }
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats: " + repeats + "; expected at least 1");
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Fold> folds = new ArrayList<>();
    for (int r = 0; r < repeats; r++) {
      int[] foldOf = stratified ? stratifiedAssignment(labels, k, random) : plainAssignment(n, k, random);
      for (int f = 0; f < k; f++) {
        int size = 0;
        for (int v : foldOf) {
          size += v == f ? 1 : 0;
        }
        int[] held = new int[size];
        int[] rest = new int[n - size];
        int h = 0;
        int t = 0;
        for (int i = 0; i < n; i++) {
          if (foldOf[i] == f) {
            held[h++] = i;
          } else {
            rest[t++] = i;
          }
        }
        folds.add(new Fold(r, f, rest, held));
      }
    }
    return folds;
  }

  private static int[] plainAssignment(int n, int k, SplittableRandom random) {
    int[] order = identity(n);
    shuffle(order, random);
    int[] foldOf = new int[n];
    int at = 0;
    for (int f = 0; f < k; f++) {
      int size = n / k + (f < n % k ? 1 : 0);
      for (int j = 0; j < size; j++) {
        foldOf[order[at++]] = f;
      }
    }
    return foldOf;
  }

  private static int[] stratifiedAssignment(double[] labels, int k, SplittableRandom random) {
    TreeMap<Double, List<Integer>> byLabel = new TreeMap<>();
    for (int i = 0; i < labels.length; i++) {
      byLabel.computeIfAbsent(labels[i], x -> new ArrayList<>()).add(i);
    }
    int[] foldOf = new int[labels.length];
    int turn = 0;
    for (List<Integer> rows : byLabel.values()) {
      int[] members = rows.stream().mapToInt(Integer::intValue).toArray();
      shuffle(members, random);
      for (int row : members) {
        foldOf[row] = turn;
        turn = (turn + 1) % k;
      }
    }
    return foldOf;
  }

  private static int[] identity(int n) {
    int[] a = new int[n];
    Arrays.setAll(a, i -> i);
    return a;
  }

  private static void shuffle(int[] a, SplittableRandom random) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
  }
}
