package dev.tunelab.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one translation of a data file's I/O failure for the readers: a missing file or a refused
 * permission is a {@link DataFormatException} naming the file (bad input), anything else an
 * {@link UncheckedIOException}.
 */
final class DataFiles {

  private DataFiles() { }

  /** Every byte of {@code file}. */
  static byte[] readAllBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** What a reader throws when reading {@code file} failed with {@code e}. */
  static RuntimeException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return DataFormatException.noSuchFile(file, e);
    }
    if (e instanceof AccessDeniedException) {
      return new DataFormatException(file, 0, 0, "cannot read the file: permission denied", e);
    }
    return new UncheckedIOException("cannot read " + file, e);
  }
}
