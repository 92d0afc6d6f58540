package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import dev.chainrule.processor.testing.SingleSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Processor bugs this suite found, fixed and kept as regression tests. */
class FixedBugsTest {

  /**
   * Generated derivative code called {@code Math.cos(...)} by simple name, and a parameter named
   * {@code Math} shadowed the class, so {@code Math.cos(Math)} did not compile. The user's method
   * is valid: it calls {@code sin} through a static import.
   */
  @Test
  void parameterNamedMathDoesNotBreakGeneratedCode() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.MathParameter",
            """
            package probe;

            import static java.lang.StrictMath.sin;

            import dev.chainrule.Differentiable;

            final class MathParameter {
              private MathParameter() {}

              @Differentiable
              static double f(double Math) {
                return sin(Math);
              }
            }
            """);
    Point point = new Point(0.5);
    assertEquals(method.invokeOriginal(point), method.newWorkspace().forward(point), "forward");
    assertEquals(StrictMath.cos(0.5), method.gradient(point)[0], 1e-15, "backward");
    assertEquals(StrictMath.cos(0.5), method.tangent(point, 1.0), 1e-15, "tangent");
  }

  /**
   * javac folds {@code -2147483648} into one int literal; the reader negated it again as text, to
   * {@code 2147483648}, which is not a Java literal. In Java {@code -(-2147483648)} overflows back
   * to {@code -2147483648}.
   */
  @Test
  void negatedMinIntLiteralKeepsJavasValue() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.MinLiteral",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class MinLiteral {
              private MinLiteral() {}

              @Differentiable
              static double f(double x) {
                return x * -(-2147483648);
              }
            }
            """);
    Point point = new Point(0.5);
    assertAll(
        () -> assertEquals(method.invokeOriginal(point), method.newWorkspace().forward(point)),
        () -> assertEquals(-2147483648.0, method.gradient(point)[0]));
  }

  /**
   * graph() left out edges whose local derivative is zero, so the node of {@code Math.pow(x, 0)}
   * (in {@code Kinks.powerOfZero}, {@code MathFunctions.powLiteralExponents}) had no inputs and
   * {@code isInput()} called it an input: the graph showed it cut off from {@code x}.
   */
  @Test
  void computedNodesAreNotInputs() {
    List<Executable> checks = new ArrayList<>();
    for (DifferentiableMethod method : CompiledInputs.differentiableMethods()) {
      Point point = SamplePoints.of(method, 1).get(0);
      ComputationGraph graph = method.graph(point);
      for (ComputationGraph.Node node : graph.nodes()) {
        if (!node.expression().isEmpty()) {
          checks.add(() -> assertFalse(node.isInput(), method.at(point) + ": " + node));
        }
      }
    }
    assertAll(checks);
  }

  /**
   * graph() glued the minus sign of a negative partial to a negative literal, {@code --1.0}, a
   * decrement: atan2's second partial is {@code -y / (x² + y²)} and y here is {@code -1.0}.
   */
  @Test
  void negativeLiteralInANegativePartialCompiles() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.Angle",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class Angle {
              private static final double DOWN = -2.0;

              private Angle() {}

              @Differentiable
              static double angle(double x) {
                return Math.atan2(-1.0, x) + Math.atan2(DOWN, x);
              }
            }
            """);
    Point point = new Point(0.5);
    double expected = 1.0 / (1.0 + 0.25) + 2.0 / (4.0 + 0.25);
    assertEquals(expected, method.gradient(point)[0], 1e-15, "backward");
    assertEquals(expected, method.graph(point).node("x").grad(), 1e-15, "graph");
  }

  /**
   * Negating a hex int literal that is Integer.MIN_VALUE gives MIN_VALUE again in Java; the IR kept
   * +2147483648 as its value, and pow's derivative used that value for the exponent.
   */
  @Test
  void negatedHexMinValueKeepsJavasValueInDerivatives() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.HexPower",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class HexPower {
              private HexPower() {}

              @Differentiable
              static double f(double x) {
                return Math.pow(x, -0x80000000);
              }
            }
            """);
    // d/dx x^n = n x^(n-1), and at x = 1 that is n = Integer.MIN_VALUE.
    assertEquals(Integer.MIN_VALUE, method.gradient(new Point(1.0))[0]);
  }

  /**
   * Generated code reaches classes by simple name or through their package's first segment; a
   * parameter named {@code java} or like a referenced class shadowed them. Such user names are
   * renamed in generated code now.
   */
  @Test
  void userNamesNeverShadowClassesOrPackages() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.Physics",
            """
            package probe;

            import static java.lang.Math.min;

            import dev.chainrule.Differentiable;

            final class Physics {
              static final double G = Math.sqrt(96.2361);
              private static final double INF = Double.POSITIVE_INFINITY;

              private Physics() {}

              @Differentiable
              static double energy(double java, double Physics, double Math) {
                return G * java * Physics + min(Math, INF);
              }
            }
            """);
    Point point = new Point(2.0, 3.0, 0.5);
    double[] gradient = method.gradient(point);
    double g = Math.sqrt(96.2361);
    assertEquals(g * 3.0, gradient[0], 1e-12);
    assertEquals(g * 2.0, gradient[1], 1e-12);
    assertEquals(1.0, gradient[2], 1e-12);
  }

  /**
   * The generated comment quoting a statement escaped only "\\u", so an escaped backslash before a
   * u in the user's comment became an escape javac decoded: a line break ending the comment.
   */
  @Test
  void backslashesInTheQuotedStatementStayInTheComment() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.Paths",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class Paths {
              private Paths() {}

              @Differentiable
              static double f(double x) {
                double y = x /* see C:\\u000a_dir */ * 2;
                return y;
              }
            }
            """);
    assertEquals(2.0, method.gradient(new Point(0.5))[0]);
  }

  /** ∂(x^y)/∂y at x == 0 is masked to 0 only for y >= 0; for y < 0 it is -∞ (z ln x = ∞ · -∞). */
  @Test
  void powerOfZeroWithANegativeExponentKeepsItsInfiniteDerivative() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.ZeroPower",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class ZeroPower {
              private ZeroPower() {}

              @Differentiable
              static double f(double x, double y) {
                return Math.pow(x, y);
              }
            }
            """);
    assertEquals(Double.NEGATIVE_INFINITY, method.gradient(new Point(0.0, -1.0))[1]);
    assertEquals(0.0, method.gradient(new Point(0.0, 1.0))[1]);
  }
}
