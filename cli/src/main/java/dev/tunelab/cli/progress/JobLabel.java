package dev.tunelab.cli.progress;

import dev.tunelab.cli.TerminalText;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short label of a training job on the progress line: {@code j3} for the tuning job's third
 * training job ({@code <tuning-job>-003-<8 hex>}), or the escaped name cut to 16 characters for
 * a name of another shape.
 */
final class JobLabel {
  private JobLabel() { }

  private static final Pattern TUNED = Pattern.compile("-(\\d{1,9})-[0-9a-f]{8}$");

  static String of(String trainingJobName) {
    if (trainingJobName == null) {
      return null;
    }
    Matcher m = TUNED.matcher(trainingJobName);
    if (m.find()) {
      return "j" + Integer.parseInt(m.group(1));
    }
    String s = TerminalText.escape(trainingJobName);
    return s.length() <= 16 ? s : s.substring(0, 15) + "~";
  }
}
