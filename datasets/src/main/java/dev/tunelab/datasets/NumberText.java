package dev.tunelab.datasets;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Numbers as CSV text, both ways. Reading accepts plain decimal notation with an optional sign
 * and exponent ({@code 24}, {@code -0.5}, {@code .5}, {@code 1e-5}, {@code 6.575E+2}) and the
 * special words {@code nan}, {@code inf}, {@code infinity} in any case, and R's {@code NA}
 * (missing, read as NaN); it rejects what
 * {@link Double#parseDouble} would also take but a CSV reader in Python or XGBoost would not
 * (hexadecimal, {@code 1d}, {@code 1f}). Writing gives the shortest decimal text that parses back
 * to the same {@code double}, integral values without {@code ".0"}.
 */
final class NumberText {

  private NumberText() {}

  /**
   * Parses a cell (surrounding white space ignored).
   *
   * @throws NumberFormatException when the text is not a number in the grammar above
   */
  static double parse(String text) {
    String s = text.strip();
    int n = s.length();
    int i = 0;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    if (s.equals("NA")) {
      return Double.NaN; // R's write.csv marks a missing value so
    }
    if (i < n && Character.isLetter(s.charAt(i))) {
      String word = s.substring(i).toLowerCase(java.util.Locale.ROOT);
      boolean negative = s.charAt(0) == '-';
      if (word.equals("nan")) {
        return Double.NaN;
      }
      if (word.equals("inf") || word.equals("infinity")) {
        return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
      }
      throw new NumberFormatException(text);
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      throw new NumberFormatException(text);
    }
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      i++;
      if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      int expDigits = 0;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        expDigits++;
      }
      if (expDigits == 0) {
        throw new NumberFormatException(text);
      }
    }
    if (i != n) {
      throw new NumberFormatException(text);
    }
    return Double.parseDouble(s);
  }

  /** True when {@link #parse} accepts the text. */
  static boolean isNumber(String text) {
    try {
      parse(text);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * The shortest decimal text that {@link #parse} turns back into exactly {@code v}: integral
   * values below 10<sup>15</sup> without a fraction ({@code 24}), plain notation for magnitudes
   * from 10<sup>-4</sup> to below 10<sup>16</sup> ({@code 0.00632}), scientific notation otherwise
   * ({@code 1.5e-7}, {@code 1e22}): the same digits as Python's {@code repr}.
   *
   * @throws IllegalArgumentException for NaN and infinities (the caller decides how to write a
   *                                  missing value)
   */
  static String format(double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("cannot write " + v
          + " as a number; expected a finite value");
    }
    if (v == 0) {
      return Double.doubleToRawLongBits(v) == 0 ? "0" : "-0";
    }
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    // Double.toString round-trips but is not always shortest on Java 17 (JDK-4511638): take
    // its digits and keep the shortest rounding of them that still reads back as v. Rounding
    // those digits again can miss by one in the last place (double rounding), so the two
    // neighbours at each length are tried as well.
    // A shorter rounding only round-trips if the one just one digit shorter does, so most
    // 17-digit values are settled after one try.
    BigDecimal start = new BigDecimal(Double.toString(v));
    int digits = start.precision();
    if (digits > 1 && shorter(start, digits - 1, v) == null) {
      return render(start);
    }
    for (int p = 1; p < digits; p++) {
      String text = shorter(start, p, v);
      if (text != null) {
        return text;
      }
    }
    return render(start);
  }

  /** The text of {@code d} rounded to {@code p} digits that reads back as v, or null. */
  private static String shorter(BigDecimal d, int p, double v) {
    for (RoundingMode mode : MODES) {
      String text = render(d.round(new MathContext(p, mode)));
      if (Double.parseDouble(text) == v) {
        return text;
      }
    }
    return null;
  }

  private static final RoundingMode[] MODES = {
    RoundingMode.HALF_EVEN, RoundingMode.DOWN, RoundingMode.UP
  };

  private static String render(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    int exp10 = s.precision() - s.scale() - 1; // decimal exponent of the leading digit
    if (exp10 >= -4 && exp10 < 16) {
      return s.toPlainString();
    }
    String digits = s.unscaledValue().abs().toString();
    StringBuilder sb = new StringBuilder(digits.length() + 8);
    if (s.signum() < 0) {
      sb.append('-');
    }
    sb.append(digits.charAt(0));
    if (digits.length() > 1) {
      sb.append('.').append(digits, 1, digits.length());
    }
    return sb.append('e').append(exp10).toString();
  }
}
