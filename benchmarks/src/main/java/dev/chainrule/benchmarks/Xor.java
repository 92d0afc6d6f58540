package dev.chainrule.benchmarks;

import dev.chainrule.Differentiable;
import dev.chainrule.autograd.Value;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The samples' XOR network: a 2-2-1 MLP, tanh hidden layer and linear output, and its squared error
 * on the row (1, 0) → 1. The gradient is taken with respect to the nine weights, which {@code wrt}
 * lists; the row is held in fields, as data, and its parameters are constants.
 */
public final class Xor implements Workload {
  @Differentiable(wrt = {"w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c"})
  static double loss(
      double w11,
      double w12,
      double b1,
      double w21,
      double w22,
      double b2,
      double v1,
      double v2,
      double c,
      double x1,
      double x2,
      double target) {
    double h1 = Math.tanh(w11 * x1 + w12 * x2 + b1);
    double h2 = Math.tanh(w21 * x1 + w22 * x2 + b2);
    double prediction = v1 * h1 + v2 * h2 + c;
    double error = prediction - target;
    return error * error;
  }

  private final double x1 = 1;
  private final double x2 = 0;
  private final double target = 1;
  private final Xor_loss workspace = new Xor_loss();

  @Override
  public int inputs() {
    return 9;
  }

  @Override
  public double primal(double[] p) {
    return loss(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], x1, x2, target);
  }

  /** Backpropagation by hand: d(error²)/d(prediction) = 2·error, tanh' = 1 − tanh². */
  @Override
  public void handWritten(double[] p, double[] grad) {
    double h1 = Math.tanh(p[0] * x1 + p[1] * x2 + p[2]);
    double h2 = Math.tanh(p[3] * x1 + p[4] * x2 + p[5]);
    double error = p[6] * h1 + p[7] * h2 + p[8] - target;
    double dPrediction = 2 * error;
    double dz1 = dPrediction * p[6] * (1 - h1 * h1);
    double dz2 = dPrediction * p[7] * (1 - h2 * h2);
    grad[0] = dz1 * x1;
    grad[1] = dz1 * x2;
    grad[2] = dz1;
    grad[3] = dz2 * x1;
    grad[4] = dz2 * x2;
    grad[5] = dz2;
    grad[6] = dPrediction * h1;
    grad[7] = dPrediction * h2;
    grad[8] = dPrediction;
  }

  @Override
  public void value(double[] p, double[] grad) {
    Value[] w = new Value[9];
    for (int i = 0; i < w.length; i++) {
      w[i] = new Value(p[i]);
    }
    Value h1 = w[0].mul(x1).add(w[1].mul(x2)).add(w[2]).tanh();
    Value h2 = w[3].mul(x1).add(w[4].mul(x2)).add(w[5]).tanh();
    Value error = w[6].mul(h1).add(w[7].mul(h2)).add(w[8]).sub(target);
    error.mul(error).backward();
    for (int i = 0; i < w.length; i++) {
      grad[i] = w[i].grad();
    }
  }

  @Override
  public void hipparchus(double[] p, double[] grad) {
    Gradient[] w = new Gradient[9];
    for (int i = 0; i < w.length; i++) {
      w[i] = Gradient.variable(9, i, p[i]);
    }
    Gradient h1 = w[0].multiply(x1).add(w[1].multiply(x2)).add(w[2]).tanh();
    Gradient h2 = w[3].multiply(x1).add(w[4].multiply(x2)).add(w[5]).tanh();
    Gradient error = w[6].multiply(h1).add(w[7].multiply(h2)).add(w[8]).subtract(target);
    Gradient loss = error.multiply(error);
    for (int i = 0; i < w.length; i++) {
      grad[i] = loss.getPartialDerivative(i);
    }
  }

  /** One {@code tangent} call per weight, with that weight's tangent 1 and every other one 0. */
  @Override
  public void forwardMode(double[] p, double[] grad) {
    for (int i = 0; i < grad.length; i++) {
      grad[i] =
          Xor_loss.tangent(
              p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], x1, x2, target, dot(i, 0),
              dot(i, 1), dot(i, 2), dot(i, 3), dot(i, 4), dot(i, 5), dot(i, 6), dot(i, 7),
              dot(i, 8));
    }
  }

  private static double dot(int i, int j) {
    return i == j ? 1 : 0;
  }

  @Override
  public double[] reverse(double[] p, double[] grad) {
    workspace.zeroGrad();
    workspace.forward(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], x1, x2, target);
    workspace.backward();
    grad[0] = workspace.gradW11();
    grad[1] = workspace.gradW12();
    grad[2] = workspace.gradB1();
    grad[3] = workspace.gradW21();
    grad[4] = workspace.gradW22();
    grad[5] = workspace.gradB2();
    grad[6] = workspace.gradV1();
    grad[7] = workspace.gradV2();
    grad[8] = workspace.gradC();
    return grad;
  }
}
