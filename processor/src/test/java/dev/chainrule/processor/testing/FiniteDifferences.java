package dev.chainrule.processor.testing;

import dev.chainrule.graph.ComputationGraph;
import java.util.function.DoubleUnaryOperator;

/**
 * Central finite differences, the independent check on a gradient, and the tolerance to compare the
 * two with.
 *
 * <p><b>Step.</b> {@code h = cbrt(ε) · max(1, |x|)}, about 6e-6 at our points. The central
 * difference {@code (f(x+h) − f(x−h)) / 2h} has a truncation error of {@code h² |f'''| / 6} and a
 * rounding error of about {@code ε S / h}, where {@code S} is the size of the values the method
 * computes: rounding anywhere among them shows in {@code f}, so cancellation between large
 * intermediates costs precision that the final value's size does not reveal. {@code h ∝ ε^(1/3)}
 * balances the two at about {@code ε^(2/3) ≈ 4e-11} in units of {@code S} and {@code |f'''|}. The
 * divisor is the step as represented, {@code (x+h) − (x−h)}, so rounding {@code x ± h} costs
 * nothing.
 *
 * <p><b>Tolerance.</b> {@code |g − fd| ≤ 1e-6 |g| + 1e-8 S}, with {@code S} at least 1 and at least
 * every value in the method's computation graph and {@code |f(x ± h)|}. The absolute part covers
 * rounding, about {@code 4e-11 S} per operation, with room for a few hundred operations. The
 * relative part covers truncation: across the inputs {@code |f'''| / |f'|} stays below about 1e3,
 * which costs about 6e-9 relative. A wrong derivative (a missing factor, a wrong sign, the
 * derivative of another function, a gradient sent to the wrong parameter) is off by orders of
 * magnitude more than either.
 */
public final class FiniteDifferences {
  public static final double STEP = Math.cbrt(Math.ulp(1.0));
  public static final double RELATIVE_TOLERANCE = 1e-6;
  public static final double ABSOLUTE_TOLERANCE = 1e-8;

  private FiniteDifferences() {}

  /** A central difference and the size of the values it was computed from. */
  public record Estimate(double derivative, double scale) {}

  /** The derivative of {@code f} at {@code x}. */
  public static Estimate derivative(DoubleUnaryOperator f, double x) {
    double h = STEP * Math.max(1, Math.abs(x));
    double above = x + h;
    double below = x - h;
    double fAbove = f.applyAsDouble(above);
    double fBelow = f.applyAsDouble(below);
    return new Estimate(
        (fAbove - fBelow) / (above - below), Math.max(Math.abs(fAbove), Math.abs(fBelow)));
  }

  /**
   * The derivative of the user's method in its argument {@code index}, a double, at {@code point}.
   */
  public static Estimate derivative(DifferentiableMethod method, Point point, int index) {
    return derivative(x -> method.invokeOriginal(point.with(index, x)), point.doubleAt(index));
  }

  /** The largest magnitude among the graph's node values: the {@code S} of the class comment. */
  public static double scaleOf(ComputationGraph graph) {
    double scale = 0;
    for (ComputationGraph.Node node : graph.nodes()) {
      scale = Math.max(scale, Math.abs(node.value()));
    }
    return scale;
  }

  /** How far {@code gradient} may be from a finite difference over values of size {@code scale}. */
  public static double tolerance(double gradient, double scale) {
    return RELATIVE_TOLERANCE * Math.abs(gradient) + ABSOLUTE_TOLERANCE * Math.max(1, scale);
  }

  /** Whether {@code gradient} agrees with the estimate; false if either is NaN. */
  public static boolean agrees(double gradient, Estimate estimate, double scale) {
    double bound = tolerance(gradient, Math.max(scale, estimate.scale()));
    return Math.abs(gradient - estimate.derivative()) <= bound;
  }
}
