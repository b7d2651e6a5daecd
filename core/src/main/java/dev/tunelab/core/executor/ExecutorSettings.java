package dev.tunelab.core.executor;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach an executor's engine.
 *
 * @param master          the engine's address (for Spark a master URL such as {@code local[2]},
 *                        {@code spark://host:7077} or {@code yarn}), or {@code null} to take it
 *                        from the environment (what {@code spark-submit} sets)
 * @param conf            engine settings as given with {@code --conf KEY=VALUE}, in order
 * @param applicationName the name the engine shows for the session (the tuning job's name)
 * @param maxParallel     the tuning job's MaxParallelTrainingJobs: how many jobs may run at once
 */
public record ExecutorSettings(String master, Map<String, String> conf, String applicationName, int maxParallel) {

  public ExecutorSettings {
    conf = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conf));
    Objects.requireNonNull(applicationName, "applicationName");
    if (maxParallel < 1) {
      throw new IllegalArgumentException("maxParallel must be >= 1, got " + maxParallel);
    }
  }
}
