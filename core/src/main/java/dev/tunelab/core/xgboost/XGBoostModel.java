package dev.tunelab.core.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    Booster booster = null;
    try {
      booster = XGBoost.loadModel(modelFile.toString());
      return new XGBoostModel(modelFile, booster);
    } catch (IOException e) {
      booster.dispose();
      throw new IOException("model file " + modelFile + " has no readable objective: " + e.getMessage(), e);
    } catch (XGBoostError e) {
      if (booster != null) {
        booster.dispose();
      }
      throw new IOException("model file " + modelFile + " is not an XGBoost model: " + e.getMessage(), e);
    }
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
    lock.writeLock().lock();
    DMatrix matrix = null;
    try {
      checkOpen();
      matrix = new DMatrix(Matrices.features(rows, 0), rows.length, features, Float.NaN);
      return toDoubles(booster.predict(matrix, true, 0));
    } catch (XGBoostError e) {
      throw new IllegalStateException("prediction with model " + source + " failed: " + e.getMessage(), e);
    } finally {
      if (matrix != null) {
        matrix.dispose();
      }
      lock.writeLock().unlock();
    }
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
    if (inplace) {
      lock.readLock().lock();
      try {
        checkOpen();
        return toDoubles(booster.inplace_predict(flat, rows.length, features, Float.NaN));
      } catch (XGBoostError e) {
        if (!String.valueOf(e.getMessage()).contains("not supported")) {
          throw new IllegalStateException("prediction with model " + source + " failed: " + e.getMessage(), e);
        }
        inplace = false; // gblinear: fall through to the DMatrix path
      } finally {
        lock.readLock().unlock();
      }
    }
    lock.writeLock().lock();
    DMatrix matrix = null;
    try {
      checkOpen();
      matrix = new DMatrix(flat, rows.length, features, Float.NaN);
      return toDoubles(booster.predict(matrix));
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

  private static double[][] toDoubles(float[][] p) {
    double[][] out = new double[p.length][];
    for (int r = 0; r < p.length; r++) {
      out[r] = new double[p[r].length];
      for (int c = 0; c < p[r].length; c++) {
        out[r][c] = p[r][c];
      }
    }
    return out;
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
    } finally {
      lock.writeLock().unlock();
    }
  }
}
