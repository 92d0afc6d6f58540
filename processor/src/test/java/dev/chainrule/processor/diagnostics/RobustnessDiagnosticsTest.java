package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.TAG;
import static dev.chainrule.processor.diagnostics.Chainrule.assertGenerated;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNoInternalError;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNotGenerated;
import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Chainrule.describe;
import static dev.chainrule.processor.diagnostics.Chainrule.message;
import static dev.chainrule.processor.diagnostics.Expected.error;
import static dev.chainrule.processor.diagnostics.Hints.EXPRESSION_HINT;
import static dev.chainrule.processor.diagnostics.Hints.STATEMENT_HINT;

import com.google.testing.compile.Compilation;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One build shows every problem, a bad method hides nothing else, and nothing ever crashes. */
class RobustnessDiagnosticsTest {

  @Test
  void everyProblemInOneMethodIsReported() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                double y = x;
                outer: while (y < 10) { // ERROR: loop
                  y = y * 2;
                }
                double z = y % 3; // ERROR: remainder
                long k = 2; // ERROR: local
                return z * k * Math.round(x); // ERROR: call
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a labeled statement " + STATEMENT_HINT, source, "loop").at("outer"),
        error("the '%' operator " + EXPRESSION_HINT, source, "remainder").at("%"),
        error("local variable k has type long", source, "local").at("k ="),
        error("Math.round(...) is not supported", source, "call"));
  }

  @Test
  void declarationAndBodyProblemsAreReportedTogether() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              double m(double x) { // ERROR: declaration
                return x % 2; // ERROR: body
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("@Differentiable method C.m must be static", source, "declaration").at("m("),
        error("the '%' operator " + EXPRESSION_HINT, source, "body").at("%"));
  }

  @Test
  void badMethodDoesNotStopGoodMethodInTheSameClass() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double bad(double x) {
                return x % 2; // ERROR
              }

              @Differentiable
              static double good(double x) {
                return x * x;
              }
            }
            """);
    Compilation compilation = compile(source);
    assertRejected(
        compilation, "p.C_bad", error("the '%' operator " + EXPRESSION_HINT, source).at("%"));
    assertGenerated(compilation, "p.C_good");
  }

  @Test
  void badMethodsInSeveralClassesAreEachReported() {
    MarkedSource first =
        MarkedSource.of(
            "p.A",
            """
            package p;

            import dev.chainrule.Differentiable;

            class A {
              @Differentiable
              static double m(double x) {
                return x % 2; // ERROR
              }
            }
            """);
    MarkedSource second =
        MarkedSource.of(
            "p.B",
            """
            package p;

            import dev.chainrule.Differentiable;

            class B {
              @Differentiable
              static double m(double x) {
                return (int) x; // ERROR
              }

              @Differentiable
              static double ok(double x) {
                return Math.exp(x);
              }
            }
            """);
    Compilation compilation = compile(first, second);
    assertRejected(
        compilation,
        "p.A_m",
        error("the '%' operator", first).at("%"),
        error("cast to int is not supported", second).at("(int)"));
    assertNotGenerated(compilation, "p.B_m");
    assertGenerated(compilation, "p.B_ok");
  }

  /**
   * Code javac cannot attribute is javac's to report: chainrule adds no error about it, which would
   * stop javac before its "cannot find symbol", and generates nothing.
   */
  @Test
  void undefinedNameIsLeftToJavac() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x * y; // ERROR
              }
            }
            """);
    assertLeftToJavac(compile(source), source, "y");
  }

  @Test
  void misspeltClassIsLeftToJavac() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return Maths.sin(x); // ERROR
              }
            }
            """);
    assertLeftToJavac(compile(source), source, "Maths");
  }

  @Test
  void localOfUndefinedTypeIsLeftToJavac() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                Vector v = null; // ERROR
                return x;
              }
            }
            """);
    assertLeftToJavac(compile(source), source, "Vector");
  }

  private static void assertLeftToJavac(Compilation compilation, MarkedSource source, String name) {
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(source.file())
        .onLine(source.line())
        .atColumn(source.column(source.line(), name));
    assertThat(compilation).hadErrorCount(1);
    assertNoInternalError(compilation);
    assertNotGenerated(compilation, "p.C_m");
  }

  /**
   * Bodies full of what chainrule does not support, all valid Java: each must fail with chainrule
   * errors only, each on the body's line, with no internal error and nothing generated.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "double y = switch (n) { case 1 -> x; default -> { yield 2 * x; } }; return y;",
        "switch (n) { case 1: if (x > 0) break; x = 2; break; default: x = 3; } return x;",
        "label: for (int i = 0; i < n; i++) { continue label; } return x;",
        "for (double w : W) { x *= w; } return x;",
        "assert false : \"never\"; return x;",
        "return ((java.util.function.DoubleSupplier) () -> x).getAsDouble();",
        "return java.util.Arrays.stream(W).map(w -> w * x).sum();",
        "double[][] a = {{x, 2 * x}}; return a[0][0] + a.length;",
        "return new double[] {x}[0];",
        "return x + W.length;",
        "String s = \"\" + x; return s.length();",
        "return x + \"abc\".length();",
        "Object o = x; return o instanceof Double d ? d : 0;",
        "return Double.valueOf(x);",
        "return (x = 2) + (x += 1) + x++;",
        "long k = 3L; char c = 'c'; return x * k * c;",
        "return x * (byte) 2 * (short) 3 * (char) 4;",
        "sink = sink; return x;",
        "return x + C.class.hashCode();",
        "try { return Math.log(x); } catch (ArithmeticException e) { throw new IllegalStateException(e); }",
        "synchronized (C.class) { x *= 2; } return x;",
        "return m(x - 1, n, flag);",
        "record P(double v) {} return new P(x).v();",
        "enum E { A } return E.A.ordinal() * x;",
        "interface F { double f(double t); } F f = t -> t; return f.f(x);",
        "var s = new Object() { double v = x; }; return s.v;",
        "return x + Math.floorMod(n, 2) + Math.ulp(x) + Math.nextUp(x);",
        "return x % 1 % 2;",
        "return ~(int) x;",
        "n <<= 1; n &= 3; x %= 2; return x * n;",
        "flag = !flag; flag |= x > 1; return x;",
        "return x * INSTANCE.scale + INSTANCE.twice(x);",
        "return x * mutable;",
        "mutable = x; mutable++; return x;",
        "return x * FLOAT_CONSTANT * BOXED_CONSTANT;",
        "Math.sin(x); Math.cos(x); return x;",
      })
  void unsupportedCodeIsReportedNeverCrashes(String body) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final double[] W = {1.0, 2.0};
              static final C INSTANCE = new C();
              static final float FLOAT_CONSTANT = 2f;
              static final Double BOXED_CONSTANT = 2.0;
              static double mutable = 1;
              static Object sink;
              double scale = 2;

              double twice(double t) {
                return 2 * t;
              }

              @Differentiable
              static double m(double x, int n, boolean flag) {
                BODY // ERROR
              }
            }
            """
                .replace("BODY", body));
    Compilation compilation = compile(source);
    assertWithMessage("diagnostics for %s:\n%s", body, describe(compilation))
        .that(compilation.errors())
        .isNotEmpty();
    assertThat(compilation).failed();
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertWithMessage("error for %s", body).that(message(error)).startsWith(TAG);
      assertWithMessage("file of %s", error).that(error.getSource()).isEqualTo(source.file());
      assertWithMessage("line of %s", error).that(error.getLineNumber()).isEqualTo(source.line());
    }
    assertNoInternalError(compilation);
    assertNotGenerated(compilation, "p.C_m");
  }
}
