package dev.tunelab.core.store;

import java.time.Instant;

/**
 * A tuning job to insert with {@link JobStore#createTuningJob}; it starts {@code InProgress}.
 *
 * @param name          tuning job name, unique in the store
 * @param specJson      the CreateHyperParameterTuningJob-shaped JSON it runs
 * @param creationTime  when it was created (kept to the millisecond)
 */
public record NewTuningJob(String name, String specJson, Instant creationTime) {

  public NewTuningJob {
    Checks.requireName(name, "tuning job name");
    Checks.requireNonNull(specJson, "specJson");
    creationTime = Checks.requireMillis(creationTime, "creationTime");
  }
}
