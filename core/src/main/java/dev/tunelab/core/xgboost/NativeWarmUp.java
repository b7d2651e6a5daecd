package dev.tunelab.core.xgboost;

import dev.tunelab.core.startup.BackgroundLoads;

/**
 * Loads XGBoost4J's native library on a background thread ({@link BackgroundLoads}). XGBoost4J
 * unpacks it from its jar (about 18 MB for Linux x86_64) into a temporary file and loads it on
 * every start of the JVM, the first time any of its classes is used; started early by a command
 * that will train, that work overlaps parsing the spec, opening the store and loading the data
 * instead of delaying the first training job. The first real use waits for it (the JVM's class
 * initialisation lock).
 */
final class NativeWarmUp {

  /** The XGBoost4J class whose initialisation loads the native library. */
  static final String JNI_CLASS = "ml.dmlc.xgboost4j.java.XGBoostJNI";
  private static final String THREAD = "tunelab-xgboost-native";

  private NativeWarmUp() {
  }

  /** Starts the load once per JVM; later calls do nothing. */
  static void start() {
    BackgroundLoads.start(THREAD, NativeWarmUp::load);
  }

  /** True once {@link #start()} has been called in this JVM. */
  static boolean started() {
    return BackgroundLoads.started(THREAD);
  }

  private static void load() {
    try {
      Class.forName(JNI_CLASS, true, NativeWarmUp.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
