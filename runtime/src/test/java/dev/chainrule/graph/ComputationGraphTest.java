package dev.chainrule.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComputationGraphTest {

  /** The seed's graph, built by hand: n3 = n1 + n2, n5 = n3 * n4, n7 = n5 + n6, n9 = n7 - n8. */
  private static ComputationGraph seed(double n1, double n2, double n4, double n6, double n8) {
    ComputationGraph graph = new ComputationGraph("seed");
    int i1 = graph.addInput("n1", n1);
    int i2 = graph.addInput("n2", n2);
    int i4 = graph.addInput("n4", n4);
    int i6 = graph.addInput("n6", n6);
    int i8 = graph.addInput("n8", n8);
    double n3 = n1 + n2;
    int i3 = graph.addNode("n3", "n1 + n2", n3, new int[] {i1, i2}, new double[] {1, 1});
    double n5 = n3 * n4;
    int i5 = graph.addNode("n5", "n3 * n4", n5, new int[] {i3, i4}, new double[] {n4, n3});
    double n7 = n5 + n6;
    int i7 = graph.addNode("n7", "n5 + n6", n7, new int[] {i5, i6}, new double[] {1, 1});
    int i9 = graph.addNode("n9", "n7 - n8", n7 - n8, new int[] {i7, i8}, new double[] {1, -1});
    graph.backward(i9);
    return graph;
  }

  @Test
  void backwardGivesTheSeedsGradients() {
    for (double[] p : new double[][] {{1, 0, 0.5, 0.2, 0}, {1, 1, -2, 3, 1}, {0.3, 0.7, 4, 0, 1}}) {
      ComputationGraph graph = seed(p[0], p[1], p[2], p[3], p[4]);
      double n3 = p[0] + p[1];
      double n4 = p[2];
      assertEquals(1, graph.node("n9").grad());
      assertEquals(-1, graph.node("n8").grad());
      assertEquals(1, graph.node("n7").grad());
      assertEquals(1, graph.node("n6").grad());
      assertEquals(1, graph.node("n5").grad());
      assertEquals(n3, graph.node("n4").grad());
      assertEquals(n4, graph.node("n3").grad());
      assertEquals(n4, graph.node("n2").grad());
      assertEquals(n4, graph.node("n1").grad());
    }
  }

  @Test
  void gradientsAccumulateOverEveryPathAndResetOnTheNextBackward() {
    ComputationGraph graph = new ComputationGraph("square");
    int x = graph.addInput("x", 3);
    int y = graph.addNode("y", "x * x", 9, new int[] {x, x}, new double[] {3, 3});
    graph.backward(y);
    assertEquals(6, graph.node(x).grad());
    graph.backward(y);
    assertEquals(6, graph.node(x).grad(), "a second backward starts from zero");
  }

  @Test
  void nodesAreListedInEvaluationOrderWithTheirEdges() {
    ComputationGraph graph = seed(1, 0, 0.5, 0.2, 0);
    List<ComputationGraph.Node> nodes = graph.nodes();
    assertEquals(
        List.of("n1", "n2", "n4", "n6", "n8", "n3", "n5", "n7", "n9"),
        nodes.stream().map(ComputationGraph.Node::label).toList());
    ComputationGraph.Node n5 = graph.node("n5");
    assertEquals("n3 * n4", n5.expression());
    assertEquals(
        List.of(new ComputationGraph.Edge(5, 0.5), new ComputationGraph.Edge(2, 1.0)), n5.inputs());
    assertTrue(graph.node("n1").isInput());
  }

  @Test
  void aLabelNamesItsLatestNode() {
    ComputationGraph graph = new ComputationGraph("reassigned");
    int x = graph.addInput("x", 2);
    graph.addNode("y", "x * x", 4, new int[] {x}, new double[] {4});
    graph.addNode("y", "y + x", 6, new int[] {x}, new double[] {1});
    assertEquals(6, graph.node("y").value());
  }

  @Test
  void printsOneLinePerNode() {
    String text = seed(1, 0, 0.5, 0.2, 0).toString();
    assertTrue(text.startsWith("seed" + System.lineSeparator()), text);
    assertTrue(text.contains("n5 = n3 * n4"), text);
    assertTrue(text.contains("value 0.500000"), text);
    assertEquals(10, text.split(System.lineSeparator()).length, text);
  }

  @Test
  void rejectsMalformedNodesWithAMessageSayingWhatIsWrong() {
    ComputationGraph graph = new ComputationGraph("bad");
    int x = graph.addInput("x", 1);
    IllegalArgumentException lengths =
        assertThrows(
            IllegalArgumentException.class,
            () -> graph.addNode("y", "x + x", 2, new int[] {x, x}, new double[] {1}));
    assertTrue(lengths.getMessage().contains("2 parents but 1 local gradients"));
    IllegalArgumentException forward =
        assertThrows(
            IllegalArgumentException.class,
            () -> graph.addNode("y", "z", 2, new int[] {7}, new double[] {1}));
    assertTrue(forward.getMessage().contains("reads node 7"));
    IllegalArgumentException output =
        assertThrows(IllegalArgumentException.class, () -> graph.backward(3));
    assertTrue(output.getMessage().contains("no node 3"));
    IllegalArgumentException label =
        assertThrows(IllegalArgumentException.class, () -> graph.node("nope"));
    assertTrue(label.getMessage().contains("no node labelled nope"));
  }
}
