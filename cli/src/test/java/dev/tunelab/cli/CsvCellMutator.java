package dev.tunelab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of a CSV channel (the bundled Boston split, label first, no header) for
 * {@link CliFuzzTest}: cells past a 32-bit float's range, infinities, words, quotes, NUL, empty
 * cells and labels, a cell removed or added, a header, a blank or a cut line, an empty file.
 */
final class CsvCellMutator {

  private static final List<String> CELLS = List.of("1e308", "-1e308", "3.5e38", "-3.4028236e38", "3.4e38",
      "1e-320", "nan", "NA", "inf", "-Infinity", "", " ", "abc", "\"", "\"1,2\"", "0x1F", "1d", " 5 ", "１",
      "\u0000", "1".repeat(400), "1e400", "-0", "+.5", "5.", ".", "e5", "1e", "\"\"\"", "\u001b[2J", "1;2");

  private final Random random;
  private final List<String> applied = new ArrayList<>();

  CsvCellMutator(Random random) {
    this.random = random;
  }

  /** What the last {@link #mutate} call did. */
  List<String> applied() {
    return List.copyOf(applied);
  }

  /** A mutated copy of the CSV text: 1 to 3 changes. */
  String mutate(String csv) {
    applied.clear();
    List<String> lines = new ArrayList<>(csv.lines().toList());
    int n = 1 + random.nextInt(3);
    for (int i = 0; i < n && !lines.isEmpty(); i++) {
      int row = random.nextInt(lines.size());
      String[] cells = lines.get(row).split(",", -1);
      int col = random.nextInt(cells.length);
      switch (random.nextInt(10)) {
        case 0 -> {
          lines.set(row, join(remove(cells, col)));
          applied.add("line " + (row + 1) + ": removed cell " + (col + 1));
        }
        case 1 -> {
          lines.set(row, lines.get(row) + ",1");
          applied.add("line " + (row + 1) + ": added a cell");
        }
        case 2 -> {
          lines.add(0, "medv,crim,zn,indus,chas,nox,rm,age,dis,rad,tax,ptratio,b,lstat");
          applied.add("added a header");
        }
        case 3 -> {
          lines.add(row, random.nextBoolean() ? "" : ",,,");
          applied.add("line " + (row + 1) + ": blank or empty-celled line");
        }
        case 4 -> {
          if (random.nextInt(4) == 0) {
            lines.clear();
            applied.add("emptied the file");
          } else {
            String l = lines.get(row);
            lines.set(row, l.substring(0, random.nextInt(l.length() + 1)));
            applied.add("line " + (row + 1) + ": cut");
          }
        }
        default -> {
          String c = CELLS.get(random.nextInt(CELLS.size()));
          cells[col] = c;
          lines.set(row, join(cells));
          applied.add("line " + (row + 1) + ", column " + (col + 1) + " = " + TerminalText.escape(
              c.length() > 30 ? c.substring(0, 30) + "…" : c));
        }
      }
    }
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  private static String[] remove(String[] cells, int col) {
    List<String> l = new ArrayList<>(List.of(cells));
    l.remove(col);
    return l.toArray(String[]::new);
  }

  private static String join(String[] cells) {
    return String.join(",", cells);
  }
}
