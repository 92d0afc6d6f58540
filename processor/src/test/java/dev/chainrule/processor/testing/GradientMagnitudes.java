package dev.chainrule.processor.testing;

import dev.chainrule.graph.ComputationGraph;
import java.util.List;

/**
 * How large the terms summed into each gradient are: the chain rule run over a computation graph
 * with the absolute value of every local derivative, so that no term cancels another.
 *
 * <p>Two correct ways of computing a gradient (reverse mode, forward mode, the graph's own
 * backward) multiply and add the same terms in different orders, so they differ by a few ulps of
 * the largest term, not of the result: {@code Math.sin(x) - StrictMath.sin(x)} has a gradient near
 * zero made of two terms near {@code cos(x)}. This magnitude is the scale to compare them on.
 * Worked example: for {@code z = x * y - x * y} the gradient in {@code x} is {@code y - y = 0}, its
 * magnitude {@code |y| + |y| = 2|y|}.
 *
 * <p>The graph's last node is taken as its output, which it is whenever the result depends on a
 * parameter (nodes come in evaluation order; {@code GraphMatchesBackwardTest} checks it).
 */
public final class GradientMagnitudes {
  private GradientMagnitudes() {}

  /** One magnitude per node, by node id; all zero for an empty graph. */
  public static double[] of(ComputationGraph graph) {
    List<ComputationGraph.Node> nodes = graph.nodes();
    double[] magnitude = new double[nodes.size()];
    if (nodes.isEmpty()) {
      return magnitude;
    }
    magnitude[nodes.size() - 1] = 1;
    for (int i = nodes.size() - 1; i >= 0; i--) {
      for (ComputationGraph.Edge edge : nodes.get(i).inputs()) {
        magnitude[edge.from()] += magnitude[i] * Math.abs(edge.localGradient());
      }
    }
    return magnitude;
  }

  /** The magnitude of each coordinate's gradient, in the order of {@link Coordinates}. */
  public static double[] ofCoordinates(Coordinates coordinates, ComputationGraph graph) {
    double[] magnitude = of(graph);
    return coordinates.inputNodes(graph).stream().mapToDouble(n -> magnitude[n.id()]).toArray();
  }
}
