package dev.tunelab.core.executor;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The {@link TrainingExecutorProvider}s on the class path, found by name. */
public final class TrainingExecutors {

  /** The name of the default: this JVM's training threads, no provider needed. */
  public static final String LOCAL = "local";

  private TrainingExecutors() { }

  /** The provider called {@code name}, if its module is on the class path. */
  public static Optional<TrainingExecutorProvider> find(String name) {
    return installed().stream().filter(p -> p.name().equals(name)).findFirst();
  }

  /** Every provider on the class path, in the order the service files list them. */
  public static List<TrainingExecutorProvider> installed() {
    return ServiceLoader.load(TrainingExecutorProvider.class, TrainingExecutorProvider.class.getClassLoader())
        .stream().map(ServiceLoader.Provider::get).toList();
  }
}
