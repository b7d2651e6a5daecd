package dev.tunelab.core.store;

import java.util.List;

/**
 * Encodes a batch of log lines or metric points as one JSON array of arrays, which the store
 * hands to SQLite's {@code json_each} to insert every row with a single statement.
 * Doubles are written with {@link Double#toString(double)}, which SQLite parses back to the same
 * bits; NaN is written as {@code null} (the store's NULL for NaN) and infinities as
 * {@code ±9e999}, which SQLite reads as ±Infinity.
 */
final class BatchJson {
  private BatchJson() {}

  /** {@code [[timeMillis, "text"], ...]}. */
  static String logLines(List<LogLine> lines) {
    StringBuilder sb = new StringBuilder(lines.size() * 64).append('[');
    for (int i = 0; i < lines.size(); i++) {
      LogLine line = lines.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[').append(line.time().toEpochMilli()).append(',');
      string(sb, line.text());
      sb.append(']');
    }
    return sb.append(']').toString();
  }

  /** {@code [["name", iteration, value, timeMillis], ...]}. */
  static String metricPoints(List<MetricPoint> points) {
    StringBuilder sb = new StringBuilder(points.size() * 48).append('[');
    for (int i = 0; i < points.size(); i++) {
      MetricPoint p = points.get(i);
      if (i > 0) {
        sb.append(',');
      }
      sb.append('[');
      string(sb, p.metricName());
      sb.append(',').append(p.iteration()).append(',');
      number(sb, p.value());
      sb.append(',').append(p.time().toEpochMilli()).append(']');
    }
    return sb.append(']').toString();
  }

  static void number(StringBuilder sb, double value) {
    if (Double.isNaN(value)) {
      sb.append("null");
    } else if (Double.isInfinite(value)) {
      sb.append(value > 0 ? "9e999" : "-9e999");
    } else {
      sb.append(value);
    }
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  static void string(StringBuilder sb, String text) {
    sb.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> {
          if (c < 0x20 || c == 0x7f) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
