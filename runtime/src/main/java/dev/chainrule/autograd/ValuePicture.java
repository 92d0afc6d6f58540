package dev.chainrule.autograd;

import dev.chainrule.graph.Dot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws a {@link Value}'s graph as micrograd's {@code draw_dot} does: a record per node with its
 * label, data and gradient, and for each computed node an oval with its operation between its
 * parents and itself. Nodes are numbered {@code v0, v1, ...} in topological order, parents first,
 * so the same expression always gives the same text.
 */
final class ValuePicture {
  private ValuePicture() {}

  static String toDot(Value output) {
    List<Value> order = output.topologicalOrder();
    Map<Value, String> ids = new IdentityHashMap<>();
    String name = output.label().isEmpty() ? "value" : output.label();
    Dot dot = new Dot(name);
    for (Value node : order) {
      String id = "v" + ids.size();
      ids.put(node, id);
      List<String> fields = new ArrayList<>(3);
      if (!node.label().isEmpty()) {
        fields.add(node.label());
      }
      fields.add("data " + Dot.number(node.data()));
      fields.add("grad " + Dot.number(node.grad()));
      dot.record(id, fields);
      if (!node.isLeaf()) {
        String op = id + "_op";
        dot.node(op, node.op());
        for (Value parent : node.parents()) {
          dot.edge(ids.get(parent), op);
        }
        dot.edge(op, id);
      }
    }
    return dot.toString();
  }
}
