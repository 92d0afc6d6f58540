package dev.chainrule.processor.ir;

import java.util.List;

/**
 * An expression of the user's method, as read from the source: a tree, before lowering to steps.
 */
public sealed interface Expr permits Literal, Constant, Expr.Read, Expr.Apply {
  Type type();

  /** Reads the current value of a parameter or local. */
  record Read(Variable variable) implements Expr {
    @Override
    public Type type() {
      return variable.type();
    }
  }

  /**
   * Applies a primitive to arguments. {@code mathClass} names the class a call goes through ({@code
   * java.lang.Math} or {@code java.lang.StrictMath}); it is kept because their results may differ
   * in the last bit and forward must match the user's method exactly.
   */
  record Apply(Primitive primitive, List<Expr> args, Type type, MathClass mathClass)
      implements Expr {
    public Apply {
      args = List.copyOf(args);
    }
  }
}
