package dev.tunelab.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tunelab.core.json.Json;
import dev.tunelab.core.spec.JsonSpecReader;
import dev.tunelab.core.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * The request body of a {@code create-*} verb, given as the AWS CLI's {@code --cli-input-json}
 * takes it: {@code file://PATH}, or the JSON text itself ({@code '{"TrainingJobName": ...}'}); as
 * a TuneLab shortcut, a plain {@code PATH} too. Relative paths inside the request (channel
 * {@code S3Uri}s) resolve against the file's folder, or the working folder for inline JSON.
 * A request field given as its own option (the job's name) replaces the one in the JSON, as the
 * AWS CLI merges explicit options over {@code --cli-input-json}.
 *
 * @param json    the request, with any option merged in
 * @param baseDir where the request's relative paths resolve
 * @param source  what the request came from, for messages
 */
record CliInputJson(ObjectNode json, Path baseDir, String source) {

  /** The option's name, which every error about the request's text names. */
  static final String OPTION = "--cli-input-json";

  /**
   * Reads the option's value.
   *
   * @throws SpecException naming --cli-input-json for a missing or unreadable file, text that is
   *                       not JSON or not a JSON object
   */
  static CliInputJson read(String value) {
    if (value == null || value.isBlank()) {
      throw new SpecException(OPTION, value, "file://PATH, a path to a JSON file, or the JSON request itself");
    }
    String text;
    Path base;
    String source;
    String trimmed = value.strip();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      text = value;
      base = Path.of("").toAbsolutePath();
      source = "the JSON given to " + OPTION;
    } else {
      String pathText = trimmed.startsWith("file://") ? trimmed.substring("file://".length()) : value;
      Path file;
      try {
        file = Path.of(pathText).toAbsolutePath().normalize();
      } catch (RuntimeException e) {
        throw new SpecException(OPTION, value, "file://PATH, a path to a JSON file, or the JSON request itself");
      }
      try {
        text = Files.readString(file);
      } catch (NoSuchFileException e) {
        throw new SpecException(OPTION, value, "file://PATH naming an existing JSON file (" + file
            + " does not exist), or the JSON request itself");
      } catch (IOException e) {
        throw new SpecException(OPTION, value, "a readable JSON file (" + file + ": " + e + ")");
      }
      base = file.getParent();
      source = file.toString();
    }
    JsonNode root;
    try {
      root = Json.readDocument(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      throw new SpecException(OPTION, source + " is not valid JSON"
          + (loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr())
          + ": " + e.getOriginalMessage());
    }
    if (!(root instanceof ObjectNode object)) {
      throw new SpecException(OPTION, source + " must hold a JSON object (the request body), not "
          + (root == null ? "nothing" : root.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
    }
    return new CliInputJson(object, base, source);
  }

  /** The request with {@code field} set to {@code value}, when the value was given as an option. */
  CliInputJson with(String field, String value) {
    if (value == null) {
      return this;
    }
    ObjectNode copy = json.deepCopy();
    copy.put(field, value);
    return new CliInputJson(copy, baseDir, source);
  }

  /** A reader over the request for the spec parsers. */
  JsonSpecReader reader(Consumer<String> notices) {
    return JsonSpecReader.parse(json.toString(), source, notices);
  }
}
