package dev.tunelab.core.job;

/** How TuneLab shows log lines: as CloudWatch does, with a TAB written as {@code #011}. */
public final class LogFormat {
  private LogFormat() { }

  /** The line as CloudWatch (and the SageMaker notebooks) show it. */
  public static String cloudWatch(String raw) {
    return raw.replace("\t", "#011");
  }
}
