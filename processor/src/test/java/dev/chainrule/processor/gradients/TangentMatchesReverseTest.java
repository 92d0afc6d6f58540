package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.Coordinates;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.GradientMagnitudes;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Forward mode agrees with reverse mode: tangent(point, v) equals the gradient dotted with v, for
 * random directions and for each unit direction, one per coordinate (so one per array element).
 * Both apply the same partial derivatives and differ only in the order they multiply and add them,
 * so they agree to a few ulps of the size of the terms they add ({@link GradientMagnitudes}, {@code
 * m_i} for coordinate i): {@code |t − g·v| ≤ 1e-12 Σ m_i |v_i|}, about ten thousand ulps and far
 * below any real error (plus the smallest normal double, so that two exact zeros agree).
 */
class TangentMatchesReverseTest {
  static final double TOLERANCE = 1e-12;

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void tangentIsTheGradientAlongTheDirection(DifferentiableMethod method) {
    List<String> disagreements = new ArrayList<>();
    List<Point> points = SamplePoints.of(method);
    List<double[]> randomDirections = SamplePoints.directions(method, points);
    for (int p = 0; p < points.size(); p++) {
      Point point = points.get(p);
      Coordinates coordinates = method.coordinates(point);
      int n = coordinates.size();
      double[] gradient = method.gradient(point);
      double[] magnitudes = GradientMagnitudes.ofCoordinates(coordinates, method.graph(point));
      List<double[]> directions = new ArrayList<>();
      directions.add(randomDirections.get(p));
      for (int i = 0; i < n; i++) {
        double[] unit = new double[n];
        unit[i] = 1;
        directions.add(unit);
      }
      for (double[] direction : directions) {
        double expected = 0;
        double magnitude = 0;
        for (int i = 0; i < n; i++) {
          expected += gradient[i] * direction[i];
          magnitude += magnitudes[i] * Math.abs(direction[i]);
        }
        double tangent = method.tangent(point, direction);
        if (!(Math.abs(tangent - expected) <= TOLERANCE * magnitude + Double.MIN_NORMAL)) {
          disagreements.add(
              method.at(point)
                  + " along "
                  + Arrays.toString(direction)
                  + ": tangent "
                  + tangent
                  + ", gradient·direction "
                  + expected);
        }
      }
    }
    assertTrue(disagreements.isEmpty(), () -> String.join("\n", disagreements));
  }
}
