package dev.tunelab.core.tuning;

import java.util.Optional;

/**
 * How a tuning job with several training jobs at once decides when to propose the next one.
 * Kept with the tuning job ({@code TuningJobAttribute.SCHEDULING}), so a resumed job keeps it.
 */
public enum Scheduling {

  /**
   * Reproducible (the default): job {@code k} is proposed once jobs {@code 1 .. k - MaxParallel}
   * have finished, seeing exactly those as results; with the same RandomSeed every run launches
   * the same configurations in the same order.
   */
  IN_ORDER("InOrder"),

  /** As soon as a slot frees, with every result so far: no slot waits, runs differ with timing. */
  ASYNCHRONOUS("Asynchronous");

  private final String stored;

  Scheduling(String stored) {
    this.stored = stored;
  }

  /** The value kept in the store. */
  public String stored() {
    return stored;
  }

  /** The stored value's mode; {@link #IN_ORDER} when none is stored. */
  static Scheduling of(Optional<String> stored) {
    return stored.filter(ASYNCHRONOUS.stored::equals).map(s -> ASYNCHRONOUS).orElse(IN_ORDER);
  }
}
