package dev.tunelab.optimizer;

import java.util.List;

/**
 * An immutable, ordered snapshot of every observation of a tuning job (completed, failed,
 * pending), oldest first. A COMPLETED observation with a non-finite value is listed by
 * {@link #failed()}, not by {@link #completed()}.
 */
public record History(List<Observation> observations) {

  public History {
    observations = List.copyOf(observations);
  }

  /** The empty history. */
  public static History empty() {
    return new History(List.of());
  }

  /** Completed observations with a finite value, in order. */
  public List<Observation> completed() {
    return observations.stream().filter(Observation::isUsable).toList();
  }

  /** Pending observations, in order. */
  public List<Observation> pending() {
    return observations.stream().filter(o -> o.status() == Observation.Status.PENDING).toList();
  }

  /** Failed observations, and completed ones whose value is not finite, in order. */
  public List<Observation> failed() {
    return observations.stream()
        .filter(o -> o.status() == Observation.Status.FAILED
            || (o.status() == Observation.Status.COMPLETED && !Double.isFinite(o.value())))
        .toList();
  }

  /** Number of observations of any status. */
  public int size() {
    return observations.size();
  }
}
