package inputs;

import dev.chainrule.Differentiable;

/**
 * double[] and int[] parameters read element by element, with literal, parameter and computed
 * indices, .length, and elements in conditions. Checked by ArrayParametersTest and by goldens:
 * the shared harness samples scalar points only.
 */
final class ArrayParameters {
  private ArrayParameters() {}

  @Differentiable
  static double dot3(double[] w, double[] x) {
    return w[0] * x[0] + w[1] * x[1] + w[2] * x[2];
  }

  @Differentiable
  static double picked(double[] xs, int[] pick, int n, double scale) {
    double chosen = xs[pick[0]] * xs[n / 100 + 1];
    if (xs.length > 2 && xs[2] > 0) {
      chosen += Math.exp(xs[2]) / xs.length;
    }
    return chosen * scale;
  }
}
