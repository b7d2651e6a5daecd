/**
 * A Java API shaped like the SageMaker Python SDK's {@code Estimator} and
 * {@code HyperparameterTuner}: build an {@link dev.tunelab.core.sdk.Estimator}, give it
 * {@link dev.tunelab.core.sdk.ParameterRange}s, {@code fit} a
 * {@link dev.tunelab.core.sdk.HyperparameterTuner}, then ask for the best job, the describe
 * response and the analytics table. Requests are built as the SDK builds them and validated by the
 * same parsers as the {@code tunelab} command, so a bad value fails with the same
 * {@link dev.tunelab.core.spec.SpecException}.
 */
package dev.tunelab.core.sdk;
