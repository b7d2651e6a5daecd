package dev.tunelab.cli;

/**
 * How a command takes a job's name: by the AWS CLI's option ({@code --hyper-parameter-tuning-job-name X},
 * {@code --training-job-name X}) or, as a shortcut, as the first positional argument. Giving both
 * with different values, or neither, is bad input naming the option.
 */
final class JobNameArgument {

  private JobNameArgument() { }

  /**
   * The name given one way or the other.
   *
   * @param option     the AWS option's name, e.g. {@code --training-job-name}
   * @param fromOption the option's value, or null
   * @param positional the positional argument, or null
   * @param what       what the name names, for the message: "an existing tuning job's name"
   * @throws dev.tunelab.core.spec.SpecException (exit 2) when neither or two different names were given
   */
  static String resolve(String option, String fromOption, String positional, String what) {
    if (fromOption != null && positional != null && !fromOption.equals(positional)) {
      throw Main.badInput(option, fromOption, "the same name as the positional NAME '" + positional
          + "', or only one of the two");
    }
    String name = fromOption != null ? fromOption : positional;
    if (name == null) {
      throw Main.badInput(option, null, what + " (" + option + " NAME, or NAME as the first argument)");
    }
    return name;
  }

  /** The tuning job name of a command: {@code --hyper-parameter-tuning-job-name NAME} or {@code NAME}. */
  static final class TuningJob {
    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
        description = "Tuning job name (shortcut for --hyper-parameter-tuning-job-name).")
    String positional;

    @picocli.CommandLine.Option(names = "--hyper-parameter-tuning-job-name", paramLabel = "NAME",
        description = "Tuning job name, as the AWS CLI names it.")
    String option;

    /** The name, checked as {@link JobNameArgument#resolve} says. */
    String name() {
      return resolve("--hyper-parameter-tuning-job-name", option, positional, "a tuning job's name");
    }
  }

  /** The training job name of a command: {@code --training-job-name NAME} or {@code NAME}. */
  static final class TrainingJob {
    @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "NAME",
        description = "Training job name (shortcut for --training-job-name).")
    String positional;

    @picocli.CommandLine.Option(names = "--training-job-name", paramLabel = "NAME",
        description = "Training job name, as the AWS CLI names it.")
    String option;

    /** The name, checked as {@link JobNameArgument#resolve} says. */
    String name() {
      return resolve("--training-job-name", option, positional, "a training job's name");
    }
  }
}
