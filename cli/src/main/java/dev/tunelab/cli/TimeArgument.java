package dev.tunelab.cli;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * A timestamp option ({@code --creation-time-after} and the like) as the AWS CLI accepts one:
 * ISO-8601 with a zone ({@code 2026-12-02T10:00:00Z}, {@code 2026-12-02T11:00:00+01:00}),
 * without one (read as UTC, as botocore does), a date alone (midnight UTC), or seconds since the
 * epoch ({@code 1796205600}, fractions allowed).
 */
final class TimeArgument {
  private TimeArgument() { }

  static final String ACCEPTED = "an ISO-8601 time such as 2026-12-02T10:00:00Z (no zone means UTC),"
      + " a date such as 2026-12-02, or seconds since the epoch such as 1796205600";

  /**
   * The instant {@code value} names, or null when {@code value} is null.
   *
   * @throws dev.tunelab.core.spec.SpecException naming {@code option} when it names none
   */
  static Instant parse(String option, String value) {
    if (value == null) {
      return null;
    }
    String v = value.trim();
    if (v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
      BigDecimal seconds = new BigDecimal(v);
      return Instant.ofEpochSecond(seconds.longValue(),
          seconds.remainder(BigDecimal.ONE).movePointRight(9).intValue());
    }
    try {
      return OffsetDateTime.parse(v).toInstant();
    } catch (DateTimeParseException e) {
      // try the forms without a zone
    }
    try {
      return LocalDateTime.parse(v).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      // a date alone?
    }
    try {
      return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw Main.badInput(option, value, ACCEPTED);
    }
  }
}
