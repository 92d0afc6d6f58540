package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;
import static dev.chainrule.processor.diagnostics.Chainrule.TAG;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNoInternalError;
import static dev.chainrule.processor.diagnostics.Chainrule.compileStrictly;
import static dev.chainrule.processor.diagnostics.Chainrule.describe;
import static dev.chainrule.processor.diagnostics.Chainrule.generatedSourceFile;
import static dev.chainrule.processor.diagnostics.Chainrule.message;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.chainrule.processor.testing.DifferentiableMethod;
import dev.chainrule.processor.testing.Point;
import dev.chainrule.processor.testing.SingleSource;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bugs found reviewing the loop feature and by the fuzz test, pinned now that they are fixed. */
class LoopReviewRegressionTest {

  /**
   * A loop with a return, last in an arm outside any loop: Jumps.outside took "nothing follows in
   * this list" for "the loop runs until it returns" and returned {@code result} (0.0) when the loop
   * ended normally.
   */
  @Test
  void loopWithReturnLastInAnArmFallsThroughWhenItDoesNotReturn() {
    DifferentiableMethod method =
        SingleSource.compileOne(
            "probe.LastInArm",
            """
            package probe;

            import dev.chainrule.Differentiable;

            final class LastInArm {
              private LastInArm() {}

              @Differentiable
              static double f(double x, int n) {
                double s = x;
                if (n > 1) {
                  for (int i = 0; i < 3; i++) {
                    s = s * x;
                    if (i == n) {
                      return s;
                    }
                  }
                }
                s = s + 1;
                return s;
              }
            }
            """);
    Point point = new Point(0.5, 4); // n = 4: the loop ends without returning
    assertAll(
        () -> assertEquals(method.invokeOriginal(point), method.newWorkspace().forward(point)),
        () -> assertEquals(4 * 0.125, method.gradient(point)[0], 1e-12));
  }

  /**
   * A method javac accepts must get its class or a positioned chainrule error: never generated code
   * that fails to compile, an internal error, or silently nothing.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        // a loop that never ends, inside an arm: "unreachable statement" in generated code
        "double s = x; if (n > 100) { while (true) { s += x; } } return s;",
        // ... at the end of the method: internal error "ends without a return"
        "double s = 0; while (true) { s += x; }",
        // a do/while whose body always returns: nothing generated, nothing reported
        "double s = x; do { return s * 2; } while (n > 0);",
        // a constant condition other than the literal true: nothing generated, nothing reported
        "double s = x; int k = 0; while (ALWAYS) { k++; s = s * x; if (k > n) { return s; } }",
        // found by the fuzz test: switches whose every case returns, with a default
        "switch (n) { default: return x; }",
        "switch (n) { case 1: return 2 * x; default: return x; }",
        "switch (n) { case 1 -> { return 2 * x; } default -> { return x; } }",
        // ... and a do/while that returns on its first pass
        "int w = 0; do { w++; return x; } while (w < 3);",
      })
  void methodGetsItsClassOrAChainruleError(String body) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final boolean ALWAYS = true;

              @Differentiable
              static double m(double x, int n) {
                %s
              }
            }
            """
                .formatted(body));
    Compilation compilation = compileStrictly(source);
    assertNoInternalError(compilation);
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertWithMessage(
              "every error is chainrule's, on the user's source: %s", describe(compilation))
          .that(message(error))
          .startsWith(TAG);
    }
    if (compilation.errors().isEmpty()) {
      assertWithMessage("generated p.C_m or reported why not")
          .that(generatedSourceFile(compilation, "p.C_m"))
          .isPresent();
    }
  }
}
