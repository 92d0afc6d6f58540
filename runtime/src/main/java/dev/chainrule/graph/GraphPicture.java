package dev.chainrule.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link ComputationGraph} as DOT: a record per node with its label, the expression that
 * computed it, its value and its gradient, and an edge from each input labelled with the local
 * derivative d(node)/d(input) that the chain rule multiplies the gradient by on its way back. Node
 * ids are {@code node0, node1, ...} by evaluation order, so the picture is deterministic.
 */
final class GraphPicture {
  private GraphPicture() {}

  static String toDot(ComputationGraph graph) {
    Dot dot = new Dot(graph.name());
    for (ComputationGraph.Node node : graph.nodes()) {
      List<String> fields = new ArrayList<>(4);
      fields.add(node.label());
      if (!node.isInput()) {
        fields.add(node.expression());
      }
      fields.add("value " + Dot.number(node.value()));
      fields.add("grad " + Dot.number(node.grad()));
      dot.record(id(node.id()), fields);
    }
    for (ComputationGraph.Node node : graph.nodes()) {
      for (ComputationGraph.Edge input : node.inputs()) {
        dot.edge(id(input.from()), id(node.id()), "∂ " + Dot.number(input.localGradient()));
      }
    }
    return dot.toString();
  }

  private static String id(int node) {
    return "node" + node;
  }
}
