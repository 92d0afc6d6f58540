package inputs;

import dev.chainrule.Differentiable;

/**
 * Methods differentiated with respect to some of their double and double[] parameters, listed in
 * wrt: the others are constants, with no gradient and no tangent direction. Calls pass constants
 * to a callee's constant parameters, and varying values to the ones it differentiates.
 */
final class Wrt {
  private Wrt() {}

  /** A one-unit model's squared error over a batch of rows: the data are constants. */
  @Differentiable(wrt = "w")
  static double batchLoss(double[] w, double[] xs, double[] ys) {
    double sum = 0;
    for (int s = 0; s < ys.length; s++) {
      double out = w[0];
      for (int k = 1; k < w.length; k++) {
        out += w[k] * xs[(s * (w.length - 1) + k - 1) % xs.length];
      }
      double error = Math.tanh(out) - ys[s];
      sum += error * error;
    }
    return sum / ys.length;
  }

  /** Only x: y scales the result but gets no gradient of its own. */
  @Differentiable(wrt = {"x"})
  static double onlyX(double x, double y) {
    return Math.sin(x * y) + y * y;
  }

  /** Constants passed on to the callee's constants, and the weights to its differentiated one. */
  @Differentiable(wrt = {"w", "shift"})
  static double callsWithConstants(double[] w, double[] xs, double[] ys, double shift) {
    return batchLoss(w, xs, ys) * shift + onlyX(shift * 2, 0.5);
  }

  /** Every parameter differentiated, feeding the callees' constants with constant local data. */
  @Differentiable
  static double allParameters(double a, double b) {
    double[] w = {a, b};
    double[] data = {0.5, -0.25, 1.0};
    return batchLoss(w, data, data) + onlyX(a, 3.0);
  }

  /**
   * A local array passed while constant, for the callee's constants, then written with a varying
   * value: constant where passed, though activity gives all its versions one status.
   */
  @Differentiable
  static double constantWhenPassed(double a) {
    double[] h = {0.5, 0.25};
    double[] w = {a, a * 2};
    double r = batchLoss(w, h, h);
    h[0] = a;
    return r + h[0] * a;
  }
}
