package dev.tunelab.core.xgboost;

import dev.tunelab.core.spec.SpecException;
import dev.tunelab.core.train.Trainer;
import dev.tunelab.core.train.TrainingListener;
import dev.tunelab.core.train.TrainingOutcome;
import dev.tunelab.core.train.TrainingOutcome.Status;
import dev.tunelab.core.train.TrainingRequest;
import dev.tunelab.datasets.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in XGBoost trainer: SageMaker's XGBoost algorithm reproduced with XGBoost4J.
 *
 * <p>Trains on the {@code train} channel and evaluates on {@code train} and, when present,
 * {@code validation} after every round, writing each round's log line in the form of SageMaker's
 * container ({@code [i]<TAB>train-rmse:v<TAB>validation-rmse:v}, six significant digits, like the
 * 0.72 image the course used) and reporting every metric as {@code <channel>:<metric>}.
 *
 * <p>Early stopping ({@code early_stopping_rounds}) watches the validation channel's metric named
 * by {@code _tuning_objective_metric}, else its last evaluation metric; it maximises {@code auc},
 * {@code aucpr}, {@code map}, {@code ndcg} and minimises the others. After early stopping the
 * trainer logs {@code Stopping. Best iteration:}, re-prints the best round's line and reports the
 * best round's metrics once more, so the last value reported for each metric is its value at the
 * best iteration (the documented final-objective semantics), and {@link TrainingOutcome#finalMetrics()}
 * holds those values. Without early stopping the final metrics are the last round's.
 *
 * <p>The model is saved as {@code jobDir/model/xgboost-model.json} (XGBoost's JSON format, which
 * Python's xgboost 1.7+ loads) and holds exactly {@code best_iteration + 1} rounds after early
 * stopping (for {@code gbtree}, the final trees cut with {@link ModelJson}; for {@code gblinear}
 * and {@code dart}, a copy of the model taken at each new best), else all rounds trained. A job stopped by the listener, {@code stopRequested} or
 * {@code MaxRuntimeInSeconds} (checked before every round) ends STOPPED with the best model so far.
 *
 * <p>With {@code _kfold} (and {@code _num_cv_round}) the job cross-validates instead, as SageMaker's
 * container does: train and validation rows together, split into seeded (stratified for
 * classification) folds by {@link KFold}; each fold is one boosting run as above on a slice of one
 * shared matrix, scored on its held-out rows, saved as {@code model/xgboost-model-<i>.json}, and
 * its held-out predictions go to {@code output/data/predictions.csv}; the mean lines and final
 * metrics come from {@link CrossValidation}. Every round of both paths is evaluated by one method.
 *
 * <p>Thread-safe and stateless: each call builds its own matrices and booster, disposes them, and
 * never modifies the request's datasets. The native library runs silent.
 */
public final class XGBoostTrainer implements Trainer {

  /** File name of the saved model inside {@code jobDir/model/}. */
  public static final String MODEL_FILE = "xgboost-model.json";

  private static final Logger LOG = LoggerFactory.getLogger(XGBoostTrainer.class);
  private static final String TRAIN = "train";
  private static final String VALIDATION = "validation";
  /** Training rows above which {@code exact} gets a notice in the job's log. */
  static final long EXACT_NOTICE_ROWS = 100_000;

  private final XgboostImage image;

  /** A trainer for the course's image ({@code tree_method=auto} as XGBoost 0.72 resolved it). */
  public XGBoostTrainer() {
    this(XgboostImage.COURSE);
  }

  /**
   * A trainer for a spec's image.
   *
   * @param image the XGBoost version behind the spec's image tag, which resolves
   *              {@code tree_method=auto}
   */
  public XGBoostTrainer(XgboostImage image) {
    this.image = java.util.Objects.requireNonNull(image, "image");
  }

  @Override
  public void validate(Map<String, String> hyperParameters) {
    XGBoostHyperParameters.parse(hyperParameters);
  }

  @Override
  public TrainingOutcome train(TrainingRequest request, TrainingListener listener) {
    long start = System.nanoTime();
    try {
      return new Run(request, listener, start, image).call();
    } catch (SpecException e) {
      return failed(listener, e.getMessage());
    } catch (XGBoostError e) {
      return failed(listener, "XGBoost failed: " + e.getMessage());
    } catch (IOException e) {
      return failed(listener, "Could not save the model: " + e);
    } catch (RuntimeException | LinkageError e) {
      LOG.warn("training job {} failed", request.jobName(), e);
      return failed(listener, "Training failed: " + e);
    }
  }

  private static TrainingOutcome failed(TrainingListener listener, String reason) {
    listener.log(reason);
    return TrainingOutcome.failed(reason);
  }

  /** One training job: state that lives for one call of {@link #train}. */
  private static final class Run {
    private final TrainingRequest request;
    private final TrainingListener listener;
    private final long start;
    private final XgboostImage image;

    Run(TrainingRequest request, TrainingListener listener, long start, XgboostImage image) {
      this.request = request;
      this.listener = listener;
      this.start = start;
      this.image = image;
    }

    TrainingOutcome call() throws XGBoostError, IOException {
      XGBoostHyperParameters hp = XGBoostHyperParameters.parse(request.hyperParameters());
      Dataset train = request.channels().get(TRAIN);
      Dataset validation = request.channels().get(VALIDATION);
      String problem = checkData(hp, train, validation);
      if (problem != null) {
        return failed(listener, problem);
      }
      hp.tuningObjectiveMetric().ifPresent(t ->
          listener.log("Setting up HPO optimized metric to be : " + t.substring(t.indexOf(':') + 1)));
      if (hp.kfold().isPresent()) {
        return crossValidate(hp, train, validation);
      }
      List<DMatrix> mats = new ArrayList<>();
      Booster booster = null;
      try {
        mats.add(Matrices.labelled(train, hp.csvWeights()));
        logLoaded(train, hp.csvWeights() ? 1 : 0);
        if (validation != null) {
          mats.add(Matrices.labelled(validation, hp.csvWeights()));
          logLoaded(validation, hp.csvWeights() ? 1 : 0);
        }
        Map<String, String> booster0 = hp.boosterParams(request.threads(), train.rows(), image);
        exactNotice(hp, booster0, train.rows());
        Map<String, Object> params = new HashMap<>(booster0);
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        if (validation != null) {
          watches.put(VALIDATION, mats.get(1));
        }
        booster = XGBoost.train(mats.get(0), params, 0, watches, null, null);
        for (String metric : hp.evalMetrics()) {
          booster.setParam("eval_metric", metric);
        }
        return boost(hp, booster, mats, validation != null);
      } finally {
        if (booster != null) {
          booster.dispose();
        }
        mats.forEach(DMatrix::dispose);
      }
    }

    /** The one notice when exact trains on many rows: what it costs and what hist would save. */
    private void exactNotice(XGBoostHyperParameters hp, Map<String, String> params, long rows) {
      if (!"exact".equals(params.get("tree_method")) || rows <= EXACT_NOTICE_ROWS) {
        return;
      }
      String why = hp.values().containsKey("tree_method") && !"auto".equals(hp.values().get("tree_method"))
          ? "tree_method=exact"
          : "tree_method=auto resolved to exact (as XGBoost " + image.version() + " behind image tag '"
              + image.tag() + "' did below 2^22 rows)";
      listener.log("Notice: " + why + " on " + rows + " training rows: exact evaluates every split"
          + " point of every feature in every round, so each round's time grows with rows x features;"
          + " tree_method=hist bins each feature once (max_bin=256) and saves most of that time on data"
          + " this size (measured per-round times: benchmarks/LOADING-RESULTS.md); set tree_method=hist"
          + " in HyperParameters, or use an image with XGBoost 2.0 or later, whose auto is hist");
    }

    private String checkData(XGBoostHyperParameters hp, Dataset train, Dataset validation) {
      if (train == null) {
        return "No data in the train channel: the built-in XGBoost algorithm needs a 'train' channel";
      }
      if (train.rows() == 0 || !train.labelled()) {
        return "The train channel has " + (train.rows() == 0 ? "no rows" : "no target column");
      }
      if (hp.csvWeights() && train.columns() < 2) {
        return "csv_weights=1 needs a weight column and at least one feature in the train channel";
      }
      int trainFeatures = train.columns() - (hp.csvWeights() ? 1 : 0);
      if (hp.kfold().isPresent()) {
        int rows = train.rows() + (validation == null ? 0 : validation.rows());
        if (hp.kfold().getAsInt() > rows) {
          return "_kfold=" + hp.kfold().getAsInt() + " is larger than the " + rows
              + " rows of the train and validation channels together";
        }
      } else if (hp.earlyStoppingRounds().isPresent() && validation == null) {
        return "early_stopping_rounds=" + hp.earlyStoppingRounds().getAsInt()
            + " needs a 'validation' channel, and there is none";
      }
      if (validation != null) {
        if (validation.rows() == 0 || !validation.labelled()) {
          return "The validation channel has " + (validation.rows() == 0 ? "no rows" : "no target column");
        }
        int validationFeatures = validation.columns() - (hp.csvWeights() ? 1 : 0);
        if (validationFeatures != trainFeatures) {
          return "The validation channel has " + validationFeatures + " features but the train channel has "
              + trainFeatures;
        }
      }
      return null;
    }

    private void logLoaded(Dataset data, int firstColumn) {
      listener.log(data.rows() + "x" + (data.columns() - firstColumn) + " matrix with "
          + Matrices.nonMissing(data.floatFeatures(), data.columns(), firstColumn) + " entries loaded from "
          + data.provenance().source());
    }

    private TrainingOutcome boost(XGBoostHyperParameters hp, Booster booster, List<DMatrix> mats,
        boolean hasValidation) throws XGBoostError, IOException {
      List<String> names = hasValidation ? List.of(TRAIN, VALIDATION) : List.of(TRAIN);
      Fit fit = fit(hp, booster, mats.get(0), mats.toArray(new DMatrix[0]), names, true);
      Map<String, Double> finalMetrics = new LinkedHashMap<>();
      RoundEvaluation fin = fit.finalRound();
      if (fin != null) {
        fin.metrics().forEach(m -> finalMetrics.put(m.sageMakerName(), m.value()));
      }
      Path model = fit.rounds() == 0 ? null : save(fit.modelJson(booster), MODEL_FILE);
      if (fit.status() == Status.STOPPED) {
        listener.log(fit.reason());
      }
      return new TrainingOutcome(fit.status(), finalMetrics, model, fit.reason(),
          fit.best() != null ? fit.best().iteration() : -1, fit.rounds());
    }

    /**
     * Boosts {@code booster} on {@code train} for up to {@code num_round} rounds, evaluating
     * {@code evalMats} after each round and logging its line; early stopping watches the
     * {@code validation} entry. With {@code report}, every round's metrics go to the listener
     * (whose answer may stop training) and the best round's again after early stopping.
     */
    private Fit fit(XGBoostHyperParameters hp, Booster booster, DMatrix train, DMatrix[] evalMats,
        List<String> names, boolean report) throws XGBoostError {
      int patience = hp.earlyStoppingRounds().orElse(0);
      String esMetric = null;
      boolean maximize = false;
      RoundEvaluation best = null;
      RoundEvaluation last = null;
      byte[] bestSnapshot = null;
      // gblinear cannot be cut into rounds, and DART re-weights old trees in later rounds: keep a
      // copy of the model at each new best instead of cutting the final one
      boolean snapshots = List.of("gblinear", "dart").contains(hp.values().getOrDefault("booster", "gbtree"));
      Status status = Status.COMPLETED;
      String reason = null;
      boolean earlyStopped = false;
      int rounds = 0;
      for (int i = 0; i < hp.numRound(); i++) {
        reason = stopReason();
        if (reason != null) {
          status = Status.STOPPED;
          break;
        }
        booster.update(train, i);
        rounds = i + 1;
        RoundEvaluation eval = evaluate(hp, booster, evalMats, names, i);
        if (i == 0 && patience > 0) {
          esMetric = earlyStoppingMetric(hp, eval);
          maximize = HyperParameterCatalog.maximize(esMetric);
          long validationMetrics = eval.metrics().stream().filter(m -> m.channel().equals(VALIDATION)).count();
          if (validationMetrics > 1) {
            listener.log("Multiple eval metrics have been passed: '" + VALIDATION + "-" + esMetric
                + "' will be used for early stopping.");
          }
          listener.log("Will train until " + VALIDATION + "-" + esMetric + " hasn't improved in "
              + patience + " rounds.");
        }
        listener.log(eval.logLine());
        boolean keepGoing = !report || report(eval);
        last = eval;
        if (patience > 0) {
          double value = eval.find(VALIDATION, esMetric).exact();
          double bestValue = best == null ? Double.NaN : best.find(VALIDATION, esMetric).exact();
          if (best == null || (maximize ? value > bestValue : value < bestValue)) {
            best = eval;
            if (snapshots) {
              bestSnapshot = booster.toByteArray("json");
            }
          }
        }
        if (!keepGoing) {
          status = Status.STOPPED;
          reason = "Stopped at round " + i + ": a metric listener asked to stop training";
          break;
        }
        if (patience > 0 && i - best.iteration() >= patience) {
          earlyStopped = true;
          break;
        }
      }
      if (earlyStopped) {
        listener.log("Stopping. Best iteration:");
        listener.log(best.logLine());
        if (report) {
          report(best);
        }
      }
      return new Fit(status, reason, patience > 0 ? best : null, last, rounds, bestSnapshot, esMetric);
    }

    /**
     * The metrics of every evaluation matrix after round {@code i}: the one place a round is
     * evaluated, for plain jobs and for every fold of a cross-validated one.
     */
    private RoundEvaluation evaluate(XGBoostHyperParameters hp, Booster booster, DMatrix[] mats,
        List<String> names, int i) throws XGBoostError {
      return RoundEvaluator.evaluate(hp, booster, mats, names.toArray(new String[0]), i);
    }

    /**
     * Repeated k-fold cross-validation on the train and validation channels together (see
     * {@link CrossValidation} for what is computed and how it differs from the container).
     */
    private TrainingOutcome crossValidate(XGBoostHyperParameters hp, Dataset train, Dataset validation)
        throws XGBoostError, IOException {
      int k = hp.kfold().getAsInt();
      int repeats = hp.numCvRound();
      double[] labels = CrossValidation.labels(train, validation);
      long seed = CrossValidation.seed(hp);
      boolean stratified = OutOfFoldPredictions.classification(hp.objective());
      List<KFold.Fold> folds = KFold.split(labels, k, repeats, seed, stratified);
      logLoaded(train, hp.csvWeights() ? 1 : 0);
      if (validation != null) {
        logLoaded(validation, hp.csvWeights() ? 1 : 0);
      }
      listener.log("Run " + repeats + "-round of " + k + "-fold cross validation with " + labels.length + " rows"
          + (stratified ? " (stratified)" : "") + ", folds seeded with " + seed);
      OutOfFoldPredictions oof = new OutOfFoldPredictions(labels, repeats, hp.objective());
      CrossValidation cv = new CrossValidation(hp.numRound());
      List<String> names = List.of(TRAIN, VALIDATION);
      Map<String, Object> params = new HashMap<>(hp.boosterParams(request.threads(), labels.length));
      Path firstModel = null;
      Status status = Status.COMPLETED;
      String reason = null;
      int rounds = 0;
      DMatrix all = CrossValidation.matrix(train, validation, hp.csvWeights());
      try {
        for (KFold.Fold fold : folds) {
          int index = fold.repeat() * k + fold.fold();
          listener.log("Train cross validation fold " + (fold.fold() + 1));
          FoldResult r = trainFold(hp, params, all, fold, names, index, oof);
          rounds += r.fit().rounds();
          if (r.model() != null && firstModel == null) {
            firstModel = r.model();
          }
          if (r.fit().status() == Status.STOPPED) {
            status = Status.STOPPED;
            reason = r.fit().reason();
            break;
          }
          cv.add(r.fit().finalRound());
          if (fold.fold() == k - 1) {
            listener.log("The metrics of round " + (fold.repeat() + 1) + " cross validation");
            if (!cv.emit(listener, cv.lastRepeat(k))) {
              status = Status.STOPPED;
              reason = "Stopped after cross validation round " + (fold.repeat() + 1)
                  + ": a metric listener asked to stop training";
              break;
            }
          }
        }
        if (status == Status.COMPLETED) {
          Path file = oof.write(request.jobDir().resolve("output").resolve("data"));
          listener.log("Storing predictions on validation set(s) in " + file);
          if (repeats > 1) {
            listener.log("The overall metrics of " + repeats + "-round cross validation");
            if (!cv.emit(listener, cv.all())) {
              status = Status.STOPPED;
              reason = "Stopped after cross validation: a metric listener asked to stop training";
            }
          }
        }
      } finally {
        all.dispose();
      }
      if (status == Status.STOPPED) {
        listener.log(reason);
      }
      return new TrainingOutcome(status, cv.finalMetrics(), firstModel, reason, -1, rounds);
    }

    /** Trains one fold on its rows, evaluates on them and its held-out rows, saves its model and predictions. */
    private FoldResult trainFold(XGBoostHyperParameters hp, Map<String, Object> params, DMatrix all,
        KFold.Fold fold, List<String> names, int index, OutOfFoldPredictions oof) throws XGBoostError, IOException {
      DMatrix fit = all.slice(fold.train());
      DMatrix held = null;
      Booster booster = null;
      try {
        held = all.slice(fold.heldOut());
        Map<String, DMatrix> watches = new LinkedHashMap<>();
        watches.put(VALIDATION, held);
        booster = XGBoost.train(fit, params, 0, watches, null, null);
        for (String metric : hp.evalMetrics()) {
          booster.setParam("eval_metric", metric);
        }
        Fit result = fit(hp, booster, fit, new DMatrix[] {fit, held}, names, false);
        if (result.rounds() == 0) {
          return new FoldResult(result, null);
        }
        byte[] json = result.modelJson(booster);
        Path model = save(json, CrossValidation.modelFile(index));
        if (result.status() == Status.COMPLETED) {
          Booster saved = XGBoost.loadModel(json);
          try {
            oof.record(fold.heldOut(), saved.predict(held));
          } finally {
            saved.dispose();
          }
        }
        return new FoldResult(result, model);
      } finally {
        if (booster != null) {
          booster.dispose();
        }
        if (held != null) {
          held.dispose();
        }
        fit.dispose();
      }
    }

    private boolean report(RoundEvaluation eval) {
      boolean keepGoing = true;
      for (MetricValue m : eval.metrics()) {
        keepGoing &= listener.metric(m.sageMakerName(), eval.iteration(), m.value());
      }
      return keepGoing;
    }

    private String earlyStoppingMetric(XGBoostHyperParameters hp, RoundEvaluation first) {
      String metric = hp.earlyStoppingMetric().orElse(null);
      if (metric == null) {
        List<MetricValue> v = first.metrics().stream().filter(m -> m.channel().equals(VALIDATION)).toList();
        metric = v.get(v.size() - 1).metric();
      }
      if (first.find(VALIDATION, metric) == null) {
        throw new IllegalStateException("early stopping metric " + metric + " is not among XGBoost's metrics "
            + first.metrics());
      }
      return metric;
    }

    private String stopReason() {
      if (request.stopRequested().getAsBoolean()) {
        return "Stopped: a stop was requested";
      }
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
      if (elapsed.compareTo(request.maxRuntime()) >= 0) {
        return "MaxRuntimeExceeded: training ran for " + elapsed.toMillis()
            + " ms, the limit (StoppingCondition.MaxRuntimeInSeconds) is " + request.maxRuntime().toMillis() + " ms";
      }
      return null;
    }

    private Path save(byte[] json, String fileName) throws IOException {
      Path dir = request.jobDir().resolve("model");
      Files.createDirectories(dir);
      Path target = dir.resolve(fileName);
      Path tmp = dir.resolve(fileName + ".tmp");
      Files.write(tmp, json);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }
  /** One trained fold: how its boosting ended and its saved model ({@code null} when no round was trained). */
  private record FoldResult(Fit fit, Path model) {
  }

  /**
   * How one boosting run ended.
   *
   * @param status       COMPLETED, or STOPPED by a stop request, the runtime limit or the listener
   * @param reason       why it stopped, else {@code null}
   * @param best         the best round under early stopping, else {@code null}
   * @param last         the last round trained, or {@code null} when none was
   * @param rounds       rounds trained
   * @param bestSnapshot the model at the best round for gblinear and dart, else {@code null}
   * @param esMetric     the metric early stopping watched, else {@code null}
   */
  private record Fit(Status status, String reason, RoundEvaluation best, RoundEvaluation last, int rounds,
      byte[] bestSnapshot, String esMetric) {

    /** The round whose metrics are final: the best one with early stopping, else the last. */
    RoundEvaluation finalRound() {
      return esMetric != null ? best : last;
    }

    /**
     * The model to save: exactly {@code best_iteration + 1} rounds after early stopping (the
     * final trees cut, or the best snapshot), else all rounds, with best_iteration and best_score
     * recorded as attributes.
     */
    byte[] modelJson(Booster booster) throws XGBoostError, IOException {
      byte[] json = booster.toByteArray("json");
      int keep = best != null ? best.iteration() + 1 : rounds;
      Map<String, String> attrs = new LinkedHashMap<>();
      if (best != null) {
        attrs.put("best_iteration", Integer.toString(best.iteration()));
        attrs.put("best_score", Double.toString(best.find(VALIDATION, esMetric).exact()));
      }
      if (keep < rounds && bestSnapshot != null) {
        return ModelJson.prepare(bestSnapshot, 0, attrs);
      }
      return ModelJson.prepare(json, keep < rounds ? keep : 0, attrs);
    }
  }
}
