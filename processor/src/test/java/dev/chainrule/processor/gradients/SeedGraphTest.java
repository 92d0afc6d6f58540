package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.CompiledInputs;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The micrograd AND-gate walkthrough, gradient by gradient: for n3 = n1 + n2, n5 = n3 * n4, n7 = n5
 * + n6, n9 = n7 - n8 the walkthrough derives n9: 1, n8: -1, n7: 1, n6: 1, n5: 1, n4: n3, n3: n4,
 * n2: n4, n1: n4. Every one of these is a product of ±1 and one value, so exact in floating point:
 * the test compares bit for bit, through backward, tangent and every node of graph().
 */
class SeedGraphTest {
  private static final DifferentiableMethod AND_GATE = CompiledInputs.method("Seed.andGate");

  /** The gate's four input pairs with the walkthrough's weights and labels, and a few others. */
  static Stream<Point> points() {
    return Stream.of(
        new Point(0.0, 0.0, 0.5, 0.2, 0.0),
        new Point(0.0, 1.0, 0.5, 0.2, 0.0),
        new Point(1.0, 0.0, 0.5, 0.2, 0.0),
        new Point(1.0, 1.0, 0.5, 0.2, 1.0),
        new Point(-2.5, 0.75, -3.0, 1e-3, 42.0),
        new Point(0.1, 0.2, 0.3, 0.4, 0.5));
  }

  @ParameterizedTest(name = "andGate{0}")
  @MethodSource("points")
  void backwardGivesTheWalkthroughsGradients(Point point) {
    double n1 = point.doubleAt(0);
    double n2 = point.doubleAt(1);
    double n4 = point.doubleAt(2);
    double n6 = point.doubleAt(3);
    double n8 = point.doubleAt(4);
    double n3 = n1 + n2;
    double[] gradient = AND_GATE.gradient(point);
    assertEquals(List.of("n1", "n2", "n4", "n6", "n8"), AND_GATE.differentiableParameterNames());
    assertAll(
        () -> assertEquals(n3 * n4 + n6 - n8, AND_GATE.newWorkspace().forward(point), "n9"),
        () -> assertEquals(n4, gradient[0], "d n9 / d n1"),
        () -> assertEquals(n4, gradient[1], "d n9 / d n2"),
        () -> assertEquals(n3, gradient[2], "d n9 / d n4"),
        () -> assertEquals(1.0, gradient[3], "d n9 / d n6"),
        () -> assertEquals(-1.0, gradient[4], "d n9 / d n8"));
  }

  @ParameterizedTest(name = "andGate{0}")
  @MethodSource("points")
  void tangentAlongEachInputIsItsGradient(Point point) {
    double n3 = point.doubleAt(0) + point.doubleAt(1);
    double n4 = point.doubleAt(2);
    assertAll(
        () -> assertEquals(n4, AND_GATE.tangent(point, 1, 0, 0, 0, 0), "along n1"),
        () -> assertEquals(n4, AND_GATE.tangent(point, 0, 1, 0, 0, 0), "along n2"),
        () -> assertEquals(n3, AND_GATE.tangent(point, 0, 0, 1, 0, 0), "along n4"),
        () -> assertEquals(1.0, AND_GATE.tangent(point, 0, 0, 0, 1, 0), "along n6"),
        () -> assertEquals(-1.0, AND_GATE.tangent(point, 0, 0, 0, 0, 1), "along n8"));
  }

  @ParameterizedTest(name = "andGate{0}")
  @MethodSource("points")
  void graphHoldsEveryNodeOfTheWalkthrough(Point point) {
    double n1 = point.doubleAt(0);
    double n2 = point.doubleAt(1);
    double n4 = point.doubleAt(2);
    double n6 = point.doubleAt(3);
    double n8 = point.doubleAt(4);
    double n3 = n1 + n2;
    double n5 = n3 * n4;
    double n7 = n5 + n6;
    double n9 = n7 - n8;
    ComputationGraph graph = AND_GATE.graph(point);
    assertEquals(
        List.of("n1", "n2", "n4", "n6", "n8", "n3", "n5", "n7", "n9"),
        graph.nodes().stream().map(ComputationGraph.Node::label).toList(),
        "nodes in evaluation order\n" + graph);
    assertAll(
        () -> assertNode(graph, "n9", n9, 1.0, "n7 - n8"),
        () -> assertNode(graph, "n8", n8, -1.0, ""),
        () -> assertNode(graph, "n7", n7, 1.0, "n5 + n6"),
        () -> assertNode(graph, "n6", n6, 1.0, ""),
        () -> assertNode(graph, "n5", n5, 1.0, "n3 * n4"),
        () -> assertNode(graph, "n4", n4, n3, ""),
        () -> assertNode(graph, "n3", n3, n4, "n1 + n2"),
        () -> assertNode(graph, "n2", n2, n4, ""),
        () -> assertNode(graph, "n1", n1, n4, ""));
  }

  @ParameterizedTest(name = "andGate{0}")
  @MethodSource("points")
  void graphEdgesCarryTheLocalDerivatives(Point point) {
    double n3 = point.doubleAt(0) + point.doubleAt(1);
    double n4 = point.doubleAt(2);
    ComputationGraph graph = AND_GATE.graph(point);
    assertAll(
        () -> assertEdges(graph, "n3", List.of("n1", "n2"), List.of(1.0, 1.0)),
        () -> assertEdges(graph, "n5", List.of("n3", "n4"), List.of(n4, n3)),
        () -> assertEdges(graph, "n7", List.of("n5", "n6"), List.of(1.0, 1.0)),
        () -> assertEdges(graph, "n9", List.of("n7", "n8"), List.of(1.0, -1.0)));
  }

  private static void assertNode(
      ComputationGraph graph, String label, double value, double grad, String expression) {
    ComputationGraph.Node node = graph.node(label);
    assertEquals(value, node.value(), label + " value");
    assertEquals(grad, node.grad(), label + " grad");
    assertEquals(expression, node.expression(), label + " expression");
  }

  private static void assertEdges(
      ComputationGraph graph, String label, List<String> from, List<Double> localGradients) {
    List<ComputationGraph.Edge> edges = graph.node(label).inputs();
    assertEquals(
        from, edges.stream().map(e -> graph.node(e.from()).label()).toList(), label + " inputs");
    assertEquals(
        localGradients,
        edges.stream().map(ComputationGraph.Edge::localGradient).toList(),
        label + " local gradients");
  }
}
