package dev.chainrule.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Expected.error;

import org.junit.jupiter.api.Test;

/**
 * {@code @Differentiable(wrt = ...)}: what it may list, reported at the listed name, and the calls
 * that would need a gradient the callee's {@code wrt} leaves out, reported at the caller.
 */
class WrtDiagnosticsTest {

  @Test
  void listsWhatIsNotAParameter() {
    MarkedSource source = wrt("{\"x\", \"z\"}", "double x, double y");
    assertRejected(
        compile(source),
        "p.C_m",
        error("wrt lists \"z\", which is not a parameter of C.m; its parameters are x, y", source)
            .at("\"z\""));
  }

  @Test
  void listsAnIntParameter() {
    MarkedSource source = wrt("{\"x\", \"n\"}", "double x, int n");
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "wrt lists \"n\", an int parameter; wrt lists double and double[] parameters, the"
                    + " ones with gradients",
                source)
            .at("\"n\""));
  }

  @Test
  void listsAParameterTwice() {
    MarkedSource source = wrt("{\"x\", \"y\", \"x\"}", "double x, double y");
    assertRejected(
        compile(source),
        "p.C_m",
        error("wrt lists \"x\" twice; list each parameter once", source).at("\"x\"}"));
  }

  @Test
  void listsAnIntParameterTwice() {
    MarkedSource source = wrt("{\"n\", \"x\", \"n\"}", "double x, int n");
    assertRejected(
        compile(source),
        "p.C_m",
        error("wrt lists \"n\", an int parameter", source).at("\"n\", \"x\""),
        error("wrt lists \"n\" twice", source).at("\"n\"}"));
  }

  /**
   * Several calls of the callee: lowering reorders some (a for loop's update after its body, a
   * switch's default case last), so the error names the line and goes on the method.
   */
  @Test
  void aVaryingArgumentInOneOfSeveralCallsIsReportedAtTheMethodWithItsLine() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable(wrt = "x")
              static double loss(double x, double c) {
                return x * c;
              }

              @Differentiable
              static double m(double x, double scale) { // ERROR
                double s = x;
                for (int i = 0; i < 3; i++, s = loss(s, 2.0)) s = s + loss(s, scale);
                return s;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("argument 2 of C.loss, in line 14 (s = s + loss(s, scale);)", source).at("m("));
  }

  @Test
  void aSingleNameNeedsNoBraces() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable(wrt = "x")
              static double m(double x, double y) {
                return x * y;
              }
            }
            """);
    assertThat(compile(source)).succeeded();
    assertThat(compile(source))
        .generatedSourceFile("p.C_m")
        .contentsAsUtf8String()
        .doesNotContain("gradY");
  }

  @Test
  void aVaryingArgumentForAConstantOfTheCallee() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable(wrt = "w")
              static double loss(double[] w, double[] xs) {
                return w[0] * xs[0];
              }

              @Differentiable
              static double m(double[] w, double scale) {
                double[] xs = {scale, 1.0};
                return loss(w, xs); // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "argument 2 of C.loss, in line 14 (return loss(w, xs);), varies with the"
                    + " parameters this method is differentiated with respect to, but C.loss is not"
                    + " differentiated with respect to its parameter xs, which its wrt leaves out;"
                    + " list \"xs\" in its wrt, or pass a value that does not vary",
                source)
            .at("xs)"));
  }

  private static MarkedSource wrt(String listed, String parameters) {
    return MarkedSource.of(
        "p.C",
        """
        package p;

        import dev.chainrule.Differentiable;

        class C {
          @Differentiable(wrt = LISTED) // ERROR
          static double m(PARAMETERS) {
            return x;
          }
        }
        """
            .replace("LISTED", listed)
            .replace("PARAMETERS", parameters));
  }
}
