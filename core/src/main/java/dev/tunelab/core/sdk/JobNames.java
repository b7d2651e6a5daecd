package dev.tunelab.core.sdk;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Default job names as the SageMaker Python SDK makes them ({@code sagemaker.utils}):
 * {@code base_name_from_image} for the base, {@code name_from_base} for a training job
 * ({@code <base>-<yyyy-MM-dd-HH-mm-ss-SSS>}, 63 characters at most) and
 * {@code name_from_base(short=True)} for a tuning job ({@code <base>-<yyMMdd-HHmm>}, 32 characters
 * at most). Unlike the SDK, a name already in the store is never reused: a training job name moves
 * on by a millisecond, a tuning job name gets {@code -2}, {@code -3}, ...
 */
final class JobNames {
  private JobNames() { }

  /** The tuning job name limit. */
  static final int TUNING_MAX = 32;
  /** The training job name limit. */
  static final int TRAINING_MAX = 63;

  private static final Pattern IMAGE = Pattern.compile("^(.+/)?([^:/]+)(:[^:]+)?$");
  private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss-SSS", Locale.ROOT);
  private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("yyMMdd-HHmm", Locale.ROOT);

  /** The SDK's {@code base_name_from_image}: {@code .../xgboost:1 -> xgboost}, made a valid name. */
  static String baseFromImage(String image) {
    Matcher m = IMAGE.matcher(image);
    return sanitize(m.matches() ? m.group(2) : image);
  }

  /** The base for a command: its program's file name ({@code /usr/bin/python3 -> python3}). */
  static String baseFromCommand(List<String> command) {
    String program = command.get(0);
    int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
    return sanitize(program.substring(slash + 1));
  }

  /** Letters, digits and single inner dashes only; "job" when nothing is left. */
  static String sanitize(String s) {
    String out = s.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("-{2,}", "-").replaceAll("^-+|-+$", "");
    return out.isEmpty() ? "job" : out;
  }

  /** A training job name {@code <base>-<UTC yyyy-MM-dd-HH-mm-ss-SSS>} that {@code taken} rejects not. */
  static String training(String base, Clock clock, Predicate<String> taken) {
    ZonedDateTime t = ZonedDateTime.now(clock).withZoneSameInstant(ZoneOffset.UTC);
    while (true) {
      String stamp = LONG.format(t);
      String name = trim(base, TRAINING_MAX - stamp.length() - 1) + "-" + stamp;
      if (!taken.test(name)) {
        return name;
      }
      t = t.plusNanos(1_000_000);
    }
  }

  /** A tuning job name {@code <base>-<local yyMMdd-HHmm>[-n]} that {@code taken} rejects not. */
  static String tuning(String base, Clock clock, Predicate<String> taken) {
    String stamp = SHORT.format(ZonedDateTime.now(clock));
    for (int n = 1; ; n++) {
      String suffix = n == 1 ? stamp : stamp + "-" + n;
      String name = trim(base, TUNING_MAX - suffix.length() - 1) + "-" + suffix;
      if (!taken.test(name)) {
        return name;
      }
    }
  }

  private static String trim(String base, int max) {
    String b = base.length() <= max ? base : base.substring(0, max);
    b = b.replaceAll("-+$", "");
    return b.isEmpty() ? "j" : b;
  }
}
