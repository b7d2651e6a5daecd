package dev.tunelab.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumberTextTest {

  // expected texts are what Python's repr() gives for the same double (integral values aside)
  @ParameterizedTest
  @CsvSource({"24.0,24", "296,296", "0.00632,0.00632", "21.6,21.6", "0.1,0.1",
      "0.30000000000000004,0.30000000000000004", "1e-5,1e-5", "0.0001,0.0001", "1.5e-7,1.5e-7",
      "1e22,1e22", "1e16,1e16", "123456789012345.6,123456789012345.6",
      "4.9e-324,5e-324", "1.7976931348623157e308,1.7976931348623157e308", "-2.5,-2.5",
      "0,0", "-0.0,-0", "1e15,1000000000000000", "999999999999999,999999999999999",
      "2.2250738585072014e-308,2.2250738585072014e-308"})
  void formatGivesShortestRoundTripText(double value, String expected) {
    assertEquals(expected, NumberText.format(value));
    assertEquals(Double.doubleToRawLongBits(value),
        Double.doubleToRawLongBits(NumberText.parse(expected)));
  }

  @Test
  void randomBitPatternsRoundTripExactly() {
    SplittableRandom rng = new SplittableRandom(1);
    for (int i = 0; i < 20_000; i++) {
      double v = Double.longBitsToDouble(rng.nextLong());
      if (!Double.isFinite(v)) {
        continue;
      }
      String s = NumberText.format(v);
      assertEquals(Double.doubleToRawLongBits(v),
          Double.doubleToRawLongBits(NumberText.parse(s)), s);
      assertTrue(s.length() <= 24, s);
    }
  }

  @Test
  void nonFiniteValuesAreNotFormatted() {
    assertThrows(IllegalArgumentException.class, () -> NumberText.format(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> NumberText.format(Double.POSITIVE_INFINITY));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "-1", "+1", "1.", ".5", "1e5", "1E+5", "1e-05", " 2 ", "NaN",
      "nan", "Inf", "-infinity", "NA"})
  void acceptedSyntax(String s) {
    assertTrue(NumberText.isNumber(s), s);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "abc", "1d", "1f", "0x1p3", "1e", "1e+", ".", "-", "1..2",
      "1,5", "1 2", "infinit", "nana", "na", "N/A"})
  void refusedSyntax(String s) {
    assertFalse(NumberText.isNumber(s), s);
  }
}
