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
    if (text == null) {
      return "";
    }
    if (isSafe(text)) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16);
    text.codePoints().forEach(cp -> {
      if (!unsafe(cp)) {
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

  private static boolean isSafe(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (unsafe(text.charAt(i))) {
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
