package dev.chainrule.benchmarks;

import dev.chainrule.Differentiable;
import dev.chainrule.autograd.Value;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * The seed's AND-gate neuron, n7 = (n1 + n2)·n4 + n6, and its squared error summed over the four
 * rows of the truth table, as a function of the weight {@code w} (n4) and the bias {@code b} (n6).
 *
 * <p>The rows are literals in one straight-line method rather than four calls of a one-row method:
 * the loss is then a single trace, which is what the hand-written gradient computes too, so the
 * comparison measures the generated derivative code and not the cost of the call mechanism (each
 * call site keeps a callee workspace that {@code backward} resets and runs).
 */
public final class AndGate implements Workload {
  @Differentiable
  static double loss(double w, double b) {
    double e1 = (0.0 + 0.0) * w + b - 0.0;
    double e2 = (0.0 + 1.0) * w + b - 0.0;
    double e3 = (1.0 + 0.0) * w + b - 0.0;
    double e4 = (1.0 + 1.0) * w + b - 1.0;
    return e1 * e1 + e2 * e2 + e3 * e3 + e4 * e4;
  }

  /** The truth table, one row per example: n1, n2 and the label. */
  private static final double[][] ROWS = {{0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 1}};

  private final AndGate_loss workspace = new AndGate_loss();

  @Override
  public int inputs() {
    return 2;
  }

  @Override
  public double primal(double[] x) {
    return loss(x[0], x[1]);
  }

  /** d/dw Σ e² = Σ 2e·(n1 + n2), d/db Σ e² = Σ 2e, with the errors computed as in {@link #loss}. */
  @Override
  public void handWritten(double[] x, double[] grad) {
    double w = x[0];
    double b = x[1];
    double e1 = (0.0 + 0.0) * w + b - 0.0;
    double e2 = (0.0 + 1.0) * w + b - 0.0;
    double e3 = (1.0 + 0.0) * w + b - 0.0;
    double e4 = (1.0 + 1.0) * w + b - 1.0;
    grad[0] = 2 * (e1 * (0.0 + 0.0) + e2 * (0.0 + 1.0) + e3 * (1.0 + 0.0) + e4 * (1.0 + 1.0));
    grad[1] = 2 * (e1 + e2 + e3 + e4);
  }

  @Override
  public void value(double[] x, double[] grad) {
    Value w = new Value(x[0]);
    Value b = new Value(x[1]);
    Value loss = null;
    for (double[] row : ROWS) {
      Value error = w.mul(row[0] + row[1]).add(b).sub(row[2]);
      Value squared = error.mul(error);
      loss = loss == null ? squared : loss.add(squared);
    }
    loss.backward();
    grad[0] = w.grad();
    grad[1] = b.grad();
  }

  @Override
  public void hipparchus(double[] x, double[] grad) {
    Gradient w = Gradient.variable(2, 0, x[0]);
    Gradient b = Gradient.variable(2, 1, x[1]);
    Gradient loss = Gradient.constant(2, 0);
    for (double[] row : ROWS) {
      Gradient error = w.multiply(row[0] + row[1]).add(b).subtract(row[2]);
      loss = loss.add(error.multiply(error));
    }
    grad[0] = loss.getPartialDerivative(0);
    grad[1] = loss.getPartialDerivative(1);
  }

  @Override
  public void forwardMode(double[] x, double[] grad) {
    grad[0] = AndGate_loss.tangent(x[0], x[1], 1, 0);
    grad[1] = AndGate_loss.tangent(x[0], x[1], 0, 1);
  }

  @Override
  public double[] reverse(double[] x, double[] grad) {
    workspace.zeroGrad();
    workspace.forward(x[0], x[1]);
    workspace.backward();
    grad[0] = workspace.gradW();
    grad[1] = workspace.gradB();
    return grad;
  }
}
