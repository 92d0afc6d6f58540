package dev.chainrule.processor.lower;

import dev.chainrule.processor.ir.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * Moves what follows an {@code if} that returns on some paths into the arms that fall through, so
 * that every return ends an arm and each branch joins its arms' results in a phi:
 *
 * <pre>{@code
 * if (x < 0) { return -x; }        if (x < 0) { return -x; }
 * double y = x * x;          ==>   else { double y = x * x; return y + 1; }
 * return y + 1;
 * }</pre>
 *
 * The statements moved are copied into each arm that falls through, nested ifs included. Where both
 * arms of many ifs fall through, the copies multiply; past a budget, normalizing gives up with
 * {@link TooTangled} rather than exhaust the compiler.
 */
final class Returns {
  /** How many statements normalizing may write, at the most, per statement of the method. */
  private static final int COPIES_PER_STATEMENT = 8;

  private int budget;

  private Returns(int budget) {
    this.budget = budget;
  }

  /** Returns are nested in branches in a way that would copy the code after them too often. */
  static final class TooTangled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooTangled() {
      super("returns nested in branches would copy the code after them too often");
    }
  }

  /** Normalizes statements in which no loop returns: {@link Jumps} has taken those returns out. */
  static List<Stmt> normalized(List<Stmt> statements) {
    return new Returns(COPIES_PER_STATEMENT * size(statements) + 64).normalize(statements);
  }

  private static int size(List<Stmt> statements) {
    int size = 0;
    for (Stmt statement : statements) {
      size++;
      if (statement instanceof Stmt.If branch) {
        size += size(branch.then()) + size(branch.otherwise());
      } else if (statement instanceof Stmt.Loop loop) {
        size += size(loop.body()) + size(loop.update());
      }
    }
    return size;
  }

  private List<Stmt> normalize(List<Stmt> statements) {
    budget -= statements.size();
    if (budget < 0) {
      throw new TooTangled();
    }
    List<Stmt> result = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Stmt statement = statements.get(i);
      if (statement instanceof Stmt.If branch && returnsSomewhere(branch)) {
        List<Stmt> rest = statements.subList(i + 1, statements.size());
        result.add(
            new Stmt.If(
                branch.condition(),
                normalize(followedBy(branch.then(), rest)),
                normalize(followedBy(branch.otherwise(), rest)),
                branch.line()));
        return result;
      }
      result.add(statement);
    }
    return result;
  }

  private static List<Stmt> followedBy(List<Stmt> arm, List<Stmt> rest) {
    if (!completesNormally(arm)) {
      return arm;
    }
    List<Stmt> joined = new ArrayList<>(arm);
    joined.addAll(rest);
    return joined;
  }

  private static boolean returnsSomewhere(Stmt.If branch) {
    return containsReturn(branch.then()) || containsReturn(branch.otherwise());
  }

  private static boolean containsReturn(List<Stmt> statements) {
    for (Stmt statement : statements) {
      if (statement instanceof Stmt.Return
          || (statement instanceof Stmt.If branch && returnsSomewhere(branch))) {
        return true;
      }
    }
    return false;
  }

  /** Whether control can reach the end of the statements: they do not return on every path. */
  static boolean completesNormally(List<Stmt> statements) {
    if (statements.isEmpty()) {
      return true;
    }
    Stmt last = statements.get(statements.size() - 1);
    if (last instanceof Stmt.Return) {
      return false;
    }
    if (last instanceof Stmt.If branch) {
      return completesNormally(branch.then()) || completesNormally(branch.otherwise());
    }
    return true;
  }
}
