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
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Processor bugs this suite found, one test each, written as the behaviour should be. They fail
 * today, so each is disabled with the bug in its reason: with the fix, remove the {@code @Disabled}
 * and move the test to {@link FixedBugsTest}.
 */
class KnownBugsTest {

  /**
   * javac folds {@code -2147483648} into one int literal; the reader negates it again as text, to
   * {@code 2147483648}, which is not a Java literal. In Java {@code -(-2147483648)} overflows back
   * to {@code -2147483648}.
   */
  @Test
  @Disabled("BUG: negating the literal -2147483648 generates 2147483648, which does not compile")
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
   * graph() leaves out edges whose local derivative is zero, so the node of {@code Math.pow(x, 0)}
   * (in {@code Kinks.powerOfZero}, {@code MathFunctions.powLiteralExponents}) has no inputs and
   * {@code isInput()} calls it an input: the graph shows it cut off from {@code x}.
   */
  @Test
  @Disabled(
      "BUG: graph() drops zero-derivative edges, so Math.pow(x, 0)'s node is an isInput() node")
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
