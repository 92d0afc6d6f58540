package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNoInternalError;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNotGenerated;
import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Chainrule.compileStrictly;
import static dev.chainrule.processor.diagnostics.Chainrule.describe;
import static dev.chainrule.processor.diagnostics.Chainrule.message;
import static dev.chainrule.processor.diagnostics.Expected.error;

import com.google.testing.compile.Compilation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bugs the diagnostics suite found when it was first written, each pinned so it stays fixed: a
 * rejected method that compiled silently, an internal error, generated code that did not compile,
 * messages that misled.
 */
class RegressionDiagnosticsTest {
  private static final String NOT_NAMEABLE =
      "is declared in a local or anonymous class, which a generated class cannot name;"
          + " move it to a top-level or member class";

  /**
   * The round environment lists members of named classes only, so the processor scans the trees for
   * methods of local classes. Javac calls a processor only when an annotation it supports is on an
   * element it can see, hence the member method here: a compilation whose only
   * {@code @Differentiable} methods are in local or anonymous classes never runs chainrule.
   */
  @Test
  void methodInLocalClassIsReported() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double member(double x) {
                return x;
              }

              static Object make() {
                class L {
                  @Differentiable
                  static double m(double x) { // ERROR
                    return x * x;
                  }
                }
                return new L();
              }
            }
            """);
    assertRejected(compile(source), "p.L_m", error(NOT_NAMEABLE, source).at("m("));
  }

  @Test
  void methodInAnonymousClassIsReported() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double member(double x) {
                return x;
              }

              static final Object ANONYMOUS =
                  new Object() {
                    @Differentiable
                    static double m(double x) { // ERROR
                      return x * x;
                    }
                  };
            }
            """);
    assertRejected(compile(source), "p._m", error(NOT_NAMEABLE, source).at("m("));
  }

  /**
   * A body without a return passed the fence and crashed code generation ("internal error ...
   * NullPointerException"); javac's own "missing return statement" must be what the user sees.
   */
  @Test
  void methodWithoutReturnIsNoInternalError() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                double y = x * 2;
              }
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
    assertThat(compilation).hadErrorContaining("return").inFile(source.file());
    assertNotGenerated(compilation, "p.C_m");
  }

  /**
   * Generated code named java.lang.Math by its simple name (derivatives call Math.cos even for
   * StrictMath.sin), so a class Math in the user's package broke it: "cannot find symbol: method
   * cos(double), location: class p.Math" in p/C_m.java.
   */
  @Test
  void generatedCodeCompilesBesideAClassNamedMath() {
    MarkedSource math =
        MarkedSource.of(
            "p.Math",
            """
            package p;

            final class Math {
              private Math() {}
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
              static double m(double x) {
                return StrictMath.sin(x);
              }
            }
            """);
    Compilation compilation = compileStrictly(math, source);
    assertWithMessage("diagnostics").that(describe(compilation)).isEmpty();
    assertThat(compilation).succeededWithoutWarnings();
  }

  /** Same cause: a parameter named Math shadowed the class in generated code. */
  @Test
  void generatedCodeCompilesWithAParameterNamedMath() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double Math) {
                return java.lang.Math.sin(Math);
              }
            }
            """);
    Compilation compilation = compileStrictly(source);
    assertWithMessage("diagnostics").that(describe(compilation)).isEmpty();
    assertThat(compilation).succeededWithoutWarnings();
  }

  /**
   * {@code (x) = 2 * x;} assigns a double parameter, which the subset allows, yet chainrule said
   * "cannot assign to x (of type double); a @Differentiable method assigns only its double
   * parameters and double locals", which contradicts itself.
   */
  @Test
  void parenthesizedAssignmentTargetIsNotCalledUnassignable() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                (x) = 2 * x;
                return x;
              }
            }
            """);
    Compilation compilation = compile(source);
    assertNoMessageContains(compilation, "cannot assign to x (of type double)");
    assertNoInternalError(compilation);
  }

  /** Both overloads were reported as "C.m ... which C.m generates too": which is which? */
  @Test
  void overloadClashMessagesTellTheOverloadsApart() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x * x;
              }

              @Differentiable
              static double m(double x, double y) {
                return x * y;
              }
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorCount(2);
    List<String> messages = compilation.errors().stream().map(Chainrule::message).toList();
    assertWithMessage("the two clash messages").that(messages).containsNoDuplicates();
  }

  /** The method of nested class A.B was called "B.m" in the clash message, not "A.B.m". */
  @Test
  void nestedClassMethodIsNamedWithItsOuterClass() {
    MarkedSource outer =
        MarkedSource.of(
            "p.A",
            """
            package p;

            import dev.chainrule.Differentiable;

            class A {
              static class B {
                @Differentiable
                static double m(double x) {
                  return x * x;
                }
              }
            }
            """);
    MarkedSource topLevel =
        MarkedSource.of(
            "p.A_B",
            """
            package p;

            import dev.chainrule.Differentiable;

            class A_B {
              @Differentiable
              static double m(double x) {
                return 2 * x;
              }
            }
            """);
    Compilation compilation = compile(outer, topLevel);
    assertThat(compilation)
        .hadErrorContaining("@Differentiable method A.B.m would generate class p.A_B_m");
    assertThat(compilation).hadErrorContaining("which @Differentiable method A.B.m generates too");
  }

  /**
   * A protected constant of a superclass in another package is not visible to the generated class;
   * the advice "make it package-private or public" was wrong for it: package-private would hide it
   * from the subclass too.
   */
  @Test
  void inaccessibleConstantInOtherPackageIsNotAdvisedPackagePrivate() {
    MarkedSource base =
        MarkedSource.of(
            "q.Base",
            """
            package q;

            public class Base {
              protected static final double SCALE = Math.sqrt(2.0);
            }
            """);
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C extends q.Base {
              @Differentiable
              static double m(double x) {
                return x * SCALE;
              }
            }
            """);
    Compilation compilation = compile(base, source);
    assertThat(compilation).hadErrorContaining("SCALE is not visible to the generated class");
    assertNoMessageContains(compilation, "package-private");
  }

  /**
   * A static member reached through an expression ({@code counted().sin(x)}, {@code new D().K})
   * passed the fence, and generated code dropped the expression and its side effects.
   */
  @Test
  void staticMemberThroughAnExpressionIsReported() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final double K = 2.0;
              static int calls;

              static Math counted() {
                calls++;
                return null;
              }

              @Differentiable
              static double f(double x) {
                return counted().sin(x); // ERROR: call
              }

              @Differentiable
              static double g(double x) {
                return x * new C().K; // ERROR: new
              }
            }
            """);
    Compilation compilation = compile(source);
    assertRejected(
        compilation,
        "p.C_f",
        error("'counted()' is evaluated only to reach a static member", source, "call"),
        error("'new C()' is evaluated only to reach a static member", source, "new"));
    assertNotGenerated(compilation, "p.C_g");
  }

  /** A return in a final block ends the method: it is accepted, not called "not last". */
  @Test
  void returnInsideAFinalBlockIsAccepted() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                {
                  return x;
                }
              }
            }
            """);
    assertThat(Chainrule.compileStrictly(source)).succeededWithoutWarnings();
  }

  /** An unknown parameter or return type is javac's to report: chainrule adds nothing. */
  @Test
  void unknownDeclarationTypesAreLeftToJavac() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static Bar m(Foo x) {
                return x;
              }
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertNoMessageContains(compilation, "[chainrule]");
  }

  /**
   * A long method made generated code javac refuses ("code too large"): it is reported on the
   * method instead, while one just below the limit still compiles.
   */
  @Test
  void methodTooLongForGeneratedCodeIsReported() {
    MarkedSource tooLong = MarkedSource.of("p.C", repeated("C", 700));
    assertRejected(
        compile(tooLong),
        "p.C_f",
        error("@Differentiable method C.f is too long: its 1401 operations", tooLong).at("f("));
    Compilation fits = Chainrule.compileStrictly(MarkedSource.of("p.D", repeated("D", 560)));
    assertThat(fits).succeededWithoutWarnings();
  }

  private static String repeated(String className, int statements) {
    return "package p;\n\nimport dev.chainrule.Differentiable;\n\nclass "
        + className
        + " {\n  @Differentiable\n  static double f(double x) { // ERROR\n    double y = x;\n"
        + "    y = y * 0.999 + x;\n".repeat(statements)
        + "    return y;\n  }\n}\n";
  }

  /**
   * Returns nested in branches whose other paths go on made the code after them be copied into
   * every path, doubling at each such if: twenty of them exhausted the compiler.
   */
  @Test
  void returnsThatWouldMultiplyTheCodeAreReported() {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      body.append("    if (x > ")
          .append(i)
          .append(") { if (y > ")
          .append(i)
          .append(") return r * y; } else { r = r * y; }\n");
    }
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            "package p;\n\nimport dev.chainrule.Differentiable;\n\nclass C {\n"
                + "  @Differentiable\n  static double f(double x, double y) { // ERROR\n"
                + "    double r = x;\n"
                + body
                + "    return r;\n  }\n}\n");
    assertRejected(
        compile(source),
        "p.C_f",
        error("returns from inside branches whose other paths go on", source).at("f("));
  }

  /** Writing into a parameter array would change the caller's data: it is an error. */
  @Test
  void writingIntoAParameterArrayIsRejected() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double[] xs) {
                xs[0] = 2 * xs[0]; // ERROR
                return xs[0];
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("cannot write into parameter xs: its elements are the caller's", source).at("[0] ="));
  }

  private static void assertNoMessageContains(Compilation compilation, String text) {
    for (var diagnostic : compilation.diagnostics()) {
      assertWithMessage("diagnostics:\n%s", describe(compilation))
          .that(message(diagnostic))
          .doesNotContain(text);
    }
  }
}
