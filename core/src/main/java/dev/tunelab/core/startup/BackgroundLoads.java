package dev.tunelab.core.startup;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs a one-off load once per JVM on a daemon thread of its own, so that it overlaps whatever
 * the caller does next. The load's failure is ignored here: its first real use meets the same
 * failure and reports it (the JVM's class initialisation keeps the cause).
 */
public final class BackgroundLoads {

  private static final Set<String> STARTED = ConcurrentHashMap.newKeySet();

  private BackgroundLoads() {
  }

  /**
   * Starts {@code load} on a daemon thread named {@code name}, unless a load of that name has
   * already been started in this JVM.
   */
  public static void start(String name, Runnable load) {
    if (!STARTED.add(name)) {
      return;
    }
    Thread loader = new Thread(() -> {
      try {
        load.run();
      } catch (Throwable e) {
        // the first real use fails the same way and says why
      }
    }, name);
    loader.setDaemon(true);
    loader.start();
  }

  /** True once a load of that name has been started in this JVM. */
  public static boolean started(String name) {
    return STARTED.contains(name);
  }
}
