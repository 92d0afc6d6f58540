package dev.chainrule.processor.fuzz;

import dev.chainrule.processor.fuzz.Ast.ArrayRef;
import dev.chainrule.processor.fuzz.Ast.AssignD;
import dev.chainrule.processor.fuzz.Ast.AssignI;
import dev.chainrule.processor.fuzz.Ast.Bin;
import dev.chainrule.processor.fuzz.Ast.Block;
import dev.chainrule.processor.fuzz.Ast.BoolLit;
import dev.chainrule.processor.fuzz.Ast.BoolVar;
import dev.chainrule.processor.fuzz.Ast.Break;
import dev.chainrule.processor.fuzz.Ast.Call;
import dev.chainrule.processor.fuzz.Ast.Cmp;
import dev.chainrule.processor.fuzz.Ast.Cond;
import dev.chainrule.processor.fuzz.Ast.Const;
import dev.chainrule.processor.fuzz.Ast.Continue;
import dev.chainrule.processor.fuzz.Ast.DGet;
import dev.chainrule.processor.fuzz.Ast.DSwitch;
import dev.chainrule.processor.fuzz.Ast.DeclD;
import dev.chainrule.processor.fuzz.Ast.DeclDArray;
import dev.chainrule.processor.fuzz.Ast.DeclDArrayInit;
import dev.chainrule.processor.fuzz.Ast.DeclI;
import dev.chainrule.processor.fuzz.Ast.DeclIArrayInit;
import dev.chainrule.processor.fuzz.Ast.Fn;
import dev.chainrule.processor.fuzz.Ast.For;
import dev.chainrule.processor.fuzz.Ast.ForDouble;
import dev.chainrule.processor.fuzz.Ast.ForDown;
import dev.chainrule.processor.fuzz.Ast.ForEach;
import dev.chainrule.processor.fuzz.Ast.FromInt;
import dev.chainrule.processor.fuzz.Ast.IBin;
import dev.chainrule.processor.fuzz.Ast.IGet;
import dev.chainrule.processor.fuzz.Ast.INeg;
import dev.chainrule.processor.fuzz.Ast.IVar;
import dev.chainrule.processor.fuzz.Ast.If;
import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Neg;
import dev.chainrule.processor.fuzz.Ast.Not;
import dev.chainrule.processor.fuzz.Ast.Param;
import dev.chainrule.processor.fuzz.Ast.Plus;
import dev.chainrule.processor.fuzz.Ast.Program;
import dev.chainrule.processor.fuzz.Ast.Return;
import dev.chainrule.processor.fuzz.Ast.SetD;
import dev.chainrule.processor.fuzz.Ast.SetI;
import dev.chainrule.processor.fuzz.Ast.Step;
import dev.chainrule.processor.fuzz.Ast.StepElement;
import dev.chainrule.processor.fuzz.Ast.Stmt;
import dev.chainrule.processor.fuzz.Ast.Switch;
import dev.chainrule.processor.fuzz.Ast.Ternary;
import dev.chainrule.processor.fuzz.Ast.While;
import dev.chainrule.processor.fuzz.Ast.Wrap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which features of the supported subset each checked program has, counted over a run and printed
 * as a table: every feature the generator can produce is listed, so one that a run never produced
 * shows as 0.
 */
final class Coverage {
  private final Map<String, Integer> programs = new LinkedHashMap<>();
  private int total;

  Coverage() {
    for (String f : ALL) {
      programs.put(f, 0);
    }
  }

  /** Every feature, in the order of the table. */
  static final List<String> ALL = all();

  private static List<String> all() {
    List<String> all = new ArrayList<>();
    for (String op : List.of("+", "-", "*", "/")) {
      all.add("double " + op);
    }
    all.addAll(List.of("unary -", "unary +", "(double) cast", "int widened to double"));
    for (String op : List.of("+", "-", "*", "/", "%")) {
      all.add("int " + op);
    }
    all.addAll(
        List.of(
            "int unary -",
            "long literal",
            "int helper call (wrap)",
            "boolean helper call",
            "Math.PI / Math.E",
            "own constant"));
    for (String f : Generator.FUNCTIONS) {
      all.add("Math." + f);
    }
    all.addAll(
        List.of(
            "StrictMath",
            "?:",
            "switch expression",
            "comparison of doubles",
            "comparison of ints",
            "&& / ||",
            "!",
            "boolean parameter",
            "boolean literal",
            "double local",
            "int local",
            "local double[] (new)",
            "local double[] {...}",
            "local int[] {...}",
            "double[] parameter",
            "two double[] parameters",
            "int parameter",
            "int[] parameter",
            "long parameter",
            "= to a local",
            "= to a parameter",
            "+= / -=",
            "*=",
            "/=",
            "++ / --",
            "int assignment",
            "prefix ++ / --",
            "redundant parentheses",
            "array element =",
            "array element op=",
            "array element ++ / --",
            "int[] element write",
            "if",
            "if/else",
            "else if",
            "switch (arrows)",
            "switch (colons)",
            "switch without default",
            "for",
            "for with extra condition",
            "for over an int declared before",
            "for (; ...) without init",
            "for over a double, halving",
            "switch with stacked labels",
            "switch with default not last",
            "for counting down",
            "for over a double",
            "enhanced for over double[]",
            "enhanced for over int[]",
            "while",
            "do/while",
            "nested loops",
            "break",
            "continue",
            "return inside a loop",
            "return inside a branch",
            "call",
            "call passing a double[]",
            "call passing a local array",
            "call passing an int[]",
            "call passing a boolean",
            "call inside a loop",
            "call passing one array twice",
            "call into a member class",
            "two helpers",
            "a name generated code uses",
            "wrt",
            "wrt listing some",
            "wrt leaving out a double[]",
            "write to a constant parameter"));
    return List.copyOf(all);
  }

  void add(Program program) {
    total++;
    for (String f : features(program)) {
      programs.merge(f, 1, Integer::sum);
    }
  }

  static Set<String> features(Program program) {
    Set<String> f = new LinkedHashSet<>();
    if (program.methods().size() >= 3) {
      f.add("two helpers");
    }
    if (program.nested() && program.methods().size() > 1) {
      f.add("call into a member class");
    }
    for (Method m : program.methods()) {
      for (Object n : Ast.nodes(m)) {
        String name = declared(n);
        if (name != null && hostile(name)) {
          f.add("a name generated code uses");
        }
      }
      for (Param p : m.params()) {
        if (hostile(p.name())) {
          f.add("a name generated code uses");
        }
      }
      if (m.params().stream().filter(p -> p.type() == Ast.Type.DOUBLE_ARRAY).count() > 1) {
        f.add("two double[] parameters");
      }
      for (Param p : m.params()) {
        switch (p.type()) {
          case DOUBLE_ARRAY -> f.add("double[] parameter");
          case INT -> f.add("int parameter");
          case INT_ARRAY -> f.add("int[] parameter");
          case LONG -> f.add("long parameter");
          case BOOLEAN -> f.add("boolean parameter");
          default -> {}
        }
      }
      wrt(m, f);
      statements(m.body(), 0, false, false, m, f);
      for (Object n : Ast.nodes(m.body())) {
        expression(n, m, f);
      }
    }
    return f;
  }

  private static void wrt(Method m, Set<String> f) {
    if (m.wrt().isEmpty()) {
      return;
    }
    f.add("wrt");
    Set<String> constants = new LinkedHashSet<>();
    for (Param p : m.params()) {
      if (!m.differentiates(p)
          && (p.type() == Ast.Type.DOUBLE || p.type() == Ast.Type.DOUBLE_ARRAY)) {
        constants.add(p.name());
        f.add("wrt listing some");
        if (p.type() == Ast.Type.DOUBLE_ARRAY) {
          f.add("wrt leaving out a double[]");
        }
      }
    }
    for (Object n : Ast.nodes(m.body())) {
      if (n instanceof AssignD a && constants.contains(a.name())
          || n instanceof Step st && constants.contains(st.name())) {
        f.add("write to a constant parameter");
      }
    }
  }

  private static String declared(Object n) {
    if (n instanceof DeclD d) {
      return d.name();
    } else if (n instanceof DeclI d) {
      return d.name();
    } else if (n instanceof DeclDArray d) {
      return d.name();
    } else if (n instanceof DeclDArrayInit d) {
      return d.name();
    } else if (n instanceof DeclIArrayInit d) {
      return d.name();
    } else if (n instanceof For loop) {
      return loop.var();
    } else if (n instanceof ForDown loop) {
      return loop.var();
    } else if (n instanceof ForDouble loop) {
      return loop.var();
    } else if (n instanceof ForEach loop) {
      return loop.var();
    } else if (n instanceof While loop) {
      return loop.counter();
    }
    return null;
  }

  /** Not one of the generator's plain names ({@code x}, {@code xs}, {@code v3}, ...). */
  private static boolean hostile(String name) {
    return !name.matches("[a-z]{1,2}[0-9]*|xs|ys|idx|flag");
  }

  private static void expression(Object n, Method m, Set<String> f) {
    if (n instanceof Bin b) {
      f.add("double " + b.op());
      if (b.left() instanceof FromInt l && !l.cast() && !(b.right() instanceof FromInt)
          || b.right() instanceof FromInt r && !r.cast() && !(b.left() instanceof FromInt)) {
        f.add("int widened to double");
      }
    } else if (n instanceof Neg) {
      f.add("unary -");
    } else if (n instanceof Ast.Paren) {
      f.add("redundant parentheses");
    } else if (n instanceof Plus) {
      f.add("unary +");
    } else if (n instanceof FromInt c && c.cast()) {
      f.add("(double) cast");
    } else if (n instanceof IBin b) {
      f.add("int " + b.op());
    } else if (n instanceof INeg) {
      f.add("int unary -");
    } else if (n instanceof Wrap) {
      f.add("int helper call (wrap)");
    } else if (n instanceof Ast.LLit) {
      f.add("long literal");
    } else if (n instanceof Ast.Above) {
      f.add("boolean helper call");
    } else if (n instanceof Const c) {
      f.add(c.text().startsWith("Math.") ? "Math.PI / Math.E" : "own constant");
    } else if (n instanceof IVar v && v.name().equals("K")) {
      f.add("own constant");
    } else if (n instanceof Fn fn) {
      f.add("Math." + fn.name());
      if (fn.strict()) {
        f.add("StrictMath");
      }
    } else if (n instanceof Ternary) {
      f.add("?:");
    } else if (n instanceof DSwitch) {
      f.add("switch expression");
    } else if (n instanceof Cmp c) {
      f.add(
          c.left() instanceof Ast.DExpr || c.right() instanceof Ast.DExpr
              ? "comparison of doubles"
              : "comparison of ints");
    } else if (n instanceof Ast.And || n instanceof Ast.Or) {
      f.add("&& / ||");
    } else if (n instanceof Not) {
      f.add("!");
    } else if (n instanceof BoolLit) {
      f.add("boolean literal");
    } else if (n instanceof Call call) {
      f.add("call");
      List<String> arrays = new ArrayList<>();
      for (Object a : call.args()) {
        if (a instanceof ArrayRef r) {
          if (arrays.contains(r.name())) {
            f.add("call passing one array twice");
          }
          arrays.add(r.name());
        }
      }
      for (Object a : call.args()) {
        if (a instanceof ArrayRef r) {
          boolean parameter = m.params().stream().anyMatch(p -> p.name().equals(r.name()));
          Ast.Type type =
              parameter
                  ? m.params().stream()
                      .filter(p -> p.name().equals(r.name()))
                      .findFirst()
                      .get()
                      .type()
                  : null;
          if (!parameter) {
            f.add("call passing a local array");
          } else if (type == Ast.Type.INT_ARRAY) {
            f.add("call passing an int[]");
          } else {
            f.add("call passing a double[]");
          }
        } else if (a instanceof Cond) {
          f.add("call passing a boolean");
        }
      }
    } else if (n instanceof DGet || n instanceof IGet || n instanceof BoolVar) {
      // counted through their declarations
    }
  }

  private static void statements(
      Stmt s, int loops, boolean inBranch, boolean inSwitch, Method m, Set<String> f) {
    if (s instanceof DeclD) {
      f.add("double local");
    } else if (s instanceof DeclI) {
      f.add("int local");
    } else if (s instanceof DeclDArray) {
      f.add("local double[] (new)");
    } else if (s instanceof DeclDArrayInit) {
      f.add("local double[] {...}");
    } else if (s instanceof DeclIArrayInit) {
      f.add("local int[] {...}");
    } else if (s instanceof AssignD a) {
      switch (a.op()) {
        case "=" -> {
          boolean parameter = m.params().stream().anyMatch(p -> p.name().equals(a.name()));
          f.add(parameter ? "= to a parameter" : "= to a local");
        }
        case "*=" -> f.add("*=");
        case "/=" -> f.add("/=");
        default -> f.add("+= / -=");
      }
    } else if (s instanceof AssignI) {
      f.add("int assignment");
    } else if (s instanceof Step st) {
      f.add(st.prefix() ? "prefix ++ / --" : "++ / --");
    } else if (s instanceof SetD set) {
      f.add(set.op().equals("=") ? "array element =" : "array element op=");
    } else if (s instanceof StepElement st) {
      f.add("array element ++ / --");
      if (st.prefix()) {
        f.add("prefix ++ / --");
      }
    } else if (s instanceof SetI) {
      f.add("int[] element write");
    } else if (s instanceof Break) {
      f.add("break");
    } else if (s instanceof Continue) {
      f.add("continue");
    } else if (s instanceof Return r) {
      if (loops > 0) {
        f.add("return inside a loop");
      }
      if (inBranch) {
        f.add("return inside a branch");
      }
    }
    if (loops > 0) {
      for (Object n : Ast.nodes(s)) {
        if (n instanceof Call && !(s instanceof Block)) {
          f.add("call inside a loop");
        }
      }
    }
    if (s instanceof If i) {
      f.add(i.otherwise() == null ? "if" : "if/else");
      if (i.otherwise() != null
          && i.otherwise().statements().size() == 1
          && i.otherwise().statements().get(0) instanceof If) {
        f.add("else if");
      }
      statements(i.then(), loops, true, inSwitch, m, f);
      if (i.otherwise() != null) {
        statements(i.otherwise(), loops, true, inSwitch, m, f);
      }
    } else if (s instanceof Switch sw) {
      f.add(sw.arrows() ? "switch (arrows)" : "switch (colons)");
      if (sw.stacked() && sw.cases().stream().anyMatch(c -> c.labels().size() > 1)) {
        f.add("switch with stacked labels");
      }
      if (sw.otherwise() != null && sw.defaultAt() < sw.cases().size()) {
        f.add("switch with default not last");
      }
      if (sw.otherwise() == null) {
        f.add("switch without default");
      }
      for (Ast.Case c : sw.cases()) {
        statements(c.body(), loops, true, true, m, f);
      }
      if (sw.otherwise() != null) {
        statements(sw.otherwise(), loops, true, true, m, f);
      }
    } else if (s instanceof Block b) {
      for (Stmt t : b.statements()) {
        statements(t, loops, inBranch, inSwitch, m, f);
      }
    } else if (s instanceof For
        || s instanceof ForDown
        || s instanceof ForDouble
        || s instanceof ForEach
        || s instanceof While) {
      if (loops > 0) {
        f.add("nested loops");
      }
      Block body;
      if (s instanceof For loop) {
        f.add("for");
        if (loop.extra() != null) {
          f.add("for with extra condition");
        }
        if (!loop.declares()) {
          f.add(
              loop.from() == null ? "for (; ...) without init" : "for over an int declared before");
        }
        body = loop.body();
      } else if (s instanceof ForDown loop) {
        f.add("for counting down");
        body = loop.body();
      } else if (s instanceof ForDouble loop) {
        f.add(loop.halving() ? "for over a double, halving" : "for over a double");
        body = loop.body();
      } else if (s instanceof ForEach loop) {
        f.add(loop.ints() ? "enhanced for over int[]" : "enhanced for over double[]");
        body = loop.body();
      } else {
        While loop = (While) s;
        f.add(loop.doWhile() ? "do/while" : "while");
        body = loop.body();
      }
      statements(body, loops + 1, inBranch, false, m, f);
    }
  }

  /** The table: for each feature, in how many of the programs it occurs. */
  String table() {
    StringBuilder b = new StringBuilder();
    b.append(String.format("features, in how many of the %d programs checked:%n", total));
    int column = 0;
    for (Map.Entry<String, Integer> e : programs.entrySet()) {
      b.append(String.format("  %-30s %5d", e.getKey(), e.getValue()));
      if (++column % 3 == 0) {
        b.append('\n');
      }
    }
    if (column % 3 != 0) {
      b.append('\n');
    }
    return b.toString();
  }

  /** Features no program had. */
  List<String> missing() {
    List<String> missing = new ArrayList<>();
    programs.forEach(
        (f, n) -> {
          if (n == 0) {
            missing.add(f);
          }
        });
    return missing;
  }
}
