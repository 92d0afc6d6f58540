package dev.chainrule.processor.ir;

import java.util.List;

/** A statement of the user's method, each tied to the source line it came from. */
public sealed interface Stmt
    permits Stmt.Declare,
        Stmt.Assign,
        Stmt.Store,
        Stmt.Return,
        Stmt.If,
        Stmt.Loop,
        Stmt.Break,
        Stmt.Continue {
  SourceLine line();

  /**
   * A declaration without an initialiser, {@code double u;}: it computes nothing, but says where
   * the variable's scope begins, so that a local declared inside a loop is not carried by it.
   */
  record Declare(Variable target, SourceLine line) implements Stmt {}

  /**
   * A declaration with an initialiser ({@code declares}), an assignment, or a compound assignment
   * spelled out.
   */
  record Assign(Variable target, Expr value, boolean declares, SourceLine line) implements Stmt {
    public Assign(Variable target, Expr value, SourceLine line) {
      this(target, value, false, line);
    }
  }

  /** {@code array[index] = value}, a compound assignment to an element spelled out. */
  record Store(Variable array, Expr index, Expr value, SourceLine line) implements Stmt {}

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

  /**
   * A loop: {@code while (condition) { body update }}, or with {@code testFirst} false {@code do {
   * body update } while (condition)}. A {@code for} loop's initialiser comes before it; its update
   * is kept apart from the body because {@code continue} skips the rest of the body, not the
   * update.
   */
  record Loop(
      Expr condition, List<Stmt> body, List<Stmt> update, boolean testFirst, SourceLine line)
      implements Stmt {
    public Loop {
      body = List.copyOf(body);
      update = List.copyOf(update);
    }
  }

  /** An unlabeled {@code break} of the innermost loop. */
  record Break(SourceLine line) implements Stmt {}

  /** An unlabeled {@code continue} of the innermost loop. */
  record Continue(SourceLine line) implements Stmt {}
}
