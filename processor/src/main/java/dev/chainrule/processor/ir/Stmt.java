package dev.chainrule.processor.ir;

/** A statement of the user's method, each tied to the source line it came from. */
public sealed interface Stmt permits Stmt.Assign, Stmt.Return {
  SourceLine line();

  /** A declaration with an initialiser, an assignment, or a compound assignment spelled out. */
  record Assign(Variable target, Expr value, SourceLine line) implements Stmt {}

  /** The method's single, final {@code return}. */
  record Return(Expr value, SourceLine line) implements Stmt {}
}
