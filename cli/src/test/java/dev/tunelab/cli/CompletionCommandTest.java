package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tunelab completion} prints a bash script that bash accepts and that completes tunelab's
 * commands and options when bash calls its completion function.
 */
class CompletionCommandTest {

  @TempDir Path tmp;

  private Path script() throws IOException {
    CliTestSupport.Run run = CliTestSupport.run(null, "completion");
    assertEquals(0, run.exitCode(), run.all());
    Path file = tmp.resolve("tunelab-completion.bash");
    Files.writeString(file, run.out(), StandardCharsets.UTF_8);
    return file;
  }

  /** Runs bash with the given script text; returns its exit code and output (stdout + stderr). */
  private static CliTestSupport.Run bash(String... args) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "bash did not finish");
    return new CliTestSupport.Run(p.exitValue(), out, "");
  }

  @Test
  void printsABashScriptDefiningTheCompletionFunctionThatBashAccepts() throws Exception {
    Path file = script();
    String text = Files.readString(file);
    assertTrue(text.contains("function _complete_tunelab()") || text.contains("_complete_tunelab()"),
        "no completion function in:\n" + text);
    assertTrue(text.contains("complete -F _complete_tunelab"), "the function is not registered:\n" + text);
    CliTestSupport.Run syntax = bash("bash", "-n", file.toString());
    assertEquals(0, syntax.exitCode(), "bash -n refused the script: " + syntax.out());
  }

  @Test
  void completesCommandNamesAndACommandsOptions() throws Exception {
    Path file = script();
    // what bash does on TAB: sets COMP_WORDS/COMP_CWORD and calls the registered function
    String probe = String.join("\n",
        "source '" + file + "'",
        "COMP_WORDS=(tunelab describe-t); COMP_CWORD=1; COMP_LINE='tunelab describe-t'; COMP_POINT=${#COMP_LINE}",
        "_complete_tunelab tunelab describe-t tunelab",
        "echo \"words: ${COMPREPLY[*]}\"",
        "COMP_WORDS=(tunelab tune --ho); COMP_CWORD=2; COMP_LINE='tunelab tune --ho'; COMP_POINT=${#COMP_LINE}",
        "_complete_tunelab tunelab --ho tune",
        "echo \"options: ${COMPREPLY[*]}\"");
    CliTestSupport.Run run = bash("bash", "-c", probe);
    assertEquals(0, run.exitCode(), run.out());
    List<String> lines = run.out().lines().toList();
    assertTrue(lines.contains("words: describe-training-job"), run.out());
    assertTrue(lines.contains("options: --home"), run.out());
  }

  @Test
  void isListedInTheHelp() {
    CliTestSupport.Run run = CliTestSupport.run(null, "--help");
    assertEquals(0, run.exitCode(), run.all());
    assertTrue(run.out().contains("completion"), run.out());
  }
}
