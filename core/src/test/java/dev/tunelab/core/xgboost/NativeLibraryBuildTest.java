package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.gpu.GpuHost;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import org.junit.jupiter.api.Test;

/**
 * The XGBoost4J jar of this build loads its native library and trains: the CPU-only
 * {@code xgboost4j_2.12} normally, the CUDA-enabled {@code xgboost4j-spark-gpu_2.12} under
 * {@code -Pgpu} (surefire then sets {@code tunelab.build=gpu}), which must load and train on the
 * CPU on a machine without a GPU too. {@code mvn -Pgpu -pl core -am test -Dtest=NativeLibraryBuildTest}.
 */
class NativeLibraryBuildTest {

  @Test
  void thisBuildsNativeLibraryLoadsAndTrainsOnTheCpu() throws Exception {
    boolean gpuBuild = "gpu".equals(System.getProperty("tunelab.build"));
    String jar = XGBoost.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    assertTrue(jar.contains(gpuBuild ? "xgboost4j-spark-gpu_2.12-" : "xgboost4j_2.12-"), jar);
    assertEquals(gpuBuild, GpuHost.detect(n -> null, n -> "TUNELAB_GPUS".equals(n) ? "0" : null).cudaLibrary());

    int rows = 500;
    int cols = 4;
    Random random = new Random(42);
    float[] x = new float[rows * cols];
    float[] y = new float[rows];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        x[i * cols + j] = (float) random.nextGaussian();
      }
      y[i] = 3 * x[i * cols] - 2 * x[i * cols + 1] + (float) random.nextGaussian() * 0.1f;
    }
    DMatrix train = new DMatrix(x, rows, cols, Float.NaN);
    train.setLabel(y);
    Map<String, Object> params = new HashMap<>();
    params.put("device", "cpu");
    params.put("tree_method", "hist");
    params.put("nthread", 1);
    params.put("verbosity", 0);
    params.put("seed", 0);
    float[][] metrics = new float[1][20];
    Booster booster = XGBoost.train(train, params, 20, Map.of("train", train), metrics, null, null, 0);
    try {
      assertTrue(metrics[0][19] < metrics[0][0] / 5, "rmse fell from " + metrics[0][0] + " to " + metrics[0][19]);
      float[][] predictions = booster.predict(train);
      assertEquals(rows, predictions.length);
    } finally {
      booster.dispose();
      train.dispose();
    }
  }
}
