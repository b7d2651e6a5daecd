package dev.tunelab.core.store;

import java.util.concurrent.atomic.AtomicBoolean;
import org.sqlite.SQLiteJDBCLoader;

/**
 * Loads sqlite-jdbc's native library on a background thread. sqlite-jdbc unpacks it from its jar
 * into a temporary file (or compares it with the copy already there) and loads it the first time
 * a connection is opened; started when a command begins, that work overlaps parsing the command
 * line and the spec. Opening the store waits for it if it is still running, and meets any
 * failure itself.
 */
final class SqliteNative {

  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private SqliteNative() {
  }

  /** Starts the load once per JVM; later calls do nothing. */
  static void start() {
    if (!STARTED.compareAndSet(false, true)) {
      return;
    }
    Thread loader = new Thread(SqliteNative::load, "tunelab-sqlite-native");
    loader.setDaemon(true);
    loader.start();
  }

  private static void load() {
    try {
      SQLiteJDBCLoader.initialize();
    } catch (Throwable e) {
      // opening the store initialises again and reports the failure
    }
  }
}
