package dev.tunelab.core.xgboost;

import dev.tunelab.core.metrics.ContainerMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * One round's evaluation as SageMaker's XGBoost container prints it: XGBoost's native metrics
 * ({@code Booster.evalSet}), then, for each channel in turn, the metrics the container computes
 * itself ({@link XGBoostHyperParameters#containerMetrics()}), as XGBoost appends the results of a
 * Python {@code feval}: {@code [3]<TAB>train-logloss:..<TAB>validation-logloss:..<TAB>train-f1:..<TAB>validation-f1:..}.
 *
 * <p>The container metrics are computed from the booster's raw margins on each evaluation matrix,
 * only when a job asks for one ({@code eval_metric} or {@code _tuning_objective_metric}).
 */
final class RoundEvaluator {

  private RoundEvaluator() { }

  /**
   * Evaluates the booster after a round on every evaluation matrix.
   *
   * @param hp        the job's hyperparameters, which name the container metrics
   * @param booster   the booster after round {@code iteration}
   * @param mats      the labelled evaluation matrices
   * @param names     their channel names, in the same order
   * @param iteration the 0-based round
   */
  static RoundEvaluation evaluate(XGBoostHyperParameters hp, Booster booster, DMatrix[] mats, String[] names,
      int iteration) throws XGBoostError {
    RoundEvaluation xgboost = RoundEvaluation.parse(iteration, booster.evalSet(mats, names, iteration),
        Arrays.asList(names));
    List<ContainerMetric> container = hp.containerMetrics();
    if (container.isEmpty()) {
      return xgboost;
    }
    List<MetricValue> metrics = new ArrayList<>(xgboost.metrics());
    for (int c = 0; c < mats.length; c++) {
      double[][] margins = Matrices.toDoubles(booster.predict(mats[c], true, 0));
      float[] l = mats[c].getLabel();
      double[] labels = new double[l.length];
      for (int i = 0; i < l.length; i++) {
        labels[i] = l[i];
      }
      for (ContainerMetric m : container) {
        double exact = m.compute(labels, margins);
        double shown = Double.isNaN(exact) ? exact : Double.parseDouble(RoundEvaluation.format(exact));
        metrics.add(new MetricValue(names[c], m.metricName(), shown, exact));
      }
    }
    return new RoundEvaluation(iteration, metrics);
  }
}
