package inputs;

import dev.chainrule.Differentiable;

/**
 * Arrays passed whole to other @Differentiable methods: parameter arrays, local arrays, int[]
 * index arrays, and local arrays passed inside loops, which backward must see as they were when
 * passed (later passes overwrite them). Arrays share one length of 3 to 5.
 */
final class ArrayCalls {
  private ArrayCalls() {}

  @Differentiable
  static double weightedSum(double[] w, double[] x, int[] pick) {
    double sum = 0;
    for (int i = 0; i < pick.length; i++) {
      sum += w[pick[i]] * x[i];
    }
    return sum;
  }

  /** Parameter arrays passed on, twice, one of them in both places. */
  @Differentiable
  static double neuron(double[] w, double[] x, int[] pick, double b) {
    return Math.tanh(weightedSum(w, x, pick) + b) + 0.1 * weightedSum(x, x, pick);
  }

  /** A local array filled, then passed, with a local int[] of indices. */
  @Differentiable
  static double squaresThenSum(double[] w, double[] x) {
    double[] squares = new double[x.length];
    int[] identity = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      squares[i] = x[i] * x[i];
      identity[i] = i;
    }
    return weightedSum(w, squares, identity);
  }

  /** A local array rewritten and passed on every pass: each call sees its own pass's values. */
  @Differentiable
  static double rowsPassedInALoop(double[] w, double[] x, int[] pick) {
    double[] row = new double[x.length];
    double total = 0;
    for (int r = 0; r < 3; r++) {
      for (int i = 0; i < x.length; i++) {
        row[i] = Math.sin(x[i] * (r + 1));
      }
      total += weightedSum(w, row, pick) * (r + 1);
    }
    return total;
  }

  /**
   * A local array passed, then written: weightedSum's backward reads its arrays again, so it must
   * see them as they were when passed, not as the caller left them.
   */
  @Differentiable
  static double writtenAfterTheCall(double[] w, double[] x, int[] pick) {
    double[] scaled = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      scaled[i] = 2 * x[i];
    }
    double before = weightedSum(w, scaled, pick);
    scaled[0] = before * before;
    return before + weightedSum(scaled, x, pick);
  }
}
