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
      List<DMatrix> mats = new ArrayList<>();
      Booster booster = null;
      try {
        mats.add(Matrices.labelled(train, hp.csvWeights()));
        logLoaded(train, hp.csvWeights() ? 1 : 0);
        if (validation != null) {
          mats.add(Matrices.labelled(validation, false));
          logLoaded(validation, 0);
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
      if (hp.earlyStoppingRounds().isPresent() && validation == null) {
        return "early_stopping_rounds=" + hp.earlyStoppingRounds().getAsInt()
            + " needs a 'validation' channel, and there is none";
      }
      if (validation != null) {
        if (validation.rows() == 0 || !validation.labelled()) {
          return "The validation channel has " + (validation.rows() == 0 ? "no rows" : "no target column");
        }
        if (validation.columns() != trainFeatures) {
          return "The validation channel has " + validation.columns() + " features but the train channel has "
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
      DMatrix[] evalMats = mats.toArray(new DMatrix[0]);
      String[] evalNames = names.toArray(new String[0]);
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
        booster.update(mats.get(0), i);
        rounds = i + 1;
        RoundEvaluation eval = RoundEvaluation.parse(i, booster.evalSet(evalMats, evalNames, i), names);
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
        boolean keepGoing = report(eval);
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
        report(best);
      }
      RoundEvaluation fin = patience > 0 ? best : last;
      Map<String, Double> finalMetrics = new LinkedHashMap<>();
      if (fin != null) {
        fin.metrics().forEach(m -> finalMetrics.put(m.sageMakerName(), m.value()));
      }
      Path model = rounds == 0 ? null
          : save(booster, patience > 0 ? best.iteration() + 1 : rounds, rounds, bestSnapshot,
              patience > 0 ? best : null, esMetric);
      if (status == Status.STOPPED) {
        listener.log(reason);
      }
      return new TrainingOutcome(status, finalMetrics, model, reason,
          patience > 0 && best != null ? best.iteration() : -1, rounds);
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

    private Path save(Booster booster, int keep, int rounds, byte[] bestSnapshot, RoundEvaluation best,
        String esMetric) throws XGBoostError, IOException {
      byte[] json = booster.toByteArray("json");
      Map<String, String> attrs = new LinkedHashMap<>();
      if (best != null) {
        attrs.put("best_iteration", Integer.toString(best.iteration()));
        attrs.put("best_score", Double.toString(best.find(VALIDATION, esMetric).exact()));
      }
      if (keep < rounds && bestSnapshot != null) {
        json = ModelJson.prepare(bestSnapshot, 0, attrs);
      } else {
        json = ModelJson.prepare(json, keep < rounds ? keep : 0, attrs);
      }
      Path dir = request.jobDir().resolve("model");
      Files.createDirectories(dir);
      Path target = dir.resolve(MODEL_FILE);
      Path tmp = dir.resolve(MODEL_FILE + ".tmp");
      Files.write(tmp, json);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return target;
    }
  }
}
