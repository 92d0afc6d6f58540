package dev.chainrule.processor.fuzz;

import dev.chainrule.processor.fuzz.Ast.Block;
import dev.chainrule.processor.fuzz.Ast.BoolLit;
import dev.chainrule.processor.fuzz.Ast.Break;
import dev.chainrule.processor.fuzz.Ast.Call;
import dev.chainrule.processor.fuzz.Ast.Case;
import dev.chainrule.processor.fuzz.Ast.Cond;
import dev.chainrule.processor.fuzz.Ast.DExpr;
import dev.chainrule.processor.fuzz.Ast.DeclD;
import dev.chainrule.processor.fuzz.Ast.DeclI;
import dev.chainrule.processor.fuzz.Ast.For;
import dev.chainrule.processor.fuzz.Ast.ForDouble;
import dev.chainrule.processor.fuzz.Ast.ForDown;
import dev.chainrule.processor.fuzz.Ast.ForEach;
import dev.chainrule.processor.fuzz.Ast.IExpr;
import dev.chainrule.processor.fuzz.Ast.ILit;
import dev.chainrule.processor.fuzz.Ast.If;
import dev.chainrule.processor.fuzz.Ast.Lit;
import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Param;
import dev.chainrule.processor.fuzz.Ast.Program;
import dev.chainrule.processor.fuzz.Ast.Stmt;
import dev.chainrule.processor.fuzz.Ast.Switch;
import dev.chainrule.processor.fuzz.Ast.Type;
import dev.chainrule.processor.fuzz.Ast.Var;
import dev.chainrule.processor.fuzz.Ast.While;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shrinks a failing program to a smaller one that still fails the same way, greedily: it proposes
 * every one-step simplification (drop a method whose calls become {@code 1.0}; drop a parameter it
 * does not read, and its name from a {@code wrt}; drop a {@code wrt} or one of its names; delete a
 * statement; replace an if, switch, loop or block by the statements of one of its arms or its body,
 * the loop variable becoming a local; drop an else, a case, a loop's extra condition; cut a loop's
 * bound to 1; replace an expression by one of its operands or by a literal or a parameter), keeps
 * those the {@link Validator} accepts, tests them a batch at a time, moves to the smallest that
 * still fails, and starts over, until none fails or the time is up.
 */
final class Shrinker {
  /** For each candidate, its failure of the kind being shrunk, or null if it does not fail so. */
  interface Oracle {
    List<Harness.Failure> test(List<Program> candidates);
  }

  record Result(Program program, Harness.Failure failure, int tested, boolean complete) {}

  static final int BATCH = 12;

  private Shrinker() {}

  static Result shrink(Program program, Harness.Failure failure, Oracle oracle, long deadline) {
    Program current = program;
    Harness.Failure currentFailure = failure;
    Set<String> seen = new HashSet<>();
    seen.add(Printer.print(program.withName("X")));
    int tested = 0;
    while (true) {
      List<Program> candidates = new ArrayList<>();
      long size = measure(current);
      for (Program c : candidates(current)) {
        if (measure(c) < size
            && Validator.valid(c)
            && (!KnownBugs.avoided() || KnownBugs.in(c) == null)
            && seen.add(Printer.print(c.withName("X")))) {
          candidates.add(c);
        }
      }
      Program next = null;
      Harness.Failure nextFailure = null;
      for (int from = 0; from < candidates.size() && next == null; from += BATCH) {
        if (System.nanoTime() > deadline) {
          return new Result(current, currentFailure, tested, false);
        }
        List<Program> batch = candidates.subList(from, Math.min(candidates.size(), from + BATCH));
        List<Harness.Failure> results = oracle.test(batch);
        tested += batch.size();
        for (int k = 0; k < batch.size(); k++) {
          if (results.get(k) != null && (next == null || measure(batch.get(k)) < measure(next))) {
            next = batch.get(k);
            nextFailure = results.get(k);
          }
        }
      }
      if (next == null) {
        return new Result(current, currentFailure, tested, true);
      }
      current = next;
      currentFailure = nextFailure;
    }
  }

  /** Smaller is simpler: fewer nodes, then shorter source. */
  static long measure(Program p) {
    return Ast.size(p) * 100_000L + Printer.print(p).length();
  }

  /** Every one-step simplification, roughly largest first. */
  static List<Program> candidates(Program p) {
    List<Program> out = new ArrayList<>();
    // Drop a method (not the only one); its calls become 1.0.
    if (p.methods().size() > 1) {
      for (Method m : p.methods()) {
        out.add(withoutMethod(p, m.name()));
      }
    }
    // Drop a parameter the method does not read; its callers drop the argument.
    for (Method m : p.methods()) {
      for (int k = 0; k < m.params().size(); k++) {
        if (!reads(m, m.params().get(k).name())) {
          out.add(withoutParameter(p, m.name(), k));
        }
      }
    }
    // A wrt: dropped (all parameters differentiated), or with one name fewer.
    for (int k = 0; k < p.methods().size(); k++) {
      Method m = p.methods().get(k);
      if (!m.wrt().isEmpty()) {
        out.add(withWrt(p, k, List.of()));
      }
      for (int n = 0; m.wrt().size() > 1 && n < m.wrt().size(); n++) {
        List<String> wrt = new ArrayList<>(m.wrt());
        wrt.remove(n);
        out.add(withWrt(p, k, wrt));
      }
    }
    List<Object> nodes = Ast.nodes(p);
    // Statements: delete, or replace by their parts.
    for (int index = 0; index < nodes.size(); index++) {
      if (nodes.get(index) instanceof Block b) {
        for (int k = 0; k < b.statements().size(); k++) {
          Stmt s = b.statements().get(k);
          out.add(replaceStatement(p, index, b, k, List.of()));
          for (List<Stmt> parts : parts(s)) {
            out.add(replaceStatement(p, index, b, k, parts));
          }
          for (Stmt simpler : simpler(s)) {
            out.add(replaceStatement(p, index, b, k, List.of(simpler)));
          }
        }
      }
    }
    // Expressions: an operand, a literal, a parameter.
    Map<Integer, List<Object>> replacements = new LinkedHashMap<>();
    for (int index = 0; index < nodes.size(); index++) {
      Object n = nodes.get(index);
      List<Object> options = new ArrayList<>();
      if (n instanceof DExpr e) {
        for (Object child : Ast.children(e)) {
          if (child instanceof DExpr) {
            options.add(child);
          }
        }
        if (!(e instanceof Lit)) {
          options.add(new Lit(1.0));
        }
        Method m = methodOf(p, index);
        for (Param param : m.params()) {
          if (param.type() == Type.DOUBLE && !(e instanceof Var)) {
            options.add(new Var(param.name()));
            break;
          }
        }
      } else if (n instanceof IExpr e) {
        for (Object child : Ast.children(e)) {
          if (child instanceof IExpr) {
            options.add(child);
          }
        }
        if (!(e instanceof ILit)) {
          options.add(new ILit(0));
          options.add(new ILit(1));
        }
      } else if (n instanceof Cond c) {
        for (Object child : Ast.children(c)) {
          if (child instanceof Cond) {
            options.add(child);
          }
        }
        if (!(c instanceof BoolLit)) {
          options.add(new BoolLit(true));
          options.add(new BoolLit(false));
        }
      }
      if (!options.isEmpty()) {
        replacements.put(index, options);
      }
    }
    replacements.entrySet().stream()
        .sorted(Comparator.comparingInt(e -> -Ast.size(nodes.get(e.getKey()))))
        .forEach(
            e -> {
              for (Object option : e.getValue()) {
                out.add((Program) Ast.replace(p, e.getKey(), option));
              }
            });
    return out;
  }

  private static Program withWrt(Program p, int method, List<String> wrt) {
    List<Method> methods = new ArrayList<>(p.methods());
    Method m = methods.get(method);
    methods.set(method, new Method(m.name(), m.params(), m.body(), wrt));
    return p.withMethods(methods);
  }

  private static Method methodOf(Program p, int index) {
    int at = 1;
    for (Method m : p.methods()) {
      int size = Ast.size(m);
      if (index < at + size) {
        return m;
      }
      at += size;
    }
    return p.entry();
  }

  private static Program withoutMethod(Program p, String name) {
    List<Method> methods = new ArrayList<>();
    for (Method m : p.methods()) {
      if (m.name().equals(name)) {
        continue;
      }
      Method replaced = m;
      while (true) {
        List<Object> nodes = Ast.nodes(replaced);
        int at = -1;
        for (int k = 0; k < nodes.size(); k++) {
          if (nodes.get(k) instanceof Call call && call.method().equals(name)) {
            at = k;
            break;
          }
        }
        if (at < 0) {
          break;
        }
        replaced = (Method) Ast.replace(replaced, at, new Lit(1.0));
      }
      methods.add(replaced);
    }
    return p.withMethods(methods);
  }

  private static boolean reads(Method m, String name) {
    String source = Printer.print(new Program("X", List.of(m)));
    String body = source.substring(source.indexOf(") {"));
    return java.util.regex.Pattern.compile("\\b" + name + "\\b").matcher(body).find();
  }

  private static Program withoutParameter(Program p, String method, int index) {
    List<Method> methods = new ArrayList<>();
    for (Method m : p.methods()) {
      Method replaced = m;
      if (m.name().equals(method)) {
        List<Param> params = new ArrayList<>(m.params());
        Param removed = params.remove(index);
        // A wrt that listed only the parameter becomes empty: no wrt, all parameters
        // differentiated.
        List<String> wrt = new ArrayList<>(m.wrt());
        wrt.remove(removed.name());
        replaced = new Method(m.name(), params, m.body(), wrt);
      }
      List<Object> nodes = Ast.nodes(replaced);
      for (int k = 0; k < nodes.size(); k++) {
        if (nodes.get(k) instanceof Call call && call.method().equals(method)) {
          List<Ast.Node> args = new ArrayList<>(call.args());
          args.remove(index);
          replaced = (Method) Ast.replace(replaced, k, new Call(method, args));
          nodes = Ast.nodes(replaced);
        }
      }
      methods.add(replaced);
    }
    return p.withMethods(methods);
  }

  private static Program replaceStatement(
      Program p, int blockIndex, Block b, int k, List<Stmt> replacement) {
    List<Stmt> statements = new ArrayList<>(b.statements().subList(0, k));
    statements.addAll(replacement);
    statements.addAll(b.statements().subList(k + 1, b.statements().size()));
    return (Program) Ast.replace(p, blockIndex, new Block(statements));
  }

  /** The statements a compound statement can be replaced by: an arm, a body, a case. */
  private static List<List<Stmt>> parts(Stmt s) {
    List<List<Stmt>> parts = new ArrayList<>();
    if (s instanceof If i) {
      parts.add(i.then().statements());
      if (i.otherwise() != null) {
        parts.add(i.otherwise().statements());
      }
    } else if (s instanceof Block b) {
      parts.add(b.statements());
    } else if (s instanceof Switch sw) {
      List<Block> bodies = new ArrayList<>();
      for (Case c : sw.cases()) {
        bodies.add(c.body());
      }
      if (sw.otherwise() != null) {
        bodies.add(sw.otherwise());
      }
      for (Block body : bodies) {
        List<Stmt> statements = new ArrayList<>(body.statements());
        if (!statements.isEmpty() && statements.get(statements.size() - 1) instanceof Break) {
          statements.remove(statements.size() - 1);
        }
        parts.add(statements);
      }
    } else if (s instanceof For f) {
      if (f.declares()) {
        parts.add(withFirst(new DeclI(f.var(), f.from()), f.body()));
      } else if (f.from() != null) {
        parts.add(withFirst(new Ast.AssignI(f.var(), "=", f.from()), f.body()));
      } else {
        parts.add(f.body().statements());
      }
    } else if (s instanceof ForDown f) {
      parts.add(withFirst(new DeclI(f.var(), f.from()), f.body()));
    } else if (s instanceof ForDouble f) {
      parts.add(withFirst(new DeclD(f.var(), f.from()), f.body()));
    } else if (s instanceof ForEach f) {
      Stmt first =
          f.ints()
              ? new DeclI(f.var(), new Ast.IGet(f.array(), new ILit(0)))
              : new DeclD(f.var(), new Ast.DGet(f.array(), new ILit(0)));
      parts.add(withFirst(first, f.body()));
    } else if (s instanceof While w) {
      parts.add(withFirst(new DeclI(w.counter(), new ILit(1)), w.body()));
    }
    return parts;
  }

  private static List<Stmt> withFirst(Stmt first, Block body) {
    List<Stmt> statements = new ArrayList<>();
    statements.add(first);
    statements.addAll(body.statements());
    return statements;
  }

  /**
   * The statement with less in it: no else, one case fewer, a loop with fewer passes, an array
   * initializer with one element fewer.
   */
  private static List<Stmt> simpler(Stmt s) {
    List<Stmt> out = new ArrayList<>();
    if (s instanceof Ast.DeclDArrayInit d && d.elements().size() > 1) {
      for (int k = 0; k < d.elements().size(); k++) {
        List<DExpr> elements = new ArrayList<>(d.elements());
        elements.remove(k);
        out.add(new Ast.DeclDArrayInit(d.name(), elements));
      }
    }
    if (s instanceof Ast.DeclIArrayInit d && d.elements().size() > 1) {
      for (int k = 0; k < d.elements().size(); k++) {
        List<IExpr> elements = new ArrayList<>(d.elements());
        elements.remove(k);
        out.add(new Ast.DeclIArrayInit(d.name(), elements));
      }
    }
    if (s instanceof If i && i.otherwise() != null) {
      out.add(new If(i.cond(), i.then(), null));
    } else if (s instanceof Switch sw) {
      for (int k = 0; k < sw.cases().size(); k++) {
        List<Case> cases = new ArrayList<>(sw.cases());
        cases.remove(k);
        out.add(
            new Switch(
                sw.selector(), sw.arrows(), cases, sw.otherwise(), sw.defaultAt(), sw.stacked()));
      }
      if (sw.otherwise() != null) {
        out.add(new Switch(sw.selector(), sw.arrows(), sw.cases(), null, 0, sw.stacked()));
      }
    } else if (s instanceof For f) {
      if (f.extra() != null) {
        out.add(new For(f.var(), f.from(), f.bound(), null, f.step(), f.body(), f.declares()));
      }
      if (f.step() != 1) {
        out.add(new For(f.var(), f.from(), f.bound(), f.extra(), 1, f.body(), f.declares()));
      }
    } else if (s instanceof While w) {
      if (w.extra() != null) {
        out.add(new While(w.counter(), w.bound(), null, w.doWhile(), w.body()));
      }
      if (w.doWhile()) {
        out.add(new While(w.counter(), w.bound(), w.extra(), false, w.body()));
      }
    }
    return out;
  }
}
