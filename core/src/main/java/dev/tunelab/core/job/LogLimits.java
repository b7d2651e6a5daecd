package dev.tunelab.core.job;

/**
 * How much of a training job's log TuneLab keeps: the store holds the first
 * {@code storedLines} lines or {@code storedBytes} bytes (UTF-8, a newline counted per line),
 * whichever comes first, then one marker line; {@code jobs/<name>/training.log} holds up to
 * {@code fileBytes} bytes, then one marker line. So a job that prints 100 MB costs the store at
 * most about 5 MB, and a runaway job cannot fill the disk.
 *
 * @param storedLines lines kept in the store per job, {@code >= 1}
 * @param storedBytes bytes of log text kept in the store per job, {@code >= 1}
 * @param fileBytes   bytes kept in {@code training.log}, {@code >= 1}
 */
public record LogLimits(int storedLines, long storedBytes, long fileBytes) {

  /** Lines kept in the store per job by default. */
  public static final int STORED_LINES = 10_000;
  /** Bytes of log text kept in the store per job by default (5 MiB). */
  public static final long STORED_BYTES = 5L * 1024 * 1024;
  /** Bytes kept in {@code training.log} by default (100 MiB). */
  public static final long FILE_BYTES = 100L * 1024 * 1024;

  /** The limits every job runs with. */
  public static final LogLimits DEFAULT = new LogLimits(STORED_LINES, STORED_BYTES, FILE_BYTES);

  public LogLimits {
    if (storedLines < 1 || storedBytes < 1 || fileBytes < 1) {
      throw new IllegalArgumentException("log limits must be >= 1, got " + storedLines + " lines, "
          + storedBytes + " stored bytes, " + fileBytes + " file bytes");
    }
  }
}
