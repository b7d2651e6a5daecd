package dev.tunelab.core.spec;

import java.util.regex.Pattern;

/**
 * The one rule for hyperparameter names (static, tuned, built-in and bring-your-own) and for
 * {@code Environment} variable names. A hyperparameter name becomes a command-line argument
 * ({@code --name value}), an environment variable ({@code SM_HP_NAME}) and a key of
 * {@code hyperparameters.json}; a name that cannot be all three would only fail when a job starts,
 * so it is refused when the spec is read.
 *
 * <p>SageMaker's API allows any key of up to 256 characters; its containers, like TuneLab's
 * bring-your-own contract, pass names on as arguments and environment variables, which rules out
 * '=', spaces, quotes and control characters. TuneLab accepts letters, digits, '_', '-' and '.'
 * (every name of XGBoost and of the SageMaker SDK fits), not starting with '-' (it would read as an
 * option). Environment variable names follow SageMaker's {@code Environment} key pattern
 * {@code [a-zA-Z_][a-zA-Z0-9_]*}, up to 512 characters.
 */
public final class HyperParameterNames {

  /** Longest hyperparameter name accepted, in characters (SageMaker's key limit). */
  public static final int MAX_LENGTH = 256;

  /** What a hyperparameter name may be, in words, for messages. */
  public static final String ACCEPTED = "1 to " + MAX_LENGTH
      + " characters of A-Z, a-z, 0-9, '_', '-' and '.', not starting with '-'"
      + " (a name that can become a --argument and an SM_HP_ environment variable)";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.][A-Za-z0-9_.\\-]{0," + (MAX_LENGTH - 1) + "}");

  /** Longest Environment variable name accepted (SageMaker's limit). */
  public static final int MAX_ENV_LENGTH = 512;

  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0," + (MAX_ENV_LENGTH - 1) + "}");

  private HyperParameterNames() { }

  /**
   * Checks one hyperparameter name.
   *
   * @param field JSON path of the name, named in the error (e.g. {@code HyperParameters.eta})
   * @param name  the name
   * @return the name
   * @throws SpecException naming the field, the name and what is accepted
   */
  public static String check(String field, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new SpecException(field, name, ACCEPTED);
    }
    return name;
  }

  /**
   * Checks that the algorithm takes a hyperparameter of this name, suggesting the closest name it
   * takes: {@code ...Name: unknown hyperparameter 'learning_rat'; did you mean 'learning_rate'?}.
   * Accepts every name when the algorithm lists none ({@link AlgorithmContract#knownHyperParameters}).
   *
   * @param field    JSON path where the name was given
   * @param name     the name
   * @param contract the algorithm
   * @throws SpecException naming the field, the name and the closest name or the names accepted
   */
  public static void checkKnown(String field, String name, AlgorithmContract contract) {
    java.util.Set<String> known = contract.knownHyperParameters();
    if (known.isEmpty() || known.contains(name)) {
      return;
    }
    // the one the tuning job sets itself is accepted but neither suggested nor listed
    java.util.List<String> shown = known.stream().filter(k -> !k.equals("_tuning_objective_metric")).toList();
    String hint = Suggestions.didYouMean(name, shown);
    throw new SpecException(field, "unknown hyperparameter '" + name + "'" + (hint.isEmpty()
        ? "; expected one of the algorithm's hyperparameters: " + String.join(", ", shown)
        : hint + " (names are case-sensitive)"));
  }

  /**
   * Checks one {@code Environment} variable name.
   *
   * @param field JSON path of the variable, named in the error
   * @param name  the variable name
   * @return the name
   * @throws SpecException naming the field, the name and what is accepted
   */
  public static String checkEnvironment(String field, String name) {
    if (!ENV_NAME.matcher(name).matches()) {
      throw new SpecException(field, name, "1 to " + MAX_ENV_LENGTH
          + " characters of A-Z, a-z, 0-9 and '_', not starting with a digit (SageMaker's Environment key pattern)");
    }
    return name;
  }
}
