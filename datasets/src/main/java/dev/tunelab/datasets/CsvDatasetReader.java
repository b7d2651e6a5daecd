package dev.tunelab.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads user CSV files into a {@link Dataset}, with every problem reported as a
 * {@link DataFormatException} that names the file, the 1-based line and the 1-based column.
 *
 * <p>Three layouts are read:
 * <ul>
 *   <li>{@link #readLabelFirst}: SageMaker's training-channel convention, the label in the first
 *       column, usually no header;</li>
 *   <li>{@link #readWithHeader}: a header row is required and the label is the named column;</li>
 *   <li>{@link #readFeatures}: features only (batch-transform input), no label.</li>
 * </ul>
 *
 * <p>Rules common to all: UTF-8 (a byte-order mark is ignored); comma-separated; double quotes
 * may enclose a cell; blank lines are skipped; every record must have as many cells as the first
 * record of the input. A header is <em>auto-detected</em> where allowed: the first record is a
 * header when any of its cells is not empty and not a number. Numbers are plain decimals with an
 * optional exponent ({@code 24}, {@code 0.00632}, {@code 1e-5}); an empty feature cell,
 * {@code nan} or R's {@code NA} is a missing value and becomes {@link Double#NaN} (XGBoost treats NaN as
 * missing); infinities are refused, and so are finite values beyond a 32-bit float's range
 * (about ±3.4e38), as XGBoost stores floats. Labels must be present and finite. A file with no data
 * records is an error.
 *
 * <p>Parsing uses univocity-parsers directly (the CSV parser tablesaw-core is built on; this
 * module does not use tablesaw): it gives the physical line of each record, which tablesaw's
 * {@code Table} reader does not (it counts data rows, and its inferred column types hide which
 * cell was bad). Cells are then converted to {@code double} here, so that each bad cell is named
 * precisely.
 *
 * <p>The {@link Provenance} of the result has the path as source and the sha256 of the bytes
 * read; for a directory, the sha256 of its manifest: one line {@code <sha256>  <file name>\n}
 * per file in the order read (the format of {@code sha256sum}).
 */
public final class CsvDatasetReader {

  private static final Logger LOG = LoggerFactory.getLogger(CsvDatasetReader.class);

  private CsvDatasetReader() {}

  /**
   * Reads a SageMaker training channel without a header row: {@link #readLabelFirst(Path, boolean)}
   * with {@code headerPresent} false.
   *
   * @param fileOrDir a CSV file or a directory of CSV files
   * @return the labelled data
   * @throws DataFormatException naming file, line and column of the first problem
   */
  public static Dataset readLabelFirst(Path fileOrDir) {
    return readLabelFirst(fileOrDir, false);
  }

  /**
   * Reads a SageMaker training channel: the label in the FIRST column, features after it. A
   * directory is read as every {@code *.csv} file in it (not hidden, sorted by name),
   * concatenated; all must have the same number of columns. Label cells must be present and
   * numeric; empty feature cells become NaN.
   *
   * <p>Header: SageMaker's CSV has none, so with {@code headerPresent} false a first record with
   * a cell that is not empty and not a number is refused (file, line, column and the hint to
   * remove it or declare it with {@code ContentType: text/csv;header=present}); with
   * {@code headerPresent} true the first record of every file is the header, whatever it holds,
   * and gives the feature names (the label's name is ignored; headers of several files must
   * agree). Without a header the names are {@code f1..fN}.
   *
   * <p>The features are kept as 32-bit floats, the precision XGBoost trains on
   * ({@link Dataset#ofFloats}); labels as doubles. Unquoted files are parsed in parallel straight
   * into that array; a file with a double quote anywhere goes through univocity-parsers.
   *
   * @param fileOrDir     a CSV file or a directory of CSV files
   * @param headerPresent true when the channel declares a header row ({@code header=present})
   * @return the labelled data
   * @throws DataFormatException naming file, line and column of the first problem; an
   *     {@link UndeclaredHeaderException} for a header row without {@code headerPresent}
   */
  public static Dataset readLabelFirst(Path fileOrDir, boolean headerPresent) {
    return readChannel(fileOrDir, 0, headerPresent ? HeaderRule.PRESENT : HeaderRule.REFUSE,
        FastCsv.CHUNK_BYTES, Runtime.getRuntime().availableProcessors());
  }

  /** {@link #readLabelFirst(Path, boolean)} with a chosen chunk size and thread count (tests). */
  static Dataset readLabelFirst(Path fileOrDir, boolean headerPresent, int chunkBytes,
      int threads) {
    return readChannel(fileOrDir, 0, headerPresent ? HeaderRule.PRESENT : HeaderRule.REFUSE,
        chunkBytes, threads);
  }

  /** What the first record of a file may be. */
  private enum HeaderRule {
    /** A header is refused: SageMaker's CSV has none. */
    REFUSE,
    /** The first record is the header ({@code header=present}). */
    PRESENT,
    /** A first record with a non-numeric cell is a header (batch-transform input). */
    DETECT
  }

  /**
   * Reads a CSV file whose first line is a header; the label is the column named
   * {@code labelColumn} (for example {@code "medv"}) and every other column is a feature, in
   * file order.
   *
   * @param file        one CSV file (not a directory)
   * @param labelColumn the exact (case-sensitive) name of the label column in the header
   * @return the labelled data
   * @throws DataFormatException naming file, line and column of the first problem, including a
   *                             missing header and an unknown label column
   */
  public static Dataset readWithHeader(Path file, String labelColumn) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(labelColumn, "labelColumn");
    if (Files.isDirectory(file)) {
      throw new DataFormatException(file, 0, 0, "is a directory; readWithHeader reads one CSV"
          + " file (readLabelFirst and readFeatures also read directories)");
    }
    long t0 = System.nanoTime();
    byte[] bytes = DataFiles.readAllBytes(file);
    CsvRows rows = new CsvRows(file, bytes);
    CsvRows.Row header = rows.next();
    if (header == null) {
      throw empty(file);
    }
    if (!isHeader(header)) {
      throw new DataFormatException(file, header.line(), 0, "no header row: every cell is a"
          + " number; readWithHeader needs column names on the first line, e.g. "
          + "'crim,zn,...,medv' (readLabelFirst reads SageMaker's label-first files without one)");
    }
    int labelIndex = Arrays.asList(header.cells()).indexOf(labelColumn);
    if (labelIndex < 0) {
      throw new DataFormatException(file, header.line(), 0, "no column named '" + labelColumn
          + "'; the header has " + Arrays.toString(header.cells()));
    }
    Accumulator acc = new Accumulator(labelIndex);
    acc.start(file, header);
    acc.names = featureNames(file, header, labelIndex);
    acc.readData(file, rows, header.line());
    Dataset d = acc.build(new Provenance(file.toString(), Hashes.sha256(bytes), ""));
    LOG.debug("read {} rows x {} features from {} in {} ms", d.rows(), d.columns(), file,
        (System.nanoTime() - t0) / 1_000_000);
    return d;
  }

  /**
   * Reads features only (batch-transform input, or a {@code test.csv}); a header is
   * auto-detected as in {@link #readLabelFirst}, and directories are read the same way. The
   * result has {@code labels() == null}.
   *
   * @param fileOrDir a CSV file or a directory of CSV files
   * @return the unlabelled data
   * @throws DataFormatException naming file, line and column of the first problem
   */
  public static Dataset readFeatures(Path fileOrDir) {
    return readChannel(fileOrDir, -1, HeaderRule.DETECT, FastCsv.CHUNK_BYTES, 1);
  }

  private static Dataset readChannel(Path fileOrDir, int labelIndex, HeaderRule rule,
      int chunkBytes, int threads) {
    Objects.requireNonNull(fileOrDir, "fileOrDir");
    long t0 = System.nanoTime();
    List<Path> files = channelFiles(fileOrDir);
    Accumulator acc = new Accumulator(labelIndex);
    boolean floats = labelIndex >= 0;
    StringBuilder manifest = new StringBuilder();
    String sha = null;
    for (Path file : files) {
      if (floats) {
        String mapped = readMapped(file, acc, rule, chunkBytes, threads, t0);
        if (mapped != null) {
          sha = mapped;
          manifest.append(sha).append("  ").append(file.getFileName()).append('\n');
          continue;
        }
      }
      long r0 = System.nanoTime();
      byte[] bytes = DataFiles.readAllBytes(file);
      long r1 = System.nanoTime();
      sha = Hashes.sha256(bytes);
      LOG.debug("{}: read {} ms, sha256 {} ms", file.getFileName(), (r1 - r0) / 1_000_000,
          (System.nanoTime() - r1) / 1_000_000);
      manifest.append(sha).append("  ").append(file.getFileName()).append('\n');
      CsvRows rows = new CsvRows(file, bytes);
      CsvRows.Row first = rows.next();
      if (first == null) {
        throw empty(file);
      }
      acc.start(file, first);
      int headerLine = 0;
      if (header(file, first, rule)) {
        acc.header(file, first);
        headerLine = first.line();
      } else {
        acc.addRow(file, first);
      }
      acc.readData(file, rows, headerLine);
      if (floats) {
        acc.takePart();
      }
    }
    boolean dir = files.size() != 1 || !files.get(0).equals(fileOrDir);
    Provenance provenance = dir
        ? new Provenance(fileOrDir.toString(),
            Hashes.sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)),
            "concatenation of " + files.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")))
        : new Provenance(fileOrDir.toString(), sha, "");
    Dataset d = floats ? acc.buildFloats(provenance) : acc.build(provenance);
    long ms = (System.nanoTime() - t0) / 1_000_000;
    if (ms >= FastCsv.PROGRESS_AFTER_NANOS / 1_000_000) {
      LOG.info("read {} rows x {} features from {} in {} s", d.rows(), d.columns(),
          fileOrDir.getFileName(), String.format(Locale.ROOT, "%.1f", ms / 1000.0));
    } else {
      LOG.debug("read {} rows x {} features from {} in {} ms", d.rows(), d.columns(), fileOrDir,
          ms);
    }
    return d;
  }

  /**
   * Reads one file of a training channel through {@link FastCsv}, mapped into memory (never copied
   * into the heap) while another thread computes its SHA-256; returns that hash, or null when the
   * file has a double quote and must take the String path.
   */
  private static String readMapped(Path file, Accumulator acc, HeaderRule rule, int chunkBytes,
      int threads, long t0) {
    ByteBuffer b;
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        throw empty(file);
      }
      if (size > Integer.MAX_VALUE - 8) {
        throw new DataFormatException(file, 0, 0, "too large: " + size + " bytes; one CSV file"
            + " may hold up to 2 GB, so split it into several files of a channel directory");
      }
      b = ch.map(FileChannel.MapMode.READ_ONLY, 0, size);
    } catch (IOException e) {
      throw DataFiles.unreadable(file, e);
    }
    ByteBuffer forHash = b.duplicate();
    FutureTask<String> hash = new FutureTask<>(() -> Hashes.sha256(forHash));
    Thread hasher = new Thread(hash, "csv-sha256");
    hasher.setDaemon(true);
    hasher.start();
    boolean quoted = false;
    try {
      int bom = b.limit() >= 3 && (b.get(0) & 0xFF) == 0xEF && (b.get(1) & 0xFF) == 0xBB
          && (b.get(2) & 0xFF) == 0xBF ? 3 : 0;
      readFast(file, b, bom, acc, rule, chunkBytes, threads, t0);
    } catch (FastCsv.Quoted e) {
      quoted = true;
    } finally {
      // the hash thread reads the mapping: it must be done before the mapping goes
      long w0 = System.nanoTime();
      awaitThenUnmap(hash, b);
      LOG.debug("{}: parsed {} ms after the start, then waited {} ms for its sha256",
          file.getFileName(), (w0 - t0) / 1_000_000, (System.nanoTime() - w0) / 1_000_000);
    }
    if (quoted) {
      return null;
    }
    try {
      return hash.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while hashing " + file, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot hash " + file, e.getCause());
    }
  }

  /** Waits for the hash of a mapping, then unmaps it (left mapped if the wait is interrupted). */
  private static void awaitThenUnmap(FutureTask<String> hash, ByteBuffer b) {
    try {
      hash.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (ExecutionException e) {
      // reported by the caller
    }
    unmap(b);
  }

  /** Releases a file mapping now rather than at some later GC, so that it leaves the RSS. */
  private static void unmap(ByteBuffer b) {
    try {
      Class<?> c = Class.forName("sun.misc.Unsafe");
      java.lang.reflect.Field f = c.getDeclaredField("theUnsafe");
      f.setAccessible(true);
      c.getMethod("invokeCleaner", ByteBuffer.class).invoke(f.get(null), b);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("file mapping left to the garbage collector: {}", e.toString());
    }
  }

  /** One unquoted file through {@link FastCsv}: the first record here, the rest in parallel. */
  private static void readFast(Path file, ByteBuffer b, int bom, Accumulator acc, HeaderRule rule,
      int chunkBytes, int threads, long t0) {
    int p = bom;
    int line = 1;
    int n = b.limit();
    while (p < n && (b.get(p) == '\n' || b.get(p) == '\r')) {
      p += b.get(p) == '\r' && p + 1 < n && b.get(p + 1) == '\n' ? 2 : 1;
      line++;
    }
    if (p >= n) {
      throw empty(file);
    }
    int e = p;
    while (e < n && b.get(e) != '\n' && b.get(e) != '\r') {
      if (b.get(e) == '"') {
        throw new FastCsv.Quoted();
      }
      e++;
    }
    String[] cells = FastCsv.text(b, p, e).split(",", -1);
    if (cells.length > CsvRows.MAX_COLUMNS) {
      throw new DataFormatException(file, line, 0, "more than " + CsvRows.MAX_COLUMNS + " columns");
    }
    for (int i = 0; i < cells.length; i++) {
      cells[i] = cells[i].strip();
    }
    CsvRows.Row first = new CsvRows.Row(line, cells);
    acc.start(file, first);
    boolean header = header(file, first, rule);
    int from = p;
    int dataLine = line;
    if (header) {
      acc.header(file, first);
      from = e < n ? e + (b.get(e) == '\r' && e + 1 < n && b.get(e + 1) == '\n' ? 2 : 1) : e;
      dataLine = line + 1;
    }
    FastCsv.Part part = FastCsv.parse(file, b, from, dataLine,
        new FastCsv.Layout(acc.columns, acc.labelIndex, acc.where(file)), chunkBytes, threads, t0);
    if (header && part.rows() == 0) {
      throw new DataFormatException(file, 0, 0, "no data rows after the header on line " + line);
    }
    acc.parts.add(part);
  }

  /**
   * Whether the first record of a file is its header, by the rule; a header the rule refuses is
   * an error naming its first non-numeric cell.
   */
  private static boolean header(Path file, CsvRows.Row first, HeaderRule rule) {
    switch (rule) {
      case PRESENT:
        return true;
      case DETECT:
        return isHeader(first);
      default:
        String[] cells = first.cells();
        for (int j = 0; j < cells.length; j++) {
          if (!cells[j].isBlank() && !NumberText.isNumber(cells[j])) {
            throw new UndeclaredHeaderException(file, first.lineOf(j), j + 1, cells[j], show(cells[j])
                + " is not a number: the first row looks like a header, and SageMaker's CSV has"
                + " none; remove the header row, or declare it with the channel's ContentType"
                + " 'text/csv;header=present'");
          }
        }
        return false;
    }
  }

  /** The file itself, or the {@code *.csv} files of a directory sorted by name. */
  private static List<Path> channelFiles(Path fileOrDir) {
    if (!Files.exists(fileOrDir)) {
      throw DataFormatException.noSuchFile(fileOrDir, null);
    }
    if (!Files.isDirectory(fileOrDir)) {
      return List.of(fileOrDir);
    }
    List<Path> files;
    try (Stream<Path> s = Files.list(fileOrDir)) {
      files = s.filter(p -> {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".csv")
            && Files.isRegularFile(p);
      }).sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()))
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list directory " + fileOrDir, e);
    }
    if (files.isEmpty()) {
      throw new DataFormatException(fileOrDir, 0, 0, "no *.csv files in this directory");
    }
    return files;
  }

  private static DataFormatException empty(Path file) {
    return new DataFormatException(file, 0, 0, "file is empty");
  }

  /** A record is a header when any cell is neither empty nor a number. */
  private static boolean isHeader(CsvRows.Row row) {
    for (String c : row.cells()) {
      if (!c.isBlank() && !NumberText.isNumber(c)) {
        return true;
      }
    }
    return false;
  }

  /** Names of the feature columns in a header; each must be non-empty and unique. */
  private static List<String> featureNames(Path file, CsvRows.Row header, int labelIndex) {
    String[] cells = header.cells();
    List<String> names = new ArrayList<>(cells.length);
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < cells.length; j++) {
      if (j == labelIndex) {
        continue;
      }
      String name = cells[j].strip();
      if (name.isEmpty()) {
        throw new DataFormatException(file, header.lineOf(j), j + 1,
            "column name is empty; every feature column needs a name in the header");
      }
      Integer before = seen.putIfAbsent(name, j + 1);
      if (before != null) {
        throw new DataFormatException(file, header.lineOf(j), j + 1, "column name '" + name
            + "' repeats column " + before + "; names must be unique");
      }
      names.add(name);
    }
    return names;
  }

  /** Shows a cell in a message: quoted, short, line breaks visible. */
  static String show(String cell) {
    String s = cell.length() > 40 ? cell.substring(0, 37) + "..." : cell;
    return "'" + s.replace("\r", "\\r").replace("\n", "\\n") + "'";
  }

  /** Collects the rows of one or more files with the same layout. */
  private static final class Accumulator {
    final int labelIndex;
    final List<double[]> features = new ArrayList<>();
    double[] labels = new double[64];
    List<String> names;
    Path namesFrom;
    int columns = -1;
    Path columnsFile;
    int columnsLine;

    Accumulator(int labelIndex) {
      this.labelIndex = labelIndex;
    }

    final List<FastCsv.Part> parts = new ArrayList<>();

    /** Takes the header of a file: the feature names, which must agree across files. */
    void header(Path file, CsvRows.Row first) {
      List<String> n = featureNames(file, first, labelIndex);
      if (names == null) {
        names = n;
        namesFrom = file;
      } else if (!names.equals(n)) {
        throw new DataFormatException(file, first.line(), 0, "header " + n
            + " differs from the header of " + namesFrom.getFileName() + " " + names);
      }
    }

    /** Where the column count was set, as an error message names it from {@code file}. */
    String where(Path file) {
      return file.equals(columnsFile) ? "line " + columnsLine
          : columnsFile.getFileName() + " line " + columnsLine;
    }

    /** Moves the rows read so far into a float part (a quoted file of a training channel). */
    void takePart() {
      int width = columns - 1;
      int n = features.size();
      float[] v = new float[n * width];
      for (int r = 0; r < n; r++) {
        double[] x = features.get(r);
        for (int c = 0; c < width; c++) {
          v[r * width + c] = (float) x[c];
        }
      }
      parts.add(new FastCsv.Part(v, Arrays.copyOf(labels, n), n));
      features.clear();
    }

    Dataset buildFloats(Provenance provenance) {
      int width = columns - 1;
      FastCsv.Part all;
      if (parts.size() == 1) {
        all = parts.get(0);
      } else {
        long rows = 0;
        for (FastCsv.Part p : parts) {
          rows += p.rows();
        }
        if (rows * width > Integer.MAX_VALUE - 8) {
          throw new DataFormatException(parts.isEmpty() ? columnsFile : columnsFile.getParent(),
              0, 0, "too large: " + rows + " rows x " + width + " features is more than one"
              + " array can hold (2^31 values)");
        }
        float[] v = new float[(int) (rows * width)];
        double[] y = new double[(int) rows];
        int r = 0;
        for (FastCsv.Part p : parts) {
          System.arraycopy(p.values(), 0, v, r * width, p.rows() * width);
          System.arraycopy(p.labels(), 0, y, r, p.rows());
          r += p.rows();
        }
        all = new FastCsv.Part(v, y, r);
      }
      return Dataset.ofFloats(all.values(), all.rows(), all.labels(), names(width), provenance);
    }

    private List<String> names(int width) {
      if (names != null) {
        return names;
      }
      List<String> n = new ArrayList<>(width);
      for (int i = 1; i <= width; i++) {
        n.add("f" + i);
      }
      return n;
    }

    /** Checks the first record of a file against the first record of the input. */
    void start(Path file, CsvRows.Row first) {
      int n = first.cells().length;
      if (columns < 0) {
        int minimum = labelIndex >= 0 ? 2 : 1;
        if (n < minimum) {
          throw new DataFormatException(file, first.line(), 0, n + " column; expected the label"
              + " and at least one feature, separated by commas");
        }
        columns = n;
        columnsFile = file;
        columnsLine = first.line();
      } else {
        checkColumns(file, first);
      }
    }

    void checkColumns(Path file, CsvRows.Row row) {
      int n = row.cells().length;
      if (n != columns) {
        String where = where(file);
        throw new DataFormatException(file, row.line(), 0, n + (n == 1 ? " column" : " columns")
            + ", expected " + columns + " (as in " + where + ")");
      }
    }

    /** Reads the rest of a file; {@code headerLine} is 0 when the file has no header. */
    void readData(Path file, CsvRows rows, int headerLine) {
      int before = features.size();
      for (CsvRows.Row row = rows.next(); row != null; row = rows.next()) {
        checkColumns(file, row);
        addRow(file, row);
      }
      if (headerLine > 0 && features.size() == before) {
        throw new DataFormatException(file, 0, 0, "no data rows after the header on line "
            + headerLine);
      }
    }

    void addRow(Path file, CsvRows.Row row) {
      String[] cells = row.cells();
      double[] x = new double[cells.length - (labelIndex >= 0 ? 1 : 0)];
      int k = 0;
      for (int j = 0; j < cells.length; j++) {
        String c = cells[j];
        if (j == labelIndex) {
          if (c.isBlank()) {
            throw new DataFormatException(file, row.lineOf(j), j + 1, "label is missing");
          }
          double y = number(file, row, j);
          if (!Double.isFinite(y)) {
            throw new DataFormatException(file, row.lineOf(j), j + 1, "label must be a finite"
                + " number, got " + show(c));
          }
          checkFloat32(file, row, j, y);
          if (features.size() == labels.length) {
            labels = Arrays.copyOf(labels, labels.length * 2);
          }
          labels[features.size()] = y;
        } else {
          double v = c.isBlank() ? Double.NaN : number(file, row, j);
          if (Double.isInfinite(v)) {
            throw new DataFormatException(file, row.lineOf(j), j + 1, show(c) + " is not a"
                + " finite number; leave the cell empty (or write nan) for a missing value");
          }
          checkFloat32(file, row, j, v);
          x[k++] = v;
        }
      }
      features.add(x);
    }

    /**
     * Refuses a finite double that a 32-bit float cannot hold (magnitude above about 3.4e38):
     * XGBoost stores features and labels as floats, where it would become infinite.
     */
    private static void checkFloat32(Path file, CsvRows.Row row, int j, double v) {
      if (Double.isFinite(v) && Float.isInfinite((float) v)) {
        throw new DataFormatException(file, row.lineOf(j), j + 1, show(row.cells()[j])
            + " is outside the range of a 32-bit float, which XGBoost stores values as;"
            + " expected a number from -3.4028235e38 to 3.4028235e38 (rescale the column)");
      }
    }

    private static double number(Path file, CsvRows.Row row, int j) {
      String c = row.cells()[j];
      try {
        return NumberText.parse(c);
      } catch (NumberFormatException e) {
        String hint = c.indexOf('\n') >= 0 ? " (a quoted cell runs over several lines: is a"
            + " quote unbalanced?)" : "";
        throw new DataFormatException(file, row.lineOf(j), j + 1, show(c) + " is not a number"
            + hint);
      }
    }

    Dataset build(Provenance provenance) {
      List<String> featureNames = names;
      int width = columns - (labelIndex >= 0 ? 1 : 0);
      if (featureNames == null) {
        featureNames = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
          featureNames.add("f" + i);
        }
      }
      double[][] x = features.toArray(new double[0][]);
      double[] y = labelIndex >= 0 ? Arrays.copyOf(labels, x.length) : null;
      return new Dataset(x, y, featureNames, provenance);
    }
  }
}
