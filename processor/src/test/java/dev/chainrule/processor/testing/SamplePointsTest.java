package dev.chainrule.processor.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Array arguments the inputs can be called with: in one point every array has the same length from
 * {@link SamplePoints#LENGTHS}, doubles in the sampled range and ints valid indices; and lengths
 * that vary between the points a property test draws, so it meets more than one.
 */
class SamplePointsTest {
  private static final DifferentiableMethod PICKED =
      CompiledInputs.method("ArrayParameters.picked");
  private static final DifferentiableMethod DOT = CompiledInputs.method("ArrayParameters.dot3");

  @Test
  void arraysInAPointShareALengthAndHoldValidValues() {
    List<Executable> checks = new ArrayList<>();
    for (DifferentiableMethod method : List.of(PICKED, DOT)) {
      for (Point point : SamplePoints.of(method, 50)) {
        Object[] arguments = point.arguments();
        int length = point.doubleArrayAt(0).length;
        String at = method.at(point);
        checks.add(
            () ->
                assertTrue(
                    Arrays.stream(SamplePoints.LENGTHS).anyMatch(n -> n == length),
                    "length " + at));
        for (Object argument : arguments) {
          if (argument instanceof double[] doubles) {
            checks.add(() -> assertEquals(length, doubles.length, "lengths " + at));
            checks.add(
                () ->
                    assertTrue(
                        Arrays.stream(doubles)
                            .allMatch(x -> x >= SamplePoints.MIN && x < SamplePoints.MAX),
                        "doubles " + at));
          } else if (argument instanceof int[] ints) {
            checks.add(() -> assertEquals(length, ints.length, "lengths " + at));
            checks.add(
                () ->
                    assertTrue(
                        Arrays.stream(ints).allMatch(i -> i >= 0 && i < length), "indices " + at));
          }
        }
      }
    }
    assertAll(checks);
  }

  @Test
  void theDrawnPointsMeetEveryLength() {
    for (DifferentiableMethod method : List.of(PICKED, DOT)) {
      Set<Integer> lengths = new TreeSet<>();
      for (Point point : SamplePoints.of(method)) {
        lengths.add(point.doubleArrayAt(0).length);
      }
      assertEquals(Set.of(3, 4, 5), lengths, method.name());
    }
  }

  @Test
  void directionsHaveOneComponentPerCoordinateOfTheirPoint() {
    List<Point> points = SamplePoints.of(DOT);
    List<double[]> directions = SamplePoints.directions(DOT, points);
    assertEquals(points.size(), directions.size());
    for (int p = 0; p < points.size(); p++) {
      assertEquals(
          2 * points.get(p).doubleArrayAt(0).length,
          directions.get(p).length,
          "at " + points.get(p));
    }
  }
}
