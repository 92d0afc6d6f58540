package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Int and long arithmetic keeps Java's meaning inside differentiated code: {@code n / 2} truncates
 * towards zero before it meets a double, {@code n * 1_000_000_000} wraps around, an int assigned to
 * a double is widened, and int parameters get no gradient. Gradients are derived by hand from the
 * inputs' source. Where the hand formula adds the same terms in another order, it agrees to {@code
 * 1e-12} relative; single-term gradients are compared exactly.
 */
class IntegerSemanticsTest {
  private static final double X = 0.6180339887498949;
  private static final double TOLERANCE = 1e-12;

  /** {@code x * (n / 2)}: with n = 3 the gradient is 1, not 1.5; with n = -3 it is -1, not -2. */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {-3, -1, 0, 1, 2, 3, 7})
  void halfOfTruncates(int n) {
    DifferentiableMethod method = CompiledInputs.method("Arithmetic.halfOf");
    Point point = new Point(X, n);
    assertAll(
        () -> assertEquals(X * (n / 2), method.newWorkspace().forward(point), "forward"),
        () -> assertEquals(n / 2, method.gradient(point)[0], "backward"),
        () -> assertEquals(n / 2, method.tangent(point, 1.0), "tangent"),
        () -> assertEquals(n / 2, method.graph(point).node("x").grad(), "graph"));
  }

  /** {@code x*(n/2) + x*n/2 + (n/2)/x + 7/2*x + (n+1)/2*x*x}. */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {-3, -1, 1, 2, 3, 7})
  void integerDivisionMixedIntoDoubles(int n) {
    double expected = (n / 2) + n / 2.0 - (n / 2) / (X * X) + 3 + 2 * ((n + 1) / 2) * X;
    assertGradient("Arithmetic.integerDivision", new Point(X, n), expected);
  }

  /**
   * {@code (double) n / 2 * x + (double) (n / 2) * x + (double) k * x / 3 + (double) 1 / 3 * x}.
   */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {-3, 1, 2, 3, 7})
  void castsConvertBeforeOrAfterDividing(int n) {
    for (long k : new long[] {-4, 1, 5, 10}) {
      double expected = n / 2.0 + (n / 2) + k / 3.0 + 1.0 / 3;
      assertGradient("Arithmetic.casts", new Point(X, n, k), expected);
    }
  }

  /** {@code x * (n * 1_000_000_000) * 1e-9 + ...}: for n = 3 the product wraps to -1294967296. */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {-3, 1, 2, 3, 7})
  void intMultiplicationWrapsAround(int n) {
    for (long k : new long[] {-4, 1, 5, 10}) {
      double expected = (n * 1_000_000_000) * 1e-9 + (k * k - n) + 1.0 / (k + 20L) - n;
      assertGradient("Arithmetic.integerArithmetic", new Point(X, n, k), expected);
    }
    if (n == 3) {
      assertEquals(-1_294_967_296, n * 1_000_000_000, "the wrap-around the input relies on");
    }
  }

  /** {@code half = n / 2; big = k; y = n; return x * (half + big * y)}: y's own value is unused. */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {-3, 1, 2, 3, 7})
  void intsWidenedByAssignment(int n) {
    long k = 5;
    Point point = new Point(X, 0.25, n, k);
    DifferentiableMethod method = CompiledInputs.method("Arithmetic.implicitWidening");
    double[] gradient = method.gradient(point);
    assertAll(
        () -> assertEquals((double) (n / 2) + (double) k * n, gradient[0], "d/dx"),
        () -> assertEquals(0.0, gradient[1], 0.0, "d/dy: y is overwritten by n"));
  }

  /** {@code n / 2 + k * 0.5}: a method with nothing to differentiate still works end to end. */
  @ParameterizedTest(name = "n = {0}")
  @ValueSource(ints = {-3, 1, 2, 3, 7})
  void noDoubleParameters(int n) {
    DifferentiableMethod method = CompiledInputs.method("Parameters.noDoubles");
    IntStream.of(-4, 1, 5, 10)
        .forEach(
            k -> {
              Point point = new Point(n, (long) k, true);
              assertEquals(n / 2 + k * 0.5, method.newWorkspace().forward(point), "forward");
              assertEquals(0, method.gradient(point).length, "no gradient accessors");
              assertEquals(0.0, method.tangent(point), 0.0, "tangent");
              assertEquals(0, method.graph(point).nodes().size(), "graph nodes");
            });
  }

  private static void assertGradient(String name, Point point, double expected) {
    DifferentiableMethod method = CompiledInputs.method(name);
    double actual = method.gradient(point)[0];
    assertEquals(expected, actual, TOLERANCE * Math.abs(expected), method.at(point) + " d/dx");
  }
}
