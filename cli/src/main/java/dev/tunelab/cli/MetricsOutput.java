package dev.tunelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.store.TrainingJobRecord;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a training job's {@link MetricRow}s as {@code tunelab metrics} prints them: an aligned
 * table, CSV (a header line; fields holding a comma, a quote, a CR or an LF quoted with quotes
 * doubled, as RFC 4180 asks; lines end with an LF as Unix tools expect) or JSON. Table and CSV escape control characters with {@link TerminalText} so
 * a metric name from a spec cannot drive the terminal; JSON escapes every non-ASCII character
 * as {@code \\uXXXX} (the data are unchanged) and writes a value that is not finite as
 * {@code null}, as pandas' {@code to_json} does.
 */
enum MetricsOutput {
  /** Aligned columns for reading. */
  TABLE,
  /** RFC 4180 CSV with a header line. */
  CSV,
  /** One JSON object: the job, its status and start, and the rows. */
  JSON;

  /** The dataframe's column names, in order. */
  static final List<String> COLUMNS = List.of("timestamp", "metric_name", "value", "round");

  /** The text to print (ends with a newline). */
  String render(TrainingJobRecord job, Instant start, List<MetricRow> rows) {
    return switch (this) {
      case TABLE -> table(rows);
      case CSV -> csv(rows);
      case JSON -> json(job, start, rows);
    };
  }

  private static String table(List<MetricRow> rows) {
    if (rows.isEmpty()) {
      return "(no metrics yet)\n";
    }
    List<String[]> cells = new ArrayList<>();
    cells.add(COLUMNS.toArray(String[]::new));
    for (MetricRow r : rows) {
      cells.add(new String[] {seconds(r), TerminalText.escape(r.metricName()), Double.toString(r.value()),
          Integer.toString(r.round())});
    }
    int[] width = new int[COLUMNS.size()];
    for (String[] row : cells) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    // numbers right-aligned, the metric name left-aligned
    String format = "%" + width[0] + "s  %-" + width[1] + "s  %" + width[2] + "s  %" + width[3] + "s%n";
    StringBuilder b = new StringBuilder();
    for (String[] row : cells) {
      b.append(String.format(Locale.ROOT, format, (Object[]) row));
    }
    return b.toString();
  }

  private static String csv(List<MetricRow> rows) {
    StringBuilder b = new StringBuilder();
    b.append(String.join(",", COLUMNS)).append('\n');
    for (MetricRow r : rows) {
      b.append(seconds(r)).append(',').append(csvField(TerminalText.escape(r.metricName()))).append(',')
          .append(r.value()).append(',').append(r.round()).append('\n');
    }
    return b.toString();
  }

  /** One CSV field, quoted when it holds a comma, a quote, a CR or an LF (RFC 4180, 2.6 and 2.7). */
  static String csvField(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }

  private static String json(TrainingJobRecord job, Instant start, List<MetricRow> rows) {
    ObjectNode doc = document(job, start, rows);
    try {
      return Json.mapper().writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).withDefaultPrettyPrinter()
          .writeValueAsString(doc) + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot write the metrics as JSON", e);
    }
  }

  /** The JSON document of {@code --output json} (and what {@code --query} applies to). */
  static ObjectNode document(TrainingJobRecord job, Instant start, List<MetricRow> rows) {
    ObjectNode doc = Json.object();
    doc.put("TrainingJobName", job.name());
    doc.put("TrainingJobStatus", job.status().name());
    doc.put("TrainingStartTime", start.toString());
    ArrayNode array = doc.putArray("Metrics");
    for (MetricRow r : rows) {
      ObjectNode o = array.addObject();
      o.put("timestamp", BigDecimal.valueOf(r.timestampMillis(), 3));
      o.put("metric_name", r.metricName());
      if (Double.isFinite(r.value())) {
        o.put("value", r.value());
      } else {
        o.putNull("value");
      }
      o.put("round", r.round());
    }
    return doc;
  }

  private static String seconds(MetricRow r) {
    return BigDecimal.valueOf(r.timestampMillis(), 3).toPlainString();
  }
}
