package dev.tunelab.core.spec;

/**
 * One entry of InputDataConfig.
 *
 * @param name        ChannelName, e.g. {@code train}
 * @param uri         S3Uri as written: a relative path, {@code file:}, {@code dataset:boston/train}
 *                    or {@code s3://bucket/key}
 * @param contentType ContentType ({@code text/csv} or {@code csv}; default text/csv)
 * @param path        JSON path of the channel in the spec, for error messages
 */
public record ChannelSpec(String name, String uri, String contentType, String path) { }
