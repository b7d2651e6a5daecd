package dev.tunelab.core.store;

/**
 * The job store could not read or write its database (I/O error, a corrupt or newer-version file,
 * a lock held longer than the busy timeout). Unchecked: callers cannot usually recover, and the
 * CLI reports it as a failure while running.
 */
public final class JobStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what was being done, @param cause the underlying error (may be null) */
  public JobStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
