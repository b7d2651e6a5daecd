package dev.tunelab.core.xgboost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ml.dmlc.xgboost4j.java.DMatrix;
import org.junit.jupiter.api.Test;

/**
 * The background load of XGBoost4J's native library starts once, and XGBoost is usable while or
 * after it runs (the first real use waits for the class initialisation it started).
 */
class NativeWarmUpTest {

  @Test
  void startsOnceAndXgboostWorksAfterIt() throws Exception {
    NativeWarmUp.start();
    NativeWarmUp.start();
    assertTrue(NativeWarmUp.started());
    long loaders = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("tunelab-xgboost-native")).count();
    assertTrue(loaders <= 1, "at most one loader thread, found " + loaders);
    DMatrix m = new DMatrix(new float[] {1, 2, 3, 4}, 2, 2, Float.NaN);
    try {
      assertEquals(2, m.rowNum());
    } finally {
      m.dispose();
    }
  }

  @Test
  void theBuiltInContractStartsIt() {
    BuiltInXgboostContract.INSTANCE.prepareInBackground();
    assertTrue(NativeWarmUp.started());
  }
}
