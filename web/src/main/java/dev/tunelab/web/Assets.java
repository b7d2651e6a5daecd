package dev.tunelab.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixed set of files the dashboard serves and the report inlines, read once from the class
 * path: the page ({@code index.html}), its script ({@code app.js}) and style ({@code app.css})
 * from one folder, and ECharts from its WebJar. A name outside {@link #NAMES} and
 * {@link #ECHARTS_NAME} is never looked up, so no request can name another resource or file.
 */
public final class Assets {

  /** The class-path folder of the dashboard's own files. */
  public static final String BUNDLED_ROOT = "dev/tunelab/web/assets/";
  /** The page's own files, looked up in the folder; those present are served. */
  public static final List<String> NAMES = List.of("index.html", "app.js", "app.css");
  /** The name the chart library is served under ({@code /assets/echarts.min.js}). */
  public static final String ECHARTS_NAME = "echarts.min.js";
  /** Where the WebJar (org.webjars.npm:echarts, the version in the root pom) keeps it. */
  static final String ECHARTS_RESOURCE = "META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";

  /**
   * One file.
   *
   * @param name        its name under {@code /assets/}
   * @param bytes       its content
   * @param contentType its media type with charset
   */
  public record Asset(String name, byte[] bytes, String contentType) {
    /**
     * A strong HTTP entity tag of the content (its SHA-256, quoted), so a browser revalidates a
     * cached copy with a 304 instead of downloading and compiling ECharts' megabyte again.
     */
    public String etag() {
      try {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
        return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }

    /** The content as UTF-8 text. */
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private final String root;
  private final Map<String, Asset> files;

  private Assets(String root, Map<String, Asset> files) {
    this.root = root;
    this.files = files;
  }

  /** The dashboard's own files ({@link #BUNDLED_ROOT}) and ECharts. */
  public static Assets bundled() {
    return fromClassPath(BUNDLED_ROOT);
  }

  /**
   * The files of {@link #NAMES} found in a class-path folder (e.g. a test's own page), and
   * ECharts.
   *
   * @param root a class-path folder ending in {@code /}
   * @throws IllegalStateException if the ECharts WebJar is not on the class path
   */
  public static Assets fromClassPath(String root) {
    if (!root.endsWith("/") || root.startsWith("/")) {
      throw new IllegalArgumentException("class-path folder must end in / and not start with /: "
          + root);
    }
    ClassLoader loader = Assets.class.getClassLoader();
    Map<String, Asset> files = new LinkedHashMap<>();
    for (String name : NAMES) {
      byte[] bytes = read(loader, root + name);
      if (bytes != null) {
        files.put(name, new Asset(name, bytes, contentType(name)));
      }
    }
    byte[] echarts = read(loader, ECHARTS_RESOURCE);
    if (echarts == null) {
      throw new IllegalStateException(ECHARTS_RESOURCE + " is not on the class path (the"
          + " org.webjars.npm:echarts dependency of the web module)");
    }
    files.put(ECHARTS_NAME, new Asset(ECHARTS_NAME, echarts, contentType(ECHARTS_NAME)));
    return new Assets(root, Map.copyOf(files));
  }

  /** The file of that exact name, if it is one of the set and present. */
  public Optional<Asset> get(String name) {
    return Optional.ofNullable(files.get(name));
  }

  /**
   * The file of that name.
   *
   * @throws IllegalStateException naming the class-path folder when it is missing
   */
  public Asset require(String name) {
    return get(name).orElseThrow(() -> new IllegalStateException(
        "the dashboard's " + name + " is missing from the class path folder " + root));
  }

  private static byte[] read(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      return in == null ? null : in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource + " from the class path", e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".html")) {
      return "text/html; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    return "application/octet-stream";
  }
}
