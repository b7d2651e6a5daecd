package dev.tunelab.cli.progress;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * The view for a pipe or a file: one line per job event and per notice, never a carriage
 * return, and a heartbeat line ({@code progress: 3/10 done, ... | j4:r57}) when
 * {@value #HEARTBEAT_MILLIS} ms of the clock passed with nothing printed, so a log shows that a
 * long job is alive and how far its rounds got.
 */
final class LineView implements ProgressView {

  /** The quiet time after which a tick prints a heartbeat. */
  static final long HEARTBEAT_MILLIS = 30_000;

  private final PrintStream out;
  private final LongSupplier nowMillis;
  private long lastPrinted;

  /**
   * @param out       where lines go
   * @param nowMillis the clock that times the heartbeat (the tracker's clock)
   */
  LineView(PrintStream out, LongSupplier nowMillis) {
    this.out = out;
    this.nowMillis = nowMillis;
    this.lastPrinted = nowMillis.getAsLong();
  }

  @Override
  public void jobEvent(String line, ProgressSnapshot state) {
    print(line);
  }

  @Override
  public void notice(String message, ProgressSnapshot state) {
    print("tunelab: " + message);
  }

  @Override
  public void tick(ProgressSnapshot state) {
    if (nowMillis.getAsLong() - lastPrinted >= HEARTBEAT_MILLIS) {
      String rounds = StatusLine.rounds(state);
      print("progress: " + StatusLine.summary(state) + (rounds.isEmpty() ? "" : " | " + rounds));
    }
  }

  @Override
  public void end(ProgressSnapshot state) {
    out.flush();
  }

  private void print(String line) {
    out.println(line);
    out.flush();
    lastPrinted = nowMillis.getAsLong();
  }
}
