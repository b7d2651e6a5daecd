package dev.tunelab.core.api;

import dev.tunelab.core.store.TrainingJobRecord;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The SageMaker SDK's HyperparameterTuningJobAnalytics dataframe as a tablesaw {@link Table}: one
 * row per training job, one column per tuned hyperparameter (numeric where every value is a
 * number), then TrainingJobName, TrainingJobStatus, FinalObjectiveValue, TrainingStartTime,
 * TrainingEndTime and TrainingElapsedTimeSeconds.
 */
public final class TuningAnalytics {
  private TuningAnalytics() { }

  /** The table for a tuning job's training jobs, in the given order. */
  public static Table of(String tuningJobName, List<TrainingJobRecord> jobs) {
    Set<String> names = new LinkedHashSet<>();
    jobs.forEach(j -> names.addAll(j.tunedHyperParameters().keySet()));
    Table t = Table.create(tuningJobName);
    for (String hp : names) {
      boolean numeric = jobs.stream().map(j -> j.tunedHyperParameters().get(hp)).allMatch(TuningAnalytics::isNumber);
      Column<?> c;
      if (numeric) {
        DoubleColumn d = DoubleColumn.create(hp);
        jobs.forEach(j -> {
          String v = j.tunedHyperParameters().get(hp);
          if (v == null) {
            d.appendMissing();
          } else {
            d.append(Double.parseDouble(v));
          }
        });
        c = d;
      } else {
        StringColumn s = StringColumn.create(hp);
        jobs.forEach(j -> s.append(j.tunedHyperParameters().getOrDefault(hp, "")));
        c = s;
      }
      t.addColumns(c);
    }
    StringColumn name = StringColumn.create("TrainingJobName");
    StringColumn status = StringColumn.create("TrainingJobStatus");
    DoubleColumn objective = DoubleColumn.create("FinalObjectiveValue");
    StringColumn start = StringColumn.create("TrainingStartTime");
    StringColumn end = StringColumn.create("TrainingEndTime");
    DoubleColumn elapsed = DoubleColumn.create("TrainingElapsedTimeSeconds");
    for (TrainingJobRecord j : jobs) {
      name.append(j.name());
      status.append(j.status().name());
      if (j.objectiveValue() == null) {
        objective.appendMissing();
      } else {
        objective.append(j.objectiveValue());
      }
      start.append(j.startTime() == null ? "" : j.startTime().toString());
      end.append(j.endTime() == null ? "" : j.endTime().toString());
      if (j.startTime() == null || j.endTime() == null) {
        elapsed.appendMissing();
      } else {
        elapsed.append(Duration.between(j.startTime(), j.endTime()).toMillis() / 1000.0);
      }
    }
    t.addColumns(name, status, objective, start, end, elapsed);
    return t;
  }

  private static boolean isNumber(String s) {
    if (s == null) {
      return true;
    }
    try {
      Double.parseDouble(s);
      return true;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
