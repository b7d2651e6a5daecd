package dev.tunelab.core.executor;

/**
 * Makes {@link TrainingExecutor}s of one kind. Implementations are listed in
 * {@code META-INF/services/dev.tunelab.core.executor.TrainingExecutorProvider} of the module that
 * brings the engine (the {@code spark} module brings {@code spark}), so that core and the
 * command line do not depend on it: the engine is used when its jars are on the class path.
 */
public interface TrainingExecutorProvider {

  /** The name users give with {@code --executor}, for example {@code spark}. */
  String name();

  /**
   * Starts a session on the engine.
   *
   * @throws IllegalArgumentException naming the setting when one is not accepted (for example a
   *     malformed master URL)
   */
  TrainingExecutor open(ExecutorSettings settings);
}
