package dev.tunelab.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Entry point for {@link CrossProcessTest}'s second JVM: opens the store at {@code args[0]},
 * appends {@code args[3]} log lines to training job {@code args[2]} one transaction each, asking
 * for a stop of tuning job {@code args[1]} half-way. Exits 0 on success.
 */
public final class StoreWriterMain {
  private StoreWriterMain() {}

  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    String tuningJob = args[1];
    String trainingJob = args[2];
    int lines = Integer.parseInt(args[3]);
    try (JobStore store = JobStore.openSqlite(home)) {
      for (int i = 0; i < lines; i++) {
        if (i == lines / 2 && !store.requestStop(tuningJob)) {
          System.err.println("requestStop returned false");
          System.exit(3);
        }
        store.appendLogLines(trainingJob, List.of(LogLine.of(Instant.now(), "child " + i)));
      }
    }
  }
}
