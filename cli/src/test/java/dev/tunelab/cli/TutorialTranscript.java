package dev.tunelab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The checked transcripts of {@code docs/tutorial.md}: its {@code ```console} blocks, each a list of
 * {@code $ command} lines with the output expected after them (format in the file's header comment).
 * Parsing keeps every line of the document, so that {@link #render} can write the file back with
 * only the expected outputs replaced.
 */
final class TutorialTranscript {
  /** The directive, on the line before a block's fence, that compares each output's lines in any order. */
  static final String UNORDERED = "<!-- check: unordered -->";
  /** An expected-output line that stands for any number of lines (zero or more). */
  static final String ELLIPSIS = "...";

  /** One {@code $ command} with the output the document expects after it. */
  record Command(String section, int line, String text, List<String> expected, boolean unordered) {
    /** The command as the document shows it, for messages: its first line. */
    String shown() {
      int nl = text.indexOf('\n');
      return "$ " + (nl < 0 ? text : text.substring(0, nl) + " ...");
    }
  }

  /** A console block: where it sits in the document and its commands. */
  record Block(int fenceLine, int closeLine, String indent, List<Command> commands) { }

  private final List<String> lines;
  private final List<Block> blocks;

  private TutorialTranscript(List<String> lines, List<Block> blocks) {
    this.lines = lines;
    this.blocks = blocks;
  }

  List<Block> blocks() {
    return blocks;
  }

  /** All commands in document order. */
  List<Command> commands() {
    List<Command> all = new ArrayList<>();
    blocks.forEach(b -> all.addAll(b.commands()));
    return all;
  }

  /**
   * Parses a document. Only fences opened exactly as {@code ```console} are transcripts; a console
   * block whose first line is not a command, or an unclosed one, is an error naming the line.
   */
  static TutorialTranscript parse(String text) {
    List<String> lines = List.of(text.split("\n", -1));
    List<Block> blocks = new ArrayList<>();
    String section = "(before the first section)";
    boolean inOther = false;
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      if (inOther) {
        if (l.stripLeading().startsWith("```")) {
          inOther = false;
        }
        continue;
      }
      if (l.startsWith("#")) {
        section = l.replaceFirst("^#+\\s*", "");
        continue;
      }
      if (!l.stripLeading().startsWith("```")) {
        continue;
      }
      // a block in a list item is indented: its lines lose that indent, and get it back when written
      String indent = l.substring(0, l.length() - l.stripLeading().length());
      if (!l.strip().equals("```console")) {
        inOther = true;
        continue;
      }
      boolean unordered = i > 0 && lines.get(i - 1).strip().equals(UNORDERED);
      int close = -1;
      for (int j = i + 1; j < lines.size(); j++) {
        if (lines.get(j).stripLeading().startsWith("```")) {
          close = j;
          break;
        }
      }
      if (close < 0) {
        throw new IllegalArgumentException("line " + (i + 1) + ": ```console block is not closed");
      }
      List<Command> commands = new ArrayList<>();
      List<String> body = lines.subList(i + 1, close).stream()
          .map(b -> b.startsWith(indent) ? b.substring(indent.length()) : b.stripLeading()).toList();
      int j = 0;
      int end = body.size();
      while (j < end) {
        String c = body.get(j);
        if (!c.startsWith("$ ")) {
          throw new IllegalArgumentException("line " + (i + j + 2) + ": a ```console block must start with a '$ ' command line; got: " + c);
        }
        int start = j;
        StringBuilder cmd = new StringBuilder(c.substring(2));
        while (cmd.toString().endsWith("\\") && j + 1 < end) {
          j++;
          cmd.append('\n').append(body.get(j));
        }
        j++;
        List<String> expected = new ArrayList<>();
        while (j < end && !body.get(j).startsWith("$ ")) {
          expected.add(body.get(j));
          j++;
        }
        commands.add(new Command(section, i + start + 2, cmd.toString(), expected, unordered));
      }
      blocks.add(new Block(i, close, indent, commands));
      i = close;
    }
    return new TutorialTranscript(lines, blocks);
  }

  /**
   * The document with each command's expected output replaced by {@code outputs} (one list of lines
   * per command, in document order); everything else is kept as it was.
   */
  String render(List<List<String>> outputs) {
    List<String> out = new ArrayList<>();
    int next = 0;
    int k = 0;
    for (Block b : blocks) {
      out.addAll(lines.subList(next, b.fenceLine() + 1));
      for (Command c : b.commands()) {
        List<String> cl = List.of(c.text().split("\n", -1));
        out.add(b.indent() + "$ " + cl.get(0));
        cl.subList(1, cl.size()).forEach(l -> out.add(b.indent() + l));
        outputs.get(k++).forEach(l -> out.add(l.isEmpty() ? l : b.indent() + l));
      }
      next = b.closeLine();
    }
    out.addAll(lines.subList(next, lines.size()));
    return String.join("\n", out);
  }
}
