package dev.tunelab.cli.progress;

import dev.tunelab.cli.TerminalText;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jline.utils.AttributedString;

/**
 * The text of the progress display. {@link #fit} gives the terminal line in the most detailed
 * form that fits the width (a bar, words, the best job), falling back to shorter words, then
 * to fewer running jobs' rounds ({@code +2} for the rest), then cutting the line with
 * {@code ...}; it never uses the last column, where some terminals wrap. {@link #summary} is
 * the plain form of the piped lines. Widths are counted in terminal columns (JLine's wcwidth).
 */
final class StatusLine {
  private StatusLine() { }

  private static final int BAR = 10;

  /** The line for a terminal {@code width} columns wide (never wider than {@code width - 1}). */
  static String fit(ProgressSnapshot s, int width) {
    int room = Math.max(1, width - 1);
    List<String> rounds = s.rounds().stream().map(ProgressSnapshot.JobRound::toString).toList();
    for (int level = 0; level < 4; level++) {
      String line = join(base(s, level), rounds, level);
      if (columns(line) <= room) {
        return line;
      }
    }
    String shortest = base(s, 4);
    for (int k = rounds.size(); k >= 0; k--) {
      List<String> some = new ArrayList<>(rounds.subList(0, k));
      if (k < rounds.size()) {
        some.add("+" + (rounds.size() - k));
      }
      String line = join(shortest, some, 4);
      if (columns(line) <= room) {
        return line;
      }
    }
    return cut(shortest, room);
  }

  /** {@code 3/10 done, 2 running, 1 failed, 0 stopped, best 3.2107 (hpo-002-...), 1m05s elapsed, ETA 2m10s}. */
  static String summary(ProgressSnapshot s) {
    return String.format(Locale.ROOT, "%d/%d done, %d running, %d failed, %d stopped, best %s, %s elapsed, ETA %s",
        s.done(), s.total(), s.running(), s.failed(), s.stopped(), best(s, true, true), duration(s.elapsedMillis()),
        eta(s));
  }

  /** The running jobs' rounds, {@code j3:r57 j4:r12}, or the empty string. */
  static String rounds(ProgressSnapshot s) {
    return String.join(" ", s.rounds().stream().map(ProgressSnapshot.JobRound::toString).toList());
  }

  /**
   * The counts, best and times at a level of detail: 0 with a bar and the best job, 1 in words,
   * 2 in short words, 3 and 4 in the fewest characters (4 leaves out zero failed and stopped
   * counts).
   */
  private static String base(ProgressSnapshot s, int level) {
    String eta = eta(s);
    String time = duration(s.elapsedMillis());
    return switch (level) {
      case 0 -> String.format(Locale.ROOT, "%s %d/%d done, %d running, %d failed, %d stopped | best %s | %s elapsed, ETA %s",
          bar(s), s.done(), s.total(), s.running(), s.failed(), s.stopped(), best(s, true, false), time, eta);
      case 1 -> String.format(Locale.ROOT, "%d/%d done, %d running, %d failed, %d stopped | best %s | %s, ETA %s",
          s.done(), s.total(), s.running(), s.failed(), s.stopped(), best(s, false, false), time, eta);
      case 2 -> String.format(Locale.ROOT, "%d/%d done, %d run, %d fail, %d stop | best %s | %s ETA %s",
          s.done(), s.total(), s.running(), s.failed(), s.stopped(), best(s, false, false), time, eta);
      case 3 -> String.format(Locale.ROOT, "%d/%d %d run %d fail %d stop best %s %s ETA %s",
          s.done(), s.total(), s.running(), s.failed(), s.stopped(), best(s, false, false), time, eta);
      default -> String.format(Locale.ROOT, "%d/%d %d run%s%s best %s %s ETA %s", s.done(), s.total(), s.running(),
          s.failed() == 0 ? "" : " " + s.failed() + " fail", s.stopped() == 0 ? "" : " " + s.stopped() + " stop",
          best(s, false, false), time, eta);
    };
  }

  private static String join(String base, List<String> rounds, int level) {
    if (rounds.isEmpty()) {
      return base;
    }
    return base + (level <= 2 ? " | " : " ") + String.join(" ", rounds);
  }

  private static String bar(ProgressSnapshot s) {
    int filled = s.total() <= 0 ? 0 : (int) Math.min(BAR, Math.round(BAR * (double) s.done() / s.total()));
    return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
  }

  /** The best objective, with the best job's short label (terminal) or its full name (piped). */
  private static String best(ProgressSnapshot s, boolean withJob, boolean fullName) {
    if (Double.isNaN(s.bestObjective())) {
      return "-";
    }
    String v = TuningConsole.fmt(s.bestObjective());
    if (!withJob || s.bestJob() == null) {
      return v;
    }
    return v + " (" + (fullName ? TerminalText.escape(s.bestJob()) : JobLabel.of(s.bestJob())) + ")";
  }

  private static String eta(ProgressSnapshot s) {
    return s.etaMillis() < 0 ? "-" : duration(s.etaMillis());
  }

  /** {@code 42s}, {@code 3m05s} or {@code 1h02m}. */
  static String duration(long millis) {
    long sec = Math.max(0, millis) / 1000;
    if (sec < 60) {
      return sec + "s";
    }
    if (sec < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", sec / 60, sec % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", sec / 3600, sec % 3600 / 60);
  }

  /** The width of text in terminal columns. */
  static int columns(String text) {
    return new AttributedString(text).columnLength();
  }

  /** The text cut to at most {@code room} columns (at a word where it can), ending in {@code ...} when cut. */
  static String cut(String text, int room) {
    if (columns(text) <= room) {
      return text;
    }
    if (room <= 3) {
      return new AttributedString(text).columnSubSequence(0, room).toString();
    }
    String kept = new AttributedString(text).columnSubSequence(0, room - 3).toString();
    int space = kept.lastIndexOf(' ');
    // end at a word when that keeps most of the line
    return space > room / 2 ? kept.substring(0, space) + " ..." : kept + "...";
  }
}
