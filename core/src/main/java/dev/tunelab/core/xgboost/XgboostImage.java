package dev.tunelab.core.xgboost;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The XGBoost version behind a SageMaker XGBoost image tag, and what {@code tree_method=auto}
 * meant in it.
 *
 * <p>SageMaker's built-in XGBoost images are tagged {@code <xgboost major.minor>-<build>}
 * ({@code 0.90-2}, {@code 1.0-1}, {@code 1.2-2}, {@code 1.3-1}, {@code 1.5-1}, {@code 1.7-1},
 * {@code 3.0-5}, ...); the legacy image the course uses, tagged {@code 1} or {@code latest},
 * runs XGBoost 0.72. An image without a tag, with a digest, or with a tag in neither form is read
 * as the course's. XGBoost before 2.0 resolved {@code auto} to {@code exact} below 2<sup>22</sup>
 * training rows and to {@code approx} from there (its learner's {@code 4UL << 20UL} rule); XGBoost
 * 2.0 and later resolve it to {@code hist}.
 *
 * @param tag   the image tag as given ({@code "1"} when none could be read)
 * @param major XGBoost's major version behind the tag
 * @param minor XGBoost's minor version behind the tag
 */
public record XgboostImage(String tag, int major, int minor) {

  /** The course's image ({@code xgboost:1}, XGBoost 0.72), also the reading of unknown tags. */
  public static final XgboostImage COURSE = new XgboostImage("1", 0, 72);

  /** Training rows from which XGBoost before 2.0 resolved {@code auto} to {@code approx}. */
  public static final long AUTO_EXACT_MAX_ROWS = 1L << 22;

  private static final Pattern VERSIONED = Pattern.compile("(\\d+)\\.(\\d+)-\\d+(?:-[a-z0-9.]+)*");

  /**
   * The version behind a {@code TrainingImage} such as
   * {@code 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-xgboost:1.7-1}, or behind
   * an {@code AlgorithmName} when there is no image.
   *
   * @param trainingImage the image URI or name, or {@code null}
   * @param algorithmName the algorithm name, or {@code null}
   * @return the version; {@link #COURSE} when no tag says otherwise
   */
  public static XgboostImage of(String trainingImage, String algorithmName) {
    String name = trainingImage != null ? trainingImage : algorithmName;
    if (name == null || name.contains("@")) {
      return COURSE;
    }
    String last = name.substring(name.lastIndexOf('/') + 1);
    int colon = last.lastIndexOf(':');
    if (colon < 0) {
      return COURSE;
    }
    String tag = last.substring(colon + 1).toLowerCase(Locale.ROOT);
    Matcher m = VERSIONED.matcher(tag);
    if (!m.matches()) {
      return COURSE;
    }
    return new XgboostImage(tag, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** XGBoost's version as {@code major.minor}, e.g. {@code 1.7} or {@code 0.72}. */
  public String version() {
    return major + "." + minor;
  }

  /**
   * What {@code tree_method=auto} trained with in this version for {@code trainRows} rows:
   * {@code hist} from XGBoost 2.0 on; before, {@code exact} below 2<sup>22</sup> rows and
   * {@code approx} from there.
   */
  public String autoTreeMethod(long trainRows) {
    if (major >= 2) {
      return "hist";
    }
    return trainRows < AUTO_EXACT_MAX_ROWS ? "exact" : "approx";
  }
}
