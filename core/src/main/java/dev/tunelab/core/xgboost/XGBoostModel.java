package dev.tunelab.core.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * A saved XGBoost model (for example a training job's {@code model/xgboost-model.json}) loaded
 * for prediction, as batch transform uses it. Predictions use every round the file holds (the
 * trainer saves exactly the best rounds) and are what XGBoost's {@code predict} returns: values
 * on the target's scale for regression, probabilities for {@code binary:logistic}, one row of
 * class probabilities for {@code multi:softprob} ({@link #predictAll}), the class for
 * {@code multi:softmax}. {@link #objective()} names the objective the model was trained with.
 *
 * <p>A cross-validated job's model folder holds one model per fold ({@code xgboost-model-0.json},
 * {@code xgboost-model-1.json}, ...): loading any of them loads them all, and predictions are the
 * mean of the fold models' predictions, as SageMaker's XGBoost container serves such a folder
 * (for {@code multi:softmax}, whose predictions are class indices, the class with the highest mean
 * margin instead, and {@link #predictMargins} gives the mean margins).
 *
 * <p>Thread-safe: for tree models {@link #predict} runs on several threads at once (XGBoost's
 * in-place prediction is lock-free); for {@code gblinear} models, which XGBoost cannot predict in
 * place, predictions take turns. {@link #close()} waits for running predictions and frees the native
 * model, after which {@link #predict} throws {@link IllegalStateException}.
 */
public final class XGBoostModel implements AutoCloseable {

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Path source;
  private final int features;
  private final String objective;
  private final int numClass;
  private Booster booster;
  /** The other fold models of a cross-validated job, averaged with {@link #booster}; else empty. */
  private volatile List<Booster> folds = List.of();
  /** False once the booster has refused in-place prediction (gblinear): then predictions take turns. */
  private volatile boolean inplace = true;

  private XGBoostModel(Path source, Booster booster) throws XGBoostError, IOException {
    this.source = source;
    this.booster = booster;
    this.features = (int) booster.getNumFeature();
    JsonNode learner = Json.mapper().readTree(booster.toByteArray("json")).path("learner");
    this.objective = learner.path("objective").path("name").asText("");
    this.numClass = learner.path("learner_model_param").path("num_class").asInt(0);
  }

  /**
   * Loads a model file in any format XGBoost reads (JSON, UBJSON, legacy binary).
   *
   * @throws IOException when the file is missing or is not an XGBoost model
   */
  public static XGBoostModel load(Path modelFile) throws IOException {
    if (!Files.isRegularFile(modelFile)) {
      throw new IOException("model file " + modelFile + " does not exist");
    }
    List<Path> files = foldFiles(modelFile);
    XGBoostModel model;
    Booster first = null;
    try {
      first = XGBoost.loadModel(files.get(0).toString());
      model = new XGBoostModel(modelFile, first);
    } catch (IOException e) {
      first.dispose();
      throw new IOException("model file " + files.get(0) + " has no readable objective: " + e.getMessage(), e);
    } catch (XGBoostError e) {
      if (first != null) {
        first.dispose();
      }
      throw new IOException("model file " + files.get(0) + " is not an XGBoost model: " + e.getMessage(), e);
    }
    List<Booster> others = new ArrayList<>();
    try {
      for (Path f : files.subList(1, files.size())) {
        Booster b = XGBoost.loadModel(f.toString());
        others.add(b);
        if (b.getNumFeature() != model.features) {
          throw new IOException("fold model " + f + " has " + b.getNumFeature() + " features; "
              + files.get(0) + " has " + model.features);
        }
      }
    } catch (XGBoostError | IOException e) {
      others.forEach(Booster::dispose);
      model.close();
      throw e instanceof IOException io ? io : new IOException("a fold model in " + modelFile.getParent()
          + " is not an XGBoost model: " + e.getMessage(), e);
    }
    model.folds = List.copyOf(others);
    return model;
  }

  private static final Pattern FOLD_FILE = Pattern.compile("xgboost-model-(\\d+)\\.json");

  /** The file itself, or every fold model of its folder (fold 0 first) when it is one of them. */
  private static List<Path> foldFiles(Path modelFile) throws IOException {
    if (!FOLD_FILE.matcher(modelFile.getFileName().toString()).matches()) {
      return List.of(modelFile);
    }
    TreeMap<Integer, Path> byFold = new TreeMap<>();
    try (Stream<Path> s = Files.list(modelFile.toAbsolutePath().getParent())) {
      for (Path p : s.toList()) {
        Matcher m = FOLD_FILE.matcher(p.getFileName().toString());
        if (m.matches() && Files.isRegularFile(p) && m.group(1).length() < 9) {
          byFold.put(Integer.parseInt(m.group(1)), p);
        }
      }
    }
    if (byFold.isEmpty() || byFold.firstKey() != 0 || byFold.lastKey() != byFold.size() - 1) {
      throw new IOException("fold models in " + modelFile.getParent() + ": found folds " + byFold.keySet()
          + "; expected xgboost-model-0.json to xgboost-model-<n-1>.json, none missing");
    }
    return new ArrayList<>(byFold.values());
  }

  /** How many models predictions average: the folds of a cross-validated job, else 1. */
  public int foldCount() {
    return 1 + folds.size();
  }

  /**
   * The objective the model was trained with, as XGBoost saved it ({@code learner.objective.name}
   * of its JSON form), for example {@code binary:logistic}; empty when the model does not say.
   */
  public String objective() {
    return objective;
  }

  /** {@code num_class} for {@code multi:*} models, else 0. */
  public int numClass() {
    return numClass;
  }

  /**
   * The raw margins of every row: one per class for {@code multi:*} models (whose
   * {@code multi:softmax} predictions are only the class), one otherwise.
   *
   * @throws IllegalArgumentException when a row has the wrong length
   * @throws IllegalStateException    when the model is closed
   */
  public double[][] predictMargins(double[][] rows) {
    checkRows(rows);
    if (rows.length == 0) {
      return new double[0][];
    }
    return onMatrix(Matrices.features(rows, 0), rows.length, matrix -> {
      double[][] sum = Matrices.toDoubles(booster.predict(matrix, true, 0));
      // a cross-validated job: the mean of its fold models' margins
      for (Booster fold : folds) {
        addInto(sum, Matrices.toDoubles(fold.predict(matrix, true, 0)));
      }
      divide(sum, 1 + folds.size());
      return sum;
    });
  }

  /** Number of features the model expects per row. */
  public int features() {
    return features;
  }

  /**
   * One prediction per row.
   *
   * @param rows feature rows, each of length {@link #features()}; NaN is a missing value
   * @throws IllegalArgumentException when a row has the wrong length
   * @throws IllegalStateException    when the model gives several outputs per row (use
   *                                  {@link #predictAll}) or is closed
   */
  public double[] predict(double[][] rows) {
    double[][] all = predictAll(rows);
    double[] out = new double[all.length];
    for (int r = 0; r < all.length; r++) {
      if (all[r].length != 1) {
        throw new IllegalStateException("model " + source + " gives " + all[r].length
            + " outputs per row (for example multi:softprob); use predictAll");
      }
      out[r] = all[r][0];
    }
    return out;
  }

  /** Every output per row (one for most objectives, {@code num_class} for {@code multi:softprob}). */
  public double[][] predictAll(double[][] rows) {
    checkRows(rows);
    if (rows.length == 0) {
      return new double[0][];
    }
    float[] flat = Matrices.features(rows, 0);
    List<Booster> others = folds;
    if (others.isEmpty()) {
      return predictWith(booster, flat, rows.length);
    }
    // each prediction takes the lock itself (gblinear needs the write lock); a model closed
    // meanwhile fails the next one's open check
    if (objective.equals("multi:softmax")) {
      // averaging class indices means nothing: the class with the highest mean margin
      double[][] margins = predictMargins(rows);
      double[][] classes = new double[margins.length][1];
      for (int r = 0; r < margins.length; r++) {
        int best = 0;
        for (int c = 1; c < margins[r].length; c++) {
          if (margins[r][c] > margins[r][best]) {
            best = c;
          }
        }
        classes[r][0] = best;
      }
      return classes;
    }
    double[][] sum = predictWith(booster, flat, rows.length);
    for (Booster fold : others) {
      addInto(sum, predictWith(fold, flat, rows.length));
    }
    divide(sum, 1 + others.size());
    return sum;
  }

  private static void addInto(double[][] sum, double[][] p) {
    for (int r = 0; r < sum.length; r++) {
      for (int c = 0; c < sum[r].length; c++) {
        sum[r][c] += p[r][c];
      }
    }
  }

  private static void divide(double[][] sum, int n) {
    for (double[] row : sum) {
      for (int c = 0; c < row.length; c++) {
        row[c] /= n;
      }
    }
  }

  private double[][] predictWith(Booster model, float[] flat, int rowCount) {
    if (inplace) {
      lock.readLock().lock();
      try {
        checkOpen();
        return Matrices.toDoubles(model.inplace_predict(flat, rowCount, features, Float.NaN));
      } catch (XGBoostError e) {
        if (!String.valueOf(e.getMessage()).contains("not supported")) {
          throw new IllegalStateException("prediction with model " + source + " failed: " + e.getMessage(), e);
        }
        inplace = false; // gblinear: fall through to the DMatrix path
      } finally {
        lock.readLock().unlock();
      }
    }
    return onMatrix(flat, rowCount, matrix -> Matrices.toDoubles(model.predict(matrix)));
  }

  /** A prediction from a matrix of the rows. */
  private interface MatrixPrediction {
    double[][] apply(DMatrix matrix) throws XGBoostError;
  }

  /**
   * Runs {@code prediction} on a matrix of the rows, taking turns with other predictions (the
   * DMatrix path is not known to be safe to share) and freeing the matrix after.
   */
  private double[][] onMatrix(float[] flat, int rowCount, MatrixPrediction prediction) {
    lock.writeLock().lock();
    DMatrix matrix = null;
    try {
      checkOpen();
      matrix = new DMatrix(flat, rowCount, features, Float.NaN);
      return prediction.apply(matrix);
    } catch (XGBoostError e) {
      throw new IllegalStateException("prediction with model " + source + " failed: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
      lock.writeLock().unlock();
    }
  }

  private void checkRows(double[][] rows) {
    for (int r = 0; r < rows.length; r++) {
      if (rows[r].length != features) {
        throw new IllegalArgumentException("rows[" + r + "]: got " + rows[r].length
            + " features; expected " + features + " (the model's feature count)");
      }
    }
  }

  private void checkOpen() {
    if (booster == null) {
      throw new IllegalStateException("model " + source + " is closed");
    }
  }

  /** Frees the native model; idempotent. */
  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (booster != null) {
        booster.dispose();
        booster = null;
      }
      folds.forEach(Booster::dispose);
      folds = List.of();
    } finally {
      lock.writeLock().unlock();
    }
  }
}
