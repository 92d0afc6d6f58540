package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dead code stays out of derivatives. The inputs compute NaN values (acos(2 + x), log(-x)), and
 * values whose derivative is infinite (sqrt and cbrt at 0) but which reach the result only through
 * floor or signum; none of them may turn a gradient into NaN, and none is a node of the graph. The
 * expected gradients are derived by hand from {@code DeadCode.java}; each is one exact term.
 */
class DeadCodeTest {

  /** The method, its gradient at x (and y = 0.3 where there is a y), and the dead locals. */
  static Stream<Arguments> deadCode() {
    return Stream.of(0.2, 0.5, 0.9, 1.7)
        .flatMap(
            x ->
                Stream.of(
                    Arguments.of(
                        "DeadCode.unusedNaN", new Point(x), new double[] {2 * x}, Set.of("dead")),
                    Arguments.of(
                        "DeadCode.overwritten", new Point(x), new double[] {3.0}, Set.of("y")),
                    Arguments.of(
                        "DeadCode.overwrittenByConstant",
                        new Point(x),
                        new double[] {0.0},
                        Set.of("y")),
                    Arguments.of(
                        "DeadCode.reassignedParameter",
                        new Point(x, 0.3),
                        new double[] {2.0, 0.0},
                        Set.of("dead", "y_2")),
                    Arguments.of(
                        "DeadCode.unusedChain",
                        new Point(x, 0.3),
                        new double[] {0.3, x},
                        Set.of("a", "b", "c")),
                    Arguments.of(
                        "DeadCode.throughFloor", new Point(x), new double[] {1.0}, Set.of())));
  }

  @ParameterizedTest(name = "{0}{1}")
  @MethodSource("deadCode")
  void deadValuesDoNotReachTheGradient(
      String name, Point point, double[] expected, Set<String> deadLocals) {
    DifferentiableMethod method = CompiledInputs.method(name);
    double[] gradient = method.gradient(point);
    ComputationGraph graph = method.graph(point);
    List<Executable> checks = new ArrayList<>();
    for (int i = 0; i < expected.length; i++) {
      int p = i;
      double[] unit = new double[expected.length];
      unit[i] = 1;
      String what =
          method.at(point) + " d/d" + method.differentiableParameterNames().get(i) + " by ";
      checks.add(() -> assertEquals(expected[p], gradient[p], 0.0, what + "backward"));
      checks.add(
          () -> assertEquals(expected[p], method.tangent(point, unit), 0.0, what + "tangent"));
    }
    for (ComputationGraph.Node node : graph.nodes()) {
      checks.add(
          () ->
              assertTrue(
                  Double.isFinite(node.grad()) && !deadLocals.contains(node.label()),
                  "dead or non-finite node " + node + "\n" + graph));
    }
    assertAll(checks);
  }
}
