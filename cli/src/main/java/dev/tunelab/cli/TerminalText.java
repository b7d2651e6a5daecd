package dev.tunelab.cli;

/**
 * Makes text that comes from jobs and specs (metric names, job names, hyperparameter values, log
 * lines, failure reasons) safe to print on a terminal: control characters (C0, DEL, C1: the
 * escape sequences that move the cursor, recolour or retitle a terminal) and the Unicode
 * characters that reorder or break a line (bidirectional overrides and isolates, line and
 * paragraph separators) are written as visible escapes such as {@code \u001b}; a TAB, a CR and
 * an LF become {@code \t}, {@code \r} and {@code \n}. Everything else is kept.
 */
public final class TerminalText {
  private TerminalText() { }

  /** The text with every unsafe character escaped; {@code null} becomes the empty string. */
  public static String escape(String text) {
    return escape(text, false);
  }

  /** {@link #escape(String)} of {@code String.valueOf(value)} (a map, a number, a record). */
  public static String escape(Object value) {
    return escape(value == null ? null : String.valueOf(value), false);
  }

  /**
   * As {@link #escape(String)}, but a TAB stays a TAB (for {@code logs --raw}, which prints
   * TABs as TABs; a TAB moves the cursor to the next tab stop and nothing else).
   */
  public static String escapeKeepingTabs(String text) {
    return escape(text, true);
  }

  /**
   * JSON text of a value as commands print it (indented), with every character outside ASCII
   * written as a JSON backslash-u escape: Jackson already escapes C0 controls, and this also
   * covers the C1 controls and the bidirectional overrides that a terminal would act on.
   */
  public static String json(Object value) {
    try {
      return dev.tunelab.core.json.Json.mapper().writer()
          .with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
          .withDefaultPrettyPrinter().writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new java.io.UncheckedIOException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
    }
  }

  private static String escape(String text, boolean keepTabs) {
    if (text == null) {
      return "";
    }
    if (isSafe(text, keepTabs)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> {
      if (!unsafe(cp) || keepTabs && cp == '\t') {
        b.appendCodePoint(cp);
      } else if (cp == '\t') {
        b.append("\\t");
      } else if (cp == '\n') {
        b.append("\\n");
      } else if (cp == '\r') {
        b.append("\\r");
      } else {
        b.append(String.format("\\u%04x", cp));
      }
    });
    return b.toString();
  }

  private static boolean isSafe(String text, boolean keepTabs) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (unsafe(c) && !(keepTabs && c == '\t')) {
        return false;
      }
    }
    return true;
  }

  /** True for characters a terminal acts on instead of showing. */
  static boolean unsafe(int cp) {
    return Character.isISOControl(cp)
        || cp >= 0x202a && cp <= 0x202e // bidi embeddings and overrides
        || cp >= 0x2066 && cp <= 0x2069 // bidi isolates
        || cp == 0x200e || cp == 0x200f || cp == 0x061c // directional marks
        || cp == 0x2028 || cp == 0x2029; // line and paragraph separators
  }
}
