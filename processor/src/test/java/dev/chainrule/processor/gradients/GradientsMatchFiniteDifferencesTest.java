package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.Coordinates;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.FiniteDifferences;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every gradient backward() produces, each element of an array parameter's included, agrees with a
 * central finite difference of the user's own method: the check that does not trust any part of the
 * processor. {@link FiniteDifferences} explains the step and the tolerance.
 */
class GradientsMatchFiniteDifferencesTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void everyGradientMatchesACentralDifference(DifferentiableMethod method) {
    List<String> disagreements = new ArrayList<>();
    for (Point point : SamplePoints.of(method)) {
      double value = method.invokeOriginal(point);
      assertTrue(
          Double.isFinite(value), () -> method.at(point) + " is " + value + ": fix the input");
      Coordinates coordinates = method.coordinates(point);
      double[] gradient = method.gradient(point);
      double scale = FiniteDifferences.scaleOf(method.graph(point));
      for (int k = 0; k < coordinates.size(); k++) {
        FiniteDifferences.Estimate estimate = FiniteDifferences.derivative(method, point, k);
        double tolerance =
            FiniteDifferences.tolerance(gradient[k], Math.max(scale, estimate.scale()));
        // The scale comes from values the generated graph() reports; a huge one would make the
        // check vacuous, so it is bounded here independently: an input must keep it small.
        if (tolerance > 1e-4 * Math.max(1, Math.abs(gradient[k]))) {
          disagreements.add(
              String.format(
                  "%s: d/d%s tolerance %.3g is too loose to test %s; rescale the input",
                  method.at(point), coordinates.name(k), tolerance, gradient[k]));
        }
        if (!FiniteDifferences.agrees(gradient[k], estimate, scale)) {
          disagreements.add(
              String.format(
                  "%s: d/d%s is %s, finite difference %s (tolerance %.3g)",
                  method.at(point),
                  coordinates.name(k),
                  gradient[k],
                  estimate.derivative(),
                  tolerance));
        }
      }
    }
    assertTrue(disagreements.isEmpty(), () -> String.join("\n", disagreements));
  }
}
