package dev.chainrule.processor.ir;

import java.util.List;

/** A statement of the user's method, each tied to the source line it came from. */
public sealed interface Stmt permits Stmt.Assign, Stmt.Return, Stmt.If {
  SourceLine line();

  /** A declaration with an initialiser, an assignment, or a compound assignment spelled out. */
  record Assign(Variable target, Expr value, SourceLine line) implements Stmt {}

  /** A {@code return}: the last statement of the method, or of a branch that returns. */
  record Return(Expr value, SourceLine line) implements Stmt {}

  /** {@code if (condition) then else otherwise}; an absent else is an empty list. */
  record If(Expr condition, List<Stmt> then, List<Stmt> otherwise, SourceLine line)
      implements Stmt {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }
}
