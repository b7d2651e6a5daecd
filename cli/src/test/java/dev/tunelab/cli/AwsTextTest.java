package dev.tunelab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.json.Json;
import org.junit.jupiter.api.Test;

/**
 * {@link AwsText} against the layouts the AWS CLI's text formatter writes for the same JSON,
 * and {@link JsonTable} for a queried value.
 */
class AwsTextTest {

  private static JsonNode j(String json) throws Exception {
    return Json.mapper().readTree(json.replace('\'', '"'));
  }

  @Test
  void scalarsOfAnObjectShareALineInKeyOrderAndNestedValuesFollowUnderTheirKey() throws Exception {
    assertEquals("1\ttwo\nC\tx\nD\t3\t4\n",
        AwsText.format(j("{'b': 'two', 'a': 1, 'd': {'y': 4, 'x': 3}, 'c': ['x']}")));
  }

  @Test
  void aListOfObjectsGivesALinePerElementWithEveryScalarKey() throws Exception {
    assertEquals("ITEMS\t1\t\nITEMS\t2\tz\n", AwsText.format(j("{'Items': [{'a': 1}, {'a': 2, 'b': 'z'}]}")));
    // a bare list of objects: no prefix
    assertEquals("1\n2\n", AwsText.format(j("[{'a': 1}, {'a': 2}]")));
  }

  @Test
  void listsOfScalarsAndBareScalars() throws Exception {
    assertEquals("a\tb\tc\n", AwsText.format(j("['a', 'b', 'c']")));
    assertEquals("NAMES\ta\nNAMES\tb\n", AwsText.format(j("{'Names': ['a', 'b']}")));
    assertEquals("12\n", AwsText.format(j("12")));
    assertEquals("Completed\n", AwsText.format(j("'Completed'")));
    assertEquals("True\tNone\t0.5\n", AwsText.format(j("{'a': true, 'b': null, 'c': 0.5}")));
    assertEquals("", AwsText.format(j("[]")));
    // a list holding lists: the scalars first, then each inner list
    assertEquals("1\n2\t3\n", AwsText.format(j("[1, [2, 3]]")));
  }

  @Test
  void floatsAreWrittenAsPythonWritesThem() {
    assertEquals("2.94173", AwsText.pythonFloat(2.94173));
    assertEquals("3.0", AwsText.pythonFloat(3.0));
    assertEquals("10000000.0", AwsText.pythonFloat(1e7));
    assertEquals("0.0001", AwsText.pythonFloat(1e-4));
    assertEquals("1e-05", AwsText.pythonFloat(1e-5));
    assertEquals("-1.5e+16", AwsText.pythonFloat(-1.5e16));
    assertEquals("1234567890123456.0", AwsText.pythonFloat(1234567890123456.0));
    assertEquals("0.1", AwsText.pythonFloat(0.1));
    assertEquals("0.0", AwsText.pythonFloat(0.0));
  }

  @Test
  void textFromJobsCannotBreakColumnsOrDriveTheTerminal() throws Exception {
    assertEquals("a\\tb\tc\\nd\t\\u001b[31m\n", AwsText.format(j("{'a': 'a\\tb', 'b': 'c\\nd', 'c': '\\u001b[31m'}")));
    assertEquals("K\\u001b  v\n", JsonTable.format(j("{'K\\u001b': 'v'}")));
  }

  @Test
  void tablesShowObjectsAsRowsAndListsOfObjectsAsColumns() throws Exception {
    assertEquals("Completed  25\nStopped    0\n", JsonTable.format(j("{'Completed': 25, 'Stopped': 0}")));
    assertEquals("Name  Value\na     1\nbb    -\n", JsonTable.format(j("[{'Name': 'a', 'Value': 1}, {'Name': 'bb'}]")));
    assertEquals("x\n", JsonTable.format(j("'x'")));
    assertEquals("a    1\nbbb  2.5\n", JsonTable.format(j("[['a', 1], ['bbb', 2.5]]")));
  }
}
