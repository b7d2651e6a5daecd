package dev.tunelab.core.xgboost;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The metrics of every channel after one boosting round, parsed from XGBoost's native evaluation
 * string ({@code "[3]\ttrain-rmse:2.0714...\tvalidation-rmse:3.3312..."}), and the log line in
 * the form SageMaker's XGBoost container prints ({@code "[3]\ttrain-rmse:2.07148\tvalidation-rmse:3.33124"},
 * real tab characters, six significant digits).
 *
 * @param iteration 0-based boosting round
 * @param metrics   every metric of every channel, in XGBoost's order
 */
record RoundEvaluation(int iteration, List<MetricValue> metrics) {

  private static final MathContext SIX_DIGITS = new MathContext(6, RoundingMode.HALF_EVEN);

  RoundEvaluation {
    metrics = List.copyOf(metrics);
  }

  /**
   * Parses XGBoost's evaluation string.
   *
   * @param iteration the round
   * @param eval      the string {@code Booster.evalSet} returned
   * @param channels  the evaluation names passed to {@code evalSet}, to split {@code channel-metric}
   * @throws IllegalArgumentException when the string does not have that form
   */
  static RoundEvaluation parse(int iteration, String eval, List<String> channels) {
    String[] parts = eval.trim().split("\t");
    List<MetricValue> metrics = new ArrayList<>();
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i];
      int colon = part.lastIndexOf(':');
      String channel = channels.stream().filter(c -> part.startsWith(c + "-")).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("eval: unexpected entry '" + part + "' in '" + eval + "'"));
      if (colon <= channel.length() + 1) {
        throw new IllegalArgumentException("eval: unexpected entry '" + part + "' in '" + eval + "'");
      }
      String metric = part.substring(channel.length() + 1, colon);
      double exact = Double.parseDouble(part.substring(colon + 1).trim());
      double shown = Double.parseDouble(format(exact));
      metrics.add(new MetricValue(channel, metric, Double.isNaN(exact) ? exact : shown, exact));
    }
    return new RoundEvaluation(iteration, metrics);
  }

  /** The SageMaker-style log line: {@code [i]<TAB>train-rmse:v<TAB>validation-rmse:v}. */
  String logLine() {
    StringBuilder sb = new StringBuilder().append('[').append(iteration).append(']');
    for (MetricValue m : metrics) {
      sb.append('\t').append(m.channel()).append('-').append(m.metric()).append(':').append(format(m.exact()));
    }
    return sb.toString();
  }

  /** The metric of a channel, or {@code null}. */
  MetricValue find(String channel, String metric) {
    for (MetricValue m : metrics) {
      if (m.channel().equals(channel) && m.metric().equals(metric)) {
        return m;
      }
    }
    return null;
  }

  /**
   * Formats a number as C++'s default stream output ({@code %g} with six significant digits and
   * no trailing zeros), which is what the SageMaker XGBoost 0.72 image printed:
   * {@code 3.72621}, {@code 0.644909}, {@code 12}, {@code 1.5e-05}.
   */
  static String format(double v) {
    if (Double.isNaN(v)) {
      return "nan";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "inf" : "-inf";
    }
    if (v == 0) {
      return (1 / v) < 0 ? "-0" : "0";
    }
    BigDecimal bd = new BigDecimal(v).round(SIX_DIGITS);
    int exponent = bd.precision() - bd.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      BigDecimal mantissa = bd.movePointLeft(exponent).stripTrailingZeros();
      String e = String.format("%02d", Math.abs(exponent));
      return mantissa.toPlainString() + "e" + (exponent < 0 ? "-" : "+") + e;
    }
    return bd.stripTrailingZeros().toPlainString();
  }
}
