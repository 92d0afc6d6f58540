package dev.chainrule.processor.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The syntax tree of the fuzz test's programs: a class of static methods over the subset a
 * {@code @Differentiable} method may contain. The {@link Generator} builds it, the {@link Printer}
 * turns it into Java source, the {@link Interpreter} runs it (with doubles or with the runtime's
 * {@code Value}s), and the {@link Shrinker} rewrites it into smaller programs.
 *
 * <p>Expressions are typed by their interface: {@link DExpr} is {@code double}-valued, {@link
 * IExpr} is {@code int}-valued (or {@code long}, for a {@code long} parameter), {@link Cond} is
 * {@code boolean}. Every variable name is unique within its method, so a block can be inlined into
 * its parent, and a loop's body replace the loop, without one name shadowing another.
 */
final class Ast {
  private Ast() {}

  enum Type {
    DOUBLE("double"),
    INT("int"),
    LONG("long"),
    BOOLEAN("boolean"),
    DOUBLE_ARRAY("double[]"),
    INT_ARRAY("int[]");

    final String java;

    Type(String java) {
      this.java = java;
    }

    boolean isArray() {
      return this == DOUBLE_ARRAY || this == INT_ARRAY;
    }
  }

  /** Anything that can be a call's argument or a comparison's operand. */
  sealed interface Node permits DExpr, IExpr, Cond, ArrayRef {}

  /** An array passed whole to a call. */
  record ArrayRef(String name) implements Node {}

  // ---------------------------------------------------------------- double-valued expressions

  sealed interface DExpr extends Node
      permits Lit, Var, Const, DGet, Bin, Neg, Plus, Fn, FromInt, Ternary, DSwitch, Call, Paren {}

  /** Parentheses the precedence does not need. */
  record Paren(DExpr operand) implements DExpr {}

  record Lit(double value) implements DExpr {}

  /** A {@code double} parameter or local. */
  record Var(String name) implements DExpr {}

  /** A named constant: {@code Math.PI}, {@code Math.E}, or the program's {@code C}. */
  record Const(String text, double value) implements DExpr {}

  /** {@code array[index]} of a {@code double[]}. */
  record DGet(String array, IExpr index) implements DExpr {}

  /** {@code left op right}, op one of {@code + - * /}. */
  record Bin(char op, DExpr left, DExpr right) implements DExpr {}

  record Neg(DExpr operand) implements DExpr {}

  /** Unary plus. */
  record Plus(DExpr operand) implements DExpr {}

  /** {@code Math.name(args)}, or {@code StrictMath.name(args)}. */
  record Fn(String name, boolean strict, List<DExpr> args) implements DExpr {}

  /**
   * An int (or long) used as a double: printed {@code (double) e} when {@code cast}, or where
   * leaving the conversion to Java would change the meaning; otherwise printed bare and widened by
   * Java.
   */
  record FromInt(IExpr operand, boolean cast) implements DExpr {}

  record Ternary(Cond cond, DExpr then, DExpr otherwise) implements DExpr {}

  /** {@code switch (selector) { case 0 -> a; case 1, 2 -> b; default -> c; }}. */
  record DSwitch(String selector, List<DArm> arms, DExpr otherwise) implements DExpr {}

  record DArm(List<Integer> labels, DExpr value) {}

  /** A call of another method of the program. */
  record Call(String method, List<Node> args) implements DExpr {}

  // ---------------------------------------------------------------- int-valued expressions

  sealed interface IExpr extends Node permits ILit, LLit, IVar, ILen, IGet, IBin, INeg, Wrap {}

  record ILit(int value) implements IExpr {}

  /** A long literal, {@code 3L}: only where a long may stand (a conversion or a comparison). */
  record LLit(long value) implements IExpr {}

  /** An {@code int} (or {@code long}) parameter or local. */
  record IVar(String name) implements IExpr {}

  /** {@code array.length}. */
  record ILen(String array) implements IExpr {}

  /** {@code array[index]} of an {@code int[]}. */
  record IGet(String array, IExpr index) implements IExpr {}

  /** {@code left op right}, op one of {@code + - * / %}. */
  record IBin(char op, IExpr left, IExpr right) implements IExpr {}

  record INeg(IExpr operand) implements IExpr {}

  /**
   * {@code wrap(value, modulus)}: a call of the program's static int helper that returns {@code
   * value} modulo {@code modulus} in {@code [0, modulus)}, a valid index for an array of that
   * length.
   */
  record Wrap(IExpr value, IExpr modulus) implements IExpr {}

  // ---------------------------------------------------------------- conditions

  sealed interface Cond extends Node permits Cmp, And, Or, Not, BoolVar, BoolLit, Above {}

  /** {@code left op right}, op one of {@code < <= > >= == !=}, operands DExpr or IExpr. */
  record Cmp(String op, Node left, Node right) implements Cond {}

  record And(Cond left, Cond right) implements Cond {}

  record Or(Cond left, Cond right) implements Cond {}

  record Not(Cond operand) implements Cond {}

  record BoolVar(String name) implements Cond {}

  record BoolLit(boolean value) implements Cond {}

  /**
   * {@code above(value, threshold)}: a call of the program's static boolean helper, which returns
   * {@code value > threshold}; a constant for differentiation.
   */
  record Above(DExpr value, double threshold) implements Cond {}

  // ---------------------------------------------------------------- statements

  sealed interface Stmt
      permits DeclD,
          DeclI,
          DeclDArray,
          DeclDArrayInit,
          DeclIArrayInit,
          AssignD,
          AssignI,
          Step,
          SetD,
          StepElement,
          SetI,
          If,
          Switch,
          For,
          ForDown,
          ForDouble,
          ForEach,
          While,
          Break,
          Continue,
          Return,
          Block {}

  record DeclD(String name, DExpr init) implements Stmt {}

  record DeclI(String name, IExpr init) implements Stmt {}

  /** {@code double[] name = new double[length];}. */
  record DeclDArray(String name, IExpr length) implements Stmt {}

  record DeclDArrayInit(String name, List<DExpr> elements) implements Stmt {}

  record DeclIArrayInit(String name, List<IExpr> elements) implements Stmt {}

  /** {@code name op value;}, op one of {@code = += -= *= /=}. */
  record AssignD(String name, String op, DExpr value) implements Stmt {}

  /** {@code name op value;}, op one of {@code = += -= *=}. */
  record AssignI(String name, String op, IExpr value) implements Stmt {}

  /** {@code name++;} or {@code name--;} of a double or int variable. */
  record Step(String name, boolean increment, boolean prefix) implements Stmt {
    Step(String name, boolean increment) {
      this(name, increment, false);
    }
  }

  /** {@code array[index] op value;} of a double[], op one of {@code = += -= *=}. */
  record SetD(String array, IExpr index, String op, DExpr value) implements Stmt {}

  /** {@code array[index]++;} or {@code --} of a double[] or int[]. */
  record StepElement(String array, IExpr index, boolean increment, boolean prefix) implements Stmt {
    StepElement(String array, IExpr index, boolean increment) {
      this(array, index, increment, false);
    }
  }

  /** {@code array[index] op value;} of an int[], op one of {@code = += -=}. */
  record SetI(String array, IExpr index, String op, IExpr value) implements Stmt {}

  /** {@code otherwise} is null for an if without else. */
  record If(Cond cond, Block then, Block otherwise) implements Stmt {}

  /**
   * A switch statement on an int variable, with arrow cases or colon cases (each colon case ends
   * with break, continue or return); {@code otherwise} is the default case, or null.
   */
  record Switch(
      String selector,
      boolean arrows,
      List<Case> cases,
      Block otherwise,
      int defaultAt,
      boolean stacked)
      implements Stmt {
    /**
     * {@code defaultAt}: how many cases the default is printed after (it changes nothing, as no
     * case falls through); {@code stacked}: colon cases with several labels are printed {@code case
     * 1: case 2:} rather than {@code case 1, 2:}.
     */
    Switch {
      defaultAt = Math.min(defaultAt, cases.size());
    }

    Switch(String selector, boolean arrows, List<Case> cases, Block otherwise) {
      this(selector, arrows, cases, otherwise, cases.size(), false);
    }
  }

  record Case(List<Integer> labels, Block body) {}

  /** {@code for (int var = from; var < bound && extra; var += step)}; {@code extra} may be null. */
  record For(
      String var, IExpr from, IExpr bound, Cond extra, int step, Block body, boolean declares)
      implements Stmt {
    /**
     * Unless {@code declares}, {@code var} is an int declared before the loop, set to {@code from}
     * ({@code for (i = 0; ...)}) or, when {@code from} is null, left as it is ({@code for (;
     * ...)}).
     */
    For(String var, IExpr from, IExpr bound, Cond extra, int step, Block body) {
      this(var, from, bound, extra, step, body, true);
    }
  }

  /** {@code for (int var = from; var >= 0; var--)}. */
  record ForDown(String var, IExpr from, Block body) implements Stmt {}

  /** {@code for (double var = from; var < limit; var += step)}, a loop over a double. */
  record ForDouble(String var, DExpr from, double limit, double step, Block body, boolean halving)
      implements Stmt {
    /** When {@code halving}, the update is {@code var = var * 0.5 + 1.25} instead. */
    ForDouble(String var, DExpr from, double limit, double step, Block body) {
      this(var, from, limit, step, body, false);
    }
  }

  /** {@code for (double var : array)}, or {@code int} over an int[]. */
  record ForEach(String var, boolean ints, String array, Block body) implements Stmt {}

  /**
   * {@code int counter = 0; while (counter < bound && extra) { counter++; body }}, or the same as a
   * do/while: the counter steps first, so a continue in the body cannot skip it.
   */
  record While(String counter, IExpr bound, Cond extra, boolean doWhile, Block body)
      implements Stmt {}

  record Break() implements Stmt {}

  record Continue() implements Stmt {}

  record Return(DExpr value) implements Stmt {}

  record Block(List<Stmt> statements) implements Stmt {
    Block {
      statements = List.copyOf(statements);
    }

    static Block of(Stmt... statements) {
      return new Block(List.of(statements));
    }

    boolean isEmpty() {
      return statements.isEmpty();
    }
  }

  // ---------------------------------------------------------------- declarations

  record Param(Type type, String name) {}

  /**
   * A method; {@code wrt} is its annotation's {@code wrt}, the double and double[] parameters it is
   * differentiated by, or empty for all of them (the annotation then has no {@code wrt}). Only a
   * method that no other method calls has one, so no call passes a varying value for a parameter
   * the callee leaves out.
   */
  record Method(String name, List<Param> params, Block body, List<String> wrt) {
    Method {
      params = List.copyOf(params);
      wrt = List.copyOf(wrt);
    }

    Method(String name, List<Param> params, Block body) {
      this(name, params, body, List.of());
    }

    /** Whether {@code p} has a gradient: a double or double[] that {@code wrt} lists, if any. */
    boolean differentiates(Param p) {
      return (p.type() == Type.DOUBLE || p.type() == Type.DOUBLE_ARRAY)
          && (wrt.isEmpty() || wrt.contains(p.name()));
    }

    Method withBody(Block newBody) {
      return new Method(name, params, newBody, wrt);
    }
  }

  /**
   * A class of methods, each {@code @Differentiable}; the last is the entry point. When {@code
   * nested}, the others live in the member class {@code H} and are called as {@code H.h0(...)}.
   */
  record Program(String name, List<Method> methods, boolean nested) {
    Program {
      methods = List.copyOf(methods);
    }

    Program(String name, List<Method> methods) {
      this(name, methods, false);
    }

    Program withMethods(List<Method> newMethods) {
      return new Program(name, newMethods, nested);
    }

    /** Whether {@code m} is printed in the member class {@code H}. */
    boolean inH(String method) {
      return nested && !method.equals(entry().name());
    }

    /** {@code P0001.f}, or {@code P0001.H.h0}: the name the harness knows the method by. */
    String qualified(Method m) {
      return name + (inH(m.name()) ? ".H." : ".") + m.name();
    }

    Method entry() {
      return methods.get(methods.size() - 1);
    }

    Method method(String name) {
      for (Method m : methods) {
        if (m.name().equals(name)) {
          return m;
        }
      }
      throw new IllegalArgumentException("no method " + name + " in " + this.name);
    }

    Program withName(String newName) {
      return new Program(newName, methods, nested);
    }
  }

  /** The program's constant {@code C}. */
  static final double C = 0.75;

  /** The program's int constant {@code K}. */
  static final int K = 3;

  /** The program's long constant {@code L}. */
  static final long L = 4;

  // ---------------------------------------------------------------- traversal

  /** Every node below {@code root}, root included, in prefix order. */
  static List<Object> nodes(Object root) {
    List<Object> all = new ArrayList<>();
    visit(root, all::add);
    return all;
  }

  /** Calls {@code action} on {@code root} and everything below it, in prefix order. */
  static void visit(Object root, Consumer<Object> action) {
    if (root == null) {
      return;
    }
    action.accept(root);
    for (Object child : children(root)) {
      visit(child, action);
    }
  }

  /** The direct children of a node, statement, block, case, arm or method, in source order. */
  static List<Object> children(Object node) {
    List<Object> c = new ArrayList<>();
    if (node instanceof Program p) {
      c.addAll(p.methods());
    } else if (node instanceof Method m) {
      c.add(m.body());
    } else if (node instanceof DGet g) {
      c.add(g.index());
    } else if (node instanceof Bin b) {
      c.add(b.left());
      c.add(b.right());
    } else if (node instanceof Neg n) {
      c.add(n.operand());
    } else if (node instanceof Paren n) {
      c.add(n.operand());
    } else if (node instanceof Plus p) {
      c.add(p.operand());
    } else if (node instanceof Fn f) {
      c.addAll(f.args());
    } else if (node instanceof FromInt f) {
      c.add(f.operand());
    } else if (node instanceof Ternary t) {
      c.add(t.cond());
      c.add(t.then());
      c.add(t.otherwise());
    } else if (node instanceof DSwitch s) {
      for (DArm arm : s.arms()) {
        c.add(arm.value());
      }
      c.add(s.otherwise());
    } else if (node instanceof Call call) {
      c.addAll(call.args());
    } else if (node instanceof IGet g) {
      c.add(g.index());
    } else if (node instanceof IBin b) {
      c.add(b.left());
      c.add(b.right());
    } else if (node instanceof INeg n) {
      c.add(n.operand());
    } else if (node instanceof Wrap w) {
      c.add(w.value());
      c.add(w.modulus());
    } else if (node instanceof Cmp cmp) {
      c.add(cmp.left());
      c.add(cmp.right());
    } else if (node instanceof And a) {
      c.add(a.left());
      c.add(a.right());
    } else if (node instanceof Or o) {
      c.add(o.left());
      c.add(o.right());
    } else if (node instanceof Not n) {
      c.add(n.operand());
    } else if (node instanceof Above a) {
      c.add(a.value());
    } else if (node instanceof DeclD d) {
      c.add(d.init());
    } else if (node instanceof DeclI d) {
      c.add(d.init());
    } else if (node instanceof DeclDArray d) {
      c.add(d.length());
    } else if (node instanceof DeclDArrayInit d) {
      c.addAll(d.elements());
    } else if (node instanceof DeclIArrayInit d) {
      c.addAll(d.elements());
    } else if (node instanceof AssignD a) {
      c.add(a.value());
    } else if (node instanceof AssignI a) {
      c.add(a.value());
    } else if (node instanceof SetD s) {
      c.add(s.index());
      c.add(s.value());
    } else if (node instanceof StepElement s) {
      c.add(s.index());
    } else if (node instanceof SetI s) {
      c.add(s.index());
      c.add(s.value());
    } else if (node instanceof If i) {
      c.add(i.cond());
      c.add(i.then());
      if (i.otherwise() != null) {
        c.add(i.otherwise());
      }
    } else if (node instanceof Switch s) {
      for (Case k : s.cases()) {
        c.add(k.body());
      }
      if (s.otherwise() != null) {
        c.add(s.otherwise());
      }
    } else if (node instanceof For f) {
      if (f.from() != null) {
        c.add(f.from());
      }
      c.add(f.bound());
      if (f.extra() != null) {
        c.add(f.extra());
      }
      c.add(f.body());
    } else if (node instanceof ForDown f) {
      c.add(f.from());
      c.add(f.body());
    } else if (node instanceof ForDouble f) {
      c.add(f.from());
      c.add(f.body());
    } else if (node instanceof ForEach f) {
      c.add(f.body());
    } else if (node instanceof While w) {
      c.add(w.bound());
      if (w.extra() != null) {
        c.add(w.extra());
      }
      c.add(w.body());
    } else if (node instanceof Return r) {
      c.add(r.value());
    } else if (node instanceof Block b) {
      c.addAll(b.statements());
    }
    return c;
  }

  /**
   * {@code node} with its {@link #children} replaced, in the same order: the inverse of {@link
   * #children}, which is how the shrinker rewrites one node deep in a program.
   */
  static Object withChildren(Object node, List<Object> c) {
    java.util.Iterator<Object> it = c.iterator();
    Object result;
    if (node instanceof Program p) {
      List<Method> methods = new ArrayList<>();
      p.methods().forEach(m -> methods.add((Method) it.next()));
      result = p.withMethods(methods);
    } else if (node instanceof Method m) {
      result = m.withBody((Block) it.next());
    } else if (node instanceof DGet g) {
      result = new DGet(g.array(), (IExpr) it.next());
    } else if (node instanceof Bin b) {
      result = new Bin(b.op(), (DExpr) it.next(), (DExpr) it.next());
    } else if (node instanceof Neg) {
      result = new Neg((DExpr) it.next());
    } else if (node instanceof Paren) {
      result = new Paren((DExpr) it.next());
    } else if (node instanceof Plus) {
      result = new Plus((DExpr) it.next());
    } else if (node instanceof Fn f) {
      List<DExpr> args = new ArrayList<>();
      f.args().forEach(a -> args.add((DExpr) it.next()));
      result = new Fn(f.name(), f.strict(), args);
    } else if (node instanceof FromInt f) {
      result = new FromInt((IExpr) it.next(), f.cast());
    } else if (node instanceof Ternary) {
      result = new Ternary((Cond) it.next(), (DExpr) it.next(), (DExpr) it.next());
    } else if (node instanceof DSwitch s) {
      List<DArm> arms = new ArrayList<>();
      s.arms().forEach(a -> arms.add(new DArm(a.labels(), (DExpr) it.next())));
      result = new DSwitch(s.selector(), arms, (DExpr) it.next());
    } else if (node instanceof Call call) {
      List<Node> args = new ArrayList<>();
      call.args().forEach(a -> args.add((Node) it.next()));
      result = new Call(call.method(), args);
    } else if (node instanceof IGet g) {
      result = new IGet(g.array(), (IExpr) it.next());
    } else if (node instanceof IBin b) {
      result = new IBin(b.op(), (IExpr) it.next(), (IExpr) it.next());
    } else if (node instanceof INeg) {
      result = new INeg((IExpr) it.next());
    } else if (node instanceof Wrap) {
      result = new Wrap((IExpr) it.next(), (IExpr) it.next());
    } else if (node instanceof Cmp cmp) {
      result = new Cmp(cmp.op(), (Node) it.next(), (Node) it.next());
    } else if (node instanceof And) {
      result = new And((Cond) it.next(), (Cond) it.next());
    } else if (node instanceof Or) {
      result = new Or((Cond) it.next(), (Cond) it.next());
    } else if (node instanceof Not) {
      result = new Not((Cond) it.next());
    } else if (node instanceof Above a) {
      result = new Above((DExpr) it.next(), a.threshold());
    } else if (node instanceof DeclD d) {
      result = new DeclD(d.name(), (DExpr) it.next());
    } else if (node instanceof DeclI d) {
      result = new DeclI(d.name(), (IExpr) it.next());
    } else if (node instanceof DeclDArray d) {
      result = new DeclDArray(d.name(), (IExpr) it.next());
    } else if (node instanceof DeclDArrayInit d) {
      List<DExpr> elements = new ArrayList<>();
      d.elements().forEach(e -> elements.add((DExpr) it.next()));
      result = new DeclDArrayInit(d.name(), elements);
    } else if (node instanceof DeclIArrayInit d) {
      List<IExpr> elements = new ArrayList<>();
      d.elements().forEach(e -> elements.add((IExpr) it.next()));
      result = new DeclIArrayInit(d.name(), elements);
    } else if (node instanceof AssignD a) {
      result = new AssignD(a.name(), a.op(), (DExpr) it.next());
    } else if (node instanceof AssignI a) {
      result = new AssignI(a.name(), a.op(), (IExpr) it.next());
    } else if (node instanceof SetD set) {
      result = new SetD(set.array(), (IExpr) it.next(), set.op(), (DExpr) it.next());
    } else if (node instanceof StepElement st) {
      result = new StepElement(st.array(), (IExpr) it.next(), st.increment(), st.prefix());
    } else if (node instanceof SetI set) {
      result = new SetI(set.array(), (IExpr) it.next(), set.op(), (IExpr) it.next());
    } else if (node instanceof If i) {
      Cond cond = (Cond) it.next();
      Block then = (Block) it.next();
      result = new If(cond, then, i.otherwise() == null ? null : (Block) it.next());
    } else if (node instanceof Switch sw) {
      List<Case> cases = new ArrayList<>();
      sw.cases().forEach(k -> cases.add(new Case(k.labels(), (Block) it.next())));
      Block otherwise = sw.otherwise() == null ? null : (Block) it.next();
      result =
          new Switch(sw.selector(), sw.arrows(), cases, otherwise, sw.defaultAt(), sw.stacked());
    } else if (node instanceof For f) {
      IExpr from = f.from() == null ? null : (IExpr) it.next();
      IExpr bound = (IExpr) it.next();
      Cond extra = f.extra() == null ? null : (Cond) it.next();
      result = new For(f.var(), from, bound, extra, f.step(), (Block) it.next(), f.declares());
    } else if (node instanceof ForDown f) {
      result = new ForDown(f.var(), (IExpr) it.next(), (Block) it.next());
    } else if (node instanceof ForDouble f) {
      result =
          new ForDouble(
              f.var(), (DExpr) it.next(), f.limit(), f.step(), (Block) it.next(), f.halving());
    } else if (node instanceof ForEach f) {
      result = new ForEach(f.var(), f.ints(), f.array(), (Block) it.next());
    } else if (node instanceof While w) {
      IExpr bound = (IExpr) it.next();
      Cond extra = w.extra() == null ? null : (Cond) it.next();
      result = new While(w.counter(), bound, extra, w.doWhile(), (Block) it.next());
    } else if (node instanceof Return) {
      result = new Return((DExpr) it.next());
    } else if (node instanceof Block) {
      List<Stmt> statements = new ArrayList<>();
      c.forEach(x -> statements.add((Stmt) x));
      return new Block(statements);
    } else {
      result = node; // leaves
    }
    if (it.hasNext()) {
      throw new IllegalArgumentException("too many children for " + node);
    }
    return result;
  }

  /**
   * {@code root} with the node at prefix-order position {@code index} (as {@link #nodes} numbers
   * them) replaced by {@code replacement}.
   */
  static Object replace(Object root, int index, Object replacement) {
    int[] counter = {0};
    return replace(root, index, replacement, counter);
  }

  private static Object replace(Object node, int index, Object replacement, int[] counter) {
    int here = counter[0]++;
    if (here == index) {
      counter[0] += nodes(node).size() - 1;
      return replacement;
    }
    List<Object> children = children(node);
    if (children.isEmpty()) {
      return node;
    }
    int end = here + nodes(node).size();
    if (index <= here || index >= end) {
      counter[0] = end;
      return node;
    }
    List<Object> replaced = new ArrayList<>();
    for (Object child : children) {
      replaced.add(replace(child, index, replacement, counter));
    }
    return withChildren(node, replaced);
  }

  /** The number of nodes: the size the shrinker reduces. */
  static int size(Object root) {
    return nodes(root).size();
  }

  // ---------------------------------------------------------------- reachability (JLS 14.22)

  /**
   * Whether a statement can complete normally in the sense of JLS 14.22, for the statements this
   * tree has: no loop condition here is a constant, so every loop but a do/while can complete.
   * javac rejects a statement after one that cannot (unreachable code), and a method body that can.
   */
  static boolean completes(Stmt s) {
    if (s instanceof Block b) {
      return b.statements().isEmpty() || completes(b.statements().get(b.statements().size() - 1));
    }
    if (s instanceof Break || s instanceof Continue || s instanceof Return) {
      return false;
    }
    if (s instanceof If i) {
      return i.otherwise() == null || completes(i.then()) || completes(i.otherwise());
    }
    if (s instanceof Switch sw) {
      if (sw.otherwise() == null || breaksOut(sw)) {
        return true;
      }
      if (!sw.arrows()) {
        return completes(sw.otherwise()); // the last group; the others end with a jump
      }
      for (Case c : sw.cases()) {
        if (completes(c.body())) {
          return true;
        }
      }
      return completes(sw.otherwise());
    }
    if (s instanceof While w && w.doWhile()) {
      return completes(w.body()) || continuesOrBreaks(w.body());
    }
    return true;
  }

  /** Whether a break inside the switch, not in a nested loop or switch, leaves it. */
  private static boolean breaksOut(Switch sw) {
    for (Case c : sw.cases()) {
      if (jumps(c.body(), true)) {
        return true;
      }
    }
    return sw.otherwise() != null && jumps(sw.otherwise(), true);
  }

  /** Whether the loop body has a break or continue for this loop. */
  private static boolean continuesOrBreaks(Block body) {
    return jumps(body, true) || jumps(body, false);
  }

  /** A break ({@code breaks}) or continue for the enclosing construct, not a nested one. */
  private static boolean jumps(Stmt s, boolean breaks) {
    if (s instanceof Break) {
      return breaks;
    }
    if (s instanceof Continue) {
      return !breaks;
    }
    if (s instanceof Block b) {
      for (Stmt t : b.statements()) {
        if (jumps(t, breaks)) {
          return true;
        }
      }
      return false;
    }
    if (s instanceof If i) {
      return jumps(i.then(), breaks) || (i.otherwise() != null && jumps(i.otherwise(), breaks));
    }
    if (s instanceof Switch sw) {
      if (breaks) {
        return false; // a break in a nested switch leaves that switch
      }
      for (Case c : sw.cases()) {
        if (jumps(c.body(), false)) {
          return true;
        }
      }
      return sw.otherwise() != null && jumps(sw.otherwise(), false);
    }
    return false; // loops: their jumps are their own
  }
}
