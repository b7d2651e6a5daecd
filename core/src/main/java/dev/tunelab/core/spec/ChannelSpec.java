package dev.tunelab.core.spec;

/**
 * One entry of InputDataConfig.
 *
 * @param name        ChannelName, e.g. {@code train}
 * @param uri         S3Uri as written: a relative path, {@code file:}, {@code dataset:boston/train}
 *                    or {@code s3://bucket/key}
 * @param contentType ContentType as written (checked by {@link ContentType#parse}; default text/csv)
 * @param path        JSON path of the channel in the spec, for error messages
 */
public record ChannelSpec(String name, String uri, String contentType, String path) {

  /** The parsed ContentType; the spec reader has already refused a bad one. */
  public ContentType format() {
    return ContentType.parse(contentTypeField(), contentType);
  }

  /** JSON path of this channel's ContentType, e.g. {@code InputDataConfig[0].ContentType}. */
  public String contentTypeField() {
    int ds = path.indexOf(".DataSource");
    return (ds < 0 ? path : path.substring(0, ds)) + ".ContentType";
  }
}
