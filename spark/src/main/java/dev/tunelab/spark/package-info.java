/**
 * The Spark executor ({@code tunelab tune SPEC.json --executor spark --master URL}), in the
 * pattern of Hyperopt's SparkTrials: the optimizer, the scheduler and the store stay on the
 * driver, and each training job runs as one Spark task. The task's log lines and metrics come
 * back to the driver while it runs ({@link dev.tunelab.spark.RelayServer}), parsed channel data
 * is broadcast once per tuning job, and the model files come back with the task's result.
 * Spark, Scala and Spark's Jackson stay inside this module.
 */
package dev.tunelab.spark;
