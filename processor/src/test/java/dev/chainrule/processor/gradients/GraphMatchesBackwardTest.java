package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.Coordinates;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.GradientMagnitudes;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * graph(...) tells the same story as forward and backward: one input node per double parameter and
 * per element of a double[] parameter, labelled with its name ({@code x}, {@code xs[2]}) and
 * holding its argument; labels that name one value each; the output node holding forward's result
 * with gradient 1 (or, for a result that does not depend on any parameter, no gradient anywhere);
 * and each input's gradient equal to backward's. The graph multiplies the same partials in a
 * different grouping, {@code (d·a)/b} against {@code d·(a/b)}, so gradients agree to {@code 1e-12}
 * of the size of the terms they sum ({@link GradientMagnitudes}), not bit for bit.
 */
class GraphMatchesBackwardTest {
  static final double TOLERANCE = 1e-12;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void graphAgreesWithForwardAndBackward(DifferentiableMethod method) {
    List<String> problems = new ArrayList<>();
    for (Point point : SamplePoints.of(method)) {
      ComputationGraph graph = method.graph(point);
      String at = method.at(point) + ": ";
      List<ComputationGraph.Node> nodes = graph.nodes();
      Set<String> labels = new HashSet<>();
      for (ComputationGraph.Node node : nodes) {
        if (!labels.add(node.label())) {
          problems.add(at + "two nodes are labelled " + node.label() + "\n" + graph);
        }
      }
      Coordinates coordinates = method.coordinates(point);
      long inputs = nodes.stream().filter(node -> node.expression().isEmpty()).count();
      if (inputs != coordinates.size()) {
        problems.add(at + inputs + " input nodes for coordinates " + coordinates.names());
      }
      double[] gradient = method.gradient(point);
      double[] magnitudes = GradientMagnitudes.ofCoordinates(coordinates, graph);
      List<ComputationGraph.Node> inputNodes = coordinates.inputNodes(graph);
      for (int k = 0; k < coordinates.size(); k++) {
        String name = coordinates.name(k);
        ComputationGraph.Node node = inputNodes.get(k);
        double argument = coordinates.value(k);
        if (!node.expression().isEmpty() || Double.compare(node.value(), argument) != 0) {
          problems.add(at + "node " + name + " is not the input " + argument + ": " + node);
        }
        if (!(Math.abs(node.grad() - gradient[k])
            <= TOLERANCE * magnitudes[k] + Double.MIN_NORMAL)) {
          problems.add(
              at + "graph gives d/d" + name + " = " + node.grad() + ", backward " + gradient[k]);
        }
      }
      if (nodes.isEmpty()) {
        continue; // no double parameter: nothing to differentiate
      }
      double result = method.newWorkspace().forward(point);
      ComputationGraph.Node last = nodes.get(nodes.size() - 1);
      boolean outputLast = Double.compare(last.value(), result) == 0 && last.grad() == 1.0;
      boolean constant = nodes.stream().allMatch(node -> node.grad() == 0.0);
      if (!outputLast && !constant) {
        problems.add(
            at + "the last node is not the output " + result + " with gradient 1\n" + graph);
      }
    }
    assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void graphIsNamedAfterTheMethod(DifferentiableMethod method) {
    Point point = SamplePoints.of(method, 1).get(0);
    assertEquals(method.name(), method.graph(point).name());
  }
}
