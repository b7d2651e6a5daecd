package dev.tunelab.core.job;

import java.nio.file.Path;

/**
 * Where TuneLab keeps its store and job folders: {@code --home}, else {@code $TUNELAB_HOME}, else
 * {@code ~/.tunelab}.
 */
public final class TuneLabHome {
  private TuneLabHome() { }

  /** @param option the {@code --home} value, or {@code null} */
  public static Path resolve(String option) {
    if (option != null && !option.isBlank()) {
      return Path.of(option).toAbsolutePath().normalize();
    }
    String env = System.getenv("TUNELAB_HOME");
    if (env != null && !env.isBlank()) {
      return Path.of(env).toAbsolutePath().normalize();
    }
    return Path.of(System.getProperty("user.home"), ".tunelab");
  }

  /** The folder of one training job. */
  public static Path jobDir(Path home, String trainingJobName) {
    return home.resolve("jobs").resolve(trainingJobName);
  }
}
