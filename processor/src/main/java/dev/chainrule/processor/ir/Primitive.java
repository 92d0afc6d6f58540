package dev.chainrule.processor.ir;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every operation the IR can apply: Java's arithmetic operators, the identity and conversions, and
 * the supported {@code java.lang.Math} functions. Derivatives live in one table, {@code
 * ad.rules.DerivativeRules}; this enum only says how each primitive is written.
 */
public enum Primitive {
  ADD(Notation.INFIX, "+", 2),
  SUBTRACT(Notation.INFIX, "-", 2),
  MULTIPLY(Notation.INFIX, "*", 2),
  DIVIDE(Notation.INFIX, "/", 2),
  /** Of ints and longs only: indices and counters. */
  REMAINDER(Notation.INFIX, "%", 2),
  NEGATE(Notation.PREFIX, "-", 1),
  /** {@code y = x}: a variable initialised from another keeps its own name in generated code. */
  COPY(Notation.COPY, "", 1),
  /** A widening cast to double, explicit ({@code (double) n}) or implied by the source. */
  TO_DOUBLE(Notation.CAST, "(double) ", 1),

  SIN(Notation.CALL, "sin", 1),
  COS(Notation.CALL, "cos", 1),
  TAN(Notation.CALL, "tan", 1),
  ASIN(Notation.CALL, "asin", 1),
  ACOS(Notation.CALL, "acos", 1),
  ATAN(Notation.CALL, "atan", 1),
  ATAN2(Notation.CALL, "atan2", 2),
  SINH(Notation.CALL, "sinh", 1),
  COSH(Notation.CALL, "cosh", 1),
  TANH(Notation.CALL, "tanh", 1),
  EXP(Notation.CALL, "exp", 1),
  EXPM1(Notation.CALL, "expm1", 1),
  LOG(Notation.CALL, "log", 1),
  LOG10(Notation.CALL, "log10", 1),
  LOG1P(Notation.CALL, "log1p", 1),
  SQRT(Notation.CALL, "sqrt", 1),
  CBRT(Notation.CALL, "cbrt", 1),
  POW(Notation.CALL, "pow", 2),
  HYPOT(Notation.CALL, "hypot", 2),
  ABS(Notation.CALL, "abs", 1),
  MAX(Notation.CALL, "max", 2),
  MIN(Notation.CALL, "min", 2),
  SIGNUM(Notation.CALL, "signum", 1),
  FLOOR(Notation.CALL, "floor", 1),
  CEIL(Notation.CALL, "ceil", 1),
  RINT(Notation.CALL, "rint", 1),

  /** Comparisons and logic: only inside conditions, which generated code writes out whole. */
  LESS(Notation.INFIX, "<", 2),
  LESS_EQUAL(Notation.INFIX, "<=", 2),
  GREATER(Notation.INFIX, ">", 2),
  GREATER_EQUAL(Notation.INFIX, ">=", 2),
  EQUAL(Notation.INFIX, "==", 2),
  NOT_EQUAL(Notation.INFIX, "!=", 2),
  AND(Notation.INFIX, "&&", 2),
  OR(Notation.INFIX, "||", 2),
  NOT(Notation.PREFIX, "!", 1),

  /** {@code xs[i]}: an element of an array parameter or local. */
  ELEMENT(Notation.INDEX, "[]", 2),
  /** {@code xs.length}. */
  LENGTH(Notation.LENGTH, ".length", 1),

  /** {@code new double[n]}: a local array of zeros. */
  NEW_ARRAY(Notation.ARRAY, "new", 1),
  /** {@code {a, b, c}}: a local array of the arguments; any number of them. */
  ARRAY_OF(Notation.ARRAY, "{}", -1),
  /**
   * {@code xs[i] = v}: writes an element of a local array; its result is the array after the write,
   * a new version of the same array in single-assignment form.
   */
  STORE(Notation.ARRAY, "[]=", 3),

  /** A call of a user's method, named by the step's {@link MethodRef}; any number of arguments. */
  CALL_METHOD(Notation.METHOD, "", -1);

  /** How a primitive is spelled in Java source. */
  public enum Notation {
    INFIX,
    PREFIX,
    COPY,
    CAST,
    /** A {@code Math} or {@code StrictMath} function. */
    CALL,
    /** A user's method. */
    METHOD,
    /** {@code array[index]}. */
    INDEX,
    /** {@code array.length}. */
    LENGTH,
    /** Creating or writing a local array: a statement of its own, not an expression. */
    ARRAY
  }

  private final Notation notation;
  private final String symbol;
  private final int arity;

  Primitive(Notation notation, String symbol, int arity) {
    this.notation = notation;
    this.symbol = symbol;
    this.arity = arity;
  }

  public Notation notation() {
    return notation;
  }

  /** The operator ({@code "+"}), the cast prefix, or the Math method's name ({@code "sin"}). */
  public String symbol() {
    return symbol;
  }

  /** Whether the step creates or writes a local array rather than computing a value. */
  public boolean writesArray() {
    return notation == Notation.ARRAY;
  }

  public boolean isMathFunction() {
    return notation == Notation.CALL;
  }

  /** The Math function with this name and arity, if chainrule supports it. */
  public static Optional<Primitive> mathFunction(String name, int arity) {
    return Arrays.stream(values())
        .filter(p -> p.isMathFunction() && p.symbol.equals(name) && p.arity == arity)
        .findFirst();
  }
}
