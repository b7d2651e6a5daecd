package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Parse errors teach in a few lines (the error, the likely name, where the help is; exit 2, no
 * usage dump), and help text is wrapped to 80 columns when not on a terminal, with whole
 * sentences in the command list.
 */
class HelpAndParseErrorsTest {

  private static void assertShortError(CliTestSupport.Run r, String error, String suggestion, String helpOf) {
    assertEquals(2, r.exitCode(), r::all);
    assertEquals("", r.out());
    List<String> lines = r.err().lines().toList();
    assertTrue(lines.size() <= 4, r::err);
    assertEquals("tunelab: error: " + error, lines.get(0), r::err);
    if (suggestion != null) {
      assertTrue(lines.get(1).startsWith("Did you mean " + suggestion), r::err);
    }
    assertEquals("See `" + helpOf + " --help`.", lines.get(lines.size() - 1), r::err);
    assertFalse(r.err().contains("Usage:"), r::err);
  }

  @Test
  void aMistypedOptionNamesTheLikelyOne() {
    assertShortError(CliTestSupport.run(null, "describe-hyper-parameter-tuning-job", "--hyper-parameter-tuning-job", "x"),
        "unknown option '--hyper-parameter-tuning-job'", "--hyper-parameter-tuning-job-name?",
        "tunelab describe-hyper-parameter-tuning-job");
    assertShortError(CliTestSupport.run(null, "list-hyper-parameter-tuning-jobs", "--max-result", "3"),
        "unknown option '--max-result'", "--max-results?", "tunelab list-hyper-parameter-tuning-jobs");
    assertShortError(CliTestSupport.run(null, "describe-training-job", "--trainig-job-name=x"),
        "unknown option '--trainig-job-name'", "--training-job-name?", "tunelab describe-training-job");
    assertShortError(CliTestSupport.run(null, "list-hyper-parameter-tuning-jobs", "--ouptut", "json"),
        "unknown option '--ouptut'", "--output?", "tunelab list-hyper-parameter-tuning-jobs");
    // nothing close: no guess
    CliTestSupport.Run far = CliTestSupport.run(null, "logs", "--zzzzzzzz", "x");
    assertShortError(far, "unknown option '--zzzzzzzz'", null, "tunelab logs");
    assertFalse(far.err().contains("Did you mean"), far::err);
  }

  @Test
  void aMistypedCommandNamesTheLikelyOne() {
    assertShortError(CliTestSupport.run(null, "describe-tuning-job", "x"),
        "'describe-tuning-job' is not a tunelab command", "describe-hyper-parameter-tuning-job?", "tunelab");
    assertShortError(CliTestSupport.run(null, "lsit-training-jobs-for-hyper-parameter-tuning-job", "x"),
        "'lsit-training-jobs-for-hyper-parameter-tuning-job' is not a tunelab command",
        "list-training-jobs-for-hyper-parameter-tuning-job?", "tunelab");
    assertShortError(CliTestSupport.run(null, "list-tuning-jobs"),
        "'list-tuning-jobs' is not a tunelab command", "list-hyper-parameter-tuning-jobs", "tunelab");
  }

  @Test
  void otherParseErrorsAreShortToo() {
    CliTestSupport.Run r = CliTestSupport.run(null, "list-hyper-parameter-tuning-jobs", "--max-results", "ten");
    assertEquals(2, r.exitCode(), r::all);
    assertTrue(r.err().contains("--max-results") && r.err().contains("'ten'"), r::err);
    assertTrue(r.err().lines().count() <= 3, r::err);
    assertFalse(r.err().contains("Usage:"), r::err);
  }

  @Test
  void suggestionRankingPrefersSharedWordsOverSpelling() {
    List<String> commands = List.of("describe-hyper-parameter-tuning-job", "describe-training-job", "logs");
    assertEquals("describe-hyper-parameter-tuning-job", ParameterErrors.closest("describe-tuning-job", commands).get(0));
    assertEquals("describe-training-job", ParameterErrors.closest("descibe-trainig-job", commands).get(0));
    assertEquals(List.of(), ParameterErrors.closest("frobnicate", commands));
    assertEquals(1, ParameterErrors.distance("lsit", "list"));
  }

  private static List<String> commandSummaries(String help) {
    List<String> lines = help.lines().toList();
    int start = lines.indexOf("Commands:") + 1;
    List<String> summaries = new ArrayList<>();
    StringBuilder current = null;
    for (String l : lines.subList(start, lines.size())) {
      if (l.isEmpty()) {
        break;
      }
      if (l.matches("  \\S.*")) {
        if (current != null) {
          summaries.add(current.toString().trim());
        }
        String[] parts = l.trim().split("\\s{2,}", 2);
        current = new StringBuilder(parts.length > 1 ? parts[1] : "");
      } else {
        current.append(' ').append(l.trim());
      }
    }
    summaries.add(current.toString().trim());
    return summaries;
  }

  @Test
  void topLevelHelpFitsEightyColumnsAndEveryCommandSummaryIsAWholeSentence() {
    CliTestSupport.Run r = CliTestSupport.run(null, "--help");
    assertEquals(0, r.exitCode(), r::all);
    assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), r::out);
    List<String> summaries = commandSummaries(r.out());
    assertTrue(summaries.size() >= 17, summaries::toString);
    for (String s : summaries) {
      assertTrue(s.endsWith("."), () -> "cut mid-sentence: '" + s + "'\n" + r.out());
    }
    assertTrue(r.out().contains("  list-training-jobs-for-hyper-parameter-tuning-job\n"), r::out);
  }

  @Test
  void readVerbHelpFitsEightyColumnsAndItsParagraphsEndInFullStops() {
    for (String verb : List.of("describe-hyper-parameter-tuning-job", "list-hyper-parameter-tuning-jobs",
        "list-training-jobs-for-hyper-parameter-tuning-job", "analytics", "describe-training-job", "logs", "metrics")) {
      CliTestSupport.Run r = CliTestSupport.run(null, verb, "--help");
      assertEquals(0, r.exitCode(), r::all);
      assertTrue(r.out().lines().allMatch(l -> l.length() <= 80), r::out);
      assertTrue(r.out().contains("--output=FORMAT") && r.out().contains("--query=EXPR"), verb);
      // the description: the lines between the usage and the first option; it ends a sentence
      List<String> lines = r.out().lines().toList();
      int usageEnd = 1;
      while (lines.get(usageEnd).startsWith(" ")) {
        usageEnd++;
      }
      int firstOption = usageEnd;
      while (!lines.get(firstOption).matches(" {1,6}[-\\[].*")) {
        firstOption++;
      }
      String description = String.join(" ", lines.subList(usageEnd, firstOption)).trim();
      assertTrue(description.endsWith("."), () -> verb + ":\n" + r.out());
      assertFalse(description.isEmpty(), verb);
    }
  }

  @Test
  void hardWrappedSourceLinesBecomeParagraphsButListsAndExamplesStay() {
    assertEquals(List.of("One sentence that goes on. And another.", "", "  tunelab tune spec.json", "- a list item",
        "- another", "Start with: tunelab tune x.json"), List.of(HelpLayout.paragraphs(new String[] {"One sentence",
        "that goes on.", "And another.", "", "  tunelab tune spec.json", "- a list item", "- another", "Start with:",
        "tunelab tune x.json"})));
  }

  /** The commands, subcommands of subcommands included, as argument lists. */
  private static List<List<String>> allCommands(picocli.CommandLine cl, List<String> path) {
    List<List<String>> all = new ArrayList<>();
    for (var e : cl.getSubcommands().entrySet()) {
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      all.add(p);
      all.addAll(allCommands(e.getValue(), p));
    }
    return all;
  }

  @Test
  void everyCommandsHelpBreaksALineOnlyWhereTheNextWordWouldNotFit() {
    for (List<String> command : allCommands(Main.commandLine(), List.of())) {
      if (command.get(command.size() - 1).equals("help")) {
        continue;
      }
      List<String> args = new ArrayList<>(command);
      args.add("--help");
      CliTestSupport.Run r = CliTestSupport.run(null, args.toArray(String[]::new));
      assertEquals(0, r.exitCode(), r::all);
      List<String> lines = r.out().lines().toList();
      assertTrue(lines.stream().allMatch(l -> l.length() <= 80), r::out);
      // the description: after the usage lines, up to the first option
      int k = 1;
      while (k < lines.size() && lines.get(k).startsWith(" ")) {
        k++;
      }
      for (; k + 1 < lines.size() && !lines.get(k + 1).matches(" {1,6}[-\\[].*|Options:|Commands:"); k++) {
        String line = lines.get(k);
        String next = lines.get(k + 1);
        if (line.isBlank() || next.isBlank() || next.startsWith(" ") || next.startsWith("- ")
            || line.startsWith(" ") || line.startsWith("- ")) {
          continue;
        }
        String word = next.split(" ")[0];
        // picocli fills a line to at most width - 1 columns
        assertTrue(line.length() + 1 + word.length() > 79,
            () -> String.join(" ", command) + ": line broken before '" + word + "' although it fits:\n" + r.out());
      }
    }
  }
}
