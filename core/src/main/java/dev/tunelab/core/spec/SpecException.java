package dev.tunelab.core.spec;

/**
 * Bad input in a job spec or on the command line: names the field (a JSON path such as
 * {@code HyperParameters.eta}), the value given and what would be accepted. The CLI turns it
 * into exit code 2; nothing is written to the store before validation passes.
 */
public class SpecException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String field;

  /**
   * @param field    JSON path of the offending field
   * @param value    the value given (may be {@code null} when the field is missing)
   * @param expected what would be accepted, in words
   */
  public SpecException(String field, Object value, String expected) {
    super(field + ": " + (value == null ? "missing" : "got '" + value + "'") + "; expected " + expected);
    this.field = field;
  }

  /** A message that does not follow the field/value/expected pattern. */
  public SpecException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  /** JSON path of the offending field. */
  public String field() {
    return field;
  }
}
