package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SamplePoints;
import dev.chainrule.processor.testing.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * forward(...) returns exactly what the user's method returns, to the last bit: the processor
 * promises it, since forward is the method's own arithmetic split into steps and Java's double
 * arithmetic is deterministic. One workspace serves every point, as users are told to reuse it.
 */
class ForwardMatchesOriginalTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.chainrule.processor.testing.CompiledInputs#differentiableMethods")
  void forwardIsBitIdenticalToTheMethod(DifferentiableMethod method) {
    Workspace workspace = method.newWorkspace();
    for (Point point : SamplePoints.of(method)) {
      double expected = method.invokeOriginal(point);
      double actual = workspace.forward(point);
      assertEquals(
          0,
          Double.compare(expected, actual),
          () ->
              method.at(point)
                  + ": forward returned "
                  + actual
                  + ", the method returns "
                  + expected);
    }
  }
}
