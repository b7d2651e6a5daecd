package dev.tunelab.core.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected strings are what CPython 3 prints for {@code str(value)}. */
class PythonStringsTest {

  @ParameterizedTest
  @CsvSource({
      "0.2, 0.2", "1e-5, 1e-05", "1.0, 1.0", "1e16, 1e+16", "123456789.0, 123456789.0",
      "0.0001, 0.0001", "1.5e-7, 1.5e-07", "-0.5, -0.5", "1e15, 1000000000000000.0",
      "12345678901234567.0, 1.2345678901234568e+16", "0.05, 0.05", "2.5e-05, 2.5e-05", "0.0, 0.0", "10, 10.0"})
  void doublesAsPythonFloats(double value, String python) {
    assertEquals(python, PythonStrings.ofDouble(value));
    assertEquals(python, PythonStrings.str(value));
  }

  @ParameterizedTest
  @CsvSource({"5, 5", "-3, -3", "200, 200"})
  void integersAsPythonInts(int value, String python) {
    assertEquals(python, PythonStrings.str(value));
    assertEquals(python, PythonStrings.str((long) value));
  }

  @org.junit.jupiter.api.Test
  void otherScalars() {
    assertEquals("True", PythonStrings.str(true));
    assertEquals("False", PythonStrings.str(false));
    assertEquals("reg:linear", PythonStrings.str("reg:linear"));
    assertEquals("0.1", PythonStrings.str(0.1f));
    assertEquals("None", PythonStrings.str(null));
    assertEquals("nan", PythonStrings.str(Double.NaN));
    assertEquals("-inf", PythonStrings.str(Double.NEGATIVE_INFINITY));
    assertEquals("0.30", PythonStrings.str(new BigDecimal("0.30")));
  }
}
