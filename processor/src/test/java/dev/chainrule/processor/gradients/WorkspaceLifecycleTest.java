package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import dev.chainrule.processor.testing.Workspace;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workspace behaves as the contract says, PyTorch-style: backward adds to the accumulated
 * gradients rather than overwriting them, zeroGrad resets them, the latest forward is the one
 * differentiated, and backward before any forward is an error that says what to do. Doubling and
 * resetting are exact in floating point, so these compare bit for bit. {@link
 * Workspace#gradients()} returns a copy, so a gradient read after one backward is not the array
 * {@code gradXs()} hands out, which the next backward adds to.
 */
class WorkspaceLifecycleTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void backwardBeforeForwardThrows(DifferentiableMethod method) {
    Workspace workspace = method.newWorkspace();
    workspace.zeroGrad();
    IllegalStateException e = assertThrows(IllegalStateException.class, workspace::backward);
    assertTrue(
        e.getMessage() != null && e.getMessage().contains("forward"),
        () -> "the message should say that forward comes first: " + e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void backwardAccumulatesAndZeroGradResets(DifferentiableMethod method) {
    Point point = SamplePoints.of(method, 1).get(0);
    Workspace workspace = method.newWorkspace();
    workspace.forward(point);
    workspace.backward();
    double[] once = workspace.gradients();
    workspace.backward();
    assertDoubled(
        once,
        workspace.gradients(),
        method.coordinates(point).names(),
        method.at(point) + " after two backward calls");
    workspace.zeroGrad();
    assertBitsEqual(
        new double[once.length], workspace.gradients(), method.at(point) + " after zeroGrad");
    workspace.backward();
    assertBitsEqual(once, workspace.gradients(), method.at(point) + " after zeroGrad and backward");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void backwardDifferentiatesTheLatestForward(DifferentiableMethod method) {
    List<Point> points = SamplePoints.of(method, 2);
    Workspace workspace = method.newWorkspace();
    workspace.forward(points.get(0));
    workspace.forward(points.get(1));
    workspace.backward();
    assertBitsEqual(
        method.gradient(points.get(1)),
        workspace.gradients(),
        method + " after forward at " + points);
    workspace.zeroGrad();
    workspace.forward(points.get(0));
    workspace.backward();
    assertBitsEqual(
        method.gradient(points.get(0)),
        workspace.gradients(),
        method + " reused at " + points.get(0));
  }

  /**
   * A scalar's gradient is added once, at the end of backward, so two calls give exactly twice one.
   * An array element's is added term by term, as the loop that reads the element runs, so a second
   * call rounds differently: within rounding of twice, not bit for bit.
   */
  private static void assertDoubled(
      double[] once, double[] twice, List<String> coordinates, String what) {
    for (int k = 0; k < once.length; k++) {
      boolean element = coordinates.get(k).contains("[");
      double tolerance = element ? 1e-12 * Math.max(1, Math.abs(2 * once[k])) : 0.0;
      assertEquals(2 * once[k], twice[k], tolerance, what + ", " + coordinates.get(k));
    }
  }

  /**
   * Equal to the last bit, with -0.0 and 0.0 counted equal: an untouched gradient may be either.
   */
  private static void assertBitsEqual(double[] expected, double[] actual, String what) {
    assertArrayEquals(expected, actual, 0.0, what);
  }
}
