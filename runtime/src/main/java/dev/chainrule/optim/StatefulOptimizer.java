package dev.chainrule.optim;

/**
 * What every optimizer shares: the learning rate, and the checks that keep per-parameter state
 * aligned with the parameters. Subclasses only size, clear and apply their state.
 */
abstract class StatefulOptimizer implements Optimizer {
  private final String name;
  private double learningRate;
  private int size = -1;
  private long steps;

  StatefulOptimizer(String name, double learningRate) {
    this.name = name;
    this.learningRate = requireLearningRate(name, learningRate);
  }

  @Override
  public final void step(double[] params, double[] grads) {
    if (params == null || grads == null) { // not requireNonNull with a lambda: it allocates
      throw new NullPointerException(
          name + ".step: " + (params == null ? "params" : "grads") + " is null");
    }
    if (grads.length != params.length) {
      throw new IllegalArgumentException(
          name
              + ".step: grads has length "
              + grads.length
              + " but params has length "
              + params.length
              + "; pass one gradient per parameter, in the same order");
    }
    if (size < 0) {
      size = params.length;
      allocate(size);
    } else if (params.length != size) {
      throw new IllegalArgumentException(
          name
              + ".step: params has length "
              + params.length
              + " but the first step after construction or reset() had length "
              + size
              + " (step "
              + (steps + 1)
              + "); the optimizer keeps state per parameter, so use one optimizer per parameter"
              + " vector, or call reset() first");
    }
    steps++;
    update(params, grads, learningRate, steps);
  }

  /** How many steps were taken since construction or the last {@link #reset()}. */
  public final long steps() {
    return steps;
  }

  @Override
  public final double learningRate() {
    return learningRate;
  }

  @Override
  public final void setLearningRate(double learningRate) {
    this.learningRate = requireLearningRate(name, learningRate);
  }

  @Override
  public final void reset() {
    size = -1;
    steps = 0;
    release();
  }

  /** Creates the state for {@code n} parameters, all zero. */
  abstract void allocate(int n);

  /** Drops the state; {@link #allocate} runs again on the next step. */
  abstract void release();

  /** One step; {@code step} counts from 1 and the arrays have been checked. */
  abstract void update(double[] params, double[] grads, double learningRate, long step);

  static double requireLearningRate(String name, double learningRate) {
    if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          name + ": the learning rate must be a finite number >= 0, got " + learningRate);
    }
    return learningRate;
  }

  /** For momentum and the betas: a decay factor in [0, 1). */
  static double requireFraction(String name, String what, double value) {
    if (!(value >= 0 && value < 1)) {
      throw new IllegalArgumentException(name + ": " + what + " must be in [0, 1), got " + value);
    }
    return value;
  }

  static double requireNonNegative(String name, String what, double value) {
    if (!(value >= 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          name + ": " + what + " must be a finite number >= 0, got " + value);
    }
    return value;
  }
}
