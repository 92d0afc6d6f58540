package dev.chainrule.benchmarks;

import dev.chainrule.Differentiable;
import dev.chainrule.autograd.Value;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.hipparchus.analysis.differentiation.Gradient;

/**
 * A two-layer MLP, 8 inputs → 16 tanh hidden units → 1 linear output, and its mean squared error
 * over a mini-batch of 64 examples, with respect to its 161 weights.
 *
 * <p>The weights are one {@code double[]}: hidden unit j's 8 input weights at {@code w[9j] …
 * w[9j+7]} and its bias at {@code w[9j+8]}, then the 16 output weights at {@code w[144] … w[159]}
 * and the output bias at {@code w[160]}. The batch is two {@code double[]}s, held in fields as
 * data: {@code xs}, 64 rows of 8 inputs, row-major, and {@code ys}, 64 targets, both seeded uniform
 * in [-1, 1].
 *
 * <p>With one output, each hidden unit's activation is used exactly once, by the output's sum, so
 * the method computes a unit's pre-activation, its tanh, and adds it, weighted, to the output
 * before going on to the next unit: no array of activations is needed. (The processor's {@code
 * LocalArrays.mlpBatch} input keeps them in a local array, as a network with several outputs
 * would.)
 *
 * <p>{@code xs} and {@code ys} are {@code double[]} parameters of the method that {@code wrt}
 * leaves out: they are constants, and the generated {@code backward} computes no partials for them.
 */
public final class Mlp implements Workload {
  static final int INPUTS = 8;
  static final int HIDDEN = 16;
  static final int BATCH = 64;

  /** The stride of one hidden unit's weights: its inputs' weights, then its bias. */
  static final int ROW = INPUTS + 1;

  /** Where the output layer's weights start; its bias is at {@code OUTPUT + HIDDEN}. */
  static final int OUTPUT = HIDDEN * ROW;

  static final int WEIGHTS = OUTPUT + HIDDEN + 1;

  @Differentiable(wrt = "w")
  static double loss(double[] w, double[] xs, double[] ys) {
    double sum = 0;
    for (int s = 0; s < ys.length; s++) {
      double out = w[OUTPUT + HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        double z = w[j * ROW + INPUTS];
        for (int k = 0; k < INPUTS; k++) {
          z += w[j * ROW + k] * xs[s * INPUTS + k];
        }
        out += w[OUTPUT + j] * Math.tanh(z);
      }
      double error = out - ys[s];
      sum += error * error;
    }
    return sum / ys.length;
  }

  private final double[] xs = new double[BATCH * INPUTS];
  private final double[] ys = new double[BATCH];
  private final Mlp_loss workspace = new Mlp_loss();

  /** Forward mode's direction: one-hot in the weights. */
  private final double[] wDot = new double[WEIGHTS];

  /** The hand-written gradient's scratch: one sample's hidden activations. */
  private final double[] hidden = new double[HIDDEN];

  public Mlp() {
    SplittableRandom random = new SplittableRandom(64);
    for (int i = 0; i < xs.length; i++) {
      xs[i] = random.nextDouble(-1, 1);
    }
    for (int i = 0; i < ys.length; i++) {
      ys[i] = random.nextDouble(-1, 1);
    }
  }

  @Override
  public int inputs() {
    return WEIGHTS;
  }

  /** The batch's inputs, 64 rows of 8, row-major: the workload's own array. */
  double[] xs() {
    return xs;
  }

  /** The batch's targets: the workload's own array. */
  double[] ys() {
    return ys;
  }

  @Override
  public double primal(double[] w) {
    return loss(w, xs, ys);
  }

  /**
   * Backpropagation by hand, a sample at a time: forward through the hidden layer into a scratch
   * array, then d(loss)/d(out) = 2·error / 64 back through the output weights and tanh' = 1 − h².
   */
  @Override
  public void handWritten(double[] w, double[] grad) {
    Arrays.fill(grad, 0);
    for (int s = 0; s < BATCH; s++) {
      int x = s * INPUTS;
      double out = w[OUTPUT + HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        int row = j * ROW;
        double z = w[row + INPUTS];
        for (int k = 0; k < INPUTS; k++) {
          z += w[row + k] * xs[x + k];
        }
        hidden[j] = Math.tanh(z);
        out += w[OUTPUT + j] * hidden[j];
      }
      double dOut = 2 * (out - ys[s]) / BATCH;
      grad[OUTPUT + HIDDEN] += dOut;
      for (int j = 0; j < HIDDEN; j++) {
        int row = j * ROW;
        double h = hidden[j];
        grad[OUTPUT + j] += dOut * h;
        double dz = dOut * w[OUTPUT + j] * (1 - h * h);
        grad[row + INPUTS] += dz;
        for (int k = 0; k < INPUTS; k++) {
          grad[row + k] += dz * xs[x + k];
        }
      }
    }
  }

  @Override
  public void value(double[] w, double[] grad) {
    Value[] p = new Value[WEIGHTS];
    for (int i = 0; i < WEIGHTS; i++) {
      p[i] = new Value(w[i]);
    }
    Value sum = new Value(0);
    for (int s = 0; s < BATCH; s++) {
      Value out = p[OUTPUT + HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        Value z = p[j * ROW + INPUTS];
        for (int k = 0; k < INPUTS; k++) {
          z = z.add(p[j * ROW + k].mul(xs[s * INPUTS + k]));
        }
        out = out.add(p[OUTPUT + j].mul(z.tanh()));
      }
      Value error = out.sub(ys[s]);
      sum = sum.add(error.mul(error));
    }
    sum.div(BATCH).backward();
    for (int i = 0; i < WEIGHTS; i++) {
      grad[i] = p[i].grad();
    }
  }

  @Override
  public void hipparchus(double[] w, double[] grad) {
    Gradient[] p = new Gradient[WEIGHTS];
    for (int i = 0; i < WEIGHTS; i++) {
      p[i] = Gradient.variable(WEIGHTS, i, w[i]);
    }
    Gradient sum = Gradient.constant(WEIGHTS, 0);
    for (int s = 0; s < BATCH; s++) {
      Gradient out = p[OUTPUT + HIDDEN];
      for (int j = 0; j < HIDDEN; j++) {
        Gradient z = p[j * ROW + INPUTS];
        for (int k = 0; k < INPUTS; k++) {
          z = z.add(p[j * ROW + k].multiply(xs[s * INPUTS + k]));
        }
        out = out.add(p[OUTPUT + j].multiply(z.tanh()));
      }
      Gradient error = out.subtract(ys[s]);
      sum = sum.add(error.multiply(error));
    }
    Gradient loss = sum.divide(BATCH);
    for (int i = 0; i < WEIGHTS; i++) {
      grad[i] = loss.getPartialDerivative(i);
    }
  }

  /** One {@code tangent} call per weight, with that weight's tangent 1 and every other one 0. */
  @Override
  public void forwardMode(double[] w, double[] grad) {
    for (int i = 0; i < WEIGHTS; i++) {
      wDot[i] = 1;
      grad[i] = Mlp_loss.tangent(w, xs, ys, wDot);
      wDot[i] = 0;
    }
  }

  @Override
  public double[] reverse(double[] w, double[] grad) {
    workspace.zeroGrad();
    workspace.forward(w, xs, ys);
    workspace.backward();
    return workspace.gradW();
  }
}
