package dev.chainrule.processor.lower;

import dev.chainrule.processor.ir.Stmt;
import dev.chainrule.processor.ir.Variable;
import java.util.List;
import java.util.Set;

/** Which variables statements assign, and which they declare. */
final class Assignments {
  private Assignments() {}

  static void collect(List<Stmt> statements, Set<Variable> assigned, Set<Variable> declared) {
    for (Stmt statement : statements) {
      if (statement instanceof Stmt.Declare declare) {
        declared.add(declare.target());
      } else if (statement instanceof Stmt.Assign assign) {
        assigned.add(assign.target());
        if (assign.declares()) {
          declared.add(assign.target());
        }
      } else if (statement instanceof Stmt.Store store) {
        assigned.add(store.array());
      } else if (statement instanceof Stmt.If branch) {
        collect(branch.then(), assigned, declared);
        collect(branch.otherwise(), assigned, declared);
      } else if (statement instanceof Stmt.Loop loop) {
        collect(loop.body(), assigned, declared);
        collect(loop.update(), assigned, declared);
      }
    }
  }
}
