package dev.chainrule.processor.testing;

import dev.chainrule.graph.ComputationGraph;
import java.util.function.DoubleUnaryOperator;

/**
 * Central finite differences, the independent check on a gradient, and the tolerance to compare the
 * two with.
 *
 * <p><b>Estimate.</b> With {@code D(h) = (f(x+h) − f(x−h)) / 2h}, the estimate is the Richardson
 * extrapolation {@code D(h/2) + (D(h/2) − D(h)) / 3}. {@code D(h)} has a truncation error of {@code
 * h² f''' / 6 + O(h⁴)}; the extrapolation cancels the {@code h²} term, which otherwise dominates
 * for functions that curve fast (a sine of a value in the thousands has {@code |f'''|} millions of
 * times {@code |f'|}), leaving {@code O(h⁴ f⁽⁵⁾)}. Each divisor is the step as represented, {@code
 * (x+h) − (x−h)}, so rounding {@code x ± h} costs nothing.
 *
 * <p><b>Step.</b> {@code h = cbrt(ε) · max(1, |x|)}, about 6e-6 at our points. Rounding costs about
 * {@code ε S / h} in {@code D(h)}, and three times that after extrapolating, where {@code S} is the
 * size of the values the method computes: rounding anywhere among them shows in {@code f}, so
 * cancellation between large intermediates costs precision that the final value's size does not
 * reveal. That is about {@code 1e-10 S}; a larger step would cut it but straddle more kinks and
 * reach further outside the sampled range.
 *
 * <p><b>Tolerance.</b> {@code |g − fd| ≤ 1e-6 |g| + 1e-8 S}, with {@code S} at least 1 and at least
 * every value in the method's computation graph and {@code |f(x ± h)|}. The absolute part covers
 * rounding, with a hundredfold margin for long computations. The relative part covers what is left
 * of truncation, below 1e-9 relative for the inputs. A wrong derivative (a missing factor, a wrong
 * sign, the derivative of another function, a gradient sent to the wrong parameter) is off by
 * orders of magnitude more than either.
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
    Estimate wide = central(f, x, h);
    Estimate narrow = central(f, x, h / 2);
    return new Estimate(
        narrow.derivative() + (narrow.derivative() - wide.derivative()) / 3,
        Math.max(wide.scale(), narrow.scale()));
  }

  /** {@code D(h)}, and the larger of {@code |f(x ± h)|}. */
  private static Estimate central(DoubleUnaryOperator f, double x, double h) {
    double above = x + h;
    double below = x - h;
    double fAbove = f.applyAsDouble(above);
    double fBelow = f.applyAsDouble(below);
    return new Estimate(
        (fAbove - fBelow) / (above - below), Math.max(Math.abs(fAbove), Math.abs(fBelow)));
  }

  /**
   * The derivative of the user's method in {@code coordinate} at {@code point}, a coordinate as
   * {@link Coordinates} numbers them. Each evaluation gets a perturbed copy; the point is
   * unchanged.
   */
  public static Estimate derivative(DifferentiableMethod method, Point point, int coordinate) {
    Coordinates coordinates = method.coordinates(point);
    return derivative(
        x -> method.invokeOriginal(coordinates.with(coordinate, x)), coordinates.value(coordinate));
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
