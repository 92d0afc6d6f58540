package dev.chainrule.gradcheck;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Checks a claimed gradient against central finite differences, parameter by parameter, at given
 * points or at seeded random points in a {@link Box}.
 *
 * <p>A parameter's error at a point is {@code |claimed - numerical| / max(|claimed|, |numerical|,
 * floor * max(1, |f|))}: relative where the derivatives are large, absolute below the floor, which
 * grows with the function's value because the finite difference's rounding error does. With the
 * defaults (step 6e-6, tolerance 1e-5, floor 1e-4) a correct gradient passes with room to spare and
 * a wrong one, off by a factor or a term, fails by orders of magnitude.
 *
 * <p>Checking the workspace chainrule generates for {@code @Differentiable static double
 * loss(double w, double b, double x, double label)} in {@code Neuron}:
 *
 * <pre>{@code
 * Neuron_loss neuron = new Neuron_loss();
 * GradientCheck.of(
 *         p -> Neuron.loss(p[0], p[1], p[2], p[3]),
 *         p -> {
 *           neuron.zeroGrad();
 *           neuron.forward(p[0], p[1], p[2], p[3]);
 *           neuron.backward();
 *           return new double[] {
 *             neuron.gradW(), neuron.gradB(), neuron.gradX(), neuron.gradLabel()
 *           };
 *         })
 *     .names("w", "b", "x", "label")
 *     .checkAtRandomPoints(Box.cube(4, -2, 2), 20, 42);    // throws GradientCheckFailure if wrong
 * }</pre>
 *
 * <p>Settings return a new check; a check is immutable and may be reused.
 */
public final class GradientCheck {
  /** The cube root of the machine epsilon, which balances truncation and rounding error. */
  public static final double DEFAULT_STEP = Math.cbrt(Math.ulp(1.0));

  public static final double DEFAULT_TOLERANCE = 1e-5;
  public static final double DEFAULT_FLOOR = 1e-4;

  private final ToDoubleFunction<double[]> function;
  private final Function<double[], double[]> gradient;
  private final List<String> names;
  private final double step;
  private final double tolerance;
  private final double floor;

  private GradientCheck(
      ToDoubleFunction<double[]> function,
      Function<double[], double[]> gradient,
      List<String> names,
      double step,
      double tolerance,
      double floor) {
    this.function = function;
    this.gradient = gradient;
    this.names = names;
    this.step = step;
    this.tolerance = tolerance;
    this.floor = floor;
  }

  /**
   * A check of {@code gradient} against {@code function}. Both receive a point they must not keep
   * or modify; {@code gradient} returns one derivative per coordinate, and may return the same
   * array every time (it is copied at once).
   */
  public static GradientCheck of(
      ToDoubleFunction<double[]> function, Function<double[], double[]> gradient) {
    return new GradientCheck(
        Objects.requireNonNull(function, "GradientCheck: the function is null"),
        Objects.requireNonNull(gradient, "GradientCheck: the gradient is null"),
        List.of(),
        DEFAULT_STEP,
        DEFAULT_TOLERANCE,
        DEFAULT_FLOOR);
  }

  /** Names for the parameters, in order, used in the report instead of {@code x[0]}, ... */
  public GradientCheck names(String... names) {
    List<String> list = List.of(names);
    return new GradientCheck(function, gradient, list, step, tolerance, floor);
  }

  /** The finite difference step, relative to {@code max(1, |x_i|)}. */
  public GradientCheck step(double step) {
    return new GradientCheck(function, gradient, names, positive("step", step), tolerance, floor);
  }

  /** The largest error that passes. */
  public GradientCheck tolerance(double tolerance) {
    return new GradientCheck(
        function, gradient, names, step, positive("tolerance", tolerance), floor);
  }

  /**
   * Below {@code floor * max(1, |f|)} derivatives are compared absolutely; see the class comment.
   */
  public GradientCheck floor(double floor) {
    return new GradientCheck(function, gradient, names, step, tolerance, positive("floor", floor));
  }

  /** Compares the gradients at each of {@code points} and reports; never throws for a mismatch. */
  public GradientReport at(double[]... points) {
    if (points.length == 0) {
      throw new IllegalArgumentException("GradientCheck: no points given; give at least one");
    }
    int dimension = names.isEmpty() ? points[0].length : names.size();
    Worst[] worst = new Worst[dimension];
    for (int p = 0; p < points.length; p++) {
      double[] x = checkedPoint(points[p], p, dimension);
      double[] claimed = claimedGradient(x, p);
      for (int i = 0; i < dimension; i++) {
        CentralDifference numerical = CentralDifference.at(function, x, i, step);
        double error =
            Math.abs(claimed[i] - numerical.derivative())
                / Math.max(
                    Math.max(Math.abs(claimed[i]), Math.abs(numerical.derivative())),
                    floor * Math.max(1, numerical.scale()));
        if (worst[i] == null || worst[i].isBetterThan(error)) {
          worst[i] = new Worst(error, claimed[i], numerical.derivative(), x.clone());
        }
      }
    }
    List<GradientReport.Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < dimension; i++) {
      Worst w = worst[i];
      parameters.add(
          new GradientReport.Parameter(
              name(i), i, w.error, w.claimed, w.numerical, w.point, w.error <= tolerance));
    }
    return new GradientReport(
        parameters, points.length, new GradientReport.Settings(step, tolerance, floor));
  }

  /** Compares the gradients at {@code count} points drawn from {@code box} with {@code seed}. */
  public GradientReport atRandomPoints(Box box, int count, long seed) {
    Objects.requireNonNull(box, "GradientCheck: the box is null");
    return at(box.sample(count, seed));
  }

  /**
   * Like {@link #at}, and throws if any parameter fails.
   *
   * @throws GradientCheckFailure whose message is the report
   */
  public GradientReport check(double[]... points) {
    return at(points).assertPassed();
  }

  /**
   * Like {@link #atRandomPoints}, and throws if any parameter fails.
   *
   * @throws GradientCheckFailure whose message is the report
   */
  public GradientReport checkAtRandomPoints(Box box, int count, long seed) {
    return atRandomPoints(box, count, seed).assertPassed();
  }

  private double[] checkedPoint(double[] point, int p, int dimension) {
    Objects.requireNonNull(point, () -> "GradientCheck: point " + p + " is null");
    if (point.length != dimension) {
      throw new IllegalArgumentException(
          "GradientCheck: point "
              + p
              + " has "
              + point.length
              + " coordinates but the check has "
              + dimension
              + (names.isEmpty() ? " (from point 0)" : " names " + names));
    }
    for (int i = 0; i < point.length; i++) {
      if (!Double.isFinite(point[i])) {
        throw new IllegalArgumentException(
            "GradientCheck: point " + p + " has " + point[i] + " in coordinate " + name(i));
      }
    }
    return point.clone();
  }

  private double[] claimedGradient(double[] x, int p) {
    double[] claimed = gradient.apply(x.clone());
    if (claimed == null || claimed.length != x.length) {
      throw new IllegalArgumentException(
          "GradientCheck: the gradient function returned "
              + (claimed == null ? "null" : claimed.length + " components")
              + " at point "
              + p
              + " "
              + Arrays.toString(x)
              + ", which has "
              + x.length
              + " coordinates; return one derivative per coordinate");
    }
    return claimed.clone();
  }

  private String name(int i) {
    return names.isEmpty() ? "x[" + i + "]" : names.get(i);
  }

  private static double positive(String setting, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(
          "GradientCheck: " + setting + " must be a finite number > 0, got " + value);
    }
    return value;
  }

  /** The worst error of one parameter so far. NaN, from a NaN derivative, is worse than any. */
  private record Worst(double error, double claimed, double numerical, double[] point) {
    boolean isBetterThan(double other) {
      return Double.isNaN(other) ? !Double.isNaN(error) : other > error;
    }
  }
}
