package dev.chainrule.processor.diagnostics;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Expected.error;
import static dev.chainrule.processor.diagnostics.Hints.STATEMENT_HINT;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/**
 * Statements a {@code @Differentiable} method may not contain: each is reported on its first token
 * (javac's position for a statement), and nothing is generated. A rejected statement is not looked
 * into, so the conditions and bodies below are otherwise supported code.
 */
class StatementDiagnosticsTest {

  @Test
  void labeledLoop() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, int n) {
                double y = 0;
                outer: // ERROR
                for (int i = 0; i < n; i++) {
                  for (int j = 0; j < n; j++) {
                    if (j > i) {
                      continue outer;
                    }
                    y += x;
                  }
                }
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a labeled statement " + STATEMENT_HINT, source).at("outer"));
  }

  @Test
  void enhancedForOverAField() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final double[] WEIGHTS = {0.5, 0.25};

              @Differentiable
              static double m(double x) {
                double y = 0;
                for (double w : WEIGHTS) { // ERROR
                  y += w * x;
                }
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "for over 'WEIGHTS' is not supported; a @Differentiable method loops with for"
                    + " (double x : xs) over a double[] or int[] parameter or local array: pass the"
                    + " array as a parameter",
                source)
            .at("WEIGHTS"));
  }

  @Test
  void breakOutOfASwitchInsideALoop() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, int n) {
                double y = x;
                for (int i = 0; i < n; i++) {
                  switch (i) {
                    case 1:
                      if (y > 10) {
                        break; // ERROR
                      }
                      y *= 2;
                      break;
                    default:
                      y += 1;
                  }
                }
                return y;
              }
            }
            """);
    // That break leaves the switch, not the loop: a reader could easily think otherwise.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "break inside a switch is supported only as the last statement of a colon case",
                source)
            .at("break"));
  }

  @Test
  void intUpdatedWithADouble() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                int k = 0;
                k += x; // ERROR
                return x * k;
              }
            }
            """);
    // Java narrows k + x back to int without a word; chainrule asks for the conversion in writing.
    // javac places a compound assignment at its operator.
    assertRejected(
        compile(source), "p.C_m", error("'k += x' converts a double into an int", source).at("+="));
  }

  @Test
  void localArrayThatAliasesAParameter() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double[] xs) {
                double[] copy = xs; // ERROR
                return copy[0];
              }
            }
            """);
    // Two names for one array would let a write through one change what the other reads.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "local array copy must be made where it is declared and never assigned as a"
                    + " whole; declare it as double[] copy = new double[n]",
                source)
            .at("copy"));
  }

  @Test
  void localArrayAssignedAsAWhole() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                double[] a = new double[2];
                a = new double[3]; // ERROR
                a[0] = x;
                return a[0];
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("cannot assign to a (of type double[])" + Hints.TARGET_HINT, source).at("a ="));
  }

  @Test
  void arrayCreatedInsideAnExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double sum(double[] xs) {
                return xs[0] + xs[1];
              }

              @Differentiable
              static double m(double x) {
                return sum(new double[] {x, 2 * x}); // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "an array is created here, inside an expression; a @Differentiable method creates"
                    + " arrays only where it declares a local array",
                source)
            .at("new"));
  }

  @Test
  void lengthOfAStaticArrayField() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final int[] ROWS = {0, 1};

              @Differentiable
              static double m(double[] w) {
                double t = 0;
                for (int r = 0; r < ROWS.length; r++) { // ERROR
                  t += w[r];
                }
                return t;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'ROWS' is not an array parameter or local", source).at("ROWS"));
  }

  @Test
  void switchCaseThatFallsThrough() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, int n) {
                double y = x;
                switch (n) {
                  case 1: // ERROR
                    y = 2 * x;
                  default:
                    y += 3 * x;
                }
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("this case falls through into the next; end each case of a switch with break", source)
            .at("case"));
  }

  @Test
  void switchOnAnExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, int n) {
                switch (n + 1) { // ERROR
                  case 1 -> x = 2 * x;
                  default -> x = 3 * x;
                }
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "switch on 'n + 1' is not supported; a @Differentiable method switches on an int",
                source)
            .at("+"));
  }

  @Test
  void tryStatement() {
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
                try { // ERROR
                  y = 2 * x;
                } finally {
                  y = 3 * x;
                }
                return y;
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("a try statement " + STATEMENT_HINT, source).at("try"));
  }

  @Test
  void throwStatement() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                throw new IllegalArgumentException(); // ERROR
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("a throw statement " + STATEMENT_HINT, source).at("throw"));
  }

  @Test
  void labeledStatement() {
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
                outer: { // ERROR
                  y = 2 * x;
                }
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a labeled statement " + STATEMENT_HINT, source).at("outer"));
  }

  @Test
  void synchronizedBlock() {
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
                synchronized (C.class) { // ERROR
                  y = 2 * x;
                }
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a synchronized block " + STATEMENT_HINT, source).at("synchronized"));
  }

  @Test
  void assertStatement() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                assert x > 0; // ERROR
                return Math.sqrt(x);
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("an assert statement " + STATEMENT_HINT, source).at("assert"));
  }

  @Test
  void localClass() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                class Helper {} // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("a local class " + STATEMENT_HINT, source).at("class"));
  }

  @Test
  void bareMathCallStatement() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                Math.sin(x); // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("'Math.sin(x);' " + STATEMENT_HINT, source).at("Math.sin"));
  }

  @Test
  void unreachableReturnIsLeftToJavac() {
    // Every return ends its block here, so chainrule has nothing to add: the second return is
    // unreachable, and that is javac's to report.
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
                  return 2 * x;
                }
                return x; // ERROR
              }
            }
            """);
    Compilation compilation = compile(source);
    assertThat(compilation)
        .hadErrorContaining("unreachable statement")
        .inFile(source.file())
        .onLine(source.line());
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void returnThatIsNotLastInItsBlock() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                if (x > 0) {
                  return x; // ERROR
                  x = 2;
                }
                return -x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("return must be the last statement of its block", source).at("return"));
  }
}
