package dev.tunelab.benchmarks.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A markdown table built row by row and printed as text (GitHub-flavoured pipe table). */
public final class Markdown {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  /** @param header the column titles */
  public Markdown(String... header) {
    this.header = List.of(header);
  }

  /**
   * Adds a row.
   *
   * @throws IllegalArgumentException when the row has not as many cells as the header
   */
  public Markdown row(Object... cells) {
    if (cells.length != header.size()) {
      throw new IllegalArgumentException("cells: " + cells.length + " given; need " + header.size() + " (one per column)");
    }
    List<String> r = new ArrayList<>();
    for (Object c : cells) {
      r.add(String.valueOf(c));
    }
    rows.add(r);
    return this;
  }

  /** The table as markdown lines. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    line(b, header);
    line(b, header.stream().map(h -> "---").toList());
    rows.forEach(r -> line(b, r));
    return b.toString();
  }

  private static void line(StringBuilder b, List<String> cells) {
    b.append("| ").append(String.join(" | ", cells)).append(" |\n");
  }

  /** A number with the given decimals, locale-independent. */
  public static String num(double v, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
