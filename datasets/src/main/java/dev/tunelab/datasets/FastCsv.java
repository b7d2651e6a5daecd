package dev.tunelab.datasets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fast path of the CSV reader: parses the data records of one unquoted, comma-separated file
 * held as bytes straight into a row-major {@code float[]} of features and a {@code double[]} of
 * labels, in parallel.
 *
 * <p>The bytes are cut into chunks at line ends; a first parallel pass counts the line ends of
 * each chunk (so each chunk knows its first line number and where its rows go in the result), a
 * second pass parses each chunk into its own slice of the one result array. Numbers are read
 * without making Strings: a decimal with at most 15 significant digits and a power of ten up to
 * 10<sup>22</sup> is exact as {@code m * 10^e} or {@code m / 10^e} in one IEEE operation
 * (Clinger's fast path), so it equals {@link Double#parseDouble}; every other cell (more digits,
 * white space, {@code nan}, {@code NA}, anything odd, and every error) goes through the reader's
 * String path ({@link NumberText}), so values and messages are those of the slow reader. Features
 * are rounded once from that double to float, which is {@code (float) Double.parseDouble(cell)}.
 * Empty lines are skipped. The bytes are usually the file mapped into memory, so the file is
 * never copied into the Java heap. A file with a double quote anywhere is not read here
 * ({@link Quoted}).
 */
final class FastCsv {

  private static final Logger LOG = LoggerFactory.getLogger(FastCsv.class);

  /** Target size of one chunk: small enough for even work and frequent progress. */
  static final int CHUNK_BYTES = 1 << 21;
  /** A load taking longer than this prints its progress. */
  static final long PROGRESS_AFTER_NANOS = 1_000_000_000L;

  private static final double[] POW10 = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
  };

  /** The parsed records of one file. */
  record Part(float[] values, double[] labels, int rows) { }

  /** Where the file's layout is checked against: the first record of the input. */
  record Layout(int cells, int labelIndex, String columnsWhere) { }

  private FastCsv() { }

  /** Thrown when the file has a double quote: it is then read by the String path. */
  static final class Quoted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Quoted() {
      super(null, null, false, false);
    }
  }

  /** The text of {@code b[from, to)}, decoded as UTF-8. */
  static String text(ByteBuffer b, int from, int to) {
    byte[] a = new byte[to - from];
    b.get(from, a);
    return new String(a, StandardCharsets.UTF_8);
  }

  /**
   * Parses the records in {@code b.get(from..)}, the first of which is on line {@code firstLine}.
   *
   * @param chunkBytes chunk size (tests use small ones to put boundaries everywhere)
   * @param threads    parallel workers, at least 1
   */
  static Part parse(Path file, ByteBuffer b, int from, int firstLine, Layout layout, int chunkBytes,
      int threads, long startNanos) {
    int[] bounds = chunks(b, from, chunkBytes);
    int n = bounds.length - 1;
    int width = layout.cells() - (layout.labelIndex() >= 0 ? 1 : 0);
    int workers = Math.max(1, Math.min(threads, n));
    ExecutorService pool = workers == 1 ? null : Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "csv-parse");
      t.setDaemon(true);
      return t;
    });
    Progress progress = new Progress(file, b.limit() - from, startNanos);
    try {
      // pass 1: line ends per chunk
      long p0 = System.nanoTime();
      int[] lines = new int[n];
      run(pool, n, i -> lines[i] = countLineEnds(b, bounds[i], bounds[i + 1]), null);
      for (int count : lines) {
        if (count < 0) {
          throw new Quoted();
        }
      }
      long p1 = System.nanoTime();
      long[] firstRow = new long[n + 1];
      int[] chunkLine = new int[n];
      long line = firstLine;
      for (int i = 0; i < n; i++) {
        chunkLine[i] = (int) Math.min(Integer.MAX_VALUE, line);
        int cap = lines[i];
        if (i == n - 1 && bounds[n] > bounds[i] && !isLineEnd(b.get(bounds[n] - 1))) {
          cap++; // last line without a line end
        }
        firstRow[i + 1] = firstRow[i] + cap;
        line += lines[i];
      }
      long capacity = firstRow[n] * width;
      if (capacity > Integer.MAX_VALUE - 8) {
        throw new DataFormatException(file, 0, 0, "too large: " + firstRow[n] + " rows x "
            + width + " features is more than one array can hold (2^31 values); split it into"
            + " several files of a channel directory, or use fewer rows");
      }
      float[] slice = new float[(int) capacity];
      double[] ys = layout.labelIndex() >= 0 ? new double[(int) firstRow[n]] : null;
      int[] rows = new int[n];
      // pass 2: parse each chunk into its slice
      run(pool, n, i -> {
        rows[i] = new ChunkParser(file, b, layout, width, slice, ys).parse(bounds[i],
            bounds[i + 1], chunkLine[i], (int) firstRow[i]);
        progress.add(bounds[i + 1] - bounds[i]);
      }, progress);
      LOG.debug("{}: {} chunks on {} threads, line ends {} ms, parse {} ms", file.getFileName(), n,
          workers, (p1 - p0) / 1_000_000, (System.nanoTime() - p1) / 1_000_000);
      // blank lines leave gaps at the end of their chunk's slice: close them
      float[] values = slice;
      double[] labels = ys;
      int total = rows[0];
      for (int i = 1; i < n; i++) {
        if (total != firstRow[i]) {
          System.arraycopy(values, (int) firstRow[i] * width, values, total * width, rows[i] * width);
          if (labels != null) {
            System.arraycopy(labels, (int) firstRow[i], labels, total, rows[i]);
          }
        }
        total += rows[i];
      }
      if (total != firstRow[n]) {
        values = java.util.Arrays.copyOf(values, total * width);
        labels = labels == null ? null : java.util.Arrays.copyOf(labels, total);
      }
      return new Part(values, labels, total);
    } finally {
      if (pool != null) {
        // after an error, chunks still running must end before the caller unmaps the bytes
        pool.shutdownNow();
        boolean interrupted = false;
        while (true) {
          try {
            if (pool.awaitTermination(1, TimeUnit.MINUTES)) {
              break;
            }
          } catch (InterruptedException e) {
            interrupted = true;
          }
        }
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /** Runs {@code task(i)} for every chunk, the first error in file order winning. */
  private static void run(ExecutorService pool, int n, ChunkTask task, Progress progress) {
    if (pool == null) {
      for (int i = 0; i < n; i++) {
        task.run(i);
        if (progress != null) {
          progress.maybeLog();
        }
      }
      return;
    }
    List<Future<?>> futures = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int k = i;
      futures.add(pool.submit(() -> task.run(k)));
    }
    for (Future<?> f : futures) {
      while (true) {
        try {
          f.get(250, TimeUnit.MILLISECONDS);
          break;
        } catch (TimeoutException e) {
          if (progress != null) {
            progress.maybeLog();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while reading CSV", e);
        } catch (ExecutionException e) {
          Throwable c = e.getCause();
          if (c instanceof RuntimeException r) {
            throw r;
          }
          if (c instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(c);
        }
      }
      if (progress != null) {
        progress.maybeLog();
      }
    }
  }

  @FunctionalInterface
  private interface ChunkTask {
    void run(int chunk);
  }

  /** Chunk bounds: {@code from}, then a position just past a line end every ~chunkBytes, then the end. */
  static int[] chunks(ByteBuffer b, int from, int chunkBytes) {
    List<Integer> bounds = new ArrayList<>();
    bounds.add(from);
    int pos = from;
    while (b.limit() - pos > chunkBytes) {
      int i = pos + chunkBytes;
      while (i < b.limit() && !isLineEnd(b.get(i))) {
        i++;
      }
      if (i >= b.limit()) {
        break;
      }
      i++;
      if (b.get(i - 1) == '\r' && i < b.limit() && b.get(i) == '\n') {
        i++;
      }
      bounds.add(i);
      pos = i;
    }
    if (pos < b.limit() || bounds.size() == 1) {
      bounds.add(b.limit());
    }
    return bounds.stream().mapToInt(Integer::intValue).toArray();
  }

  private static boolean isLineEnd(byte c) {
    return c == '\n' || c == '\r';
  }

  /**
   * Line ends in {@code b[from, to)}: each LF, and each CR not followed by LF; -1 when the range
   * holds a double quote.
   */
  static int countLineEnds(ByteBuffer b, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      byte c = b.get(i);
      if (c <= '\r') {
        if (c == '\n') {
          n++;
        } else if (c == '\r' && (i + 1 >= b.limit() || b.get(i + 1) != '\n')) {
          n++;
        }
      } else if (c == '"') {
        return -1;
      }
    }
    return n;
  }

  /** Parses the records of one chunk into its slice of the result. */
  private static final class ChunkParser {
    private final Path file;
    private final ByteBuffer b;
    private final Layout layout;
    private final int width;
    private final float[] values;
    private final double[] labels;
    /** End of the cell the last {@link #fast} call read (the delimiter's index). */
    private int cellEnd;

    ChunkParser(Path file, ByteBuffer b, Layout layout, int width, float[] values, double[] labels) {
      this.file = file;
      this.b = b;
      this.layout = layout;
      this.width = width;
      this.values = values;
      this.labels = labels;
    }

    /** Parses {@code b[from, to)} whose first line is {@code line}; returns the rows read. */
    int parse(int from, int to, int line, int firstRow) {
      int row = firstRow;
      int p = from;
      int labelIndex = layout.labelIndex();
      int cells = layout.cells();
      while (p < to) {
        byte c0 = b.get(p);
        if (c0 == '\n' || c0 == '\r') { // empty line
          p += c0 == '\r' && p + 1 < to && b.get(p + 1) == '\n' ? 2 : 1;
          line++;
          continue;
        }
        int out = row * width;
        int j = 0;
        while (true) {
          if (j >= cells) {
            throw columns(line, p, to);
          }
          double v;
          int end;
          if (p >= to || b.get(p) == ',' || b.get(p) == '\n' || b.get(p) == '\r') {
            if (j == labelIndex) {
              throw new DataFormatException(file, line, j + 1, "label is missing");
            }
            v = Double.NaN;
            end = p;
          } else if (!Double.isNaN(v = fast(p, to))) {
            end = cellEnd;
          } else {
            end = cellEnd(p, to);
            v = slow(p, end, line, j);
          }
          if (j == labelIndex) {
            labels[row] = v;
          } else {
            values[out++] = (float) v;
          }
          j++;
          if (end >= to || b.get(end) != ',') {
            p = end;
            break;
          }
          p = end + 1;
        }
        if (j != cells) {
          throw new DataFormatException(file, line, 0, j + (j == 1 ? " column" : " columns")
              + ", expected " + cells + " (as in " + layout.columnsWhere() + ")");
        }
        // the line end
        if (p < to) {
          p += b.get(p) == '\r' && p + 1 < to && b.get(p + 1) == '\n' ? 2 : 1;
        }
        line++;
        row++;
      }
      return row - firstRow;
    }

    /** The error for a record with more cells than expected, counting them all. */
    private DataFormatException columns(int line, int p, int to) {
      int n = layout.cells();
      for (int i = p; i < to && !isLineEnd(b.get(i)); i++) {
        if (b.get(i) == ',') {
          n++;
        }
      }
      n++;
      return new DataFormatException(file, line, 0, n + " columns, expected " + layout.cells()
          + " (as in " + layout.columnsWhere() + ")");
    }

    private int cellEnd(int p, int to) {
      int i = p;
      while (i < to) {
        byte c = b.get(i);
        if (c == ',' || c == '\n' || c == '\r') {
          break;
        }
        i++;
      }
      return i;
    }

    /**
     * The plain decimal at {@code p} ending at a delimiter, exactly as {@link Double#parseDouble}
     * reads it; NaN when the cell needs the slow path. Sets {@link #cellEnd}.
     */
    private double fast(int p, int to) {
      int i = p;
      boolean negative = false;
      if (i < to && (b.get(i) == '-' || b.get(i) == '+')) {
        negative = b.get(i) == '-';
        i++;
      }
      long m = 0;
      int significant = 0;
      int digits = 0;
      int scale = 0;
      while (i < to) {
        int d = b.get(i) - '0';
        if (d < 0 || d > 9) {
          break;
        }
        if (m != 0 || d != 0) {
          significant++;
        }
        m = m * 10 + d;
        digits++;
        i++;
        if (significant > 15) {
          return Double.NaN;
        }
      }
      if (i < to && b.get(i) == '.') {
        i++;
        while (i < to) {
          int d = b.get(i) - '0';
          if (d < 0 || d > 9) {
            break;
          }
          if (m != 0 || d != 0) {
            significant++;
          }
          m = m * 10 + d;
          digits++;
          scale--;
          i++;
          if (significant > 15) {
            return Double.NaN;
          }
        }
      }
      if (digits == 0) {
        return Double.NaN;
      }
      if (i < to && (b.get(i) == 'e' || b.get(i) == 'E')) {
        i++;
        boolean expNegative = false;
        if (i < to && (b.get(i) == '-' || b.get(i) == '+')) {
          expNegative = b.get(i) == '-';
          i++;
        }
        int e = 0;
        int expDigits = 0;
        while (i < to) {
          int d = b.get(i) - '0';
          if (d < 0 || d > 9) {
            break;
          }
          e = e * 10 + d;
          expDigits++;
          i++;
          if (expDigits > 4) {
            return Double.NaN;
          }
        }
        if (expDigits == 0) {
          return Double.NaN;
        }
        scale += expNegative ? -e : e;
      }
      if (i < to) {
        byte c = b.get(i);
        if (c != ',' && c != '\n' && c != '\r') {
          return Double.NaN;
        }
      }
      double v;
      if (m == 0) {
        v = 0;
      } else if (scale >= 0 && scale <= 22) {
        v = m * POW10[scale];
      } else if (scale < 0 && scale >= -22) {
        v = m / POW10[-scale];
      } else {
        return Double.NaN;
      }
      cellEnd = i;
      return negative ? -v : v;
    }

    /** Any other cell, with the reader's String rules and messages. */
    private double slow(int from, int to, int line, int j) {
      String cell = text(b, from, to);
      boolean label = j == layout.labelIndex();
      if (cell.isBlank()) {
        if (label) {
          throw new DataFormatException(file, line, j + 1, "label is missing");
        }
        return Double.NaN;
      }
      double v;
      try {
        v = NumberText.parse(cell);
      } catch (NumberFormatException e) {
        throw new DataFormatException(file, line, j + 1,
            CsvDatasetReader.show(cell) + " is not a number");
      }
      if (label && !Double.isFinite(v)) {
        throw new DataFormatException(file, line, j + 1, "label must be a finite number, got "
            + CsvDatasetReader.show(cell));
      }
      if (Double.isInfinite(v)) {
        throw new DataFormatException(file, line, j + 1, CsvDatasetReader.show(cell)
            + " is not a finite number; leave the cell empty (or write nan) for a missing value");
      }
      if (Double.isFinite(v) && Float.isInfinite((float) v)) {
        throw new DataFormatException(file, line, j + 1, CsvDatasetReader.show(cell)
            + " is outside the range of a 32-bit float, which XGBoost stores values as;"
            + " expected a number from -3.4028235e38 to 3.4028235e38 (rescale the column)");
      }
      return v;
    }
  }

  /** Progress of one load, printed every second or so once the load has run a second. */
  private static final class Progress {
    private final Path file;
    private final long total;
    private final long start;
    private final AtomicLong done = new AtomicLong();
    private long lastLog;

    Progress(Path file, long total, long start) {
      this.file = file;
      this.total = Math.max(1, total);
      this.start = start;
      this.lastLog = start;
    }

    void add(long bytes) {
      done.addAndGet(bytes);
    }

    /** Called by the waiting thread only. */
    void maybeLog() {
      long now = System.nanoTime();
      if (now - start < PROGRESS_AFTER_NANOS || now - lastLog < PROGRESS_AFTER_NANOS) {
        return;
      }
      lastLog = now;
      long d = done.get();
      if (d >= total) {
        return;
      }
      LOG.info("reading {}: {}% of {} MB after {} s", file.getFileName(), d * 100 / total,
          String.format(java.util.Locale.ROOT, "%.0f", total / 1e6),
          String.format(java.util.Locale.ROOT, "%.1f", (now - start) / 1e9));
    }
  }
}
