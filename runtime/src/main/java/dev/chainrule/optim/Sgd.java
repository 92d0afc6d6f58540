package dev.chainrule.optim;

/**
 * Stochastic gradient descent, optionally with momentum or Nesterov momentum, following PyTorch's
 * {@code torch.optim.SGD} (no dampening): with velocity {@code v} starting at 0,
 *
 * <pre>
 *   v = momentum * v + g
 *   p = p - lr * v                      (momentum)
 *   p = p - lr * (g + momentum * v)     (Nesterov)
 * </pre>
 *
 * <p>Momentum averages the gradient over recent steps, which speeds progress along shallow valleys
 * (Rosenbrock's) and damps oscillation across steep ones. Example: minimise {@code (x - 3)^2}.
 *
 * <pre>{@code
 * double[] x = {0};
 * double[] g = new double[1];
 * Sgd sgd = new Sgd(0.1, 0.9);
 * for (int i = 0; i < 200; i++) {
 *   g[0] = 2 * (x[0] - 3);
 *   sgd.step(x, g);
 * }
 * // x[0] is now within 1e-4 of 3
 * }</pre>
 */
public final class Sgd extends StatefulOptimizer {
  private final double momentum;
  private final boolean nesterov;
  private double[] velocity;

  /** Plain gradient descent: {@code p = p - lr * g}. */
  public Sgd(double learningRate) {
    this(learningRate, 0);
  }

  /** Gradient descent with (heavy-ball) momentum in [0, 1); 0.9 is usual. */
  public Sgd(double learningRate, double momentum) {
    this("Sgd", learningRate, momentum, false);
  }

  /** Gradient descent with Nesterov momentum, which looks one velocity step ahead; momentum > 0. */
  public static Sgd nesterov(double learningRate, double momentum) {
    if (!(momentum > 0)) {
      throw new IllegalArgumentException(
          "Sgd.nesterov: Nesterov momentum needs a momentum in (0, 1), got " + momentum);
    }
    return new Sgd("Sgd.nesterov", learningRate, momentum, true);
  }

  private Sgd(String name, double learningRate, double momentum, boolean nesterov) {
    super(name, learningRate);
    this.momentum = requireFraction(name, "momentum", momentum);
    this.nesterov = nesterov;
  }

  public double momentum() {
    return momentum;
  }

  public boolean isNesterov() {
    return nesterov;
  }

  @Override
  void allocate(int n) {
    velocity = momentum == 0 ? null : new double[n];
  }

  @Override
  void release() {
    velocity = null;
  }

  @Override
  void update(double[] params, double[] grads, double learningRate, long step) {
    if (velocity == null) {
      for (int i = 0; i < params.length; i++) {
        params[i] -= learningRate * grads[i];
      }
      return;
    }
    for (int i = 0; i < params.length; i++) {
      double v = momentum * velocity[i] + grads[i];
      velocity[i] = v;
      params[i] -= learningRate * (nesterov ? grads[i] + momentum * v : v);
    }
  }

  @Override
  public String toString() {
    return (nesterov ? "Sgd.nesterov" : "Sgd")
        + "(learningRate="
        + learningRate()
        + ", momentum="
        + momentum
        + ")";
  }
}
