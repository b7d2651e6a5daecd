package dev.tunelab.cli;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --max-results N} and {@code --next-token T} of the list verbs, as the SageMaker List
 * APIs page: a response holds at most N items and, when more remain, a {@code NextToken} that
 * the next call passes back. The token is opaque to users: base64 of the offset of the next item
 * and a hash of the command and its filter and sort arguments, so a token from another query
 * (another tuning job, filter or sort) is refused instead of silently skipping or repeating
 * items. Pages are cut from the full sorted result, so jobs created between two calls may shift
 * later pages (as with any offset paging); a finished tuning job's list does not change.
 */
final class Paging {
  private Paging() { }

  private static final Pattern TOKEN = Pattern.compile("v1:(\\d{1,10}):([0-9a-f]{16})");
  private static final String EXPECTED = "a NextToken printed by this command with the same job name, filter and"
      + " sort options (leave --next-token out to start at the first page)";

  /** One page of a list, and the token of the next page (null on the last page). */
  record Page<T>(List<T> items, String nextToken) { }

  /**
   * The page of {@code all} that {@code nextToken} starts (the first page without one).
   *
   * @param all        the full, sorted list
   * @param maxResults at most this many items, or null for all the rest
   * @param nextToken  the token given, or null
   * @param queryKey   the command and every argument that selects or orders {@code all}
   * @throws dev.tunelab.core.spec.SpecException naming --next-token for a token that is not one
   *         of this query's
   */
  static <T> Page<T> page(List<T> all, Integer maxResults, String nextToken, String queryKey) {
    int from = nextToken == null ? 0 : offset(nextToken, queryKey);
    from = Math.min(from, all.size());
    int to = maxResults == null ? all.size() : (int) Math.min((long) from + maxResults, all.size());
    return new Page<>(all.subList(from, to), to < all.size() ? token(to, queryKey) : null);
  }

  static String token(int offset, String queryKey) {
    return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(("v1:" + offset + ":" + hash(queryKey)).getBytes(StandardCharsets.US_ASCII));
  }

  private static int offset(String token, String queryKey) {
    String decoded;
    try {
      decoded = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw Main.badInput("--next-token", token, EXPECTED);
    }
    Matcher m = TOKEN.matcher(decoded);
    if (!m.matches()) {
      throw Main.badInput("--next-token", token, EXPECTED);
    }
    if (!m.group(2).equals(hash(queryKey))) {
      throw Main.badInput("--next-token", token, "a NextToken of the same query: this one was printed for"
          + " another job name, filter or sort (repeat the options of the call that printed it)");
    }
    long offset = Long.parseLong(m.group(1));
    if (offset > Integer.MAX_VALUE) {
      throw Main.badInput("--next-token", token, EXPECTED);
    }
    return (int) offset;
  }

  private static String hash(String queryKey) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(queryKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** A query key from its parts, unambiguous whatever the parts hold. */
  static String key(Object... parts) {
    StringBuilder b = new StringBuilder();
    for (Object p : parts) {
      String s = String.valueOf(p);
      b.append(s.length()).append(':').append(s).append(';');
    }
    return b.toString();
  }
}
