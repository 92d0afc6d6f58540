package inputs;

import dev.chainrule.Differentiable;

/**
 * Local double[] and int[] arrays: made with new or an initialiser, read and written element by
 * element (also with compound assignments and increments), inside and outside loops and branches,
 * and rebuilt on every pass of a loop. Arrays share one length of 3 to 5 with elements in [0.2,
 * 0.9]; ints come from SamplePoints.INTS.
 */
final class LocalArrays {
  private LocalArrays() {}

  @Differentiable
  static double initialiser(double a, double b) {
    double[] v = {a, 2.0, a * b};
    v[1] *= b;
    v[2]++;
    return v[0] * v[1] + v[2] / v.length;
  }

  /** A hidden layer kept in a local array, as a network is written. */
  @Differentiable
  static double mlp(double[] w1, double[] w2, double[] x) {
    int hiddenUnits = w2.length;
    double[] hidden = new double[hiddenUnits];
    for (int j = 0; j < hiddenUnits; j++) {
      for (int k = 0; k < x.length; k++) {
        hidden[j] += w1[(j * x.length + k) % w1.length] * x[k];
      }
      hidden[j] = Math.tanh(hidden[j]);
    }
    double out = 0;
    for (int j = 0; j < hiddenUnits; j++) {
      out += w2[j] * hidden[j];
    }
    return out * out;
  }

  /** Prefix sums, then a weighted sum of them read back in reverse. */
  @Differentiable
  static double prefixSums(double[] xs) {
    double[] sums = new double[xs.length];
    sums[0] = xs[0];
    for (int i = 1; i < xs.length; i++) {
      sums[i] = sums[i - 1] + xs[i] * xs[i];
    }
    double total = 0;
    for (int i = sums.length - 1; i >= 0; i--) {
      total += Math.sqrt(sums[i]) / (i + 1);
    }
    return total;
  }

  /** Elements read before and after they are overwritten, and elements never written. */
  @Differentiable
  static double overwrite(double x, double y) {
    double[] a = new double[4];
    a[0] = x;
    a[1] = a[0] * y;
    double before = a[1];
    a[1] = Math.sin(a[1]) + a[3];
    a[0] = a[0] * a[1];
    return before + a[0] + a[1] + a[2];
  }

  /** A scratch array made anew on every pass of a loop. */
  @Differentiable
  static double scratchPerPass(double[] xs, double w) {
    double total = 0;
    for (int i = 0; i < xs.length; i++) {
      double[] scratch = new double[2];
      scratch[0] = xs[i] * w;
      scratch[1] = scratch[0] * scratch[0];
      if (scratch[1] > 0.1) {
        scratch[0] += scratch[1];
      }
      total += scratch[0] + scratch[1];
    }
    return total;
  }

  /** An int array of indices, filled and then used to read a double array. */
  @Differentiable
  static double indexArray(double[] xs, double s) {
    int[] order = new int[xs.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = order.length - 1 - i;
    }
    double acc = s;
    for (int i : order) {
      acc = acc * 0.5 + xs[i] * s;
    }
    return acc;
  }

  /** Elements written in branches: the array leaves each arm as a new version. */
  @Differentiable
  static double branchWrites(double x, int n) {
    double[] v = {x, x * x};
    if (n > 2) {
      v[0] = Math.exp(x);
    } else {
      v[1] -= x;
    }
    return v[0] * v[1];
  }

  /** A softmax into a local array, then cross-entropy against target weights. */
  @Differentiable
  static double softmaxLoss(double[] logits, double[] targets) {
    double[] p = new double[logits.length];
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      p[i] = Math.exp(logits[i]);
      sum += p[i];
    }
    double loss = 0;
    for (int i = 0; i < p.length; i++) {
      p[i] /= sum;
      loss -= targets[i] * Math.log(p[i]);
    }
    return loss;
  }

  /** An enhanced for over a local array. */
  @Differentiable
  static double overLocal(double x) {
    double[] powers = {x, x * x, x * x * x};
    double sum = 0;
    for (double p : powers) {
      sum += Math.cos(p);
    }
    return sum;
  }

  /**
   * A 1-H-1 tanh network's squared error over a batch, the hidden layer in one local array
   * rewritten for every sample: the array is carried through the batch loop.
   */
  @Differentiable
  static double mlpBatch(double[] w1, double[] w2, double[] xs, double[] ys) {
    double[] hidden = new double[w2.length];
    double loss = 0;
    for (int b = 0; b < xs.length; b++) {
      for (int j = 0; j < hidden.length; j++) {
        hidden[j] = Math.tanh(w1[j] * xs[b] + w1[(j + 1) % w1.length]);
      }
      double out = 0;
      for (int j = 0; j < hidden.length; j++) {
        out += w2[j] * hidden[j];
      }
      double error = out - ys[b];
      loss += error * error;
    }
    return loss / xs.length;
  }
}
