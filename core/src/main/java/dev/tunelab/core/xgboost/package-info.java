/**
 * The built-in XGBoost trainer: SageMaker's XGBoost hyperparameters parsed and validated
 * ({@link dev.tunelab.core.xgboost.XGBoostHyperParameters}), training with XGBoost4J round by
 * round with SageMaker-style log lines and early stopping ({@link dev.tunelab.core.xgboost.XGBoostTrainer}),
 * SageMaker's k-fold cross-validation ({@code _kfold}, {@code _num_cv_round}; folds from
 * {@link dev.tunelab.core.xgboost.KFold}, summary in {@link dev.tunelab.core.xgboost.CrossValidation}),
 * and loading a saved model, or a cross-validated job's fold models, for batch transform
 * ({@link dev.tunelab.core.xgboost.XGBoostModel}).
 * This is the only package of TuneLab that imports {@code ml.dmlc.xgboost4j}.
 */
package dev.tunelab.core.xgboost;
