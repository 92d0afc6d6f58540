package dev.chainrule.processor.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chainrule.graph.ComputationGraph;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The flat layout the property tests index by: coordinates in parameter order, one per double and
 * per array element, none for an int[]; and gradients, tangent directions and graph inputs all read
 * in that order, checked against {@link ArrayProbe}'s gradient derived by hand.
 */
class CoordinatesTest {
  private static final double TOLERANCE = 1e-15;

  private final DifferentiableMethod probe = ArrayProbe.method();
  private final Coordinates coordinates = probe.coordinates(ArrayProbe.POINT);

  @Test
  void oneCoordinatePerDoubleAndPerArrayElementInParameterOrder() {
    assertAll(
        () -> assertEquals(List.of("a", "xs[0]", "xs[1]", "xs[2]", "xs[3]"), coordinates.names()),
        () -> assertEquals(5, coordinates.size()),
        () -> assertEquals(0.5, coordinates.value(0)),
        () -> assertEquals(0.9, coordinates.value(3)),
        () -> assertEquals(0.4, coordinates.value(4)));
  }

  @Test
  void withChangesOneCoordinateOfACopy() {
    Point changed = coordinates.with(3, 7.0);
    assertAll(
        () ->
            assertEquals(new Point(0.5, new int[] {2}, new double[] {0.3, 0.6, 7.0, 0.4}), changed),
        () -> assertEquals(0.9, coordinates.value(3), "the original point"),
        () ->
            assertEquals(
                new Point(1.5, new int[] {2}, new double[] {0.3, 0.6, 0.9, 0.4}),
                coordinates.with(0, 1.5)));
  }

  @Test
  void splitGivesADoubleForADoubleAndAnArrayForAnArray() {
    Object[] split = coordinates.split(new double[] {1, 2, 3, 4, 5});
    assertAll(
        () -> assertEquals(2, split.length),
        () -> assertEquals(1.0, split[0]),
        () -> assertArrayEquals(new double[] {2, 3, 4, 5}, (double[]) split[1]),
        () ->
            assertThrows(
                IllegalArgumentException.class, () -> coordinates.split(new double[] {1, 2, 3})));
  }

  @Test
  void gradientIsFlatInCoordinateOrder() {
    assertArrayEquals(ArrayProbe.GRADIENT, probe.gradient(ArrayProbe.POINT), TOLERANCE);
  }

  @Test
  void tangentTakesAFlatDirection() {
    double[] direction = {0.5, -1, 2, 0.25, 8};
    double expected = 0;
    for (int k = 0; k < direction.length; k++) {
      expected += ArrayProbe.GRADIENT[k] * direction[k];
    }
    assertEquals(expected, probe.tangent(ArrayProbe.POINT, direction), TOLERANCE);
  }

  @Test
  void inputNodesAreTheGraphsInputsInCoordinateOrder() {
    ComputationGraph graph = probe.graph(ArrayProbe.POINT);
    List<ComputationGraph.Node> inputs = coordinates.inputNodes(graph);
    assertAll(
        () ->
            assertArrayEquals(
                new double[] {0.5, 0.3, 0.6, 0.9, 0.4},
                inputs.stream().mapToDouble(ComputationGraph.Node::value).toArray()),
        () ->
            assertArrayEquals(
                ArrayProbe.GRADIENT,
                inputs.stream().mapToDouble(ComputationGraph.Node::grad).toArray(),
                TOLERANCE));
  }
}
