package dev.tunelab.core.sdk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Converts hyperparameter and range values to strings the way the SageMaker Python SDK does: with
 * Python's {@code str()}. So {@code 5} is {@code "5"}, {@code 0.2} is {@code "0.2"}, {@code 1.0}
 * is {@code "1.0"}, {@code 1e-5} is {@code "1e-05"} and {@code true} is {@code "True"}; a
 * {@link BigDecimal} is written as Python writes a {@code Decimal} ({@code "0.30"}). Public for
 * the command line's AWS text output, which writes floats as the (Python) AWS CLI does.
 */
public final class PythonStrings {
  private PythonStrings() { }

  /** Python's {@code str(value)} for the Java equivalents of Python's scalars. */
  static String str(Object value) {
    if (value == null) {
      return "None";
    }
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (value instanceof Double d) {
      return ofDouble(d);
    }
    if (value instanceof Float f) {
      return f.isNaN() || f.isInfinite() ? ofDouble(f.doubleValue()) : decimal(new BigDecimal(Float.toString(f)), f < 0 || (f == 0 && 1 / f < 0));
    }
    if (value instanceof BigDecimal bd) {
      return bd.toString();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
        || value instanceof BigInteger) {
      return value.toString();
    }
    return value.toString();
  }

  /** Python's {@code repr(float)}: shortest digits, scientific below 1e-4 and from 1e16. */
  public static String ofDouble(double d) {
    if (Double.isNaN(d)) {
      return "nan";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "inf" : "-inf";
    }
    if (d == 0) {
      return 1 / d < 0 ? "-0.0" : "0.0";
    }
    return decimal(new BigDecimal(Double.toString(d)), d < 0);
  }

  private static String decimal(BigDecimal value, boolean negative) {
    if (value.signum() == 0) {
      return negative ? "-0.0" : "0.0";
    }
    BigDecimal v = value.abs().stripTrailingZeros();
    String digits = v.unscaledValue().toString();
    int exponent = digits.length() - v.scale() - 1;
    String sign = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16) {
      String plain = v.toPlainString();
      return sign + (plain.contains(".") ? plain : plain + ".0");
    }
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    return sign + mantissa + "e" + (exponent < 0 ? "-" : "+")
        + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
  }
}
