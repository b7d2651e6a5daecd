package dev.tunelab.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Bad tabular input: a file that is missing, empty or malformed. The message starts with the
 * file, then the 1-based line (as an editor shows it) and the 1-based column, for example
 * {@code train.csv line 7, column 3: 'abc' is not a number}. A {@link #line()} of 0 means the
 * problem concerns the whole file; a {@link #column()} of 0 means the whole line.
 */
public class DataFormatException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient Path file;
  private final int line;
  private final int column;
  private final String problem;

  /**
   * @param file    the file (or directory) that was read
   * @param line    1-based line number, or 0 for the whole file
   * @param column  1-based column number, or 0 for the whole line or file
   * @param problem what is wrong, and what would be accepted
   */
  public DataFormatException(Path file, int line, int column, String problem) {
    this(file, line, column, problem, null);
  }

  /** As {@link #DataFormatException(Path, int, int, String)}, keeping the underlying cause. */
  public DataFormatException(Path file, int line, int column, String problem, Throwable cause) {
    this(file, line, column, problem, message(file, line, column, problem), cause);
  }

  private DataFormatException(Path file, int line, int column, String problem, String message,
      Throwable cause) {
    super(message, cause);
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("line and column must be >= 0, got line " + line
          + ", column " + column);
    }
    this.file = Objects.requireNonNull(file, "file");
    this.line = line;
    this.column = column;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** A missing file or directory: the message is {@code no such file: PATH}. */
  static DataFormatException noSuchFile(Path file, Throwable cause) {
    return new DataFormatException(file, 0, 0, "no such file", "no such file: " + file, cause);
  }

  private static String message(Path file, int line, int column, String problem) {
    StringBuilder sb = new StringBuilder(String.valueOf(file));
    if (line > 0) {
      sb.append(" line ").append(line);
      if (column > 0) {
        sb.append(", column ").append(column);
      }
    }
    return sb.append(": ").append(problem).toString();
  }

  /** The file (or directory) that was being read. */
  public Path file() {
    return file;
  }

  /** 1-based line number of the problem, or 0 when it concerns the whole file. */
  public int line() {
    return line;
  }

  /** 1-based column number of the problem, or 0 when it concerns a whole line or file. */
  public int column() {
    return column;
  }

  /** The problem alone, without the file/line/column prefix. */
  public String problem() {
    return problem;
  }
}
