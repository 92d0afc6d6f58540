package dev.chainrule.processor.ir;

import java.util.List;

/**
 * An expression of the user's method, as read from the source: a tree, before lowering to steps.
 */
public sealed interface Expr permits Literal, Constant, Expr.Read, Expr.Apply, Expr.Conditional {
  Type type();

  /** Reads the current value of a parameter or local. */
  record Read(Variable variable) implements Expr {
    @Override
    public Type type() {
      return variable.type();
    }
  }

  /**
   * Applies a primitive to arguments. For a call, {@code callee} says what is called: the class a
   * Math function goes through ({@code Math} and {@code StrictMath} may differ in the last bit, and
   * forward must match the user's method exactly), or the user's method; for an operator it is
   * {@link MathClass#MATH} and means nothing.
   */
  record Apply(Primitive primitive, List<Expr> args, Type type, Callee callee) implements Expr {
    public Apply {
      args = List.copyOf(args);
    }
  }

  /** {@code condition ? then : otherwise}; only the branch taken is evaluated. */
  record Conditional(Expr condition, Expr then, Expr otherwise, Type type) implements Expr {}
}
