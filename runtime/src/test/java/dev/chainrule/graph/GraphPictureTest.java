package dev.chainrule.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class GraphPictureTest {

  /** The seed's AND-gate graph: n3 = n1 + n2, n5 = n3 * n4, n7 = n5 + n6, n9 = n7 - n8. */
  private static ComputationGraph seed() {
    ComputationGraph graph = new ComputationGraph("seed");
    int n1 = graph.addInput("n1", 1);
    int n2 = graph.addInput("n2", 0);
    int n4 = graph.addInput("n4", 0.5);
    int n6 = graph.addInput("n6", 0.2);
    int n8 = graph.addInput("n8", 0);
    int n3 = graph.addNode("n3", "n1 + n2", 1, new int[] {n1, n2}, new double[] {1, 1});
    int n5 = graph.addNode("n5", "n3 * n4", 0.5, new int[] {n3, n4}, new double[] {0.5, 1});
    int n7 = graph.addNode("n7", "n5 + n6", 0.7, new int[] {n5, n6}, new double[] {1, 1});
    int n9 = graph.addNode("n9", "n7 - n8", 0.7, new int[] {n7, n8}, new double[] {1, -1});
    graph.backward(n9);
    return graph;
  }

  @Test
  void everyNodeIsARecordWithLabelExpressionValueAndGradient() {
    ParsedDot dot = ParsedDot.parse(seed().toDot());
    assertEquals("seed", dot.name());
    assertEquals(9, dot.records().size());
    assertEquals(0, dot.plainNodes().size());
    Map<String, List<String>> byLabel =
        dot.records().stream()
            .collect(Collectors.toMap(node -> node.fields().get(0), ParsedDot.Node::fields));
    assertEquals(List.of("n1", "value 1", "grad 0.5"), byLabel.get("n1"));
    assertEquals(List.of("n8", "value 0", "grad -1"), byLabel.get("n8"));
    assertEquals(List.of("n5", "n3 * n4", "value 0.5", "grad 1"), byLabel.get("n5"));
    assertEquals(List.of("n9", "n7 - n8", "value 0.7", "grad 1"), byLabel.get("n9"));
  }

  @Test
  void edgesRunFromEachInputAndCarryTheLocalDerivative() {
    ParsedDot dot = ParsedDot.parse(seed().toDot());
    assertEquals(8, dot.edges().size());
    // node ids follow evaluation order: n1 n2 n4 n6 n8 n3 n5 n7 n9 are node0 .. node8
    assertEquals(
        List.of(
            new ParsedDot.Edge("node0", "node5", "∂ 1"),
            new ParsedDot.Edge("node1", "node5", "∂ 1"),
            new ParsedDot.Edge("node5", "node6", "∂ 0.5"),
            new ParsedDot.Edge("node2", "node6", "∂ 1"),
            new ParsedDot.Edge("node6", "node7", "∂ 1"),
            new ParsedDot.Edge("node3", "node7", "∂ 1"),
            new ParsedDot.Edge("node7", "node8", "∂ 1"),
            new ParsedDot.Edge("node4", "node8", "∂ -1")),
        dot.edges());
  }

  @Test
  void theSameGraphGivesTheSameTextAndLabelsAreEscaped() {
    assertEquals(seed().toDot(), seed().toDot());
    ComputationGraph graph = new ComputationGraph("Odd<T>.f");
    int x = graph.addInput("x|y", 2);
    graph.addNode("z", "x|y * {x|y}", 4, new int[] {x, x}, new double[] {2, 2});
    ParsedDot dot = ParsedDot.parse(graph.toDot());
    assertEquals("Odd<T>.f", dot.name());
    assertEquals(List.of("z", "x|y * {x|y}", "value 4", "grad 0"), dot.records().get(1).fields());
    assertEquals(2, dot.edges().size(), "a node that reads an input twice has two edges from it");
  }
}
