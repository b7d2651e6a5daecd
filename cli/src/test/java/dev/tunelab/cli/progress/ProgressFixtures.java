package dev.tunelab.cli.progress;

import dev.tunelab.core.store.ObjectiveStatus;
import dev.tunelab.core.store.TrainingJobRecord;
import dev.tunelab.core.store.TrainingJobStatus;
import dev.tunelab.core.tuning.TuningProgress;
import java.time.Instant;
import java.util.Map;

/** Training job names, records and progress snapshots as the scheduler would report them. */
final class ProgressFixtures {
  private ProgressFixtures() { }

  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** The name of the tuning job {@code hpo}'s training job number {@code seq}. */
  static String job(int seq) {
    return String.format("hpo-%03d-%08x", seq, 0x1a2b3c00 + seq);
  }

  static TuningProgress progress(int done, int running, int failed, int stopped, String best, double objective) {
    return new TuningProgress(done, 10, running, done - failed - stopped, failed, stopped, best, objective, 0);
  }

  static TrainingJobRecord finished(String name, TrainingJobStatus status, Double objective, String reason) {
    return new TrainingJobRecord(name, "hpo", 1, status, Map.of(), Map.of(), null, T0, T0, T0, T0, Map.of(), objective,
        objective == null ? ObjectiveStatus.FAILED : ObjectiveStatus.SUCCEEDED, null, reason, null, 10, false);
  }
}
