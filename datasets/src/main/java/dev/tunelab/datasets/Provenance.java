package dev.tunelab.datasets;

import java.util.Objects;

/**
 * Where a {@link Dataset} came from: a human-readable source (a file path, or
 * {@code dataset:boston/train}) and the sha256 of the bytes it was read from (lower-case hex),
 * or of the parent data for derived splits, with a note of how it was derived.
 *
 * @param source     file path or dataset URI
 * @param sha256     lower-case hex sha256 of the source bytes, or empty when unknown
 * @param derivation how this data was derived from the source (for example
 *                   {@code "course split seed=1 part=train"}), or empty
 */
public record Provenance(String source, String sha256, String derivation) {
  public Provenance {
    Objects.requireNonNull(source, "source");
    sha256 = sha256 == null ? "" : sha256;
    derivation = derivation == null ? "" : derivation;
  }
}
