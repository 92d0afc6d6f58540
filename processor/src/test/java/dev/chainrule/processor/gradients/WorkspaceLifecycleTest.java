package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import dev.chainrule.processor.testing.Workspace;
import java.util.Arrays;
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
    assertBitsEqual(
        scaled(once, 2), workspace.gradients(), method.at(point) + " after two backward calls");
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

  private static double[] scaled(double[] values, double factor) {
    return Arrays.stream(values).map(v -> v * factor).toArray();
  }

  /**
   * Equal to the last bit, with -0.0 and 0.0 counted equal: an untouched gradient may be either.
   */
  private static void assertBitsEqual(double[] expected, double[] actual, String what) {
    assertArrayEquals(expected, actual, 0.0, what);
  }
}
