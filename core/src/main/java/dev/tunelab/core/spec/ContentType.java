package dev.tunelab.core.spec;

import java.util.Locale;

/**
 * A channel's {@code InputDataConfig[i].ContentType}, parsed as SageMaker's XGBoost container
 * does (case-insensitive, MIME parameters after {@code ;}, spaces around them ignored):
 * <ul>
 *   <li>{@code text/csv} or {@code csv}: label first, no header. The parameter
 *       {@code header=present} says the first line of every file is a header (skipped; its
 *       names become the feature names); {@code header=absent} is the default, and a first line
 *       that is not numeric is then refused. {@code label_size=1} is accepted (SageMaker's only
 *       value); {@code charset=utf-8} too.</li>
 *   <li>{@code text/libsvm}, {@code text/x-libsvm} or {@code libsvm}.</li>
 *   <li>{@code application/x-parquet} or {@code parquet}: label in the first column.</li>
 * </ul>
 * Absent, it is {@code text/csv} (SageMaker's container would assume libsvm; TuneLab keeps CSV,
 * its examples' format).
 *
 * @param format        the data format
 * @param headerPresent for CSV, whether the files start with a header line
 */
public record ContentType(Format format, boolean headerPresent) {

  /** The accepted values, for error messages. */
  public static final String ACCEPTED = "text/csv or csv (optionally ;header=present or ;header=absent,"
      + " ;label_size=1, ;charset=utf-8), text/libsvm, text/x-libsvm or libsvm, application/x-parquet or parquet";

  /** The data formats TuneLab reads. */
  public enum Format {
    /** Comma-separated values, label first. */
    CSV,
    /** libsvm text: {@code label index:value ...}. */
    LIBSVM,
    /** Apache Parquet, label first. */
    PARQUET
  }

  /** The default: CSV without a header. */
  public static final ContentType DEFAULT = new ContentType(Format.CSV, false);

  /**
   * Parses a ContentType.
   *
   * @param field the JSON path for errors, e.g. {@code InputDataConfig[0].ContentType}
   * @param value the value as written; {@code null} means the default
   * @throws SpecException naming the field, the value and {@link #ACCEPTED}
   */
  public static ContentType parse(String field, String value) {
    if (value == null) {
      return DEFAULT;
    }
    String[] parts = value.toLowerCase(Locale.ROOT).split(";", -1);
    String type = parts[0].strip();
    Format format = switch (type) {
      case "text/csv", "csv" -> Format.CSV;
      case "text/libsvm", "text/x-libsvm", "libsvm" -> Format.LIBSVM;
      case "application/x-parquet", "parquet" -> Format.PARQUET;
      default -> throw new SpecException(field, value, ACCEPTED);
    };
    boolean header = false;
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].strip();
      int eq = p.indexOf('=');
      String key = eq < 0 ? p : p.substring(0, eq).strip();
      String v = eq < 0 ? "" : p.substring(eq + 1).strip();
      if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
        v = v.substring(1, v.length() - 1);
      }
      if (key.equals("charset") && (v.equals("utf-8") || v.equals("utf8"))) {
        continue;
      }
      if (format == Format.CSV && key.equals("header") && (v.equals("present") || v.equals("absent"))) {
        header = v.equals("present");
        continue;
      }
      if (format == Format.CSV && key.equals("label_size") && v.equals("1")) {
        continue;
      }
      throw new SpecException(field, value, ACCEPTED + " (the parameter '" + p + "' is not one of these)");
    }
    return new ContentType(format, header);
  }
}
