package dev.chainrule.optim;

/**
 * Updates a parameter vector in place from its gradient, one step at a time.
 *
 * <p>Parameters and gradients are plain {@code double[]}s so that any source of gradients fits: a
 * generated workspace's {@code gradX()} accessors copied into an array, a {@code gradXs()} array,
 * or a hand-written derivative. A step allocates nothing. An optimizer keeps per-parameter state
 * (velocities, moment estimates) sized on its first step, so one optimizer serves one parameter
 * vector; {@link #reset()} forgets that state.
 *
 * <pre>{@code
 * double[] params = {0, 0};
 * double[] grads = new double[2];
 * Optimizer adam = new Adam(0.05);
 * for (int step = 0; step < 500; step++) {
 *   grads[0] = 2 * (params[0] - 3);   // d/dx of (x - 3)^2
 *   grads[1] = 4 * (params[1] + 1);   // d/dy of 2 (y + 1)^2
 *   adam.step(params, grads);
 * }
 * // params is now close to {3, -1}
 * }</pre>
 */
public interface Optimizer {

  /**
   * Moves {@code params} one step against {@code grads}, in place. {@code grads} is read, never
   * written.
   *
   * @throws IllegalArgumentException if the arrays differ in length, or differ from the length of
   *     the first step since construction or {@link #reset()}
   */
  void step(double[] params, double[] grads);

  double learningRate();

  /** Changes the learning rate for the following steps, for schedules; the state is kept. */
  void setLearningRate(double learningRate);

  /**
   * Forgets the state and the step count, so the next step is a first step again, of any length.
   */
  void reset();
}
