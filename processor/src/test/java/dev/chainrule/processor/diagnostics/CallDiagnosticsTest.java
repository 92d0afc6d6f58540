package dev.chainrule.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.assertGenerated;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNotGenerated;
import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Chainrule.compileStrictly;
import static dev.chainrule.processor.diagnostics.Expected.error;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Calls between methods: recursion, callees that cannot be called from generated code, callers of
 * rejected callees, and the calls that are allowed.
 */
class CallDiagnosticsTest {

  @Test
  void directRecursion() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x * m(x - 1); // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
            "@Differentiable method C.m calls itself (C.m → C.m); chainrule differentiates calls"
                + " that are not recursive, directly or mutually",
            source));
  }

  @Test
  void mutualRecursionIsReportedAtBothCalls() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double f(double x) {
                return g(x) + 1; // ERROR: f
              }

              @Differentiable
              static double g(double x) {
                return f(x) * 2; // ERROR: g
              }
            }
            """);
    Compilation compilation = compile(source);
    assertRejected(
        compilation,
        "p.C_f",
        error("@Differentiable method C.f calls itself (C.f → C.g → C.f)", source, "f"),
        error("@Differentiable method C.g calls itself (C.g → C.f → C.g)", source, "g"));
    assertNotGenerated(compilation, "p.C_g");
  }

  @Test
  void callerOfARejectedMethodIsRejectedToo() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double bad(double x) {
                return x % 2; // ERROR: bad
              }

              @Differentiable
              static double caller(double x) {
                return bad(x) * x; // ERROR: caller
              }
            }
            """);
    Compilation compilation = compile(source);
    assertRejected(
        compilation,
        "p.C_caller",
        error("the '%' operator is not supported", source, "bad"),
        error(
            "call to bad(x) cannot be differentiated: chainrule reports errors in @Differentiable"
                + " method C.bad; fix those first",
            source,
            "caller"));
    assertNotGenerated(compilation, "p.C_bad");
  }

  @Test
  void privateCalleeIsNotVisibleToGeneratedCode() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              private static double square(double x) {
                return x * x;
              }

              @Differentiable
              static double m(double x) {
                return square(x) + 1; // ERROR
              }
            }
            """);
    Compilation compilation = compile(source);
    assertRejected(
        compilation,
        "p.C_m",
        error(
            "call to square(...) is not supported: the method is not visible to the generated"
                + " class C_m, which calls it",
            source));
    // The private method itself is fine: nothing else calls it.
    assertGenerated(compilation, "p.C_square");
  }

  @Test
  void instanceMethodCall() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              double scale() {
                return 2;
              }

              @Differentiable
              static double m(double x) {
                return x * new C().scale(); // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
            "call to new C().scale(...) is not supported; a @Differentiable method may call other"
                + " static @Differentiable methods, static methods returning int, long or boolean,"
                + " and the Math and StrictMath functions",
            source));
  }

  @Test
  void differentiableAndConstantCallsAcrossClassesCompileCleanly() {
    MarkedSource helpers =
        MarkedSource.of(
            "p.Helpers",
            """
            package p;

            import dev.chainrule.Differentiable;

            final class Helpers {
              private Helpers() {}

              @Differentiable
              static double square(double x) {
                return x * x;
              }

              static int twice(int n) {
                return 2 * n;
              }

              static boolean isEven(int n) {
                return n % 2 == 0;
              }
            }
            """);
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, int n) {
                double y = Helpers.square(x) * Helpers.twice(n);
                return Helpers.square(y) + Helpers.square(3.0);
              }
            }
            """);
    Compilation compilation = compileStrictly(helpers, source);
    assertThat(compilation).succeededWithoutWarnings();
    assertGenerated(compilation, "p.C_m");
    assertGenerated(compilation, "p.Helpers_square");
  }
}
