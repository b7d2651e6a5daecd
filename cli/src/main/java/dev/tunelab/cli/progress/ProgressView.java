package dev.tunelab.cli.progress;

/**
 * Where the progress goes: a line redrawn on a terminal ({@link LiveView}) or plain lines for a
 * pipe or a file ({@link LineView}). Called with the console's lock held, from the scheduler
 * thread (events) and the refresher thread (ticks).
 */
interface ProgressView {

  /**
   * A training job started or ended.
   *
   * @param line  the event as a plain line (already escaped)
   * @param state the progress after it
   */
  void jobEvent(String line, ProgressSnapshot state);

  /** A notice for the user (already escaped), e.g. a stop request. */
  void notice(String message, ProgressSnapshot state);

  /** The refresher's tick: time passed, rounds may have moved. */
  void tick(ProgressSnapshot state);

  /** The tuning job ended: show the final state and leave the cursor on a new line. */
  void end(ProgressSnapshot state);
}
