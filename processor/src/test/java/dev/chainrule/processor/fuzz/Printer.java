package dev.chainrule.processor.fuzz;

import dev.chainrule.processor.fuzz.Ast.And;
import dev.chainrule.processor.fuzz.Ast.ArrayRef;
import dev.chainrule.processor.fuzz.Ast.AssignD;
import dev.chainrule.processor.fuzz.Ast.AssignI;
import dev.chainrule.processor.fuzz.Ast.Bin;
import dev.chainrule.processor.fuzz.Ast.Block;
import dev.chainrule.processor.fuzz.Ast.BoolLit;
import dev.chainrule.processor.fuzz.Ast.BoolVar;
import dev.chainrule.processor.fuzz.Ast.Break;
import dev.chainrule.processor.fuzz.Ast.Call;
import dev.chainrule.processor.fuzz.Ast.Case;
import dev.chainrule.processor.fuzz.Ast.Cmp;
import dev.chainrule.processor.fuzz.Ast.Cond;
import dev.chainrule.processor.fuzz.Ast.Const;
import dev.chainrule.processor.fuzz.Ast.Continue;
import dev.chainrule.processor.fuzz.Ast.DArm;
import dev.chainrule.processor.fuzz.Ast.DExpr;
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
import dev.chainrule.processor.fuzz.Ast.IExpr;
import dev.chainrule.processor.fuzz.Ast.IGet;
import dev.chainrule.processor.fuzz.Ast.ILen;
import dev.chainrule.processor.fuzz.Ast.ILit;
import dev.chainrule.processor.fuzz.Ast.INeg;
import dev.chainrule.processor.fuzz.Ast.IVar;
import dev.chainrule.processor.fuzz.Ast.If;
import dev.chainrule.processor.fuzz.Ast.Lit;
import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Neg;
import dev.chainrule.processor.fuzz.Ast.Node;
import dev.chainrule.processor.fuzz.Ast.Not;
import dev.chainrule.processor.fuzz.Ast.Or;
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
import dev.chainrule.processor.fuzz.Ast.Var;
import dev.chainrule.processor.fuzz.Ast.While;
import dev.chainrule.processor.fuzz.Ast.Wrap;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Prints a {@link Program} as the Java source of one class in package {@value #PACKAGE}, with as
 * few parentheses as Java's precedence allows (so a shrunk program reads as a person would write
 * it), but never fewer: the right operand of {@code - / *} at the same precedence is parenthesized,
 * since floating point is not associative. The class holds the constants {@code C} and {@code K}
 * and the int helper {@code wrap} when the program uses them.
 */
final class Printer {
  static final String PACKAGE = "fuzz";

  private static final int TERNARY = 20;
  private static final int OR = 30;
  private static final int AND = 40;
  private static final int EQUALITY = 55;
  private static final int RELATIONAL = 60;
  private static final int ADDITIVE = 70;
  private static final int MULTIPLICATIVE = 80;
  private static final int UNARY = 90;
  private static final int ATOM = 100;

  private final StringBuilder out = new StringBuilder();
  private final Program program;

  private Printer(Program program) {
    this.program = program;
  }

  /** The program's source file. */
  static String print(Program program) {
    Printer p = new Printer(program);
    p.program(program);
    return p.out.toString();
  }

  /** One expression, condition or statement, for messages. */
  static String print(Object node) {
    Printer p = new Printer(new Program("X", List.of()));
    if (node instanceof Stmt s) {
      p.statement(s, 0);
      return p.out.toString().strip();
    }
    return p.node((Node) node, 0);
  }

  /** {@code fuzz.P0012}. */
  static String qualifiedName(Program program) {
    return PACKAGE + "." + program.name();
  }

  private void program(Program program) {
    List<Object> all = Ast.nodes(program);
    boolean usesC = all.stream().anyMatch(n -> n instanceof Const c && c.text().equals("C"));
    boolean usesK = all.stream().anyMatch(n -> n instanceof IVar v && v.name().equals("K"));
    boolean usesL = all.stream().anyMatch(n -> n instanceof IVar v && v.name().equals("L"));
    boolean usesWrap = all.stream().anyMatch(n -> n instanceof Wrap);
    boolean usesAbove = all.stream().anyMatch(n -> n instanceof Ast.Above);
    line(0, "package " + PACKAGE + ";");
    line(0, "");
    line(0, "import dev.chainrule.Differentiable;");
    line(0, "");
    line(0, "final class " + program.name() + " {");
    if (usesC) {
      line(1, "static final double C = " + Ast.C + ";");
    }
    if (usesK) {
      line(1, "static final int K = " + Ast.K + ";");
    }
    if (usesL) {
      line(1, "static final long L = " + Ast.L + "L;");
    }
    if (usesC || usesK || usesL) {
      line(0, "");
    }
    if (usesWrap) {
      line(1, "static int wrap(int i, int n) {");
      line(2, "return (i % n + n) % n;");
      line(1, "}");
      line(0, "");
    }
    if (usesAbove) {
      line(1, "static boolean above(double v, double t) {");
      line(2, "return v > t;");
      line(1, "}");
      line(0, "");
    }
    List<Method> methods = program.methods();
    int outside = 0;
    if (program.nested() && methods.size() > 1) {
      line(1, "static final class H {");
      for (int i = 0; i < methods.size() - 1; i++) {
        if (i > 0) {
          line(0, "");
        }
        method(methods.get(i), 2);
      }
      line(1, "}");
      line(0, "");
      outside = methods.size() - 1;
    }
    for (int i = outside; i < methods.size(); i++) {
      if (i > outside) {
        line(0, "");
      }
      method(methods.get(i), 1);
    }
    line(0, "}");
  }

  private void method(Method m, int depth) {
    line(depth, annotation(m));
    String params = m.params().stream().map(p -> p.type().java + " " + p.name()).collect(joining());
    line(depth, "static double " + m.name() + "(" + params + ") {");
    for (Stmt s : m.body().statements()) {
      statement(s, depth + 1);
    }
    line(depth, "}");
  }

  /**
   * {@code @Differentiable}, with the method's {@code wrt} if it has one: {@code wrt = "x"} for one
   * name, {@code wrt = {"x", "xs"}} for more.
   */
  static String annotation(Method m) {
    if (m.wrt().isEmpty()) {
      return "@Differentiable";
    }
    List<String> quoted = m.wrt().stream().map(name -> '"' + name + '"').toList();
    String value = quoted.size() == 1 ? quoted.get(0) : "{" + String.join(", ", quoted) + "}";
    return "@Differentiable(wrt = " + value + ")";
  }

  static String signature(Method m) {
    return m.name()
        + "("
        + m.params().stream().map(Param::type).map(t -> t.java).collect(joining())
        + ")";
  }

  private static java.util.stream.Collector<CharSequence, ?, String> joining() {
    return Collectors.joining(", ");
  }

  // ---------------------------------------------------------------- statements

  private void statement(Stmt s, int depth) {
    if (s instanceof DeclD d) {
      line(depth, "double " + d.name() + " = " + d(d.init(), 0, true) + ";");
    } else if (s instanceof DeclI d) {
      line(depth, "int " + d.name() + " = " + i(d.init(), 0) + ";");
    } else if (s instanceof DeclDArray d) {
      line(depth, "double[] " + d.name() + " = new double[" + i(d.length(), 0) + "];");
    } else if (s instanceof DeclDArrayInit d) {
      String elements = d.elements().stream().map(e -> d(e, 0, true)).collect(joining());
      line(depth, "double[] " + d.name() + " = {" + elements + "};");
    } else if (s instanceof DeclIArrayInit d) {
      String elements = d.elements().stream().map(e -> i(e, 0)).collect(joining());
      line(depth, "int[] " + d.name() + " = {" + elements + "};");
    } else if (s instanceof AssignD a) {
      line(depth, a.name() + " " + a.op() + " " + d(a.value(), 0, true) + ";");
    } else if (s instanceof AssignI a) {
      line(depth, a.name() + " " + a.op() + " " + i(a.value(), 0) + ";");
    } else if (s instanceof Step st) {
      String op = st.increment() ? "++" : "--";
      line(depth, (st.prefix() ? op + st.name() : st.name() + op) + ";");
    } else if (s instanceof SetD set) {
      line(
          depth,
          set.array()
              + "["
              + i(set.index(), 0)
              + "] "
              + set.op()
              + " "
              + d(set.value(), 0, true)
              + ";");
    } else if (s instanceof StepElement st) {
      String op = st.increment() ? "++" : "--";
      String element = st.array() + "[" + i(st.index(), 0) + "]";
      line(depth, (st.prefix() ? op + element : element + op) + ";");
    } else if (s instanceof SetI set) {
      line(
          depth,
          set.array() + "[" + i(set.index(), 0) + "] " + set.op() + " " + i(set.value(), 0) + ";");
    } else if (s instanceof If f) {
      ifStatement(f, depth, "if");
    } else if (s instanceof Switch sw) {
      switchStatement(sw, depth);
    } else if (s instanceof For f) {
      String cond = f.var() + " < " + i(f.bound(), RELATIONAL + 1);
      if (f.extra() != null) {
        cond = cond + " && " + c(f.extra(), AND + 1);
      }
      String update = f.step() == 1 ? f.var() + "++" : f.var() + " += " + f.step();
      String init =
          f.declares()
              ? "int " + f.var() + " = " + i(f.from(), 0)
              : f.from() == null ? "" : f.var() + " = " + i(f.from(), 0);
      open(depth, "for (" + init + "; " + cond + "; " + update + ")");
      body(f.body(), depth);
    } else if (s instanceof ForDown f) {
      open(
          depth,
          "for (int "
              + f.var()
              + " = "
              + i(f.from(), 0)
              + "; "
              + f.var()
              + " >= 0; "
              + f.var()
              + "--)");
      body(f.body(), depth);
    } else if (s instanceof ForDouble f) {
      open(
          depth,
          "for (double "
              + f.var()
              + " = "
              + d(f.from(), 0, false)
              + "; "
              + f.var()
              + " < "
              + literal(f.limit())
              + "; "
              + (f.halving()
                  ? f.var() + " = " + f.var() + " * 0.5 + 1.25"
                  : f.var() + " += " + literal(f.step()))
              + ")");
      body(f.body(), depth);
    } else if (s instanceof ForEach f) {
      open(depth, "for (" + (f.ints() ? "int " : "double ") + f.var() + " : " + f.array() + ")");
      body(f.body(), depth);
    } else if (s instanceof While w) {
      line(depth, "int " + w.counter() + " = 0;");
      String cond = w.counter() + " < " + i(w.bound(), RELATIONAL + 1);
      if (w.extra() != null) {
        cond = cond + " && " + c(w.extra(), AND + 1);
      }
      if (w.doWhile()) {
        line(depth, "do {");
        line(depth + 1, w.counter() + "++;");
        for (Stmt t : w.body().statements()) {
          statement(t, depth + 1);
        }
        line(depth, "} while (" + cond + ");");
      } else {
        line(depth, "while (" + cond + ") {");
        line(depth + 1, w.counter() + "++;");
        for (Stmt t : w.body().statements()) {
          statement(t, depth + 1);
        }
        line(depth, "}");
      }
    } else if (s instanceof Break) {
      line(depth, "break;");
    } else if (s instanceof Continue) {
      line(depth, "continue;");
    } else if (s instanceof Return r) {
      line(depth, "return " + d(r.value(), 0, true) + ";");
    } else if (s instanceof Block b) {
      line(depth, "{");
      for (Stmt t : b.statements()) {
        statement(t, depth + 1);
      }
      line(depth, "}");
    } else {
      throw new IllegalArgumentException("cannot print " + s);
    }
  }

  private void ifStatement(If f, int depth, String keyword) {
    line(depth, keyword + " (" + c(f.cond(), 0) + ") {");
    for (Stmt t : f.then().statements()) {
      statement(t, depth + 1);
    }
    if (f.otherwise() == null) {
      line(depth, "}");
    } else if (f.otherwise().statements().size() == 1
        && f.otherwise().statements().get(0) instanceof If nested) {
      ifStatement(nested, depth, "} else if");
    } else {
      line(depth, "} else {");
      for (Stmt t : f.otherwise().statements()) {
        statement(t, depth + 1);
      }
      line(depth, "}");
    }
  }

  private void switchStatement(Switch sw, int depth) {
    line(depth, "switch (" + sw.selector() + ") {");
    for (int k = 0; k <= sw.cases().size(); k++) {
      if (k == sw.defaultAt() && sw.otherwise() != null) {
        caseBody(sw.arrows(), "default", sw.otherwise(), depth + 1);
      }
      if (k < sw.cases().size()) {
        Case c = sw.cases().get(k);
        String label =
            sw.stacked() && !sw.arrows()
                ? String.join(
                    ":\n" + "  ".repeat(depth + 1),
                    c.labels().stream().map(l -> "case " + l).toList())
                : "case " + labels(c.labels());
        caseBody(sw.arrows(), label, c.body(), depth + 1);
      }
    }
    line(depth, "}");
  }

  private void caseBody(boolean arrows, String label, Block body, int depth) {
    if (arrows) {
      line(depth, label + " -> {");
      for (Stmt t : body.statements()) {
        statement(t, depth + 1);
      }
      line(depth, "}");
    } else {
      line(depth, label + ":");
      for (Stmt t : body.statements()) {
        statement(t, depth + 1);
      }
    }
  }

  private static String labels(List<Integer> labels) {
    return labels.stream().map(String::valueOf).collect(joining());
  }

  private void body(Block body, int depth) {
    for (Stmt t : body.statements()) {
      statement(t, depth + 1);
    }
    line(depth, "}");
  }

  private void open(int depth, String header) {
    line(depth, header + " {");
  }

  private void line(int depth, String text) {
    if (!text.isEmpty()) {
      out.append("  ".repeat(depth));
    }
    out.append(text).append('\n');
  }

  // ---------------------------------------------------------------- expressions

  private String node(Node n, int context) {
    if (n instanceof DExpr e) {
      return d(e, context, true);
    }
    if (n instanceof IExpr e) {
      return i(e, context);
    }
    if (n instanceof Cond e) {
      return c(e, context);
    }
    return ((ArrayRef) n).name();
  }

  /**
   * A double expression where the surrounding operator binds with precedence {@code context}:
   * parenthesized if it binds less tightly. {@code widens}: a bare int here would be widened to
   * double by Java without changing the result (an assignment, an argument, an operand beside a
   * double).
   */
  private String d(DExpr e, int context, boolean widens) {
    if (e instanceof FromInt f) {
      if (!f.cast() && widens) {
        return i(f.operand(), context);
      }
      return paren("(double) " + i(f.operand(), UNARY + 1), UNARY, context);
    }
    if (e instanceof Lit l) {
      String text = literal(l.value());
      return text.startsWith("-") ? paren(text, UNARY, context) : text;
    }
    if (e instanceof Var v) {
      return v.name();
    }
    if (e instanceof Const k) {
      return k.text();
    }
    if (e instanceof DGet g) {
      return g.array() + "[" + i(g.index(), 0) + "]";
    }
    if (e instanceof Bin b) {
      int p = b.op() == '+' || b.op() == '-' ? ADDITIVE : MULTIPLICATIVE;
      // A bare int operand is widened only beside an operand that is a double for Java too.
      boolean leftWidens = !(b.right() instanceof FromInt);
      boolean rightWidens = !(b.left() instanceof FromInt);
      String left = d(b.left(), p, leftWidens);
      String right = d(b.right(), p + 1, rightWidens);
      return paren(left + " " + b.op() + " " + right, p, context);
    }
    if (e instanceof Neg n) {
      return paren("-" + unaryOperand(d(n.operand(), UNARY, false)), UNARY, context);
    }
    if (e instanceof Ast.Paren n) {
      return "(" + d(n.operand(), 0, false) + ")";
    }
    if (e instanceof Plus n) {
      return paren("+" + unaryOperand(d(n.operand(), UNARY, false)), UNARY, context);
    }
    if (e instanceof Fn f) {
      String args = f.args().stream().map(a -> d(a, 0, false)).collect(joining());
      return (f.strict() ? "StrictMath." : "Math.") + f.name() + "(" + args + ")";
    }
    if (e instanceof Ternary t) {
      return paren(
          c(t.cond(), OR)
              + " ? "
              + d(t.then(), TERNARY + 1, false)
              + " : "
              + d(t.otherwise(), TERNARY, false),
          TERNARY,
          context);
    }
    if (e instanceof DSwitch s) {
      StringBuilder b = new StringBuilder("switch (" + s.selector() + ") {");
      for (DArm arm : s.arms()) {
        b.append(" case ")
            .append(labels(arm.labels()))
            .append(" -> ")
            .append(d(arm.value(), 0, false))
            .append(";");
      }
      b.append(" default -> ").append(d(s.otherwise(), 0, false)).append("; }");
      // A switch expression is parenthesized whenever it is an operand, for the reader.
      return context > 0 ? "(" + b + ")" : b.toString();
    }
    if (e instanceof Call call) {
      String args = call.args().stream().map(a -> node(a, 0)).collect(joining());
      return (program.inH(call.method()) ? "H." : "") + call.method() + "(" + args + ")";
    }
    throw new IllegalArgumentException("cannot print " + e);
  }

  private String i(IExpr e, int context) {
    if (e instanceof ILit l) {
      String text = Integer.toString(l.value());
      return l.value() < 0 ? paren(text, UNARY, context) : text;
    }
    if (e instanceof Ast.LLit l) {
      String text = l.value() + "L";
      return l.value() < 0 ? paren(text, UNARY, context) : text;
    }
    if (e instanceof IVar v) {
      return v.name();
    }
    if (e instanceof ILen len) {
      return len.array() + ".length";
    }
    if (e instanceof IGet g) {
      return g.array() + "[" + i(g.index(), 0) + "]";
    }
    if (e instanceof IBin b) {
      int p = b.op() == '+' || b.op() == '-' ? ADDITIVE : MULTIPLICATIVE;
      return paren(i(b.left(), p) + " " + b.op() + " " + i(b.right(), p + 1), p, context);
    }
    if (e instanceof INeg n) {
      return paren("-" + unaryOperand(i(n.operand(), UNARY)), UNARY, context);
    }
    if (e instanceof Wrap w) {
      return "wrap(" + i(w.value(), 0) + ", " + i(w.modulus(), 0) + ")";
    }
    throw new IllegalArgumentException("cannot print " + e);
  }

  private String c(Cond e, int context) {
    if (e instanceof Cmp cmp) {
      int p = cmp.op().equals("==") || cmp.op().equals("!=") ? EQUALITY : RELATIONAL;
      return paren(
          node(cmp.left(), p) + " " + cmp.op() + " " + node(cmp.right(), p + 1), p, context);
    }
    if (e instanceof And a) {
      return paren(c(a.left(), AND) + " && " + c(a.right(), AND + 1), AND, context);
    }
    if (e instanceof Or o) {
      return paren(c(o.left(), OR) + " || " + c(o.right(), OR + 1), OR, context);
    }
    if (e instanceof Not n) {
      return "!" + c(n.operand(), UNARY + 1);
    }
    if (e instanceof BoolVar v) {
      return v.name();
    }
    if (e instanceof BoolLit l) {
      return Boolean.toString(l.value());
    }
    if (e instanceof Ast.Above a) {
      return "above(" + d(a.value(), 0, false) + ", " + literal(a.threshold()) + ")";
    }
    throw new IllegalArgumentException("cannot print " + e);
  }

  /** A unary operator's operand, parenthesized if it starts with a sign: no {@code --x}. */
  private static String unaryOperand(String text) {
    return text.startsWith("-") || text.startsWith("+") ? "(" + text + ")" : text;
  }

  private static String paren(String text, int precedence, int context) {
    return precedence < context ? "(" + text + ")" : text;
  }

  /** A double literal that Java reads back as exactly {@code value}, always with a point. */
  static String literal(double value) {
    String text = Double.toString(value);
    return text.contains(".") || text.contains("E") ? text : text + ".0";
  }
}
