package dev.tunelab.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tunelab.core.spec.ContentType.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTypeTest {

  private static final String FIELD = "InputDataConfig[1].ContentType";

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "text/csv|CSV|false", "csv|CSV|false", "TEXT/CSV|CSV|false", "text/csv;header=present|CSV|true",
      "text/csv; header=absent|CSV|false", "text/csv;label_size=1;charset=utf-8|CSV|false",
      "csv;header=\"present\"|CSV|true", "text/libsvm|LIBSVM|false", "text/x-libsvm|LIBSVM|false",
      "libsvm|LIBSVM|false", "application/x-parquet|PARQUET|false", "parquet|PARQUET|false"})
  void acceptedValues(String value, Format format, boolean header) {
    assertEquals(new ContentType(format, header), ContentType.parse(FIELD, value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "text/csv;header=yes", "text/csv;label_size=2",
      "text/libsvm;header=present", "application/x-recordio-protobuf", "", "text/csvx"})
  void othersAreRefusedNamingFieldValueAndTheAcceptedList(String value) {
    SpecException e = assertThrows(SpecException.class, () -> ContentType.parse(FIELD, value));
    assertEquals(FIELD, e.field());
    assertTrue(e.getMessage().contains("'" + value + "'"), e.getMessage());
    assertTrue(e.getMessage().contains(ContentType.ACCEPTED), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void absentIsCsvWithoutHeaderAndTheFieldComesFromTheChannelPath() {
    assertEquals(ContentType.DEFAULT, ContentType.parse(FIELD, null));
    ChannelSpec c = new ChannelSpec("train", "a.csv", "text/csv;header=present",
        "TrainingJobDefinition.InputDataConfig[2].DataSource.S3DataSource.S3Uri");
    assertEquals("TrainingJobDefinition.InputDataConfig[2].ContentType", c.contentTypeField());
    assertTrue(c.format().headerPresent());
  }
}
