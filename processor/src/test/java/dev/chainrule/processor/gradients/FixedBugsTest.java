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
}
