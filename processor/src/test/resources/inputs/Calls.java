package inputs;

import dev.chainrule.Differentiable;

/**
 * Calls between @Differentiable methods: a chain of three (loss → neuron → affine), a callee in
 * another class, one callee at two call sites, and int-returning helpers used as constants.
 * Valid for any arguments.
 */
final class Calls {
  private Calls() {}

  @Differentiable
  static double affine(double w, double x, double b) {
    return w * x + b;
  }

  @Differentiable
  static double neuron(double w, double x, double b) {
    return Math.tanh(affine(w, x, b));
  }

  @Differentiable
  static double loss(double w, double x, double b, double label) {
    double error = neuron(w, x, b) - label;
    return CallHelpers.square(error) + 0.01 * CallHelpers.square(w);
  }

  @Differentiable
  static double scaledByConstants(double x, int n) {
    return x * CallHelpers.twice(n) + CallHelpers.square(3.0) * x;
  }

  @Differentiable
  static double nested(double x, double y) {
    return affine(neuron(x, y, 1), CallHelpers.square(x), y);
  }
}
