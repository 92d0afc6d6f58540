package dev.chainrule.benchmarks;

import java.util.SplittableRandom;

/**
 * One function of {@code double} inputs (from 2 to 10000 of them) and six ways to evaluate it or
 * its gradient: the primal alone, a hand-written analytic gradient, the interpreted {@code Value}
 * engine, Hipparchus' forward-mode {@code Gradient}, chainrule's forward mode ({@code tangent} once
 * per input) and chainrule's reverse mode ({@code forward} and {@code backward} on a reused
 * workspace).
 *
 * <p>Every gradient method writes d(primal)/d(x[i]) into {@code grad[i]}, overwriting it, so the
 * test can compare them and the benchmark can time them on the same footing; reverse mode returns
 * its gradient instead, in the array the generated workspace keeps. An implementation holds its
 * workspaces, so use one per thread.
 */
public interface Workload {
  /** The number of inputs the gradient is taken with respect to: the length of x and grad. */
  int inputs();

  /** A point of the domain to evaluate at: each input uniform in [-1, 1]. */
  default double[] point(SplittableRandom random) {
    double[] x = new double[inputs()];
    for (int i = 0; i < x.length; i++) {
      x[i] = random.nextDouble(-1, 1);
    }
    return x;
  }

  /** The {@code @Differentiable} method itself, called directly. */
  double primal(double[] x);

  void handWritten(double[] x, double[] grad);

  void value(double[] x, double[] grad);

  void hipparchus(double[] x, double[] grad);

  void forwardMode(double[] x, double[] grad);

  /**
   * Reverse mode as a user calls it: {@code zeroGrad}, {@code forward}, {@code backward}, then the
   * gradient read where the workspace keeps it. Returns the array that holds the gradient: {@code
   * grad}, filled from scalar accessors, or the workspace's own {@code gradX()} array, which a user
   * reads without copying.
   */
  double[] reverse(double[] x, double[] grad);
}
