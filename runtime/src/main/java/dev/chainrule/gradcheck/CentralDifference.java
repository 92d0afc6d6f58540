package dev.chainrule.gradcheck;

import java.util.function.ToDoubleFunction;

/**
 * One partial derivative by the central difference {@code (f(x + h e_i) - f(x - h e_i)) / 2h}, with
 * {@code h = step * max(1, |x_i|)}. Its error is about {@code h^2 f''' / 6} from truncation plus
 * {@code eps |f| / h} from rounding; the default step, the cube root of the machine epsilon (about
 * 6e-6), balances the two. The divisor is the step as represented, {@code (x + h) - (x - h)}, so
 * rounding {@code x +- h} costs nothing.
 */
record CentralDifference(double derivative, double scale) {

  /**
   * The derivative in coordinate {@code i} at {@code x}, and the scale {@code max(|f(x + h)|, |f(x
   * - h)|)} that its rounding error grows with. {@code x} is changed during the call and restored.
   */
  static CentralDifference at(ToDoubleFunction<double[]> f, double[] x, int i, double step) {
    double xi = x[i];
    double h = step * Math.max(1, Math.abs(xi));
    double above = xi + h;
    double below = xi - h;
    try {
      x[i] = above;
      double fAbove = f.applyAsDouble(x);
      x[i] = below;
      double fBelow = f.applyAsDouble(x);
      return new CentralDifference(
          (fAbove - fBelow) / (above - below), Math.max(Math.abs(fAbove), Math.abs(fBelow)));
    } finally {
      x[i] = xi;
    }
  }
}
