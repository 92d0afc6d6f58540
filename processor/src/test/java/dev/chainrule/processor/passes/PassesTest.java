package dev.chainrule.processor.passes;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.chainrule.processor.DifferentiableProcessor;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * IR text in, IR text out: what the reader and the lowering make of small methods, and which steps
 * activity analysis marks active ({@code *}). The processor prints both stages as a note when given
 * {@code -Achainrule.debug=true}.
 */
class PassesTest {

  @Test
  void compoundAssignmentAndIncrementsAreSpelledOut() {
    assertThat(
            stages(
                """
                static double f(double x) {
                  double y = x;
                  y += 2 * x;
                  y *= y;
                  y++;
                  return y;
                }
                """))
        .isEqualTo(
            """
            [chainrule] read:
            function T.f(x: double)
              5: y = x
              6: y = y + (2 * x)
              7: y = y * y
              8: y = y + 1
              9: return y
            [chainrule] lowered (* marks active steps):
            trace T.f(x: double)
            * 5: y = x
            * 6: y_t1 = 2 * x
            * 6: y_2 = y + y_t1
            * 7: y_3 = y_2 * y_2
            * 8: y_4 = y_3 + 1
              return y_4
            """);
  }

  @Test
  void reassignedParametersGetNumberedVersions() {
    assertThat(
            stages(
                """
                static double f(double x) {
                  x = x * x;
                  x = Math.sin(x);
                  return x;
                }
                """))
        .contains(
            """
            trace T.f(x: double)
            * 5: x_2 = x * x
            * 6: x_3 = Math.sin(x_2)
              return x_3
            """);
  }

  @Test
  void nestedExpressionsBecomeTemporariesNamedAfterTheirTarget() {
    assertThat(
            stages(
                """
                static double f(double x, double w, double b) {
                  double y = Math.tanh(x * w + b);
                  return y * -2.5;
                }
                """))
        .contains(
            """
            * 5: y_t1 = x * w
            * 5: y_t2 = y_t1 + b
            * 5: y = Math.tanh(y_t2)
            * 6: f = y * -2.5
              return f
            """);
  }

  @Test
  void constantsIntegerArithmeticAndPiecewiseConstantStepsArePassive() {
    assertThat(
            stages(
                """
                static double f(double x, int n) {
                  double c = 2.0 * Math.PI;
                  double k = x * (n / 2);
                  double s = Math.floor(x) + k;
                  return (double) n + s * c;
                }
                """))
        .contains(
            """
            trace T.f(x: double, n: int)
              5: c = 2.0 * Math.PI
              6: k_t1 = n / 2
            * 6: k = x * k_t1
              7: s_t1 = Math.floor(x)
            * 7: s = s_t1 + k
              8: f_t1 = (double) n
            * 8: f_t2 = s * c
            * 8: f = f_t1 + f_t2
              return f
            """);
  }

  @Test
  void deadCodeIsNotActive() {
    assertThat(
            stages(
                """
                static double f(double x) {
                  double unused = Math.acos(2.0 + x);
                  return x * x;
                }
                """))
        .contains(
            """
              5: unused_t1 = 2.0 + x
              5: unused = Math.acos(unused_t1)
            * 6: f = x * x
            """);
  }

  @Test
  void siblingBlocksMayReuseALocalName() {
    assertThat(
            stages(
                """
                static double f(double x) {
                  double y = 0;
                  { double t = x * x; y += t; }
                  { double t = x + 1; y += t; }
                  return y;
                }
                """))
        .contains(
            """
              5: y = 0
            * 6: t = x * x
            * 6: y_2 = y + t
            * 7: t_2 = x + 1
            * 7: y_3 = y_2 + t_2
            """);
  }

  @Test
  void branchesJoinTheirArmsInPhisAndReturnsMoveIntoArms() {
    assertThat(
            stages(
                """
                static double f(double x, int n) {
                  double y = x;
                  if (x > 0.5 && n != 0) {
                    y = y * 2;
                  }
                  if (n > 3) {
                    return y;
                  }
                  return y + x;
                }
                """))
        .contains(
            """
            trace T.f(x: double, n: int)
            * 5: y = x
              6: branch1 = (x > 0.5) && (n != 0)
            *   then 7: y_2 = y * 2
              y_3 = branch1 ? y_2 : y
              9: branch2 = n > 3
            *   else 12: f = y_3 + x
              f = branch2 ? y_3 : f
              return f
            """);
  }

  /**
   * Compiles {@code method} in class {@code T} with the debug option and returns the printed IR.
   */
  private static String stages(String method) {
    String source =
        "import dev.chainrule.Differentiable;\n"
            + "class T {\n"
            + "@Differentiable\n"
            + method
            + "}\n";
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new DifferentiableProcessor())
            .withOptions("-Achainrule.debug=true")
            .compile(JavaFileObjects.forSourceString("T", source));
    assertThat(compilation).succeeded();
    List<Diagnostic<? extends javax.tools.JavaFileObject>> notes = compilation.notes();
    assertThat(notes).hasSize(1);
    // javac indents the lines after a message's first and drops its final newline; undo both.
    return notes.get(0).getMessage(Locale.ROOT).replace("\n  ", "\n").stripTrailing() + "\n";
  }
}
