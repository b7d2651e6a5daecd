package dev.tunelab.core.store;

import java.time.Instant;

/**
 * One line of a training job's log stream.
 *
 * @param seq   1-based position in the job's stream, assigned by the store on append (pass 0)
 * @param time  when the line was written (kept to the millisecond)
 * @param text  the raw text, tabs kept, without the trailing newline
 */
public record LogLine(long seq, Instant time, String text) {

  public LogLine {
    if (seq < 0) {
      throw new IllegalArgumentException("log line seq must be >= 0, got " + seq);
    }
    time = Checks.requireMillis(time, "log line time");
    Checks.requireNonNull(text, "log line text");
  }

  /** A line to append (seq 0, assigned by the store). */
  public static LogLine of(Instant time, String text) {
    return new LogLine(0, time, text);
  }
}
