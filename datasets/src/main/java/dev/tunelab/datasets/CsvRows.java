package dev.tunelab.datasets;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The raw records of one CSV file, each with the 1-based line on which it starts, read with
 * univocity-parsers (the parser tablesaw itself reads CSV with) so that errors can name the line
 * as an editor shows it. Blank lines are skipped; quoted cells may span lines; no comment
 * character; UTF-8 with an optional byte-order mark; LF, CRLF or CR line ends.
 */
final class CsvRows {

  /** Upper bound on the columns of one record, as in tablesaw's default. */
  static final int MAX_COLUMNS = 10_000;
  /** Upper bound on the characters in one cell. */
  static final int MAX_CELL_CHARS = 1 << 20;

  /**
   * One record.
   *
   * @param line  1-based line on which the record starts
   * @param cells the cells, never null (an empty cell is {@code ""})
   */
  record Row(int line, String[] cells) {
    /** 1-based line on which cell {@code index} (0-based) starts. */
    int lineOf(int index) {
      int l = line;
      for (int i = 0; i < index; i++) {
        l += newlines(cells[i]);
      }
      return l;
    }
  }

  private final Path file;
  private final CsvParser parser;

  CsvRows(Path file, byte[] bytes) {
    this.file = file;
    int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    CsvParserSettings settings = new CsvParserSettings();
    settings.setLineSeparatorDetectionEnabled(true);
    settings.getFormat().setComment('\0');
    settings.setMaxColumns(MAX_COLUMNS);
    settings.setMaxCharsPerColumn(MAX_CELL_CHARS);
    settings.setNullValue("");
    settings.setEmptyValue("");
    settings.setSkipEmptyLines(true);
    settings.setErrorContentLength(40);
    this.parser = new CsvParser(settings);
    parser.beginParsing(new InputStreamReader(
        new ByteArrayInputStream(bytes, start, bytes.length - start), StandardCharsets.UTF_8));
  }

  /** The next record, or null at the end of the file. */
  Row next() {
    String[] cells;
    try {
      cells = parser.parseNext();
    } catch (TextParsingException e) {
      parser.stopParsing();
      int line = (int) Math.max(1, e.getLineIndex() + 1);
      String problem = e.getColumnIndex() + 1 >= MAX_COLUMNS
          ? "more than " + MAX_COLUMNS + " columns"
          : "cannot parse CSV (a cell longer than " + MAX_CELL_CHARS
              + " characters, or an unbalanced quote?)";
      throw new DataFormatException(file, line, 0, problem, e);
    }
    if (cells == null) {
      return null;
    }
    for (int i = 0; i < cells.length; i++) {
      if (cells[i] == null) {
        cells[i] = "";
      }
    }
    int end = (int) parser.getContext().currentLine();
    int span = 0;
    for (String c : cells) {
      span += newlines(c);
    }
    return new Row(Math.max(1, end - span), cells);
  }

  private static int newlines(String s) {
    int n = 0;
    for (int i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
      n++;
    }
    return n;
  }
}
