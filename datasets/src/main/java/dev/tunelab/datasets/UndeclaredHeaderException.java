package dev.tunelab.datasets;

import java.nio.file.Path;

/**
 * A training CSV whose first row has a cell that is not a number, read without a declared header
 * ({@link CsvDatasetReader#readLabelFirst(Path, boolean)} with {@code headerPresent} false):
 * SageMaker's CSV has none. A caller that knows where the header would have been declared (a
 * spec's ContentType) can say so in its own message.
 */
public final class UndeclaredHeaderException extends DataFormatException {

  private final String cell;

  UndeclaredHeaderException(Path file, int line, int column, String cell, String problem) {
    super(file, line, column, problem);
    this.cell = cell;
  }

  /** The first cell of the row that is not a number, as written. */
  public String cell() {
    return cell;
  }
}
