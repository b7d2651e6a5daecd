package dev.tunelab.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code tunelab} command: SageMaker-style training and tuning jobs run
 * locally. Exit codes: 0 success, 2 bad input, 1 failure while running.
 */
@Command(name = "tunelab", mixinStandardHelpOptions = true, version = "tunelab 0.1.0",
    description = "Hyperparameter tuning on your own machine, SageMaker-compatible.",
    subcommands = {CommandLine.HelpCommand.class, BenchmarkCommand.class})
public final class Main implements Runnable {

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }
}
