package dev.tunelab.datasets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads libsvm text ({@code text/libsvm}) into a dense {@link Dataset}, the way XGBoost reads
 * {@code new DMatrix("file?format=libsvm")}: each line is {@code label index:value index:value ...}
 * separated by spaces or tabs; indices are taken as given (0-based, XGBoost's default
 * {@code indexing_mode=0}), so a 1-based file has an all-missing column {@code f0}, exactly as in
 * XGBoost; the matrix has {@code max index + 1} columns and an absent entry is missing
 * ({@link Double#NaN}), which XGBoost treats like an absent sparse entry. Blank lines are skipped.
 *
 * <p>Refused, each with the file, the line and the token: a token that is not
 * {@code index:value}, a negative or non-integer index, a value or label that is not a finite
 * number, an index given twice on a line, an index above {@value #MAX_INDEX} (the data is stored
 * densely), {@code qid:} tokens (ranking groups are not supported) and {@code label:weight}
 * labels (instance weights in libsvm are not supported; use CSV with {@code csv_weights=1}).
 */
public final class LibSvmReader {

  /** The largest feature index accepted: the data is stored as a dense matrix. */
  public static final int MAX_INDEX = 99_999;

  private LibSvmReader() { }

  /**
   * Reads one file, or several concatenated (a channel folder), into one labelled data set
   * whose width is the largest index seen in any of them plus one.
   *
   * @param files the files, in order; at least one
   * @param source the channel's source for the provenance (the file or folder)
   * @return the labelled data, features named {@code f0..fN}
   * @throws DataFormatException naming the file, line and token of the first problem
   */
  public static Dataset read(List<Path> files, Path source) {
    Objects.requireNonNull(source, "source");
    if (files.isEmpty()) {
      throw new DataFormatException(source, 0, 0, "no libsvm files to read");
    }
    List<double[]> labels = new ArrayList<>();
    List<int[]> indices = new ArrayList<>();
    List<double[]> values = new ArrayList<>();
    StringBuilder manifest = new StringBuilder();
    String sha = "";
    int width = 0;
    for (Path file : files) {
      byte[] bytes = DataFiles.readAllBytes(file);
      sha = Hashes.sha256(bytes);
      manifest.append(sha).append("  ").append(file.getFileName()).append('\n');
      width = Math.max(width, parse(file, new String(bytes, StandardCharsets.UTF_8), labels, indices, values));
    }
    int rows = labels.size();
    if (rows == 0) {
      throw new DataFormatException(files.get(0), 0, 0, "no data lines (libsvm: 'label index:value ...' per line)");
    }
    double[][] x = new double[rows][width];
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      Arrays.fill(x[r], Double.NaN);
      y[r] = labels.get(r)[0];
      int[] idx = indices.get(r);
      double[] val = values.get(r);
      for (int k = 0; k < idx.length; k++) {
        x[r][idx[k]] = val[k];
      }
    }
    List<String> names = new ArrayList<>(width);
    for (int i = 0; i < width; i++) {
      names.add("f" + i);
    }
    boolean folder = files.size() != 1 || !files.get(0).equals(source);
    Provenance provenance = folder
        ? new Provenance(source.toString(), Hashes.sha256(manifest.toString().getBytes(StandardCharsets.UTF_8)),
            "libsvm concatenation of " + files.stream().map(p -> p.getFileName().toString())
                .collect(Collectors.joining(", ")))
        : new Provenance(source.toString(), sha, "libsvm");
    return new Dataset(x, y, names, provenance);
  }

  /** Parses one file's text; returns the width it needs (largest index + 1). */
  private static int parse(Path file, String text, List<double[]> labels, List<int[]> indices,
      List<double[]> values) {
    int width = 0;
    int lineNo = 0;
    int start = 0;
    int n = text.length();
    while (start < n) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = n;
      }
      lineNo++;
      String line = text.substring(start, end);
      start = end + 1;
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        continue;
      }
      String[] tokens = trimmed.split("[ \t]+");
      String labelToken = tokens[0];
      if (labelToken.indexOf(':') >= 0) {
        throw new DataFormatException(file, lineNo, 1, "label '" + labelToken + "' carries an instance weight"
            + " (label:weight), which TuneLab does not read from libsvm; accepted: a number such as 1 or 0.5"
            + " (give weights with text/csv and csv_weights=1)");
      }
      double label = number(file, lineNo, 1, labelToken, "label");
      int[] idx = new int[tokens.length - 1];
      double[] val = new double[tokens.length - 1];
      for (int t = 1; t < tokens.length; t++) {
        String token = tokens[t];
        int colon = token.indexOf(':');
        if (colon <= 0 || colon == token.length() - 1 || token.indexOf(':', colon + 1) >= 0) {
          throw new DataFormatException(file, lineNo, t + 1, "token '" + token
              + "' is not index:value; accepted: a non-negative integer index, ':', a number (e.g. 3:0.25)");
        }
        String key = token.substring(0, colon);
        if (key.equals("qid")) {
          throw new DataFormatException(file, lineNo, t + 1, "token '" + token
              + "': qid (ranking groups) is not supported; accepted: index:value tokens only");
        }
        int index = index(file, lineNo, t + 1, token, key);
        double value = number(file, lineNo, t + 1, token.substring(colon + 1), "token '" + token + "': value");
        for (int k = 0; k < t - 1; k++) {
          if (idx[k] == index) {
            throw new DataFormatException(file, lineNo, t + 1, "token '" + token + "': index " + index
                + " appears twice on the line; accepted: each index at most once per line");
          }
        }
        idx[t - 1] = index;
        val[t - 1] = value;
        width = Math.max(width, index + 1);
      }
      labels.add(new double[] {label});
      indices.add(idx);
      values.add(val);
    }
    return width;
  }

  private static int index(Path file, int line, int column, String token, String key) {
    for (int i = 0; i < key.length(); i++) {
      if (key.charAt(i) < '0' || key.charAt(i) > '9') {
        throw new DataFormatException(file, line, column, "token '" + token + "': index '" + key
            + "' is not a non-negative integer; accepted: index:value with an index from 0 to " + MAX_INDEX);
      }
    }
    if (key.length() > 9 || Integer.parseInt(key) > MAX_INDEX) {
      throw new DataFormatException(file, line, column, "token '" + token + "': index " + key
          + " is too large; accepted: indices from 0 to " + MAX_INDEX + " (TuneLab stores the data densely)");
    }
    return Integer.parseInt(key);
  }

  private static double number(Path file, int line, int column, String text, String what) {
    if (NumberText.isNumber(text)) {
      try {
        double v = Double.parseDouble(text);
        if (Double.isFinite(v)) {
          return v;
        }
      } catch (NumberFormatException e) {
        // falls through to the error below
      }
    }
    throw new DataFormatException(file, line, column, what + " '" + text
        + "' is not a finite number; accepted: a decimal number such as 1, -0.5 or 2.5e-3");
  }
}
