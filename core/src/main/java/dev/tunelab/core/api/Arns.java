package dev.tunelab.core.api;

/** Local stand-ins for SageMaker ARNs (region {@code local}, account 000000000000). */
public final class Arns {
  private Arns() { }

  /** ARN of a training job. */
  public static String trainingJob(String name) {
    return "arn:aws:sagemaker:local:000000000000:training-job/" + name.toLowerCase(java.util.Locale.ROOT);
  }

  /** ARN of a tuning job. */
  public static String tuningJob(String name) {
    return "arn:aws:sagemaker:local:000000000000:hyper-parameter-tuning-job/" + name.toLowerCase(java.util.Locale.ROOT);
  }
}
