package dev.tunelab.cli.progress;

import java.io.PrintWriter;
import java.util.function.LongSupplier;
import org.jline.terminal.Terminal;
import org.jline.utils.InfoCmp.Capability;

/**
 * One line at the bottom of a terminal, redrawn in place with the terminal's own capabilities
 * (carriage return, clear to end of line) as JLine reads them from terminfo, and plain lines
 * printed above it. The width is asked of the terminal at most every 2 s of the clock (asking
 * runs {@code stty} on a POSIX system), so a resized window is followed within 2 s; a terminal
 * that does not know its width counts as 80 columns.
 */
final class LiveLine {

  private static final long WIDTH_EVERY_MILLIS = 2000;
  private static final int DEFAULT_WIDTH = 80;

  private final Terminal terminal;
  private final PrintWriter writer;
  private final LongSupplier nowMillis;
  private int width;
  private long widthAt;
  private boolean widthKnown;
  private boolean open;
  private int lastColumns;

  /**
   * @param terminal  a terminal that is not dumb
   * @param nowMillis the clock that times the width checks
   */
  LiveLine(Terminal terminal, LongSupplier nowMillis) {
    this.terminal = terminal;
    this.writer = terminal.writer();
    this.nowMillis = nowMillis;
  }

  /** The terminal's width in columns. */
  int width() {
    long now = nowMillis.getAsLong();
    if (!widthKnown || now - widthAt >= WIDTH_EVERY_MILLIS) {
      int w = terminal.getWidth();
      width = w > 0 ? w : DEFAULT_WIDTH;
      widthAt = now;
      widthKnown = true;
    }
    return width;
  }

  /** Replaces the line with {@code text} (which must fit the width). */
  void draw(String text) {
    returnToStart();
    writer.print(text);
    int columns = StatusLine.columns(text);
    if (!terminal.puts(Capability.clr_eol) && columns < lastColumns) {
      writer.print(" ".repeat(lastColumns - columns));
    }
    lastColumns = columns;
    open = true;
    writer.flush();
  }

  /** Prints {@code text} as a line of its own where the live line was; draw the line again after. */
  void printAbove(String text) {
    if (open) {
      returnToStart();
      if (!terminal.puts(Capability.clr_eol)) {
        writer.print(" ".repeat(lastColumns));
        returnToStart();
      }
    }
    writer.println(text);
    open = false;
    lastColumns = 0;
    writer.flush();
  }

  /** Leaves the line as it is and moves to a new one. */
  void finish() {
    if (open) {
      writer.println();
      open = false;
      lastColumns = 0;
    }
    writer.flush();
  }

  private void returnToStart() {
    if (!terminal.puts(Capability.carriage_return)) {
      writer.print('\r');
    }
  }
}
