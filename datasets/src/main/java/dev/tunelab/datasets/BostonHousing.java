package dev.tunelab.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Boston housing data (Harrison &amp; Rubinfeld 1978, as in R's {@code MASS::Boston}), bundled
 * as the resource {@code dev/tunelab/datasets/boston.csv}: 506 rows, 13 features
 * {@code crim..lstat}, and the label {@code medv} (median home value, in thousands of US dollars).
 * See {@code datasets/BOSTON-PROVENANCE.md} for how the file was produced.
 *
 * <p>{@link #load()} checks the sha256 of the resource bytes against {@link #SHA256} and then
 * parses them with a small fast path (the bytes are known, so no general CSV handling is
 * needed); user files go through {@link CsvDatasetReader}.
 */
public final class BostonHousing {

  /** Lower-case hex sha256 of the bundled {@code boston.csv}. */
  public static final String SHA256 =
      "b9f88f3463a208dadd78546f0fb9ddacfa4897b4c92dd1b8269734f000fe377c";
  /** Seed of the course split used when none is given. */
  public static final long DEFAULT_SPLIT_SEED = 0;
  /** Provenance source of the full data; split parts use {@code dataset:boston/<part>}. */
  public static final String SOURCE = "dataset:boston";
  /** Name of the label column. */
  public static final String LABEL = "medv";
  /** The 13 feature names in file order. */
  public static final List<String> FEATURE_NAMES = List.of("crim", "zn", "indus", "chas", "nox",
      "rm", "age", "dis", "rad", "tax", "ptratio", "black", "lstat");
  /** Number of data rows. */
  public static final int ROWS = 506;

  static final String RESOURCE = "boston.csv";

  private BostonHousing() {}

  /**
   * The bundled data: 506 rows, 13 features ({@link #FEATURE_NAMES}), label {@code medv};
   * provenance source {@code dataset:boston} with {@link #SHA256}. A fresh copy on every call.
   *
   * @throws IllegalStateException when the resource is missing or its sha256 differs (a damaged
   *                               build)
   */
  public static Dataset load() {
    Dataset master = Verified.MASTER;
    double[][] x = new double[master.rows()][];
    for (int r = 0; r < x.length; r++) {
      x[r] = master.features()[r].clone();
    }
    return new Dataset(x, master.labels().clone(), master.featureNames(), master.provenance());
  }

  /** Reads, verifies and parses the resource once per class loader (it cannot change). */
  private static final class Verified {
    static final Dataset MASTER = fromVerifiedBytes(resourceBytes());
  }

  /** Checks the sha256 of {@code bytes} against {@link #SHA256}, then parses them. */
  static Dataset fromVerifiedBytes(byte[] bytes) {
    String sha = Hashes.sha256(bytes);
    if (!sha.equals(SHA256)) {
      throw new IllegalStateException("the bundled " + RESOURCE + " has sha256 " + sha
          + ", expected " + SHA256 + ": the datasets jar is damaged");
    }
    return parse(bytes);
  }

  /** The course split ({@link CourseSplitter}) of the bundled data with the given seed. */
  public static CourseSplit courseSplit(long seed) {
    CourseSplit s = CourseSplitter.split(load(), seed);
    return new CourseSplit(relabel(s.train(), "train"), relabel(s.validation(), "validation"),
        relabel(s.test(), "test"), seed);
  }

  private static Dataset relabel(Dataset d, String part) {
    Provenance p = d.provenance();
    return new Dataset(d.features(), d.labels(), d.featureNames(),
        new Provenance(SOURCE + "/" + part, p.sha256(), p.derivation()));
  }

  static byte[] resourceBytes() {
    try (InputStream in = BostonHousing.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource dev/tunelab/datasets/" + RESOURCE
            + " is missing from the classpath: the datasets jar is damaged");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled " + RESOURCE, e);
    }
  }

  /** Parses the verified bytes: header line, then 506 lines of 14 plain numbers, LF ends. */
  private static Dataset parse(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.US_ASCII);
    int eol = text.indexOf('\n');
    String header = text.substring(0, eol);
    String expected = String.join(",", FEATURE_NAMES) + "," + LABEL;
    if (!header.equals(expected)) {
      throw new IllegalStateException("unexpected header in the bundled " + RESOURCE + ": "
          + header);
    }
    int width = FEATURE_NAMES.size();
    double[][] x = new double[ROWS][width];
    double[] y = new double[ROWS];
    int pos = eol + 1;
    for (int r = 0; r < ROWS; r++) {
      for (int c = 0; c <= width; c++) {
        int end = c < width ? text.indexOf(',', pos) : text.indexOf('\n', pos);
        double v = parseDecimal(text, pos, end);
        if (c < width) {
          x[r][c] = v;
        } else {
          y[r] = v;
        }
        pos = end + 1;
      }
    }
    if (pos != text.length()) {
      throw new IllegalStateException("the bundled " + RESOURCE + " has more than " + ROWS
          + " rows");
    }
    return new Dataset(x, y, FEATURE_NAMES, new Provenance(SOURCE, SHA256, ""));
  }

  private static final double[] POWERS_OF_TEN = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15
  };

  /**
   * Parses {@code [-]digits[.digits]} of at most 15 digits as (integer mantissa) / 10^k: both
   * are exact doubles and one IEEE division rounds correctly, so the result is bit-identical to
   * {@link Double#parseDouble} (Clinger's fast path), and much quicker before the JIT warms up.
   * Anything else falls back to {@link Double#parseDouble}.
   */
  static double parseDecimal(String s, int from, int to) {
    int i = from;
    boolean negative = i < to && s.charAt(i) == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < to; i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.parseDouble(s.substring(from, to));
      }
    }
    if (digits == 0 || digits > 15) {
      return Double.parseDouble(s.substring(from, to));
    }
    double v = fraction > 0 ? mantissa / POWERS_OF_TEN[fraction] : mantissa;
    return negative ? -v : v;
  }
}
