package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.compileStrictly;
import static dev.chainrule.processor.diagnostics.Chainrule.describe;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.testing.compile.Compilation;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The other side of the negative tests: methods within the supported subset compile with no
 * diagnostic at all under {@code -Xlint:all -Werror}, generated code included. So a negative test
 * fails because of its one rejected construct, not because the processor rejects everything.
 */
class PositiveControlTest {

  @Test
  void wellFormedMethodCompilesWithoutAnyDiagnostic() {
    MarkedSource constants =
        MarkedSource.of(
            "q.Constants",
            """
            package q;

            public final class Constants {
              public static final double HALF = 0.5;
              public static final double ROOT_TWO = Math.sqrt(2.0);

              private Constants() {}
            }
            """);
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final double RATE = 0.1;
              static final long STEPS = 3L;
              private static final double PRIVATE_CONSTANT = 1.5;

              @Differentiable
              static double m(double x, double y, int n, long k, boolean flag) {
                double a = x * y + 2;
                double b;
                b = -a / (double) n + +y - 1e-3;
                a += b;
                a -= 0.5 * x;
                a *= RATE * STEPS + PRIVATE_CONSTANT;
                a /= q.Constants.ROOT_TWO + q.Constants.HALF;
                a++;
                --a;
                x = Math.sin(x) + StrictMath.exp(y) + Math.pow(x, 2) + Math.max(x, y);
                {
                  double inner = Math.tanh(a) * Math.PI + Math.sqrt(k * k + 1.0);
                  b = inner + Math.abs(b) + Math.floor(a);
                }
                ;
                return (a + b) * x;
              }
            }
            """);
    Compilation compilation = compileStrictly(constants, source);
    assertThat(compilation).succeededWithoutWarnings();
    assertWithMessage("diagnostics").that(describe(compilation)).isEmpty();
    assertThat(compilation).generatedSourceFile("p.C_m");
  }

  /**
   * Supported code near the edges of the subset: each body compiles without a diagnostic, and so
   * does the class chainrule generates for it.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "x++; x--; ++x; --x; x += 1; x -= n; x *= 2L; x /= 3; return x;",
        "double y = .5 + 5. + 0_7 + 0xFF_FFL + 1e-3d + 0x1p3 + 0b11 + 1_000 - -1; return y * x;",
        "double y = -2147483648; return y * -9223372036854775808L * x;",
        "return x * INLINED + INLINED_INT * x - INLINED_INFINITY * 0 + Double.MIN_VALUE;",
        "return Integer.MAX_VALUE * x + Long.MIN_VALUE + Math.E;",
        "double y; y = x; { double t = y * 2; y = t; } { double t = y * 3; y += t; } return y;",
        "double m = x; double forward = m * m; double gradX = forward; return gradX + m;",
        "return x * n / 2 + Math.abs(n) * Math.max(n, 2) / Math.min(n, 3L) + Math.pow(x, n);",
        "return Math.max(x, n) + Math.pow(2, x) + Math.atan2(n, x) + Math.hypot(x, 3);",
        "return Math.signum(x) + Math.floor(x) + Math.ceil(x) + Math.rint(x) + Math.cbrt(x);",
        "return java.lang.Math.log1p(x * x) + java.lang.StrictMath.expm1(x);",
        "return x / 0 + 0 * x + x - x;",
        "x = 1; return 2;",
        "return n;",
      })
  void supportedEdgeCaseCompilesCleanly(String body) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              private static final double INLINED = 2.5;
              private static final int INLINED_INT = -3;
              private static final double INLINED_INFINITY = 1.0 / 0.0;

              @Differentiable
              static double m(double x, int n) {
                BODY
              }
            }
            """
                .replace("BODY", body));
    Compilation compilation = compileStrictly(source);
    assertWithMessage("diagnostics for %s", body).that(describe(compilation)).isEmpty();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("p.C_m");
  }

  /** Where the method may be declared, and parameter names that generated code also uses. */
  static Stream<Arguments> supportedDeclarations() {
    return Stream.of(
        arguments(
            "C",
            "C_m",
            """
            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x * x;
              }
            }
            """),
        arguments(
            "p.C",
            "p.C_Inner_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              private static class Inner {
                @Differentiable
                private static double m(double x) {
                  return x * x;
                }
              }
            }
            """),
        arguments(
            "p.I",
            "p.I_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            interface I {
              @Differentiable
              static double m(double x) {
                return x * x;
              }
            }
            """),
        arguments(
            "p.E",
            "p.E_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            enum E {
              A;

              @Differentiable
              static double m(double x) {
                return x * x;
              }
            }
            """),
        arguments(
            "p.R",
            "p.R_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            record R(double a) {
              @Differentiable
              static double m(double x) {
                return x * x;
              }
            }
            """),
        arguments(
            "p.G",
            "p.G_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            class G<T> {
              @Differentiable
              static <U> double m(double x) throws Exception {
                return x * x;
              }
            }
            """),
        arguments(
            "p.C",
            "p.C_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(
                  double x, double xDot, double gradX, double d_x, double recorded, double graph) {
                return x * xDot * gradX * d_x * recorded * graph;
              }
            }
            """),
        arguments(
            "p.C",
            "p.C_m",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(int n, long k, boolean b) {
                return n * k;
              }
            }
            """));
  }

  @ParameterizedTest
  @MethodSource("supportedDeclarations")
  void supportedDeclarationCompilesCleanly(String sourceClass, String generated, String code) {
    Compilation compilation = compileStrictly(MarkedSource.of(sourceClass, code));
    assertWithMessage("diagnostics for %s", sourceClass).that(describe(compilation)).isEmpty();
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile(generated);
  }
}
