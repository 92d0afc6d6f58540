package dev.chainrule.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The computation graph of one evaluation, micrograd-style: each node holds a value and, after
 * {@link #backward(int)}, the gradient of the output with respect to it. Generated classes build
 * one with their static {@code graph(...)} method, for looking at and printing, not for speed: the
 * generated {@code backward()} computes the same gradients without any of this bookkeeping.
 *
 * <p>Nodes are added in evaluation order, each after the nodes it reads, so walking them backwards
 * is a reverse topological order and backward needs no sort.
 */
public final class ComputationGraph {
  private final String name;
  private final List<MutableNode> nodes = new ArrayList<>();

  /** An empty graph; {@code name} says what it computes, such as {@code "Gate.loss"}. */
  public ComputationGraph(String name) {
    this.name = name;
  }

  /**
   * A node as the user sees it: a label (the variable it is named after), the expression that
   * computed it (empty for an input), its value and its gradient.
   */
  public record Node(
      int id, String label, String expression, double value, double grad, List<Edge> inputs) {
    public Node {
      inputs = List.copyOf(inputs);
    }

    /** Whether this is a parameter of the method rather than a value computed from others. */
    public boolean isInput() {
      return expression.isEmpty();
    }
  }

  /** An edge from an input node, with the local derivative d(this node)/d(input). */
  public record Edge(int from, double localGradient) {}

  private static final class MutableNode {
    final String label;
    final String expression;
    final double value;
    final int[] parents;
    final double[] localGradients;
    double grad;

    MutableNode(
        String label, String expression, double value, int[] parents, double[] localGradients) {
      this.label = label;
      this.expression = expression;
      this.value = value;
      this.parents = parents;
      this.localGradients = localGradients;
    }
  }

  public String name() {
    return name;
  }

  /** Adds a leaf: a parameter of the method. Returns its id. */
  public int addInput(String label, double value) {
    return add(new MutableNode(label, "", value, new int[0], new double[0]));
  }

  /**
   * Adds a node computed by {@code expression} from earlier nodes, with d(node)/d(parent i) in
   * {@code localGradients[i]}. Returns its id.
   */
  public int addNode(
      String label, String expression, double value, int[] parents, double[] localGradients) {
    if (parents.length != localGradients.length) {
      throw new IllegalArgumentException(
          "node "
              + label
              + " has "
              + parents.length
              + " parents but "
              + localGradients.length
              + " local gradients; give one local gradient per parent");
    }
    for (int parent : parents) {
      if (parent < 0 || parent >= nodes.size()) {
        throw new IllegalArgumentException(
            "node " + label + " reads node " + parent + ", which has not been added yet");
      }
    }
    return add(new MutableNode(label, expression, value, parents.clone(), localGradients.clone()));
  }

  private int add(MutableNode node) {
    nodes.add(node);
    return nodes.size() - 1;
  }

  /**
   * Sets every gradient to d(output)/d(node): 1 at the output, then the chain rule backwards,
   * {@code parent.grad += node.grad * localGradient}. Gradients from an earlier call are cleared.
   */
  public void backward(int output) {
    if (output < 0 || output >= nodes.size()) {
      throw new IllegalArgumentException(
          "no node " + output + " in graph " + name + " of " + nodes.size() + " nodes");
    }
    for (MutableNode node : nodes) {
      node.grad = 0;
    }
    nodes.get(output).grad = 1;
    for (int i = output; i >= 0; i--) {
      MutableNode node = nodes.get(i);
      for (int p = 0; p < node.parents.length; p++) {
        nodes.get(node.parents[p]).grad += node.grad * node.localGradients[p];
      }
    }
  }

  /** The nodes in evaluation order. */
  public List<Node> nodes() {
    List<Node> view = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      view.add(node(i));
    }
    return Collections.unmodifiableList(view);
  }

  public Node node(int id) {
    MutableNode node = nodes.get(id);
    List<Edge> inputs = new ArrayList<>(node.parents.length);
    for (int p = 0; p < node.parents.length; p++) {
      inputs.add(new Edge(node.parents[p], node.localGradients[p]));
    }
    return new Node(id, node.label, node.expression, node.value, node.grad, inputs);
  }

  /** The last node with this label: a reassigned variable's latest value. */
  public Node node(String label) {
    for (int i = nodes.size() - 1; i >= 0; i--) {
      if (nodes.get(i).label.equals(label)) {
        return node(i);
      }
    }
    throw new IllegalArgumentException("graph " + name + " has no node labelled " + label);
  }

  /**
   * The graph as Graphviz DOT text: a box per node with its label, expression, value and gradient,
   * and an edge from each input labelled with its local derivative. Write it to a file with {@link
   * Graphviz#write(String, java.nio.file.Path)}, which adds an SVG when Graphviz is installed.
   */
  public String toDot() {
    return GraphPicture.toDot(this);
  }

  /** One line per node, in evaluation order: {@code n5 = n3 * n4 value 0.5 grad 1}. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(name).append(System.lineSeparator());
    for (MutableNode node : nodes) {
      String definition = node.label + (node.expression.isEmpty() ? "" : " = " + node.expression);
      text.append(
          String.format(
              Locale.ROOT, "  %-28s value %-12.6g grad %.6g%n", definition, node.value, node.grad));
    }
    return text.toString();
  }
}
