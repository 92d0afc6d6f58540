package dev.chainrule.processor.gradients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SingleSource;
import org.junit.jupiter.api.Test;

/**
 * Processor bugs this suite found that are fixed now, kept as regression tests. A test moves here
 * from {@link KnownBugsTest}, without its {@code @Disabled}, when the fix lands.
 */
class FixedBugsTest {

  /**
   * Generated derivative code called {@code Math.cos(...)} by simple name, and a parameter named
   * {@code Math} shadowed the class, so {@code Math.cos(Math)} did not compile. The user's method
   * is valid: it calls {@code sin} through a static import.
   */
  @Test
  void parameterNamedMathDoesNotBreakGeneratedCode() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.MathParameter",
            """
            package probe;

            import static java.lang.StrictMath.sin;

            import dev.chainrule.Differentiable;

            final class MathParameter {
              private MathParameter() {}

              @Differentiable
              static double f(double Math) {
                return sin(Math);
              }
            }
            """);
    Point point = new Point(0.5);
    assertEquals(method.invokeOriginal(point), method.newWorkspace().forward(point), "forward");
    assertEquals(StrictMath.cos(0.5), method.gradient(point)[0], 1e-15, "backward");
    assertEquals(StrictMath.cos(0.5), method.tangent(point, 1.0), 1e-15, "tangent");
  }
}
