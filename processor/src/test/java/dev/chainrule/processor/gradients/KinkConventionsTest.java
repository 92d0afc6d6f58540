package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Derivatives at kinks, where finite differences say nothing and a convention decides; chainrule
 * follows PyTorch. Derived by hand: d|x|/dx = signum(x), 0 at 0; max and min give the argument that
 * wins all of the gradient and split a tie 0.5 / 0.5; d pow(x, y)/dx = y x^(y-1) except 0 where y
 * == 0 (even at x == 0, where the formula is 0 · ∞); d pow(x, y)/dy = x^y ln x except 0 where x ==
 * 0 and y >= 0 (where the formula is 0 · -∞ or 1 · -∞); signum, floor, ceil and rint have
 * derivative 0 everywhere, their jumps included. Backward, tangent and graph() must all agree,
 * since each reads the same rule. The expected values are exact, so comparisons are exact too (with
 * -0.0 equal to 0.0: the sign of a zero gradient is no convention).
 */
class KinkConventionsTest {

  static Stream<Arguments> kinks() {
    double ln2 = Math.log(2.0);
    double lnHalf = Math.log(0.5);
    return Stream.of(
        kink("Kinks.absolute", point(0.0), 0.0),
        kink("Kinks.absolute", point(-0.0), 0.0),
        kink("Kinks.absolute", point(0.5), 1.0),
        kink("Kinks.absolute", point(-0.5), -1.0),
        kink("Kinks.larger", point(0.5, 0.5), 0.5, 0.5),
        kink("Kinks.larger", point(0.0, 0.0), 0.5, 0.5),
        kink("Kinks.larger", point(-1.0, -1.0), 0.5, 0.5),
        kink("Kinks.larger", point(0.7, 0.3), 1.0, 0.0),
        kink("Kinks.larger", point(0.3, 0.7), 0.0, 1.0),
        kink("Kinks.smaller", point(0.5, 0.5), 0.5, 0.5),
        kink("Kinks.smaller", point(-2.0, -2.0), 0.5, 0.5),
        kink("Kinks.smaller", point(0.7, 0.3), 0.0, 1.0),
        kink("Kinks.smaller", point(0.3, 0.7), 1.0, 0.0),
        kink("Kinks.relu", point(0.0), 0.5),
        kink("Kinks.relu", point(1.0), 1.0),
        kink("Kinks.relu", point(-1.0), 0.0),
        kink("Kinks.power", point(0.0, 0.0), 0.0, 0.0),
        kink("Kinks.power", point(0.0, 2.0), 0.0, 0.0),
        kink("Kinks.power", point(0.5, 0.0), 0.0, lnHalf),
        kink("Kinks.power", point(2.0, 0.0), 0.0, ln2),
        kink("Kinks.power", point(2.0, 3.0), 12.0, 8.0 * ln2),
        kink("Kinks.powerOfZero", point(0.0), 0.0),
        kink("Kinks.powerOfZero", point(0.7), 0.0),
        kink("Kinks.steps", point(1.0), 0.0),
        kink("Kinks.steps", point(0.0), 0.0),
        kink("Kinks.steps", point(0.95), 0.0),
        kink("Kinks.steps", point(0.45), 0.0),
        kink("Kinks.steps", point(0.5), 0.0));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("kinks")
  void backwardTangentAndGraphFollowTheConvention(String name, Point point, double[] expected) {
    DifferentiableMethod method = CompiledInputs.method(name);
    double[] gradient = method.gradient(point);
    ComputationGraph graph = method.graph(point);
    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      int p = i;
      String parameter = method.differentiableParameterNames().get(i);
      String what = method.at(point) + ", d/d" + parameter + " by ";
      double[] unit = new double[expected.length];
      unit[i] = 1;
      checks.add(() -> assertEquals(expected[p], gradient[p], 0.0, what + "backward"));
      checks.add(
          () -> assertEquals(expected[p], method.tangent(point, unit), 0.0, what + "tangent"));
      checks.add(
          () ->
              assertEquals(
                  expected[p], graph.node(parameter).grad(), 0.0, what + "graph\n" + graph));
    }
    assertAll(checks);
  }

  /**
   * At x == 0 and y > 0 only the y rule is a convention: d/dx = y · 0^(y-1) is 0 for y > 1, 1 at y
   * == 1 and infinite for y < 1, as in PyTorch. Where it is infinite, tangent along (0, 1) is NaN,
   * not 0: forward mode adds 0 · ∞ for x's share, as JAX's and PyTorch's do, and as the contract's
   * sum over parameters of dm/dx · ẋ says; so tangent is only checked where d/dx is finite.
   */
  @ParameterizedTest(name = "Kinks.power(0.0, {0})")
  @MethodSource("positiveExponents")
  void powerAtZeroBaseHasZeroExponentDerivative(double y) {
    DifferentiableMethod method = CompiledInputs.method("Kinks.power");
    Point point = point(0.0, y);
    double dx = y * Math.pow(0.0, y - 1);
    List<Executable> checks = new ArrayList<>();
    checks.add(() -> assertEquals(0.0, method.gradient(point)[1], 0.0, "backward"));
    checks.add(() -> assertEquals(0.0, method.graph(point).node("y").grad(), 0.0, "graph"));
    checks.add(() -> assertEquals(dx, method.gradient(point)[0], 0.0, "d/dx"));
    if (Double.isFinite(dx)) {
      checks.add(() -> assertEquals(0.0, method.tangent(point, 0, 1), 0.0, "tangent"));
    }
    assertAll(checks);
  }

  static Stream<Double> positiveExponents() {
    return Stream.of(0.5, 1.0, 2.0, 3.5);
  }

  private static Arguments kink(String method, Point point, double... expected) {
    return Arguments.of(method, point, expected);
  }

  private static Point point(double... arguments) {
    return new Point(Arrays.stream(arguments).boxed().toArray());
  }
}
