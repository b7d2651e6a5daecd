package dev.tunelab.optimizer.gp;

import java.util.Arrays;

/**
 * Kernel hyperparameters in natural units of the unit cube and of standardised targets: one
 * length scale per dimension, the signal variance and the observation noise variance.
 * {@link #theta()} is the log-parameter vector the fitter works on:
 * {@code [log l_1 .. log l_d, log s2, log noise]}.
 */
public record GpHyperparameters(double[] lengthScales, double signalVariance, double noiseVariance) {

  public GpHyperparameters {
    lengthScales = lengthScales.clone();
    for (double l : lengthScales) {
      if (!(l > 0) || !Double.isFinite(l)) {
        throw new IllegalArgumentException("length scales must be positive and finite, got " + Arrays.toString(lengthScales));
      }
    }
    if (!(signalVariance > 0) || !(noiseVariance > 0)) {
      throw new IllegalArgumentException("signalVariance " + signalVariance + " and noiseVariance "
          + noiseVariance + " must be positive");
    }
  }

  /** From a log-parameter vector of length d + 2. */
  public static GpHyperparameters fromTheta(double[] theta) {
    int d = theta.length - 2;
    double[] l = new double[d];
    for (int j = 0; j < d; j++) {
      l[j] = Math.exp(theta[j]);
    }
    return new GpHyperparameters(l, Math.exp(theta[d]), Math.exp(theta[d + 1]));
  }

  /** The log-parameter vector. */
  public double[] theta() {
    int d = lengthScales.length;
    double[] t = new double[d + 2];
    for (int j = 0; j < d; j++) {
      t[j] = Math.log(lengthScales[j]);
    }
    t[d] = Math.log(signalVariance);
    t[d + 1] = Math.log(noiseVariance);
    return t;
  }

  /** {@code 1 / l_j^2} for each dimension. */
  public double[] inverseSquaredLengthScales() {
    double[] r = new double[lengthScales.length];
    for (int j = 0; j < r.length; j++) {
      r[j] = 1.0 / (lengthScales[j] * lengthScales[j]);
    }
    return r;
  }

  @Override
  public double[] lengthScales() {
    return lengthScales.clone();
  }

  @Override
  public String toString() {
    return "GpHyperparameters[l=" + Arrays.toString(lengthScales) + ", s2=" + signalVariance
        + ", noise=" + noiseVariance + "]";
  }
}
