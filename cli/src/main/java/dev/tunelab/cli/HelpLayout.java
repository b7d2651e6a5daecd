package dev.tunelab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The layout of {@code tunelab --help} and every command's help: wrapped to the terminal's width
 * (picocli's automatic width, which asks the terminal; 80 columns when the output is not a
 * terminal), and the top-level list of commands shows each command's first whole sentence,
 * wrapped, never a line cut mid-sentence from a hard-wrapped description. Names too long for the
 * name column (list-training-jobs-for-hyper-parameter-tuning-job) get a line of their own.
 */
final class HelpLayout {
  private HelpLayout() { }

  /** The width used when the output is not a terminal. */
  static final int DEFAULT_WIDTH = 80;
  /** The widest name that shares its line with its summary. */
  private static final int NAME_COLUMN = 34;

  /** Sets the width rules on {@code cl} and its subcommands and the command list's renderer. */
  static void apply(CommandLine cl) {
    asParagraphs(cl);
    cl.setUsageHelpWidth(DEFAULT_WIDTH);
    cl.setUsageHelpAutoWidth(true);
    cl.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, HelpLayout::commandList);
  }

  /**
   * Every command's description as whole paragraphs, which picocli wraps to the width:
   * the source writes them as lines of about 100 characters, which printed one per line read as
   * sentences cut in the middle on a narrower terminal and left a ragged edge on a wider one.
   */
  private static void asParagraphs(CommandLine cl) {
    CommandLine.Model.UsageMessageSpec usage = cl.getCommandSpec().usageMessage();
    usage.description(paragraphs(usage.description()));
    for (CommandLine sub : cl.getSubcommands().values()) {
      asParagraphs(sub);
    }
  }

  /**
   * Lines joined into paragraphs: a line continues the one before unless either is blank, or is
   * indented or a list item ("- ", "* "), which stay lines of their own (examples, lists). Footers
   * are left as written: their lines are separate notes.
   */
  static String[] paragraphs(String[] lines) {
    List<String> out = new ArrayList<>();
    boolean open = false;
    for (String line : lines) {
      boolean own = line.isBlank() || line.startsWith(" ") || line.startsWith("- ") || line.startsWith("* ");
      if (open && !own) {
        int last = out.size() - 1;
        out.set(last, out.get(last) + " " + line.trim());
      } else {
        out.add(line);
      }
      open = !own;
    }
    return out.toArray(String[]::new);
  }

  private static String commandList(CommandLine.Help help) {
    Map<String, CommandLine.Help> subs = help.subcommands();
    if (subs.isEmpty()) {
      return "";
    }
    int width = help.commandSpec().usageMessage().width();
    int nameWidth = 0;
    for (String name : subs.keySet()) {
      if (name.length() <= NAME_COLUMN) {
        nameWidth = Math.max(nameWidth, name.length());
      }
    }
    int column = 2 + nameWidth + 2;
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, CommandLine.Help> e : subs.entrySet()) {
      String name = e.getKey();
      List<String> lines = wrap(summary(e.getValue().commandSpec()), Math.max(20, width - column));
      StringBuilder first = new StringBuilder("  ").append(name);
      if (name.length() > nameWidth) {
        b.append(first).append('\n');
        first = new StringBuilder();
      }
      for (int i = 0; i < lines.size(); i++) {
        StringBuilder line = i == 0 ? first : new StringBuilder();
        while (line.length() < column) {
          line.append(' ');
        }
        b.append(line).append(lines.get(i)).append('\n');
      }
    }
    return b.toString();
  }

  /** A command's first whole sentence: its header, else its description joined and cut after the first full stop. */
  static String summary(CommandSpec spec) {
    String[] source = spec.usageMessage().header().length > 0 ? spec.usageMessage().header()
        : spec.usageMessage().description();
    String text = String.join(" ", source).replaceAll("\\s+", " ").trim();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?<!\\be\\.g|\\bi\\.e)[.!?](?=\\s+[A-Z(\"`$-])").matcher(text);
    String sentence = m.find() ? text.substring(0, m.end()) : text;
    // a sentence that goes on after a colon to list details: its lead, which says what the command does
    int colon = sentence.indexOf(": ");
    boolean inParentheses = colon > 0 && sentence.substring(0, colon).chars().filter(c -> c == '(').count()
        > sentence.substring(0, colon).chars().filter(c -> c == ')').count();
    return colon > 0 && !inParentheses ? sentence.substring(0, colon) + "." : sentence;
  }

  /** Words of {@code text} in lines of at most {@code width} characters (a longer word gets its own line). */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        lines.add(line.toString());
        line.setLength(0);
      }
      if (line.length() > 0) {
        line.append(' ');
      }
      line.append(word);
    }
    if (line.length() > 0 || lines.isEmpty()) {
      lines.add(line.toString());
    }
    return lines;
  }
}
