package dev.chainrule.processor.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The finite-difference check itself: it must accept exact derivatives and reject slightly wrong
 * ones, or every gradient test built on it proves nothing. The wrong ones here are off by 1e-5
 * relative, far closer than a wrong derivative rule ever is.
 */
class FiniteDifferencesTest {
  private static final double X = 0.7;

  @Test
  void acceptsExactDerivatives() {
    assertAll(
        () -> assertTrue(agrees(Math.cos(X), Math::sin)),
        () -> assertTrue(agrees(-1 / (X * X), x -> 1 / x)),
        () -> assertTrue(agrees(1 / Math.sqrt(1 - X * X), Math::asin)),
        () -> assertTrue(agrees(3e8 * Math.exp(3 * X), x -> 1e8 * Math.exp(3 * x))));
  }

  @Test
  void rejectsSlightlyWrongDerivatives() {
    assertAll(
        () -> assertFalse(agrees(Math.cos(X) * (1 + 1e-5), Math::sin)),
        () -> assertFalse(agrees(-Math.cos(X), Math::sin)),
        () -> assertFalse(agrees(Math.sin(X), Math::sin)),
        () -> assertFalse(agrees(3e8 * Math.exp(3 * X) * (1 - 1e-5), x -> 1e8 * Math.exp(3 * x))),
        () -> assertFalse(agrees(Double.NaN, Math::sin)));
  }

  @Test
  void rejectsAWrongGradientOfAnInput() {
    DifferentiableMethod tan = CompiledInputs.method("MathFunctions.tan");
    Point point = new Point(X);
    double gradient = tan.gradient(point)[0];
    double scale = FiniteDifferences.scaleOf(tan.graph(point));
    FiniteDifferences.Estimate estimate = FiniteDifferences.derivative(tan, point, 0);
    assertAll(
        () -> assertTrue(FiniteDifferences.agrees(gradient, estimate, scale)),
        () -> assertFalse(FiniteDifferences.agrees(gradient * (1 + 1e-5), estimate, scale)));
  }

  /**
   * Each element of an array is its own coordinate: perturbing the wrong element, or the array as a
   * whole, gives another coordinate's derivative, and every coordinate's differs here.
   */
  @Test
  void derivativesInArrayElementsAreTheHandDerivedOnes() {
    DifferentiableMethod probe = ArrayProbe.method();
    List<Executable> checks = new ArrayList<>();
    for (int k = 0; k < ArrayProbe.GRADIENT.length; k++) {
      double expected = ArrayProbe.GRADIENT[k];
      double wrong = expected + 1e-5 * Math.max(1, Math.abs(expected));
      FiniteDifferences.Estimate estimate =
          FiniteDifferences.derivative(probe, ArrayProbe.POINT, k);
      String what = "d/d" + probe.coordinates(ArrayProbe.POINT).name(k) + ": " + estimate;
      checks.add(
          () -> assertTrue(FiniteDifferences.agrees(expected, estimate, estimate.scale()), what));
      checks.add(
          () -> assertFalse(FiniteDifferences.agrees(wrong, estimate, estimate.scale()), what));
    }
    assertAll(checks);
  }

  @Test
  void perturbingAnElementLeavesThePointAsItWas() {
    DifferentiableMethod probe = ArrayProbe.method();
    double[] xs = {0.3, 0.6, 0.9, 0.4};
    Point point = new Point(0.5, new int[] {2}, xs.clone());
    for (int k = 0; k < ArrayProbe.GRADIENT.length; k++) {
      FiniteDifferences.derivative(probe, point, k);
    }
    assertEquals(new Point(0.5, new int[] {2}, xs), point);
    assertArrayEquals(xs, point.doubleArrayAt(2));
  }

  private static boolean agrees(double derivative, DoubleUnaryOperator f) {
    FiniteDifferences.Estimate estimate = FiniteDifferences.derivative(f, X);
    return FiniteDifferences.agrees(derivative, estimate, estimate.scale());
  }
}
