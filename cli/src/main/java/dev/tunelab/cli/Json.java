package dev.tunelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.tunelab.core.spec.JsonSpecReader;

/** JSON printing for command output. */
final class Json {
  private Json() { }

  static String pretty(JsonNode node) throws JsonProcessingException {
    return JsonSpecReader.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(node);
  }
}
