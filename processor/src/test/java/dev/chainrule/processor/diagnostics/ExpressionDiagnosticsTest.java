package dev.chainrule.processor.diagnostics;

import static dev.chainrule.processor.diagnostics.Chainrule.assertRejected;
import static dev.chainrule.processor.diagnostics.Chainrule.compile;
import static dev.chainrule.processor.diagnostics.Expected.error;
import static dev.chainrule.processor.diagnostics.Hints.EXPRESSION_HINT;
import static dev.chainrule.processor.diagnostics.Hints.TARGET_HINT;

import org.junit.jupiter.api.Test;

/**
 * Operators and other expressions a {@code @Differentiable} method may not contain. Each is
 * reported on its own tree: an operator at the operator, a literal or name at its first character.
 *
 * <p>An expression of type boolean or of a reference type can only stand where chainrule already
 * rejects something else: a double method has nowhere else to put it, and a rejected statement or a
 * non-double local is not looked into. These tests put such expressions on the right of an
 * assignment to a boolean parameter ({@code flag}) or a static field ({@code sink}, {@code op}),
 * whose left side chainrule rejects too; so they expect two errors on the line, each at its column.
 */
class ExpressionDiagnosticsTest {
  private static final String BOOLEAN_TARGET =
      "cannot assign to flag (of type boolean)" + TARGET_HINT;

  @Test
  void conditionalExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag, boolean a) {
                flag = x > 0 ? a : !a; // ERROR
                return x;
              }
            }
            """);
    // ?: itself is supported; a boolean-valued one is a boolean used as a value. Its position is
    // the '?'.
    assertRejected(
        compile(source),
        "p.C_m",
        error("'x > 0 ? a : !a' is a boolean used as a value", source).at("?"),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void lambda() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;
            import java.util.function.DoubleUnaryOperator;

            class C {
              static DoubleUnaryOperator op;

              @Differentiable
              static double m(double x) {
                op = t -> t * x; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a lambda expression " + EXPRESSION_HINT, source).at("t ->"),
        error("cannot assign to op" + TARGET_HINT, source).at("op"));
  }

  @Test
  void methodReference() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;
            import java.util.function.DoubleUnaryOperator;

            class C {
              static DoubleUnaryOperator op;

              @Differentiable
              static double m(double x) {
                op = Math::sin; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a method reference " + EXPRESSION_HINT, source).at("Math::sin"),
        error("cannot assign to op" + TARGET_HINT, source).at("op"));
  }

  @Test
  void objectCreation() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static Object sink;

              @Differentiable
              static double m(double x) {
                sink = new Object(); // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("object creation (new) " + EXPRESSION_HINT, source).at("new"),
        error("cannot assign to sink" + TARGET_HINT, source).at("sink"));
  }

  @Test
  void arrayAccess() {
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
                return x * WEIGHTS[0]; // ERROR
              }
            }
            """);
    // javac's position for an array access is its '['.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "'WEIGHTS' is not an array parameter or local; a @Differentiable method reads"
                    + " elements of its double[] and int[] parameters and local arrays",
                source)
            .at("WEIGHTS"));
  }

  @Test
  void instanceofTest() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static Object sink;

              @Differentiable
              static double m(double x, boolean flag) {
                flag = sink instanceof String; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("an instanceof test " + EXPRESSION_HINT, source).at("instanceof"),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void stringLiteral() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static Object sink;

              @Differentiable
              static double m(double x) {
                sink = "label"; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("a string literal " + EXPRESSION_HINT, source).at("\"label\""),
        error("cannot assign to sink" + TARGET_HINT, source).at("sink"));
  }

  @Test
  void charLiteral() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x * 'a'; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("a char literal " + EXPRESSION_HINT, source).at("'a'"));
  }

  @Test
  void booleanLiteral() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag) {
                flag = true; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'true' is a boolean used as a value", source).at("true"),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void nullLiteral() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static Object sink;

              @Differentiable
              static double m(double x) {
                sink = null; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("null " + EXPRESSION_HINT, source).at("null"),
        error("cannot assign to sink" + TARGET_HINT, source).at("sink"));
  }

  @Test
  void floatLiteral() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x * 1.5f; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("a float literal " + EXPRESSION_HINT, source).at("1.5f"));
  }

  @Test
  void remainder() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return x % 2; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("the '%' operator " + EXPRESSION_HINT, source).at("%"));
  }

  @Test
  void lessThan() {
    assertComparison("<");
  }

  @Test
  void lessThanOrEqual() {
    assertComparison("<=");
  }

  @Test
  void greaterThan() {
    assertComparison(">");
  }

  @Test
  void greaterThanOrEqual() {
    assertComparison(">=");
  }

  @Test
  void equalTo() {
    assertComparison("==");
  }

  @Test
  void notEqualTo() {
    assertComparison("!=");
  }

  /** {@code flag = x OP 1;}: a boolean as a value, not a condition, at OP; and at flag. */
  private static void assertComparison(String operator) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag) {
                flag = x OP 1; // ERROR
                return x;
              }
            }
            """
                .replace("OP", operator));
    assertRejected(
        compile(source),
        "p.C_m",
        error("'x " + operator + " 1' is a boolean used as a value", source).at(operator),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void conditionalAnd() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag, boolean a, boolean b) {
                flag = a && b; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'a && b' is a boolean used as a value", source).at("&&"),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void conditionalOr() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag, boolean a, boolean b) {
                flag = a || b; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'a || b' is a boolean used as a value", source).at("||"),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void logicalComplement() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag, boolean a) {
                flag = !a; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'!a' is a boolean used as a value", source).at("!"),
        error(BOOLEAN_TARGET, source).at("flag"));
  }

  @Test
  void bitwiseAnd() {
    assertIntOperator("n & 1", "the '&' operator", "&");
  }

  @Test
  void bitwiseOr() {
    assertIntOperator("n | 1", "the '|' operator", "|");
  }

  @Test
  void bitwiseXor() {
    assertIntOperator("n ^ 1", "the '^' operator", "^");
  }

  @Test
  void bitwiseComplement() {
    assertIntOperator("~n", "the '~' operator", "~");
  }

  @Test
  void leftShift() {
    assertIntOperator("n << 1", "a shift operator", "<<");
  }

  @Test
  void rightShift() {
    assertIntOperator("n >> 1", "a shift operator", ">>");
  }

  @Test
  void unsignedRightShift() {
    assertIntOperator("n >>> 1", "a shift operator", ">>>");
  }

  /** {@code return x * (EXPRESSION);} on an int parameter n is rejected at its operator. */
  private static void assertIntOperator(String expression, String construct, String operator) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, int n) {
                return x * (EXPRESSION); // ERROR
              }
            }
            """
                .replace("EXPRESSION", expression));
    assertRejected(
        compile(source), "p.C_m", error(construct + " " + EXPRESSION_HINT, source).at(operator));
  }

  @Test
  void incrementInsideExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                double y = 2 * x++; // ERROR
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'++' inside an expression " + EXPRESSION_HINT, source).at("++"));
  }

  @Test
  void decrementInsideExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                double y = 2 * --x; // ERROR
                return y;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("'--' inside an expression " + EXPRESSION_HINT, source).at("--"));
  }

  @Test
  void assignmentInsideExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                double y = 2 * (x = 3); // ERROR
                return y;
              }
            }
            """);
    // javac's position for an assignment is its '='.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "'x = 3' assigns inside an expression; write the assignment as a statement of its"
                    + " own",
                source)
            .at("= 3"));
  }

  @Test
  void remainderAssignment() {
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
                y %= 2; // ERROR
                return y;
              }
            }
            """);
    // The statement is reported; its message lists the assignments that are supported.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "'y %= 2;' is not supported; a @Differentiable method may declare double and int"
                    + " locals, assign them and its parameters (=, +=, -=, *=, /=, ++, --)",
                source)
            .at("y %= 2"));
  }

  @Test
  void castToInt() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return (int) x; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("cast to int is not supported; the only supported cast is to double", source)
            .at("(int)"));
  }

  @Test
  void castToLong() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return (long) x; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("cast to long is not supported; the only supported cast is to double", source)
            .at("(long)"));
  }

  @Test
  void castToFloat() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return (float) x; // ERROR
              }
            }
            """);
    // A float-typed cast is reported for its type, not as a cast (unlike int and long), and the
    // message quotes javac's rendering of the tree: "(float)x".
    assertRejected(
        compile(source),
        "p.C_m",
        error("'(float)x' has type float" + Hints.TYPE_HINT, source).at("(float)"));
  }

  @Test
  void callToHelperInSameClass() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static double square(double t) {
                return t * t;
              }

              @Differentiable
              static double m(double x) {
                return 2 * square(x); // ERROR
              }
            }
            """);
    // No column: javac's position for a call is its '(', not the method's name.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
            "call to square(...) is not supported: square returns double but is not"
                + " @Differentiable; annotate it with @Differentiable so chainrule differentiates"
                + " through it",
            source));
  }

  @Test
  void mathRound() {
    assertUnsupportedMathFunction("Math.round(x)", "Math.round(...)");
  }

  @Test
  void mathRandom() {
    assertUnsupportedMathFunction("x * Math.random()", "Math.random(...)");
  }

  @Test
  void mathFma() {
    assertUnsupportedMathFunction("Math.fma(x, x, 1.0)", "Math.fma(...)");
  }

  @Test
  void strictMathUlp() {
    assertUnsupportedMathFunction("StrictMath.ulp(x)", "StrictMath.ulp(...)");
  }

  private static void assertUnsupportedMathFunction(String expression, String named) {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                return EXPRESSION; // ERROR
              }
            }
            """
                .replace("EXPRESSION", expression));
    assertRejected(
        compile(source),
        "p.C_m",
        error(
            named + " is not supported; the supported Math and StrictMath functions are sin, cos,",
            source));
  }

  @Test
  void instanceField() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final C INSTANCE = new C();
              double scale = 2;

              @Differentiable
              static double m(double x) {
                return x * INSTANCE.scale; // ERROR
              }
            }
            """);
    // No column: javac's position for a qualified name is its last '.'.
    assertRejected(
        compile(source), "p.C_m", error("field INSTANCE.scale " + Hints.FIELD_HINT, source));
  }

  @Test
  void nonFinalStaticField() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static double scale = 2;

              @Differentiable
              static double m(double x) {
                return x * scale; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("field scale " + Hints.FIELD_HINT, source).at("scale"));
  }

  @Test
  void protectedConstantOfSuperclassInOtherPackage() {
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
                return x * SCALE; // ERROR
              }
            }
            """);
    assertRejected(
        compile(base, source),
        "p.C_m",
        error(
                "static final field SCALE is not visible to the generated class C_m and is not a"
                    + " compile-time constant",
                source)
            .at("SCALE"));
  }

  @Test
  void constantInPrivateNestedClass() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              private static final class Holder {
                static final double SCALE = Math.sqrt(2.0);
              }

              @Differentiable
              static double m(double x) {
                return x * Holder.SCALE; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
            "static final field Holder.SCALE is not visible to the generated class C_m and is not a"
                + " compile-time constant; make it public, or declare it non-private in the"
                + " package of C_m",
            source));
  }

  @Test
  void privateNonConstantStaticFinalField() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              private static final double SCALE = Math.sqrt(2.0);

              @Differentiable
              static double m(double x) {
                return x * SCALE; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "static final field SCALE is not visible to the generated class C_m and is not a"
                    + " compile-time constant; make it public, or declare it non-private in the"
                    + " package of C_m",
                source)
            .at("SCALE"));
  }

  @Test
  void longLocal() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                long k = 2; // ERROR
                return x * k;
              }
            }
            """);
    // javac's position for a declaration is its name.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "local variable k has type long; a @Differentiable method declares only double"
                    + " and int locals",
                source)
            .at("k"));
  }

  @Test
  void floatLocal() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                float f = 2; // ERROR: declaration
                return x * f; // ERROR: use
              }
            }
            """);
    // Unlike a long local, reading a float local is a second error: float is no type chainrule
    // computes with.
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "local variable f has type float; a @Differentiable method declares only double"
                    + " and int locals",
                source,
                "declaration")
            .at("f ="),
        error("'f' has type float" + Hints.TYPE_HINT, source, "use").at("f"));
  }

  @Test
  void varInferredLongLocal() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x) {
                var k = 2L; // ERROR
                return x * k;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error(
                "local variable k has type long; a @Differentiable method declares only double"
                    + " and int locals",
                source)
            .at("k"));
  }

  @Test
  void assignmentToLongParameter() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, long n) {
                n = 2; // ERROR
                return x * n;
              }
            }
            """);
    assertRejected(
        compile(source),
        "p.C_m",
        error("cannot assign to n (of type long)" + TARGET_HINT, source).at("n"));
  }

  @Test
  void assignmentToField() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static double last;

              @Differentiable
              static double m(double x) {
                last = x; // ERROR
                return x;
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("cannot assign to last" + TARGET_HINT, source).at("last"));
  }

  @Test
  void assignmentToBooleanParameter() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              @Differentiable
              static double m(double x, boolean flag, boolean other) {
                flag = other; // ERROR
                return x;
              }
            }
            """);
    // Whatever a boolean is assigned is a boolean value, which is reported too.
    assertRejected(
        compile(source),
        "p.C_m",
        error(BOOLEAN_TARGET, source).at("flag"),
        error("'other' is a boolean used as a value", source).at("other"));
  }

  @Test
  void floatTypedConstant() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final float F = 2f;

              @Differentiable
              static double m(double x) {
                return x * F; // ERROR
              }
            }
            """);
    assertRejected(
        compile(source), "p.C_m", error("'F' has type float" + Hints.TYPE_HINT, source).at("F"));
  }

  @Test
  void floatTypedExpression() {
    MarkedSource source =
        MarkedSource.of(
            "p.C",
            """
            package p;

            import dev.chainrule.Differentiable;

            class C {
              static final float F = 2f;

              @Differentiable
              static double m(double x) {
                return x + F * F; // ERROR
              }
            }
            """);
    // The widest float-typed tree is reported, at its operator.
    assertRejected(
        compile(source),
        "p.C_m",
        error("'F * F' has type float" + Hints.TYPE_HINT, source).at("*"));
  }
}
