package dev.chainrule.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SingleSource;
import org.junit.jupiter.api.Test;

/**
 * Bugs found reviewing recomputation in backward and {@code wrt}, pinned now that they are fixed.
 */
class RecomputationReviewRegressionTest {

  /**
   * An inner loop's pass count was recomputed as {@code Math.max(0, hi - lo)}, which overflows for
   * far-apart bounds: forward made no pass, backward replayed hundreds of millions.
   */
  @Test
  void anInnerLoopBetweenFarApartBoundsMakesNoPassInBackwardEither() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.FarApart",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class FarApart {
              private FarApart() {}

              @Differentiable
              static double f(double[] x, double t, int lo, int hi) {
                double s = 0;
                for (int i = 0; i < x.length; i++) {
                  s += x[i] * t;
                  for (int j = lo; j < hi; j++) {
                    s += Math.sin(x[i] * t);
                  }
                  for (int k = hi; k >= lo; k--) {
                    s += Math.cos(x[i] * t);
                  }
                }
                return s;
              }
            }
            """);
    // lo > hi, and hi - lo overflows to a large positive int: neither inner loop runs.
    Point point = new Point(new double[] {0.3, 0.5}, 1.3, 2_000_000_000, -2_000_000_000);
    double[] gradient = method.gradient(point);
    assertAll(
        () -> assertEquals(method.invokeOriginal(point), method.newWorkspace().forward(point)),
        () -> assertEquals(1.3, gradient[0], 1e-12, "d/dx[0] = t"),
        () -> assertEquals(1.3, gradient[1], 1e-12, "d/dx[1] = t"),
        () -> assertEquals(0.8, gradient[2], 1e-12, "d/dt = x[0] + x[1]"));
  }

  /**
   * Activity gives every version of a local array the variedness of the most varied one, so an
   * array passed while constant, and written with a varying value only after the call, was taken
   * for a varying argument to the callee's constant parameter.
   */
  @Test
  void anArrayConstantWhenPassedMayBeWrittenWithVaryingValuesAfterwards() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable(wrt = "w")
              static double callee(double[] w, double[] h) {
                return w[0] * h[0] + w[1] * h[1];
              }

              @Differentiable
              static double caller(double a) {
                double[] h = {0.5, 0.25};
                double[] w = {a, a * 2};
                double r = callee(w, h);
                h[0] = a;
                return r + h[0];
              }
            }
            """);
    assertThat(compile(source)).succeededWithoutWarnings();
  }

  /** Parameters wrt leaves out get no accessor, so their accessors' names cannot clash. */
  @Test
  void aConstantParameterDoesNotClashWithTheAccessorOfADifferentiatedOne() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable(wrt = "w")
              static double m(double[] w, double[] W) {
                return w[0] * W[0];
              }
            }
            """);
    assertThat(compile(source)).succeededWithoutWarnings();
  }
}
