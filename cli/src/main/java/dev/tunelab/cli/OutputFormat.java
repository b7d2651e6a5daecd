package dev.tunelab.cli;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a read verb prints its response ({@code --output}): the AWS CLI's {@code json},
 * {@code table} and {@code text}, and {@code csv} where a command has rows (metrics).
 */
enum OutputFormat {
  /** The response as indented JSON (the AWS CLI's default). */
  JSON,
  /** Aligned columns for reading. */
  TABLE,
  /** The AWS CLI's tab-separated text layout, for shell tools ({@link AwsText}). */
  TEXT,
  /** RFC 4180 CSV with a header line (metrics only). */
  CSV;

  /** The name as users type it. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format named {@code value}, one of {@code accepted}.
   *
   * @throws dev.tunelab.core.spec.SpecException naming {@code --output}, the value and the formats accepted
   */
  static OutputFormat parse(String value, Set<OutputFormat> accepted) {
    for (OutputFormat f : accepted) {
      if (f.label().equals(value)) {
        return f;
      }
    }
    throw Main.badInput("--output", value, describe(accepted));
  }

  /** "json, table or text". */
  static String describe(Set<OutputFormat> accepted) {
    java.util.List<String> names = accepted.stream().sorted().map(OutputFormat::label).collect(Collectors.toList());
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
  }
}
