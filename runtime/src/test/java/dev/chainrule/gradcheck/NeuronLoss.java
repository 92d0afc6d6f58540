package dev.chainrule.gradcheck;

/**
 * The workspace chainrule generates for the README's {@code Neuron.loss(w, b, x, label) = (tanh(w x
 * + b) - label)^2}, copied by hand from the README's listing so that the check can be tried on it
 * here, where the processor is not on the path. {@code broken} doubles the gradient of {@code b},
 * the kind of slip a hand-written backward pass makes.
 */
final class NeuronLoss {
  private final boolean broken;
  private double w;
  private double x;
  private double y;
  private double error;
  private double gradW;
  private double gradB;
  private double gradX;
  private double gradLabel;

  NeuronLoss(boolean broken) {
    this.broken = broken;
  }

  static double loss(double w, double b, double x, double label) {
    double error = Math.tanh(w * x + b) - label;
    return error * error;
  }

  double forward(double w, double b, double x, double label) {
    this.w = w;
    this.x = x;
    y = Math.tanh(w * x + b);
    error = y - label;
    return error * error;
  }

  void backward() {
    double dError = 2 * error;
    double dY = dError;
    double dYt2 = dY * (1.0 - y * y);
    gradW += dYt2 * x;
    gradB += broken ? 2 * dYt2 : dYt2;
    gradX += dYt2 * w;
    gradLabel += -dError;
  }

  void zeroGrad() {
    gradW = 0;
    gradB = 0;
    gradX = 0;
    gradLabel = 0;
  }

  double gradW() {
    return gradW;
  }

  double gradB() {
    return gradB;
  }

  double gradX() {
    return gradX;
  }

  double gradLabel() {
    return gradLabel;
  }

  /** The check of the class comment of {@link GradientCheck}, on this workspace. */
  GradientCheck check() {
    return GradientCheck.of(
            p -> loss(p[0], p[1], p[2], p[3]),
            p -> {
              zeroGrad();
              forward(p[0], p[1], p[2], p[3]);
              backward();
              return new double[] {gradW(), gradB(), gradX(), gradLabel()};
            })
        .names("w", "b", "x", "label");
  }
}
