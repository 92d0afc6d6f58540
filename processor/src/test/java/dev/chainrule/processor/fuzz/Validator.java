package dev.chainrule.processor.fuzz;

import dev.chainrule.processor.fuzz.Ast.ArrayRef;
import dev.chainrule.processor.fuzz.Ast.AssignD;
import dev.chainrule.processor.fuzz.Ast.AssignI;
import dev.chainrule.processor.fuzz.Ast.Block;
import dev.chainrule.processor.fuzz.Ast.BoolVar;
import dev.chainrule.processor.fuzz.Ast.Break;
import dev.chainrule.processor.fuzz.Ast.Call;
import dev.chainrule.processor.fuzz.Ast.Case;
import dev.chainrule.processor.fuzz.Ast.Continue;
import dev.chainrule.processor.fuzz.Ast.DGet;
import dev.chainrule.processor.fuzz.Ast.DSwitch;
import dev.chainrule.processor.fuzz.Ast.DeclD;
import dev.chainrule.processor.fuzz.Ast.DeclDArray;
import dev.chainrule.processor.fuzz.Ast.DeclDArrayInit;
import dev.chainrule.processor.fuzz.Ast.DeclI;
import dev.chainrule.processor.fuzz.Ast.DeclIArrayInit;
import dev.chainrule.processor.fuzz.Ast.For;
import dev.chainrule.processor.fuzz.Ast.ForDouble;
import dev.chainrule.processor.fuzz.Ast.ForDown;
import dev.chainrule.processor.fuzz.Ast.ForEach;
import dev.chainrule.processor.fuzz.Ast.IGet;
import dev.chainrule.processor.fuzz.Ast.ILen;
import dev.chainrule.processor.fuzz.Ast.IVar;
import dev.chainrule.processor.fuzz.Ast.If;
import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Param;
import dev.chainrule.processor.fuzz.Ast.Program;
import dev.chainrule.processor.fuzz.Ast.SetD;
import dev.chainrule.processor.fuzz.Ast.SetI;
import dev.chainrule.processor.fuzz.Ast.Step;
import dev.chainrule.processor.fuzz.Ast.StepElement;
import dev.chainrule.processor.fuzz.Ast.Stmt;
import dev.chainrule.processor.fuzz.Ast.Switch;
import dev.chainrule.processor.fuzz.Ast.Type;
import dev.chainrule.processor.fuzz.Ast.Var;
import dev.chainrule.processor.fuzz.Ast.While;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a program is one the generator could have written: every name declared before use and in
 * scope, with the right type; calls only of earlier methods without a {@code wrt}, with as many
 * arguments as parameters; a {@code wrt} that lists double and double[] parameters, each once;
 * continue only in a loop; break only in a loop or as the last statement of a switch case (the
 * processor's rule); each colon case ending with a jump; no statement after one that cannot
 * complete; no method body that can complete. The shrinker's rewrites can break these, and a
 * candidate that does is not worth a compilation. javac remains the judge of the rest.
 */
final class Validator {
  private Validator() {}

  static boolean valid(Program program) {
    Set<String> earlier = new HashSet<>();
    Map<String, Method> methods = new HashMap<>();
    for (Method m : program.methods()) {
      for (Object node : Ast.nodes(m)) {
        if (node instanceof Call call) {
          Method callee = methods.get(call.method());
          if (!earlier.contains(call.method())
              || callee == null
              || callee.params().size() != call.args().size()
              || !callee.wrt().isEmpty()) {
            return false;
          }
        }
      }
      if (!wrtValid(m)) {
        return false;
      }
      Map<String, Type> scope = new HashMap<>();
      for (Param p : m.params()) {
        scope.put(p.name(), p.type());
      }
      if (Ast.completes(m.body()) || !block(m.body(), scope, false, false)) {
        return false;
      }
      earlier.add(m.name());
      methods.put(m.name(), m);
    }
    return true;
  }

  /** Each name {@code wrt} lists is a double or double[] parameter, listed once. */
  static boolean wrtValid(Method m) {
    Set<String> listed = new HashSet<>();
    for (String name : m.wrt()) {
      boolean parameter =
          m.params().stream()
              .anyMatch(
                  p ->
                      p.name().equals(name)
                          && (p.type() == Type.DOUBLE || p.type() == Type.DOUBLE_ARRAY));
      if (!parameter || !listed.add(name)) {
        return false;
      }
    }
    return true;
  }

  private static boolean block(Block b, Map<String, Type> outer, boolean loop, boolean caseBody) {
    Map<String, Type> scope = new HashMap<>(outer);
    List<Stmt> statements = b.statements();
    for (int k = 0; k < statements.size(); k++) {
      Stmt s = statements.get(k);
      if (k > 0 && !Ast.completes(statements.get(k - 1))) {
        return false; // unreachable
      }
      boolean last = k == statements.size() - 1;
      if (s instanceof Break && !(loop || (caseBody && last))) {
        return false;
      }
      if (s instanceof Continue && !loop && !loopAround(scope)) {
        return false;
      }
      if (!statement(s, scope, loop)) {
        return false;
      }
    }
    return true;
  }

  /** Inside a switch inside a loop, continue is allowed: the scope remembers the loop. */
  private static boolean loopAround(Map<String, Type> scope) {
    return scope.containsKey(LOOP);
  }

  private static final String LOOP = " loop";

  private static boolean statement(Stmt s, Map<String, Type> scope, boolean loop) {
    if (!references(s, scope)) {
      return false;
    }
    if (s instanceof DeclD d) {
      return declare(scope, d.name(), Type.DOUBLE);
    }
    if (s instanceof DeclI d) {
      return declare(scope, d.name(), Type.INT);
    }
    if (s instanceof DeclDArray d) {
      return declare(scope, d.name(), Type.DOUBLE_ARRAY);
    }
    if (s instanceof DeclDArrayInit d) {
      return declare(scope, d.name(), Type.DOUBLE_ARRAY);
    }
    if (s instanceof DeclIArrayInit d) {
      return declare(scope, d.name(), Type.INT_ARRAY);
    }
    if (s instanceof If i) {
      return block(i.then(), scope, loop, false)
          && (i.otherwise() == null || block(i.otherwise(), scope, loop, false));
    }
    if (s instanceof Switch sw) {
      if (scope.get(sw.selector()) != Type.INT) {
        return false;
      }
      Map<String, Type> inside = new HashMap<>(scope);
      if (loop) {
        inside.put(LOOP, Type.BOOLEAN);
      }
      List<Block> bodies = new ArrayList<>();
      for (Case c : sw.cases()) {
        bodies.add(c.body());
      }
      if (sw.otherwise() != null) {
        bodies.add(sw.otherwise());
      }
      for (Block body : bodies) {
        if (!sw.arrows() && (body.isEmpty() || Ast.completes(body))) {
          return false; // a colon case must end with a jump
        }
        if (!block(body, inside, false, true)) {
          return false;
        }
      }
      return true;
    }
    if (s instanceof For f) {
      Map<String, Type> inside = new HashMap<>(scope);
      if (!f.declares() && inside.get(f.var()) != Type.INT) {
        return false;
      }
      return (!f.declares() || declare(inside, f.var(), Type.INT))
          && references(f.bound(), inside)
          && (f.extra() == null || references(f.extra(), inside))
          && block(f.body(), inside, true, false);
    }
    if (s instanceof ForDown f) {
      Map<String, Type> inside = new HashMap<>(scope);
      return declare(inside, f.var(), Type.INT) && block(f.body(), inside, true, false);
    }
    if (s instanceof ForDouble f) {
      Map<String, Type> inside = new HashMap<>(scope);
      return declare(inside, f.var(), Type.DOUBLE) && block(f.body(), inside, true, false);
    }
    if (s instanceof ForEach f) {
      Type array = scope.get(f.array());
      if (array != (f.ints() ? Type.INT_ARRAY : Type.DOUBLE_ARRAY)) {
        return false;
      }
      Map<String, Type> inside = new HashMap<>(scope);
      return declare(inside, f.var(), f.ints() ? Type.INT : Type.DOUBLE)
          && block(f.body(), inside, true, false);
    }
    if (s instanceof While w) {
      if (!declare(scope, w.counter(), Type.INT)) {
        return false;
      }
      return references(w.bound(), scope)
          && (w.extra() == null || references(w.extra(), scope))
          && block(w.body(), scope, true, false);
    }
    if (s instanceof Block b) {
      return block(b, scope, loop, false);
    }
    return true;
  }

  private static boolean declare(Map<String, Type> scope, String name, Type type) {
    return scope.putIfAbsent(name, type) == null;
  }

  /**
   * Whether the names a statement's own expressions (not its nested statements) read and write are
   * in scope with the right type.
   */
  private static boolean references(Object root, Map<String, Type> scope) {
    List<Object> own = new ArrayList<>();
    if (root instanceof Stmt s && !(s instanceof Block)) {
      if (s instanceof AssignD a && scope.get(a.name()) != Type.DOUBLE) {
        return false;
      }
      if (s instanceof AssignI a && scope.get(a.name()) != Type.INT) {
        return false;
      }
      if (s instanceof Step st
          && scope.get(st.name()) != Type.DOUBLE
          && scope.get(st.name()) != Type.INT) {
        return false;
      }
      if (s instanceof SetD set && scope.get(set.array()) != Type.DOUBLE_ARRAY) {
        return false;
      }
      if (s instanceof SetI set && scope.get(set.array()) != Type.INT_ARRAY) {
        return false;
      }
      if (s instanceof StepElement st && !isArray(scope.get(st.array()))) {
        return false;
      }
      for (Object child : Ast.children(s)) {
        if (!(child instanceof Stmt)) {
          own.add(child);
        }
      }
    } else if (!(root instanceof Stmt)) {
      own.add(root);
    }
    for (Object expression : own) {
      if (expression instanceof For || expression instanceof Block) {
        continue;
      }
      for (Object n : Ast.nodes(expression)) {
        if (!reference(n, scope)) {
          return false;
        }
      }
    }
    return true;
  }

  private static boolean reference(Object n, Map<String, Type> scope) {
    if (n instanceof Var v) {
      return scope.get(v.name()) == Type.DOUBLE;
    }
    if (n instanceof IVar v) {
      Type t = scope.get(v.name());
      return v.name().equals("K") || v.name().equals("L") || t == Type.INT || t == Type.LONG;
    }
    if (n instanceof ILen len) {
      return isArray(scope.get(len.array()));
    }
    if (n instanceof IGet g) {
      return scope.get(g.array()) == Type.INT_ARRAY;
    }
    if (n instanceof DGet g) {
      return scope.get(g.array()) == Type.DOUBLE_ARRAY;
    }
    if (n instanceof ArrayRef r) {
      return isArray(scope.get(r.name()));
    }
    if (n instanceof BoolVar v) {
      return scope.get(v.name()) == Type.BOOLEAN;
    }
    if (n instanceof DSwitch s) {
      return scope.get(s.selector()) == Type.INT;
    }
    return true;
  }

  private static boolean isArray(Type t) {
    return t != null && t.isArray();
  }
}
