package dev.tunelab.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes data in the CSV layout SageMaker's built-in XGBoost reads: no header, comma-separated,
 * LF line ends, UTF-8. Labelled data is written label first; features only for batch-transform
 * input; labels alone one per line.
 *
 * <p>Numbers are written as the shortest decimal text that reads back to the same
 * {@code double} (integral values without {@code ".0"}), so {@link CsvDatasetReader} reads back
 * bit-identical values. A missing feature value (NaN) is written as an empty cell. Infinite
 * values and missing labels are refused ({@link IllegalArgumentException}).
 *
 * <p>Each file is written to a temporary file in the same directory and then moved into place
 * (atomically where the file system allows), so a reader never sees half a file and a failed
 * write leaves the previous file, if any, untouched.
 */
public final class SageMakerCsvWriter {

  /** File names written by {@link #writeCourseSplit}. */
  public static final String TRAIN = "train.csv";
  /** Validation channel file name. */
  public static final String VALIDATION = "validation.csv";
  /** Test features file name (batch-transform input). */
  public static final String TEST = "test.csv";
  /** Test labels file name, one label per line. */
  public static final String TEST_LABELS = "test-labels.csv";

  private SageMakerCsvWriter() {}

  /**
   * Writes {@code label,f1,...,fN} per row, no header (a training or validation channel).
   *
   * @throws IllegalArgumentException when {@code d} has no labels, or a value cannot be written
   */
  public static void writeLabelFirst(Dataset d, Path file) {
    requireLabels(d);
    write(file, out -> writeLabelFirst(d, out));
  }

  /**
   * Writes {@code label,f1,...,fN} per row, no header, to {@code out} (left open).
   *
   * @throws IllegalArgumentException when {@code d} has no labels, or a value cannot be written
   */
  public static void writeLabelFirst(Dataset d, Writer out) throws IOException {
    requireLabels(d);
    StringBuilder sb = new StringBuilder(256);
    for (int r = 0; r < d.rows(); r++) {
      sb.setLength(0);
      sb.append(label(d, r));
      for (double v : d.features()[r]) {
        sb.append(',');
        appendFeature(sb, v, r);
      }
      out.write(sb.append('\n').toString());
    }
  }

  /** Writes {@code f1,...,fN} per row, no header (batch-transform input). */
  public static void writeFeatures(Dataset d, Path file) {
    Objects.requireNonNull(d, "d");
    write(file, out -> writeFeatures(d, out));
  }

  /** Writes {@code f1,...,fN} per row, no header, to {@code out} (left open). */
  public static void writeFeatures(Dataset d, Writer out) throws IOException {
    Objects.requireNonNull(d, "d");
    StringBuilder sb = new StringBuilder(256);
    for (int r = 0; r < d.rows(); r++) {
      sb.setLength(0);
      double[] row = d.features()[r];
      for (int c = 0; c < row.length; c++) {
        if (c > 0) {
          sb.append(',');
        }
        appendFeature(sb, row[c], r);
      }
      out.write(sb.append('\n').toString());
    }
  }

  /** Writes one label per line, no header. */
  public static void writeLabels(Dataset d, Path file) {
    requireLabels(d);
    write(file, out -> writeLabels(d, out));
  }

  /** Writes one label per line, no header, to {@code out} (left open). */
  public static void writeLabels(Dataset d, Writer out) throws IOException {
    requireLabels(d);
    for (int r = 0; r < d.rows(); r++) {
      out.write(label(d, r) + "\n");
    }
  }

  /**
   * Writes {@code train.csv} and {@code validation.csv} (label first), {@code test.csv}
   * (features only) and {@code test-labels.csv} into {@code dir}, creating it if needed.
   */
  public static void writeCourseSplit(CourseSplit s, Path dir) {
    Objects.requireNonNull(s, "s");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create directory " + dir, e);
    }
    writeLabelFirst(s.train(), dir.resolve(TRAIN));
    writeLabelFirst(s.validation(), dir.resolve(VALIDATION));
    writeFeatures(s.test(), dir.resolve(TEST));
    writeLabels(s.test(), dir.resolve(TEST_LABELS));
  }

  private static void requireLabels(Dataset d) {
    Objects.requireNonNull(d, "d");
    if (!d.labelled()) {
      throw new IllegalArgumentException("dataset " + d.provenance().source()
          + " has no labels; writeFeatures writes unlabelled data");
    }
  }

  private static String label(Dataset d, int r) {
    double y = d.labels()[r];
    if (!Double.isFinite(y)) {
      throw new IllegalArgumentException("label of row " + r + " is " + y
          + "; labels must be finite numbers");
    }
    return NumberText.format(y);
  }

  private static void appendFeature(StringBuilder sb, double v, int r) {
    if (Double.isNaN(v)) {
      return; // missing: empty cell
    }
    if (Double.isInfinite(v)) {
      throw new IllegalArgumentException("row " + r + " has feature value " + v
          + "; features must be finite, or NaN for missing");
    }
    sb.append(NumberText.format(v));
  }

  private interface Body {
    void writeTo(Writer out) throws IOException;
  }

  private static void write(Path file, Body body) {
    Objects.requireNonNull(file, "file");
    Path target = file.toAbsolutePath();
    Path tmp = null;
    try {
      // not Files.createTempFile: that would give the result owner-only permissions
      tmp = target.resolveSibling("." + target.getFileName() + "."
          + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
      try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        body.writeTo(out);
      }
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is hidden and named after the target; nothing more to do
        }
      }
    }
  }
}
