package dev.tunelab.cli;

import dev.tunelab.core.io.OutputWriteException;
import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.store.JobStateException;
import dev.tunelab.core.store.JobStore;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code tunelab} command: SageMaker-style training and tuning jobs run
 * locally. Exit codes: 0 success, 2 bad input (the message names what is wrong), 1 a failure
 * while running.
 */
@Command(name = "tunelab", mixinStandardHelpOptions = true, version = "tunelab 0.1.0",
    description = {
        "Hyperparameter tuning on your own machine, SageMaker-compatible.",
        "Specs are the JSON bodies of SageMaker's CreateTrainingJob and CreateHyperParameterTuningJob requests."
            + " Jobs and their store live in one home folder: --home, else $TUNELAB_HOME, else ~/.tunelab (the store is its tunelab.db).",
        ""},
    footer = {"", "Exit codes: 0 success, 2 bad input, 1 failure while running.",
        "Start with: tunelab tune examples/boston-xgboost-hpo.json",
        "Help on one command: tunelab COMMAND --help"},
    subcommands = {
        TuneCommand.class,
        TrainCommand.class,
        ResumeCommand.class,
        StopTuningJobCommand.class,
        CreateTuningJobCommand.class,
        CreateTrainingJobCommand.class,
        StopTrainingJobCommand.class,
        DeleteTuningJobCommand.class,
        WaitCommand.class,
        DescribeTuningJobCommand.class,
        ListTuningJobsCommand.class,
        ListTrainingJobsCommand.class,
        AnalyticsCommand.class,
        DescribeTrainingJobCommand.class,
        LogsCommand.class,
        MetricsCommand.class,
        TransformCommand.class,
        DashboardCommand.class,
        ReportCommand.class,
        DatasetsCommand.class,
        BenchmarkCommand.class,
        CompletionCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;
  /** Exit code for a failure while running. */
  public static final int FAILURE = 1;

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }

  /** Builds the command line with TuneLab's error handling. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    registerNumberConverters(cl);
    HelpLayout.apply(cl);
    cl.setParameterExceptionHandler(ParameterErrors::handle);
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      if (ex instanceof IllegalArgumentException || ex instanceof JobStateException) {
        // SpecException, DataFormatException, NoSuchJobException and other validation errors are
        // bad input; JobStateException is a request the job's state does not allow: nothing was
        // changed either way
        err.println("tunelab: error: " + TerminalText.escape(ex.getMessage()));
        err.flush();
        return BAD_INPUT;
      }
      if (ex instanceof OutputWriteException) {
        // a user-named output could not be written (disk full, file too large): the path and
        // the system's reason say it all, and nothing was left half-written
        err.println("tunelab: failed: " + TerminalText.escape(ex.getMessage()));
        err.flush();
        return FAILURE;
      }
      err.println("tunelab: failed: " + TerminalText.escape(ex.toString()));
      if (System.getenv("TUNELAB_DEBUG") != null) {
        ex.printStackTrace(err);
      }
      err.flush();
      return FAILURE;
    });
    return cl;
  }

  /**
   * Integer options that do not fit their type are refused saying the type's range (picocli's
   * own message says only "is not an int"); each command then checks its option's own bounds
   * with {@link OptionBounds}.
   */
  private static void registerNumberConverters(CommandLine cl) {
    CommandLine.ITypeConverter<Integer> toInt = s -> {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + s + "' is not an integer from "
            + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
      }
    };
    CommandLine.ITypeConverter<Long> toLong = s -> {
      try {
        return Long.valueOf(s.trim());
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + s + "' is not an integer from "
            + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
      }
    };
    cl.registerConverter(Integer.class, toInt);
    cl.registerConverter(Integer.TYPE, toInt);
    cl.registerConverter(Long.class, toLong);
    cl.registerConverter(Long.TYPE, toLong);
  }

  public static void main(String[] args) {
    if (opensStore(args)) {
      JobStore.prepareInBackground(); // overlaps picocli and the spec with SQLite's native library
    }
    System.exit(commandLine().execute(args));
  }

  /** Commands that will open the store (not help, completion, datasets or benchmark). */
  static boolean opensStore(String[] args) {
    List<String> words = List.of(args);
    if (words.isEmpty() || words.contains("--help") || words.contains("-h")) {
      return false;
    }
    return !Set.of("help", "completion", "datasets", "benchmark", "--version", "-V").contains(args[0]);
  }

  /** Convenience for commands: a bad-input error. */
  static SpecException badInput(String field, Object value, String expected) {
    return new SpecException(field, value, expected);
  }
}
