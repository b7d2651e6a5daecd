package dev.tunelab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.burt.jmespath.Expression;
import io.burt.jmespath.JmesPathException;
import io.burt.jmespath.jackson.JacksonRuntime;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The AWS CLI's {@code --output} and {@code --query} on the read verbs, as a picocli mixin. The
 * command builds its response as JSON (the AWS response shape); {@code --query} applies a
 * JMESPath expression to it (io.burt's jmespath-jackson, the JMESPath specification's grammar
 * and functions) and the result is printed as JSON, as the AWS CLI's text layout
 * ({@link AwsText}) or as a table. A command's own table (e.g. the list verbs' columns) is used
 * when there is no {@code --query}; with one, the queried value is shown by {@link JsonTable}.
 *
 * <p>The subclasses differ only in the default and the formats they accept, so that each
 * command's help says its own default.
 */
abstract class OutputOptions {

  /** The key of the paging token in a list response, as the AWS APIs name it. */
  static final String NEXT_TOKEN = "NextToken";

  private static final JacksonRuntime JMESPATH = new JacksonRuntime();

  @Option(names = "--query", paramLabel = "EXPR",
      description = "A JMESPath expression applied to the JSON response before it is printed, as the AWS CLI's"
          + " --query is.")
  String query;

  /** What the user gave to {@code --output}, or null. */
  abstract String given();

  /** The format when {@code --output} is not given. */
  abstract OutputFormat defaultFormat();

  /** The formats {@code --output} accepts. */
  Set<OutputFormat> accepted() {
    return EnumSet.of(OutputFormat.JSON, OutputFormat.TABLE, OutputFormat.TEXT);
  }

  /** The format to print in; bad input (exit 2) naming {@code --output} when not accepted. */
  OutputFormat format() {
    return given() == null ? defaultFormat() : OutputFormat.parse(given(), accepted());
  }

  /** Whether {@code --query} was given. */
  boolean hasQuery() {
    return query != null;
  }

  /**
   * Checks both options before the command opens the store, so that bad input is reported first.
   *
   * @throws dev.tunelab.core.spec.SpecException naming --output or --query
   */
  OutputOptions validate() {
    format();
    expression();
    return this;
  }

  private Expression<JsonNode> expression() {
    if (query == null) {
      return null;
    }
    try {
      return JMESPATH.compile(query);
    } catch (JmesPathException e) {
      throw Main.badInput("--query", query, "a JMESPath expression (" + oneLine(e.getMessage()) + ")");
    }
  }

  /** {@code response} with the {@code --query} expression applied (the response itself without one). */
  JsonNode apply(JsonNode response) {
    Expression<JsonNode> e = expression();
    if (e == null) {
      return response;
    }
    try {
      JsonNode result = e.search(response);
      return result == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : result;
    } catch (JmesPathException | IllegalArgumentException ex) {
      throw Main.badInput("--query", query, "an expression that applies to this response ("
          + oneLine(ex.getMessage()) + ")");
    }
  }

  /**
   * Prints a response that has no table of its own: the table is {@link JsonTable}'s.
   */
  void print(JsonNode response) {
    print(response, null);
  }

  /**
   * Prints {@code response} in the chosen format. A top-level {@code NextToken} stays in the JSON
   * (where {@code --query} sees it, as in the AWS CLI's JSON output); in text it is left out of
   * the queried value and printed last as {@code NEXTTOKEN\tTOKEN}, as the AWS CLI's text
   * formatter does; a table ends with a line naming it.
   *
   * @param table the command's own table, used for {@code table} without {@code --query}; null
   *              to show the response with {@link JsonTable}
   */
  void print(JsonNode response, Supplier<String> table) {
    OutputFormat format = format();
    String token = response.isObject() && response.hasNonNull(NEXT_TOKEN) ? response.get(NEXT_TOKEN).asText() : null;
    JsonNode page = response;
    if (token != null) {
      page = ((ObjectNode) response).deepCopy();
      ((ObjectNode) page).remove(NEXT_TOKEN);
    }
    StringBuilder out = new StringBuilder();
    switch (format) {
      case JSON -> out.append(TerminalText.json(apply(response))).append('\n');
      case TEXT -> {
        out.append(AwsText.format(apply(page)));
        if (token != null) {
          out.append("NEXTTOKEN\t").append(TerminalText.escape(token)).append('\n');
        }
      }
      default -> {
        out.append(table != null && query == null ? table.get() : JsonTable.format(apply(page)));
        if (token != null) {
          out.append("NextToken: ").append(TerminalText.escape(token))
              .append("  (pass --next-token with it for the next page)\n");
        }
      }
    }
    System.out.print(out);
    System.out.flush();
  }

  private static String oneLine(String message) {
    return message == null ? "" : message.replaceAll("\\s*\\R\\s*", "; ").trim();
  }

  /** {@code --output json|table|text}, default json (describe verbs, as the AWS CLI). */
  static final class JsonDefault extends OutputOptions {
    @Option(names = "--output", paramLabel = "FORMAT",
        description = "json, table or text, the AWS CLI's output formats (default json).")
    String output;

    @Override
    String given() {
      return output;
    }

    @Override
    OutputFormat defaultFormat() {
      return OutputFormat.JSON;
    }
  }

  /** {@code --output json|table|text}, default table (list verbs, analytics, logs). */
  static final class TableDefault extends OutputOptions {
    @Option(names = "--output", paramLabel = "FORMAT",
        description = "json, table or text, the AWS CLI's output formats (default table).")
    String output;

    @Override
    String given() {
      return output;
    }

    @Override
    OutputFormat defaultFormat() {
      return OutputFormat.TABLE;
    }
  }

  /** {@code --output json|table|text|csv}, default table (metrics, whose rows also fit CSV). */
  static final class WithCsv extends OutputOptions {
    @Option(names = "--output", paramLabel = "FORMAT",
        description = "json, table, text (the AWS CLI's output formats) or csv (default table).")
    String output;

    @Override
    String given() {
      return output;
    }

    @Override
    OutputFormat defaultFormat() {
      return OutputFormat.TABLE;
    }

    @Override
    Set<OutputFormat> accepted() {
      return EnumSet.allOf(OutputFormat.class);
    }
  }
}
