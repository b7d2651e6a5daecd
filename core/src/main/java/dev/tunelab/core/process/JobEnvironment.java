package dev.tunelab.core.process;

import java.util.Map;
import java.util.TreeMap;

/**
 * The part of TuneLab's own environment a bring-your-own job inherits: only {@code PATH},
 * {@code HOME}, the locale ({@code LANG}, {@code LANGUAGE}, {@code LC_*}), {@code TZ} and
 * {@code TMPDIR}. Everything else (credentials, tokens, whatever the caller's shell holds) stays
 * out, as in a SageMaker container, whose environment is the contract's {@code SM_*} variables
 * plus the spec's {@code Environment}; a job that needs another variable gets it through the
 * spec's {@code Environment}.
 */
final class JobEnvironment {
  private JobEnvironment() { }

  /** The inherited variables of {@code parent} (normally {@link System#getenv()}), sorted by name. */
  static Map<String, String> inherited(Map<String, String> parent) {
    Map<String, String> out = new TreeMap<>();
    parent.forEach((name, value) -> {
      if (passes(name)) {
        out.put(name, value);
      }
    });
    return out;
  }

  /** Whether a variable of TuneLab's environment is passed to jobs. */
  static boolean passes(String name) {
    return switch (name) {
      case "PATH", "HOME", "LANG", "LANGUAGE", "TZ", "TMPDIR" -> true;
      default -> name.startsWith("LC_");
    };
  }
}
