package dev.chainrule.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNoInternalError;
import static dev.chainrule.processor.diagnostics.Chainrule.assertNotGenerated;
import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Expected.error;

import com.google.testing.compile.Compilation;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * What a {@code @Differentiable} declaration may not be. Problems with the method are reported at
 * its name, problems with a parameter at the parameter's name (javac's positions for declarations).
 */
class DeclarationDiagnosticsTest {
  private static final String PARAMETER_HINT =
      "; supported parameter types are double and double[] (differentiable), int, int[], long and"
          + " boolean";

  @Test
  void instanceMethod() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              double m(double x) { // ERROR
                return x * x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "@Differentiable method C.m must be static; chainrule differentiates static"
                    + " methods",
                source)
            .at("m("));
  }

  @Test
  void returnsInt() {
    assertReturnType("int", "return 1;", "int");
  }

  @Test
  void returnsFloat() {
    assertReturnType("float", "return 1;", "float");
  }

  @Test
  void returnsVoid() {
    assertReturnType("void", "", "void");
  }

  @Test
  void returnsBoxedDouble() {
    assertReturnType("Double", "return x;", "java.lang.Double");
  }

  private static void assertReturnType(String type, String body, String named) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static TYPE m(double x) { // ERROR
                BODY
              }
            }
            """
                .replace("TYPE", type)
                .replace("BODY", body));
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "@Differentiable method C.m returns "
                    + named
                    + "; a @Differentiable method must return double",
                source)
            .at("m("));
  }

  @Test
  void floatParameter() {
    assertParameterType("float f", "f", "float");
  }

  @Test
  void twoDimensionalArrayParameter() {
    assertParameterType("double[][] xs", "xs", "double[][]");
  }

  @Test
  void boxedDoubleParameter() {
    assertParameterType("Double d", "d", "java.lang.Double");
  }

  @Test
  void stringParameter() {
    assertParameterType("String s", "s", "java.lang.String");
  }

  /** {@code static double m(double x, DECLARATION)} is rejected at the parameter's name. */
  private static void assertParameterType(String declaration, String name, String type) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x,
                  DECLARATION) { // ERROR
                return x;
              }
            }
            """
                .replace("DECLARATION", declaration));
    assertRejected(
        compile(source),
        "p.C_m",
        error("parameter " + name + " has type " + type + PARAMETER_HINT, source).at(name + ")"));
  }

  @Test
  void varargs() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double... xs) { // ERROR
                return 1;
              }
            }
            """);
    // One cause, one error: the array type of the variable-arity parameter is not reported again.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "@Differentiable method C.m has a variable-arity parameter; declare each double"
                    + " parameter separately",
                source)
            .at("m("));
  }

  @Test
  void abstractMethod() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            abstract class C {
              @Differentiable
              abstract double m(double x); // ERROR
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("@Differentiable method C.m must be static", source).at("m("),
        error(
                "@Differentiable method C.m has no body to differentiate; annotate a static method"
                    + " with a body",
                source)
            .at("m("));
  }

  /**
   * The annotation's target is METHOD: on a constructor or a field javac itself rejects it, and
   * chainrule adds nothing: no crash, no error of its own, no generated class.
   */
  @Test
  void constructorsAndFieldsAreJavacsToReject() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable // ERROR: field
              static double scale = 2;

              @Differentiable // ERROR: constructor
              C() {}
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation).failed();
    assertNoInternalError(compilation);
    for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
      assertThat(error.getMessage(Locale.ROOT)).doesNotContain(Chainrule.TAG);
      assertThat(error.getMessage(Locale.ROOT)).contains("not applicable");
    }
    assertThat(compilation).hadErrorCount(2);
    assertNotGenerated(compilation, "p.C_scale");
    assertNotGenerated(compilation, "p.C_C");
  }

  @Test
  void staticInterfaceMethodIsSupported() {
    MarkedSource source =
        MarkedSource.of(
            "p.I",
            """
            package p;

            import dev.chainrule.Differentiable;

            interface I {
              @Differentiable
              static double m(double x) {
                return x * x;
              }
            }
            """);
    assertThat(compile(source)).generatedSourceFile("p.I_m");
  }

  @Test
  void interfaceDefaultMethod() {
    MarkedSource source =
        MarkedSource.of(
            "p.I",
            """
            package p;

            import dev.chainrule.Differentiable;

            interface I {
              @Differentiable
              default double m(double x) { // ERROR
                return x * x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.I_m",
        error("@Differentiable method I.m must be static", source).at("m("));
  }

  @Test
  void overloadsWithTheSameName() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) { // ERROR: one
                return x * x;
              }

              @Differentiable
              static double m(double x, double y) { // ERROR: two
                return x * y;
              }
            }
            """);
    // Overloads share a name, so the messages name them by signature.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "@Differentiable method C.m(double) would generate class p.C_m, which"
                    + " @Differentiable method C.m(double, double) generates too; give the methods"
                    + " different names",
                source,
                "one")
            .at("m("),
        error(
                "@Differentiable method C.m(double, double) would generate class p.C_m, which"
                    + " @Differentiable method C.m(double) generates too; give the methods"
                    + " different names",
                source,
                "two")
            .at("m("));
  }

  @Test
  void nestedClassMethodCollidesWithTopLevelClassMethod() {
    MarkedSource outer =
        MarkedSource.of(
            "p.A",
            """
            package p;

            import dev.chainrule.Differentiable;

            class A {
              static class B {
                @Differentiable
                static double m(double x) { // ERROR
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
              static double m(double x) { // ERROR
                return 2 * x;
              }
            }
            """);
    assertRejected(
        compile(outer, topLevel),
        "p.A_B_m",
        error(
                "would generate class p.A_B_m, which @Differentiable method A_B.m generates too",
                outer)
            .at("m("),
        error("@Differentiable method A_B.m would generate class p.A_B_m", topLevel).at("m("));
  }

  @Test
  void parametersWhoseAccessorsCollide() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, double X) { // ERROR
                return x * X;
              }
            }
            """);
    // Reported once, on the second parameter.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "parameters x and X would both get the gradient accessor gradX(); rename one of them",
                source)
            .at("X"));
  }

  @Test
  void generatedClassNameTakenByAnExistingClass() {
    MarkedSource taken =
        MarkedSource.of(
            "p.C_m",
            """
            package p;

            class C_m {}
            """);
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) { // ERROR
                return x * x;
              }
            }
            """);
    assertRejected(
        compile(taken, source),
        "p.C_m",
        error(
                "cannot write the generated class p.C_m: Attempt to recreate a file for type p.C_m;"
                    + " if a class of that name exists already, rename it or the method",
                source)
            .at("m("));
  }

  @Test
  void everyDeclarationProblemOfOneMethodIsReported() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              float m(String s, // ERROR: method
                  double x, double X) { // ERROR: parameter
                return 1;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("@Differentiable method C.m must be static", source, "method").at("m("),
        error("@Differentiable method C.m returns float", source, "method").at("m("),
        error("parameter s has type java.lang.String", source, "method").at("s,"),
        error("gradient accessor gradX()", source, "parameter").at("X"));
  }
}
