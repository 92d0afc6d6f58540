package dev.chainrule.processor.lower;

import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.MathClass;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.SourceLine;
import dev.chainrule.processor.ir.Stmt;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Variable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Turns {@code break}, {@code continue} and {@code return} inside loops into flags, so that control
 * enters a loop only at its top and leaves it only at its test, which is what lets backward run it
 * in reverse:
 *
 * <pre>{@code
 * while (c) {                     boolean broke = false;
 *   a;                            while (!broke && c) {
 *   if (p) { break; }       ==>     a;
 *   b;                              if (p) { broke = true; }
 * }                                 if (!broke) { b; }
 *                                 }
 * }</pre>
 *
 * A {@code continue} sets a flag cleared at the top of each pass, and guards the rest of the body
 * but not a for loop's update. A {@code return} stores its value and sets {@code returned}, which
 * every loop around it tests; after the outermost of them, {@code if (returned) return result;}.
 */
final class Jumps {
  private enum Jump {
    BREAK,
    CONTINUE,
    RETURN
  }

  private static final Literal TRUE = new Literal(1, "true", Type.BOOLEAN);
  private static final Literal FALSE = new Literal(0, "false", Type.BOOLEAN);

  private int nextId;

  private Jumps(int nextId) {
    this.nextId = nextId;
  }

  static List<Stmt> removed(Function function) {
    int ids = function.params().stream().mapToInt(Variable::id).max().orElse(-1) + 1;
    ids = Math.max(ids, maxId(function.body()) + 1);
    return new Jumps(ids).outside(function.body());
  }

  /** The flags of one loop, created when a jump first needs them. */
  private final class Flags {
    final Exit exit;
    Variable broke;
    Variable skip;

    Flags(Exit exit) {
      this.exit = exit;
    }

    Variable broke() {
      if (broke == null) {
        broke = variable("broke", Type.BOOLEAN);
      }
      return broke;
    }

    Variable skip() {
      if (skip == null) {
        skip = variable("skip", Type.BOOLEAN);
      }
      return skip;
    }
  }

  /** What returns inside a nest of loops share: whether one ran, and its value. */
  private final class Exit {
    Variable returned;
    Variable result;

    Variable returned() {
      if (returned == null) {
        returned = variable("returned", Type.BOOLEAN);
      }
      return returned;
    }

    Variable result() {
      if (result == null) {
        result = variable("result", Type.DOUBLE);
      }
      return result;
    }
  }

  /** Statements outside any loop: each outermost loop gets its own exit. */
  private List<Stmt> outside(List<Stmt> statements) {
    List<Stmt> result = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Stmt statement = statements.get(i);
      if (statement instanceof Stmt.If branch) {
        result.add(
            new Stmt.If(
                branch.condition(),
                outside(branch.then()),
                outside(branch.otherwise()),
                branch.line()));
      } else if (statement instanceof Stmt.Loop loop) {
        Exit exit = new Exit();
        List<Stmt> rewritten = loop(loop, exit);
        if (exit.returned == null) {
          result.addAll(rewritten);
          continue;
        }
        SourceLine line = loop.line();
        result.add(new Stmt.Assign(exit.returned, FALSE, true, line));
        result.add(new Stmt.Assign(exit.result, new Literal(0, "0.0", Type.DOUBLE), true, line));
        result.addAll(rewritten);
        Stmt.Return early = new Stmt.Return(new Expr.Read(exit.result), line);
        List<Stmt> rest = outside(statements.subList(i + 1, statements.size()));
        if (endsOnlyByReturning(loop)) {
          result.add(early); // nothing can follow it: the source has nothing after it
        } else {
          // If the loop ended by its test, what follows runs: here, or after an enclosing if,
          // where Returns will fetch it from.
          result.add(new Stmt.If(new Expr.Read(exit.returned), List.of(early), rest, line));
        }
        return result;
      } else {
        result.add(statement);
      }
    }
    return result;
  }

  /**
   * A loop that only a return ends: no break leaves it, and its condition is {@code true} or, for a
   * do/while whose body returns on every path without a continue, never tested.
   */
  private static boolean endsOnlyByReturning(Stmt.Loop loop) {
    Set<Jump> jumps = jumps(loop.body());
    if (jumps.contains(Jump.BREAK)) {
      return false;
    }
    return loop.condition().equals(TRUE)
        || (!loop.testFirst()
            && !jumps.contains(Jump.CONTINUE)
            && !Returns.completesNormally(loop.body()));
  }

  /** The loop without jumps, preceded by the initialisation of its break flag if it has one. */
  private List<Stmt> loop(Stmt.Loop loop, Exit exit) {
    Flags flags = new Flags(exit);
    List<Stmt> body = new ArrayList<>(inside(loop.body(), flags));
    Expr condition = loop.condition();
    List<Stmt> update = loop.update();
    if (jumps(loop.body()).contains(Jump.RETURN)) {
      condition = and(not(exit.returned()), condition);
      update = guarded(exit.returned(), update, loop.line());
    }
    if (flags.broke != null) {
      condition = and(not(flags.broke), condition);
      update = guarded(flags.broke, update, loop.line());
    }
    if (flags.skip != null) {
      body.add(0, new Stmt.Assign(flags.skip, FALSE, true, loop.line()));
    }
    List<Stmt> result = new ArrayList<>();
    if (flags.broke != null) {
      result.add(new Stmt.Assign(flags.broke, FALSE, true, loop.line()));
    }
    result.add(new Stmt.Loop(condition, body, update, loop.testFirst(), loop.line()));
    return result;
  }

  /** Statements of a loop's body: jumps become flags, and what follows one is guarded by them. */
  private List<Stmt> inside(List<Stmt> statements, Flags flags) {
    List<Stmt> result = new ArrayList<>();
    for (int i = 0; i < statements.size(); i++) {
      Stmt statement = statements.get(i);
      List<Stmt> rest = statements.subList(i + 1, statements.size());
      if (statement instanceof Stmt.Break jump) {
        result.add(new Stmt.Assign(flags.broke(), TRUE, jump.line()));
        return result;
      }
      if (statement instanceof Stmt.Continue jump) {
        result.add(new Stmt.Assign(flags.skip(), TRUE, jump.line()));
        return result;
      }
      if (statement instanceof Stmt.Return ret) {
        result.add(new Stmt.Assign(flags.exit.result(), ret.value(), ret.line()));
        result.add(new Stmt.Assign(flags.exit.returned(), TRUE, ret.line()));
        return result;
      }
      Set<Jump> jumps = EnumSet.noneOf(Jump.class);
      if (statement instanceof Stmt.If branch) {
        result.add(
            new Stmt.If(
                branch.condition(),
                inside(branch.then(), flags),
                inside(branch.otherwise(), flags),
                branch.line()));
        jumps = jumps(List.of(branch));
      } else if (statement instanceof Stmt.Loop inner) {
        result.addAll(loop(inner, flags.exit));
        // The inner loop's breaks and continues are its own; only a return leaves this one too.
        jumps = jumps(List.of(inner));
      } else {
        result.add(statement);
      }
      if (!jumps.isEmpty() && !rest.isEmpty()) {
        result.addAll(guard(jumps, flags, inside(rest, flags), statement.line()));
        return result;
      }
    }
    return result;
  }

  /** {@code if (!broke && !returned) { rest }}, testing the flags the jumps before it set. */
  private List<Stmt> guard(Set<Jump> jumps, Flags flags, List<Stmt> rest, SourceLine line) {
    Expr test = null;
    if (jumps.contains(Jump.BREAK)) {
      test = not(flags.broke());
    }
    if (jumps.contains(Jump.CONTINUE)) {
      test = test == null ? not(flags.skip()) : and(test, not(flags.skip()));
    }
    if (jumps.contains(Jump.RETURN)) {
      Expr notReturned = not(flags.exit.returned());
      test = test == null ? notReturned : and(test, notReturned);
    }
    return List.of(new Stmt.If(test, rest, List.of(), line));
  }

  private static List<Stmt> guarded(Variable flag, List<Stmt> update, SourceLine line) {
    return update.isEmpty() ? update : List.of(new Stmt.If(not(flag), update, List.of(), line));
  }

  /** The jumps {@code statements} make out of the loop they are in; a nested loop's only return. */
  private static Set<Jump> jumps(List<Stmt> statements) {
    Set<Jump> jumps = EnumSet.noneOf(Jump.class);
    for (Stmt statement : statements) {
      if (statement instanceof Stmt.Break) {
        jumps.add(Jump.BREAK);
      } else if (statement instanceof Stmt.Continue) {
        jumps.add(Jump.CONTINUE);
      } else if (statement instanceof Stmt.Return) {
        jumps.add(Jump.RETURN);
      } else if (statement instanceof Stmt.If branch) {
        jumps.addAll(jumps(branch.then()));
        jumps.addAll(jumps(branch.otherwise()));
      } else if (statement instanceof Stmt.Loop loop && jumps(loop.body()).contains(Jump.RETURN)) {
        jumps.add(Jump.RETURN);
      }
    }
    return jumps;
  }

  private Variable variable(String name, Type type) {
    return new Variable(nextId++, name, type);
  }

  private static Expr not(Variable flag) {
    return new Expr.Apply(
        Primitive.NOT, List.of(new Expr.Read(flag)), Type.BOOLEAN, MathClass.MATH);
  }

  private static Expr and(Expr left, Expr right) {
    if (right instanceof Literal literal && literal.equals(TRUE)) {
      return left; // for (;;) and while (true)
    }
    return new Expr.Apply(Primitive.AND, List.of(left, right), Type.BOOLEAN, MathClass.MATH);
  }

  private static int maxId(List<Stmt> statements) {
    int max = -1;
    for (Stmt statement : statements) {
      if (statement instanceof Stmt.Declare declare) {
        max = Math.max(max, declare.target().id());
      } else if (statement instanceof Stmt.Assign assign) {
        max = Math.max(max, assign.target().id());
      } else if (statement instanceof Stmt.If branch) {
        max = Math.max(max, Math.max(maxId(branch.then()), maxId(branch.otherwise())));
      } else if (statement instanceof Stmt.Loop loop) {
        max = Math.max(max, Math.max(maxId(loop.body()), maxId(loop.update())));
      }
    }
    return max;
  }
}
