/**
 * Quality and efficiency reports of whole tuning jobs on the course's Boston XGBoost spec
 * ({@code examples/boston-xgboost-hpo.json}): {@link dev.tunelab.benchmarks.quality.CourseQualityReport}
 * (best validation:rmse per tuning seed, Bayesian vs Random, parallel vs sequential),
 * {@link dev.tunelab.benchmarks.quality.TuningOptionsReport} (early stopping Auto vs Off, Hyperband
 * vs Bayesian: boosting rounds trained and best objectives) and
 * {@link dev.tunelab.benchmarks.quality.SchedulerEfficiencyReport} (wall time, throughput and the
 * time per job spent outside training); and
 * {@link dev.tunelab.benchmarks.quality.TestFunctionValues}, the benchmark test functions' values at
 * given points, which {@code benchmarks/python/quality_suite.py check-java} compares with its own
 * definitions. Each report is a main class that prints markdown; results and the
 * commands that produced them are in {@code benchmarks/TUNING-RESULTS.md}.
 */
package dev.tunelab.benchmarks.quality;
