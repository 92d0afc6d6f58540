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
import dev.chainrule.processor.fuzz.Ast.Type;
import dev.chainrule.processor.fuzz.Ast.Var;
import dev.chainrule.processor.fuzz.Ast.While;
import dev.chainrule.processor.fuzz.Ast.Wrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Random programs over the whole subset a {@code @Differentiable} method may contain: expression
 * trees over every operator and Math function, double and int locals, reassignment and compound
 * assignment, if/else, switch statements and expressions, ?:, loops of every kind over small bounds
 * and small arrays (nested at most two deep, with break, continue and early return), local arrays,
 * calls between the program's methods with scalars and whole arrays, and {@code wrt} on methods no
 * other method calls, leaving some double and double[] parameters constant.
 *
 * <p><b>Valid by construction.</b> Every program compiles: names are unique per method, every local
 * is initialized, nothing follows a statement that cannot complete (JLS 14.22), each colon case
 * ends with a jump, and the method ends with a return. Every program runs: array indices are in
 * range (a loop variable over that array's length, a literal below its known length, or an int
 * wrapped into {@code [0, length)}), int divisors are nonzero, and every loop is bounded (counted,
 * at most 5 passes; while loops step their counter before anything else). Domains are kept by
 * construction: log and sqrt see {@code |e| + c} or {@code e·e + c}; asin and acos see {@code
 * 0.9·tanh(e)}; exp, sinh and cosh see arguments of at most 3; a divisor is {@code e·e + c}, {@code
 * |e| + c}, {@code 2 + sin e} or a nonzero literal; a power's base is positive unless its exponent
 * is a whole literal; hypot and atan2 get a second argument that is not identically zero, and cbrt
 * an offset argument, so no derivative is evaluated at a singularity that a structurally zero
 * argument (such as {@code x - x}) would reach.
 *
 * <p><b>Magnitudes.</b> Each expression carries a bound on its magnitude, computed from the bounds
 * of the variables it reads; one that could exceed {@value #CAP} is squashed ({@code tanh}, {@code
 * sin}, {@code atan}, {@code e / (1 + |e|)}, a clamp with {@code max}/{@code min}, or a scale).
 * Loops make the bound heuristic, so the fuzz test also measures every program with the interpreter
 * and keeps only points where every value stays below its limit.
 */
final class Generator {
  static final double CAP = 20;

  /** Math functions, each with its own domain guard below. */
  static final List<String> FUNCTIONS =
      List.of(
          "sin", "cos", "tan", "asin", "acos", "atan", "atan2", "sinh", "cosh", "tanh", "exp",
          "expm1", "log", "log10", "log1p", "sqrt", "cbrt", "pow", "hypot", "abs", "max", "min",
          "signum", "floor", "ceil", "rint");

  private static final double[] LITERALS = {
    0.5, 2.0, 1.5, 0.25, 3.0, 0.1, 0.7, 1.0, 0.37, -1.5, -0.5, 0.0, 1.25, 4.0
  };

  /** A variable in scope while a method is generated. */
  private static final class V {
    final String name;
    final Type type;
    final boolean assignable;
    final boolean local;
    final int loopLevel;
    double bound;
    boolean nonNegative;
    int knownLength;
    final Set<String> indexFor = new HashSet<>();

    V(String name, Type type, boolean assignable, boolean local, int loopLevel, double bound) {
      this.name = name;
      this.type = type;
      this.assignable = assignable;
      this.local = local;
      this.loopLevel = loopLevel;
      this.bound = bound;
    }
  }

  /** Where a statement is generated. */
  private record Ctx(int loops, boolean canBreak, boolean canContinue, int depth, int passes) {
    Ctx inLoop(int passes) {
      return new Ctx(loops + 1, true, true, depth + 1, this.passes * passes);
    }

    /** chainrule takes a break in a switch only as the last statement of a case. */
    Ctx inSwitch() {
      return new Ctx(loops, false, canContinue, depth + 1, passes);
    }

    Ctx nested() {
      return new Ctx(loops, canBreak, canContinue, depth + 1, passes);
    }
  }

  private record G(DExpr e, double bound) {}

  private record GI(IExpr e, double bound, boolean nonNegative) {}

  private final SplittableRandom random;
  private final List<Method> methods = new ArrayList<>();
  private final Map<String, Double> returnBounds = new HashMap<>();

  private List<V> scope;
  private Set<String> used;

  /** Int variables a loop header steps: the body must not assign them. */
  private final Set<String> locked = new HashSet<>();

  private int names;
  private int budget;
  private double returnBound;

  private Generator(SplittableRandom random) {
    this.random = random;
  }

  /** A program of one to three methods, the last one the entry point. */
  static Program program(String name, SplittableRandom random) {
    return new Generator(random).program(name);
  }

  private Program program(String name) {
    int helpers = pick(new double[] {0.45, 0.35, 0.2});
    for (int k = 0; k < helpers; k++) {
      methods.add(method("h" + k, 2 + random.nextInt(4)));
    }
    methods.add(method("f", 3 + random.nextInt(8)));
    withWrt();
    return new Program(name, methods, helpers > 0 && chance(0.25));
  }

  /**
   * Gives some methods that no other method calls (always {@code f}, sometimes a helper) a {@code
   * wrt}: a random non-empty subset of their double and double[] parameters, sometimes all of them,
   * in their order or shuffled. The others become constants. A called method keeps the default, so
   * no call can pass a varying value for a parameter its callee leaves out (a compile error).
   */
  private void withWrt() {
    Set<String> called = new HashSet<>();
    for (Method m : methods) {
      for (Object n : Ast.nodes(m)) {
        if (n instanceof Call call) {
          called.add(call.method());
        }
      }
    }
    for (int k = 0; k < methods.size(); k++) {
      Method m = methods.get(k);
      List<String> differentiable = new ArrayList<>();
      for (Param p : m.params()) {
        if (p.type() == Type.DOUBLE || p.type() == Type.DOUBLE_ARRAY) {
          differentiable.add(p.name());
        }
      }
      if (called.contains(m.name()) || differentiable.isEmpty() || !chance(0.35)) {
        continue;
      }
      List<String> wrt = new ArrayList<>();
      if (chance(0.25)) {
        wrt.addAll(differentiable);
      } else {
        for (String name : differentiable) {
          if (chance(0.5)) {
            wrt.add(name);
          }
        }
        if (wrt.isEmpty()) {
          wrt.add(differentiable.get(random.nextInt(differentiable.size())));
        }
      }
      if (wrt.size() > 1 && chance(0.3)) {
        java.util.Collections.shuffle(wrt, new java.util.Random(random.nextLong()));
      }
      methods.set(k, new Method(m.name(), m.params(), m.body(), wrt));
    }
  }

  // ---------------------------------------------------------------- methods

  private Method method(String name, int statements) {
    scope = new ArrayList<>();
    used = new HashSet<>();
    names = 0;
    budget = statements;
    returnBound = 0;
    List<Param> params = new ArrayList<>();
    int doubles = random.nextInt(4);
    boolean doubleArray = chance(0.4);
    boolean constant = chance(0.04); // no differentiable parameter: every value is a constant
    if (constant) {
      doubles = 0;
      doubleArray = false;
    } else if (doubles == 0 && !doubleArray) {
      doubles = 1;
    }
    String[] scalarNames = {"x", "y", "z"};
    for (int k = 0; k < doubles; k++) {
      params.add(parameter(Type.DOUBLE, scalarNames[k]));
    }
    if (doubleArray) {
      params.add(parameter(Type.DOUBLE_ARRAY, "xs"));
      if (chance(0.25)) {
        params.add(parameter(Type.DOUBLE_ARRAY, "ys"));
      }
    }
    if (constant || chance(0.4)) {
      params.add(parameter(Type.INT, "n"));
    }
    if (chance(doubleArray ? (name.equals("f") ? 0.3 : 0.45) : 0.1)) {
      params.add(parameter(Type.INT_ARRAY, "idx"));
    }
    if (chance(0.12)) {
      params.add(parameter(Type.BOOLEAN, "flag"));
    }
    if (chance(0.08)) {
      params.add(parameter(Type.LONG, "m"));
    }
    if (params.size() > 1 && chance(0.5)) {
      java.util.Collections.shuffle(params, new java.util.Random(random.nextLong()));
    }
    for (Param p : params) {
      V v =
          switch (p.type()) {
            case DOUBLE -> new V(p.name(), p.type(), true, false, 0, 2);
            case INT -> new V(p.name(), p.type(), true, false, 0, 7);
            case LONG -> new V(p.name(), p.type(), false, false, 0, 4);
            case DOUBLE_ARRAY -> new V(p.name(), p.type(), false, false, 0, 2);
            case INT_ARRAY -> new V(p.name(), p.type(), false, false, 0, 5);
            case BOOLEAN -> new V(p.name(), p.type(), false, false, 0, 1);
          };
      scope.add(v);
    }
    Ctx top = new Ctx(0, false, false, 0, 1);
    List<Stmt> body = new ArrayList<>();
    boolean open = statements(body, top, budget);
    if (open) {
      body.add(new Return(finalResult()));
    }
    Method m = new Method(name, params, new Block(body));
    returnBounds.put(name, returnBound);
    return m;
  }

  private Param parameter(Type type, String plain) {
    String name = hostile(plain, 0.06);
    used.add(name);
    return new Param(type, name);
  }

  /** A result that reads several of the method's values, so that few of them are dead. */
  private DExpr finalResult() {
    List<V> doubles = vars(v -> v.type == Type.DOUBLE);
    G result = expr(2);
    int terms = Math.min(doubles.size(), 1 + random.nextInt(3));
    for (int k = 0; k < terms; k++) {
      V v = doubles.get(random.nextInt(doubles.size()));
      G term = new G(new Var(v.name), v.bound);
      result = chance(0.7) ? combine('+', result, term) : combine('*', result, squash(term, 3));
    }
    returnBound = Math.max(returnBound, result.bound());
    return result.e();
  }

  // ---------------------------------------------------------------- statements

  /**
   * Appends up to {@code count} statements; false if the last cannot complete normally, so that
   * nothing may follow it.
   */
  private boolean statements(List<Stmt> out, Ctx ctx, int count) {
    for (int k = 0; k < count && budget > 0; k++) {
      budget--;
      Stmt s = statement(ctx);
      if (s == null) {
        continue;
      }
      out.add(s);
      if (!Ast.completes(s)) {
        return false;
      }
    }
    return true;
  }

  private Block block(Ctx ctx, int count) {
    List<V> saved = new ArrayList<>(scope);
    List<Stmt> out = new ArrayList<>();
    statements(out, ctx, Math.max(1, count));
    scope = saved;
    return new Block(out);
  }

  private Stmt statement(Ctx ctx) {
    List<Supplier<Stmt>> options = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    option(options, weights, 4, () -> declareDouble(ctx));
    option(options, weights, 0.7, () -> declareInt(ctx));
    if (ctx.depth() <= 2) {
      option(options, weights, 0.9, () -> declareDoubleArray(ctx));
      option(options, weights, 0.25, () -> declareIntArray(ctx));
    }
    if (!vars(v -> v.type == Type.DOUBLE && v.assignable).isEmpty()) {
      option(options, weights, 2.5, () -> assignDouble(ctx));
      option(options, weights, 2, () -> compoundDouble(ctx));
      option(options, weights, 0.3, () -> stepDouble(ctx));
    }
    if (!vars(v -> v.type == Type.INT && v.assignable && !locked.contains(v.name)).isEmpty()) {
      option(options, weights, 0.6, () -> assignInt(ctx));
    }
    if (!vars(v -> v.type == Type.DOUBLE_ARRAY && v.local).isEmpty()) {
      option(options, weights, 4, () -> setElement(ctx));
      option(options, weights, 0.5, () -> stepElement(ctx, Type.DOUBLE_ARRAY));
    }
    if (!vars(v -> v.type == Type.INT_ARRAY && v.local).isEmpty()) {
      option(options, weights, 1.5, () -> setIntElement(ctx));
      option(options, weights, 0.3, () -> stepElement(ctx, Type.INT_ARRAY));
    }
    if (budget >= 1 && ctx.depth() < 4) {
      option(options, weights, 2, () -> ifStatement(ctx));
      if (!vars(v -> v.type == Type.INT).isEmpty()) {
        option(options, weights, 0.6, () -> switchStatement(ctx));
      }
      option(options, weights, 0.15, () -> new Block(block(ctx.nested(), 2).statements()));
    }
    if (ctx.loops() < 2 && budget >= 1) {
      option(options, weights, 1.3, () -> forLoop(ctx));
      option(options, weights, 0.3, () -> forDown(ctx));
      if (!vars(v -> v.type.isArray()).isEmpty()) {
        option(options, weights, 0.7, () -> forEach(ctx));
      }
      option(options, weights, 0.45, () -> whileLoop(ctx));
      option(options, weights, 0.15, () -> forDouble(ctx));
    }
    if (ctx.canBreak() || ctx.canContinue()) {
      option(options, weights, 0.9, () -> guardedJump(ctx));
    }
    option(options, weights, 0.35, () -> guardedReturn(ctx));
    double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
    return options.get(pick(w)).get();
  }

  private static void option(
      List<Supplier<Stmt>> options, List<Double> weights, double weight, Supplier<Stmt> s) {
    options.add(s);
    weights.add(weight);
  }

  private Stmt declareDouble(Ctx ctx) {
    G init = expr(3);
    V v = new V(fresh("v"), Type.DOUBLE, true, true, ctx.loops(), init.bound());
    scope.add(v);
    return new DeclD(v.name, init.e());
  }

  private Stmt declareInt(Ctx ctx) {
    GI init = intExpr(2);
    V v = new V(fresh("k"), Type.INT, true, true, ctx.loops(), init.bound());
    scope.add(v);
    return new DeclI(v.name, init.e());
  }

  private Stmt declareDoubleArray(Ctx ctx) {
    String name = fresh("a");
    V v;
    Stmt s;
    List<V> arrays = vars(a -> a.type.isArray());
    if (chance(0.5)) {
      int n = 1 + random.nextInt(4);
      List<DExpr> elements = new ArrayList<>();
      double bound = 0;
      for (int k = 0; k < n; k++) {
        G e = expr(2);
        elements.add(e.e());
        bound = Math.max(bound, e.bound());
      }
      v = new V(name, Type.DOUBLE_ARRAY, false, true, ctx.loops(), bound);
      v.knownLength = n;
      s = new DeclDArrayInit(name, elements);
    } else if (!arrays.isEmpty() && chance(0.5)) {
      V other = arrays.get(random.nextInt(arrays.size()));
      v = new V(name, Type.DOUBLE_ARRAY, false, true, ctx.loops(), 0);
      v.knownLength = other.knownLength;
      s = new DeclDArray(name, new ILen(other.name));
    } else {
      int n = 1 + random.nextInt(5);
      v = new V(name, Type.DOUBLE_ARRAY, false, true, ctx.loops(), 0);
      v.knownLength = n;
      s = new DeclDArray(name, new ILit(n));
    }
    scope.add(v);
    return s;
  }

  private Stmt declareIntArray(Ctx ctx) {
    int n = 1 + random.nextInt(4);
    List<IExpr> elements = new ArrayList<>();
    double bound = 0;
    for (int k = 0; k < n; k++) {
      GI e = intExpr(1);
      elements.add(e.e());
      bound = Math.max(bound, e.bound());
    }
    V v = new V(fresh("ia"), Type.INT_ARRAY, false, true, ctx.loops(), bound);
    v.knownLength = n;
    scope.add(v);
    return new DeclIArrayInit(v.name, elements);
  }

  /** The bound a variable may keep when it is assigned in a loop it was declared outside. */
  private double assignmentCap(V v, Ctx ctx) {
    return ctx.loops() > v.loopLevel && ctx.passes() > 1 ? Math.max(v.bound, 4) : CAP;
  }

  private Stmt assignDouble(Ctx ctx) {
    V v = pickVar(x -> x.type == Type.DOUBLE && x.assignable);
    G value = squash(expr(3), assignmentCap(v, ctx));
    v.bound = Math.max(v.bound, value.bound());
    return new AssignD(v.name, "=", value.e());
  }

  private Stmt compoundDouble(Ctx ctx) {
    V v = pickVar(x -> x.type == Type.DOUBLE && x.assignable);
    int passes = ctx.loops() > v.loopLevel ? ctx.passes() : 1;
    switch (random.nextInt(4)) {
      case 0, 1:
        {
          String op = chance(0.6) ? "+=" : "-=";
          G value = squash(expr(2), passes > 1 ? 2 : CAP);
          v.bound += passes * value.bound();
          return new AssignD(v.name, op, value.e());
        }
      case 2:
        {
          G factor = squash(expr(2), 1.2);
          v.bound *= Math.pow(Math.max(1, factor.bound()), passes);
          return new AssignD(v.name, "*=", factor.e());
        }
      default:
        {
          G divisor = divisor();
          if (passes > 1 && lowerBound(divisor) < 1) {
            G e = squash(expr(1), 3);
            divisor = new G(new Bin('+', new Fn("abs", false, List.of(e.e())), new Lit(1.0)), 4);
          }
          v.bound /= Math.min(1, lowerBound(divisor));
          return new AssignD(v.name, "/=", divisor.e());
        }
    }
  }

  private Stmt stepDouble(Ctx ctx) {
    V v = pickVar(x -> x.type == Type.DOUBLE && x.assignable);
    v.bound += ctx.loops() > v.loopLevel ? ctx.passes() : 1;
    return new Step(v.name, chance(0.5), chance(0.3));
  }

  private Stmt assignInt(Ctx ctx) {
    V v = pickVar(x -> x.type == Type.INT && x.assignable && !locked.contains(x.name));
    boolean inLoop = ctx.loops() > v.loopLevel;
    if (chance(0.3)) {
      v.bound += inLoop ? ctx.passes() : 1;
      return new Step(v.name, chance(0.6), chance(0.3));
    }
    GI value = intExpr(1);
    if (inLoop || value.bound() > 10) {
      IExpr small = new IBin('%', value.e(), new ILit(2 + random.nextInt(3)));
      String op = chance(0.5) ? "+=" : "=";
      v.bound = op.equals("=") ? Math.max(v.bound, 4) : v.bound + 4 * ctx.passes();
      return new AssignI(v.name, op, small);
    }
    String op = new String[] {"=", "+=", "-=", "*="}[random.nextInt(4)];
    if (op.equals("*=")) {
      IExpr factor = new IBin('%', value.e(), new ILit(3));
      v.bound *= 2;
      return new AssignI(v.name, op, factor);
    }
    v.bound = op.equals("=") ? Math.max(v.bound, value.bound()) : v.bound + value.bound();
    return new AssignI(v.name, op, value.e());
  }

  private Stmt setElement(Ctx ctx) {
    V a = pickVar(x -> x.type == Type.DOUBLE_ARRAY && x.local);
    IExpr index = index(a);
    int passes = ctx.loops() > a.loopLevel ? ctx.passes() : 1;
    String op = new String[] {"=", "=", "+=", "-=", "*="}[random.nextInt(5)];
    G value;
    switch (op) {
      case "=":
        value = squash(expr(3), passes > 1 ? Math.max(a.bound, 4) : CAP);
        a.bound = Math.max(a.bound, value.bound());
        break;
      case "*=":
        value = squash(expr(2), 1.2);
        a.bound *= Math.pow(Math.max(1, value.bound()), passes);
        break;
      default:
        value = squash(expr(2), passes > 1 ? 2 : CAP);
        a.bound += passes * value.bound();
        break;
    }
    return new SetD(a.name, index, op, value.e());
  }

  private Stmt setIntElement(Ctx ctx) {
    V a = pickVar(x -> x.type == Type.INT_ARRAY && x.local);
    IExpr index = index(a);
    GI value = intExpr(1);
    IExpr small = new IBin('%', value.e(), new ILit(4));
    String op = new String[] {"=", "+=", "-="}[random.nextInt(3)];
    a.bound = op.equals("=") ? Math.max(a.bound, 3) : a.bound + 3 * ctx.passes();
    return new SetI(a.name, index, op, small);
  }

  private Stmt stepElement(Ctx ctx, Type type) {
    V a = pickVar(x -> x.type == type && x.local);
    a.bound += ctx.loops() > a.loopLevel ? ctx.passes() : 1;
    return new StepElement(a.name, index(a), chance(0.6), chance(0.3));
  }

  private Stmt ifStatement(Ctx ctx) {
    Cond cond = cond(2);
    Block then = block(ctx.nested(), 1 + random.nextInt(3));
    Block otherwise = null;
    double r = random.nextDouble();
    if (r < 0.2 && budget > 0) {
      otherwise = Block.of(ifStatement(ctx));
    } else if (r < 0.6) {
      otherwise = block(ctx.nested(), 1 + random.nextInt(3));
    }
    return new If(cond, then, otherwise);
  }

  private Stmt switchStatement(Ctx ctx) {
    V selector = pickVar(v -> v.type == Type.INT);
    boolean arrows = chance(0.5);
    List<Integer> labels = new ArrayList<>(List.of(-1, 0, 1, 2, 3));
    java.util.Collections.shuffle(labels, new java.util.Random(random.nextLong()));
    int count = 1 + random.nextInt(3);
    List<Case> cases = new ArrayList<>();
    int next = 0;
    boolean stacked = !arrows && chance(0.5);
    for (int k = 0; k < count && next < labels.size(); k++) {
      int width = (arrows || stacked) && chance(0.25) ? 2 : 1;
      List<Integer> these =
          new ArrayList<>(labels.subList(next, Math.min(labels.size(), next + width)));
      next += these.size();
      java.util.Collections.sort(these);
      cases.add(new Case(these, caseBody(ctx, arrows)));
    }
    Block otherwise = chance(0.7) ? caseBody(ctx, arrows) : null;
    int defaultAt = chance(0.7) ? cases.size() : random.nextInt(cases.size() + 1);
    return new Switch(selector.name, arrows, cases, otherwise, defaultAt, stacked);
  }

  /** A case's statements; a colon case ends with break, continue or return. */
  private Block caseBody(Ctx ctx, boolean arrows) {
    Ctx inside = ctx.inSwitch();
    List<V> saved = new ArrayList<>(scope);
    List<Stmt> out = new ArrayList<>();
    boolean open = statements(out, inside, 1 + random.nextInt(2));
    if (!arrows && open) {
      double r = random.nextDouble();
      if (r < 0.2) {
        out.add(new Return(returnValue()));
      } else if (r < 0.35 && ctx.canContinue()) {
        out.add(new Continue());
      } else {
        out.add(new Break());
      }
    }
    scope = saved;
    return new Block(out);
  }

  private DExpr returnValue() {
    G value = expr(3);
    returnBound = Math.max(returnBound, value.bound());
    return value.e();
  }

  private Stmt guardedJump(Ctx ctx) {
    Stmt jump;
    if (ctx.canBreak() && (!ctx.canContinue() || chance(0.55))) {
      jump = new Break();
    } else {
      jump = new Continue();
    }
    if (chance(0.08)) {
      return jump; // unconditional: the rest of the body is never reached
    }
    List<Stmt> then = new ArrayList<>();
    if (chance(0.3)) {
      List<V> saved = new ArrayList<>(scope);
      statements(then, ctx.nested(), 1);
      scope = saved;
    }
    if (then.isEmpty() || Ast.completes(then.get(then.size() - 1))) {
      then.add(jump);
    }
    return new If(cond(1), new Block(then), null);
  }

  private Stmt guardedReturn(Ctx ctx) {
    List<Stmt> then = new ArrayList<>();
    if (chance(0.3)) {
      List<V> saved = new ArrayList<>(scope);
      statements(then, ctx.nested(), 1);
      scope = saved;
    }
    if (then.isEmpty() || Ast.completes(then.get(then.size() - 1))) {
      then.add(new Return(returnValue()));
    }
    return new If(cond(2), new Block(then), null);
  }

  // ---------------------------------------------------------------- loops

  private Stmt forLoop(Ctx ctx) {
    String var = fresh("i");
    List<V> arrays = vars(v -> v.type.isArray());
    IExpr bound;
    Set<String> valid = new HashSet<>();
    int passes;
    double r = random.nextDouble();
    if (!arrays.isEmpty() && r < 0.45) {
      V a = arrays.get(random.nextInt(arrays.size()));
      bound = new ILen(a.name);
      valid.add(a.name);
      passes = a.knownLength > 0 ? a.knownLength : 4;
    } else if (r < 0.65 && !intParams().isEmpty()) {
      V n = intParams().get(random.nextInt(intParams().size()));
      bound = new IBin('%', new IVar(n.name), new ILit(5));
      passes = 4;
    } else {
      boolean constant = chance(0.1);
      int k = constant ? Ast.K : random.nextInt(5);
      bound = constant ? new IVar("K") : new ILit(k);
      passes = k;
    }
    int from = chance(0.85) ? 0 : 1;
    int step = chance(0.85) ? 1 : 2;
    if (valid.isEmpty()) {
      for (V a : arrays) {
        if (a.knownLength > 0 && bound instanceof ILit l && l.value() <= a.knownLength) {
          valid.add(a.name);
        }
      }
    }
    Cond extra = chance(0.12) ? cond(1) : null;
    List<V> existing =
        vars(v -> v.type == Type.INT && v.assignable && v.local && !locked.contains(v.name));
    if (!existing.isEmpty() && chance(0.35)) {
      // for (k = 0; ...) or for (; ...) over an int declared before: locked while the body runs.
      V k = existing.get(random.nextInt(existing.size()));
      IExpr start = k.bound <= 5 && chance(0.5) ? null : new ILit(from);
      locked.add(k.name);
      List<V> saved = new ArrayList<>(scope);
      List<Stmt> out = new ArrayList<>();
      boolean open = statements(out, ctx.inLoop(Math.max(1, passes)), 1 + random.nextInt(3));
      if (open && chance(0.04)) {
        out.add(new Break());
      }
      scope = saved;
      locked.remove(k.name);
      k.bound = Math.max(k.bound, 6);
      return new For(k.name, start, bound, extra, step, new Block(out), false);
    }
    V i = new V(var, Type.INT, false, true, ctx.loops() + 1, 5);
    i.nonNegative = true;
    i.indexFor.addAll(valid);
    Block body = loopBody(ctx, Math.max(1, passes), i);
    return new For(var, new ILit(from), bound, extra, step, body);
  }

  private Stmt forDown(Ctx ctx) {
    String var = fresh("i");
    List<V> arrays = vars(v -> v.type.isArray());
    IExpr from;
    V i = new V(var, Type.INT, false, true, ctx.loops() + 1, 5);
    i.nonNegative = true;
    if (!arrays.isEmpty() && chance(0.6)) {
      V a = arrays.get(random.nextInt(arrays.size()));
      from = new IBin('-', new ILen(a.name), new ILit(1));
      i.indexFor.add(a.name);
    } else {
      from = new ILit(random.nextInt(5));
    }
    return new ForDown(var, from, loopBody(ctx, 5, i));
  }

  private Stmt forEach(Ctx ctx) {
    V a = pickVar(v -> v.type.isArray());
    boolean ints = a.type == Type.INT_ARRAY;
    V element =
        new V(
            fresh(ints ? "j" : "e"),
            ints ? Type.INT : Type.DOUBLE,
            false,
            true,
            ctx.loops() + 1,
            a.bound);
    return new ForEach(element.name, ints, a.name, loopBody(ctx, 4, element));
  }

  private Stmt whileLoop(Ctx ctx) {
    String counter = fresh("w");
    IExpr bound;
    List<V> arrays = vars(v -> v.type.isArray());
    if (!arrays.isEmpty() && chance(0.3)) {
      bound = new ILen(arrays.get(random.nextInt(arrays.size())).name);
    } else if (!intParams().isEmpty() && chance(0.3)) {
      bound = new IBin('%', new IVar(intParams().get(0).name), new ILit(4));
    } else {
      bound = new ILit(1 + random.nextInt(4));
    }
    Cond extra = chance(0.3) ? cond(1) : null;
    boolean doWhile = chance(0.4);
    V w = new V(counter, Type.INT, false, true, ctx.loops() + 1, 5);
    w.nonNegative = true;
    Block body = loopBody(ctx, 4, w);
    return new While(counter, bound, extra, doWhile, body);
  }

  private Stmt forDouble(Ctx ctx) {
    String var = fresh("u");
    G from = squash(expr(2), 1);
    if (from.bound() > 1) {
      from = new G(new Fn("tanh", false, List.of(from.e())), 1);
    }
    double limit = new double[] {1.0, 1.5, 2.0}[random.nextInt(3)];
    double step = new double[] {0.5, 0.75, 1.0}[random.nextInt(3)];
    V u = new V(var, Type.DOUBLE, false, true, ctx.loops() + 1, Math.max(limit + step, 2.5));
    return new ForDouble(var, from.e(), limit, step, loopBody(ctx, 6, u), chance(0.4));
  }

  private List<V> intParams() {
    return vars(v -> v.type == Type.INT && !v.local);
  }

  private Block loopBody(Ctx ctx, int passes, V variable) {
    List<V> saved = new ArrayList<>(scope);
    scope.add(variable);
    List<Stmt> out = new ArrayList<>();
    Ctx inside = ctx.inLoop(Math.max(1, passes));
    boolean open = statements(out, inside, 1 + random.nextInt(3));
    if (open && chance(0.04)) {
      out.add(chance(0.5) ? new Break() : new Continue());
    }
    scope = saved;
    return new Block(out);
  }

  // ---------------------------------------------------------------- double expressions

  private G expr(int depth) {
    G g = rawExpr(depth);
    return g.bound() > CAP ? squash(g, CAP) : g;
  }

  private G rawExpr(int depth) {
    G g = rawExpression(depth);
    return chance(0.01) ? new G(new Ast.Paren(g.e()), g.bound()) : g;
  }

  private G rawExpression(int depth) {
    if (depth <= 0 || chance(0.22)) {
      return leaf();
    }
    double r = random.nextDouble() * 17;
    if (r < 6) {
      char op = "+-*".charAt(random.nextInt(3));
      return combine(op, expr(depth - 1), expr(depth - 1));
    }
    if (r < 7.5) {
      G num = expr(depth - 1);
      G den = divisor();
      return new G(new Bin('/', num.e(), den.e()), num.bound() / lowerBound(den));
    }
    if (r < 8.5) {
      G operand = expr(depth - 1);
      return new G(chance(0.85) ? new Neg(operand.e()) : new Plus(operand.e()), operand.bound());
    }
    if (r < 13) {
      return function(FUNCTIONS.get(random.nextInt(FUNCTIONS.size())), depth);
    }
    if (r < 14) {
      Cond c = cond(1);
      G a = expr(depth - 1);
      G b = expr(depth - 1);
      return new G(new Ternary(c, a.e(), b.e()), Math.max(a.bound(), b.bound()));
    }
    if (r < 14.6) {
      List<V> ints = vars(v -> v.type == Type.INT);
      if (!ints.isEmpty()) {
        V selector = ints.get(random.nextInt(ints.size()));
        List<DArm> arms = new ArrayList<>();
        double bound = 0;
        int label = random.nextInt(2) - 1;
        for (int k = 0, n = 1 + random.nextInt(2); k < n; k++) {
          List<Integer> labels = new ArrayList<>();
          labels.add(label++);
          if (chance(0.2)) {
            labels.add(label++);
          }
          G arm = expr(depth - 1);
          bound = Math.max(bound, arm.bound());
          arms.add(new DArm(labels, arm.e()));
        }
        G otherwise = expr(depth - 1);
        return new G(
            new DSwitch(selector.name, arms, otherwise.e()), Math.max(bound, otherwise.bound()));
      }
    }
    if (r < 16 && !methods.isEmpty()) {
      G call = call();
      if (call != null) {
        return call;
      }
    }
    return leaf();
  }

  private G combine(char op, G a, G b) {
    double bound = op == '*' ? a.bound() * b.bound() : a.bound() + b.bound();
    return new G(new Bin(op, a.e(), b.e()), bound);
  }

  private G leaf() {
    List<V> doubles = vars(v -> v.type == Type.DOUBLE);
    List<V> arrays = vars(v -> v.type == Type.DOUBLE_ARRAY);
    List<V> ints = vars(v -> v.type == Type.INT || v.type == Type.LONG);
    double r = random.nextDouble() * 10;
    if (r < 5.5 && !doubles.isEmpty()) {
      V v = doubles.get(random.nextInt(doubles.size()));
      return new G(new Var(v.name), v.bound);
    }
    if (r < 7.3 && !arrays.isEmpty()) {
      V a = arrays.get(random.nextInt(arrays.size()));
      return new G(new DGet(a.name, index(a)), Math.max(a.bound, 1e-3));
    }
    if (r < 8.2 && !ints.isEmpty()) {
      GI i = intLeaf(true);
      return new G(new FromInt(i.e(), chance(0.3)), i.bound());
    }
    if (r < 8.6) {
      return switch (random.nextInt(3)) {
        case 0 -> new G(new Const("Math.PI", Math.PI), Math.PI);
        case 1 -> new G(new Const("Math.E", Math.E), Math.E);
        default -> new G(new Const("C", Ast.C), Ast.C);
      };
    }
    if (r < 8.9) {
      if (chance(0.3)) {
        long value = random.nextInt(5) - 1;
        return new G(new FromInt(new Ast.LLit(value), chance(0.3)), Math.abs(value));
      }
      if (chance(0.1)) {
        return new G(new FromInt(new IVar("L"), chance(0.5)), Ast.L);
      }
      GI i = intLeaf(true);
      return new G(new FromInt(i.e(), chance(0.3)), i.bound());
    }
    double value = LITERALS[random.nextInt(LITERALS.length)];
    return new G(new Lit(value), Math.abs(value));
  }

  /** Squashes an expression whose bound exceeds {@code cap} into one within it. */
  private G squash(G g, double cap) {
    if (g.bound() <= cap) {
      return g;
    }
    DExpr e = g.e();
    double clamp = Math.min(cap, 3);
    G squashed =
        switch (random.nextInt(6)) {
          case 0 -> new G(new Fn("sin", false, List.of(e)), 1);
          case 1 ->
              new G(
                  new Bin('/', e, new Bin('+', new Lit(1.0), new Fn("abs", false, List.of(e)))), 1);
          case 2 ->
              new G(
                  new Fn(
                      "max",
                      false,
                      List.of(new Lit(-clamp), new Fn("min", false, List.of(new Lit(clamp), e)))),
                  clamp);
          case 3 -> new G(new Fn("atan", false, List.of(e)), Math.PI / 2);
          case 4 -> {
            double factor = g.bound() > 100 * cap ? 0.001 : 0.01;
            yield new G(new Bin('*', e, new Lit(factor)), g.bound() * factor);
          }
          default -> new G(new Fn("tanh", false, List.of(e)), 1);
        };
    return squashed.bound() <= cap ? squashed : new G(new Fn("tanh", false, List.of(e)), 1);
  }

  /** A divisor kept away from zero, with its bound; {@link #lowerBound} its smallest size. */
  private G divisor() {
    G e = expr(1);
    double c = chance(0.5) ? 0.5 : 1.0;
    return switch (random.nextInt(5)) {
      case 0 ->
          new G(new Bin('+', new Bin('*', e.e(), e.e()), new Lit(c)), e.bound() * e.bound() + c);
      case 1 ->
          new G(new Bin('+', new Fn("abs", false, List.of(e.e())), new Lit(c)), e.bound() + c);
      case 2 -> new G(new Bin('+', new Lit(2.0), new Fn("sin", false, List.of(e.e()))), 3);
      case 3 -> new G(new Fn("cosh", false, List.of(squash(e, 2).e())), Math.cosh(2));
      default -> {
        double[] nonzero = {2.0, 0.5, 4.0, -3.0, 1.5};
        double value = nonzero[random.nextInt(nonzero.length)];
        yield new G(new Lit(value), Math.abs(value));
      }
    };
  }

  /** The smallest magnitude a {@link #divisor()} can have. */
  private static double lowerBound(G divisor) {
    DExpr e = divisor.e();
    if (e instanceof Lit l) {
      return Math.abs(l.value());
    }
    if (e instanceof Bin b && b.right() instanceof Lit l) {
      return l.value();
    }
    return 1; // 2 + sin e, cosh e
  }

  private G function(String name, int depth) {
    boolean strict = chance(0.12);
    G a = expr(depth - 1);
    switch (name) {
      case "sin", "cos", "tanh", "atan", "signum":
        return fn(name, strict, a.e(), name.equals("atan") ? 1.6 : 1);
      case "tan":
        {
          G arg = a.bound() <= 1.2 ? a : new G(new Fn("tanh", false, List.of(a.e())), 1);
          return fn(name, strict, arg.e(), Math.tan(Math.min(1.2, arg.bound())));
        }
      case "asin", "acos":
        {
          DExpr inner = new Fn(chance(0.5) ? "tanh" : "sin", false, List.of(a.e()));
          return fn(name, strict, new Bin('*', inner, new Lit(0.9)), Math.PI);
        }
      case "sinh", "cosh", "exp", "expm1":
        {
          G arg =
              a.bound() <= 3
                  ? a
                  : new G(new Bin('*', new Fn("tanh", false, List.of(a.e())), new Lit(2.0)), 2);
          return fn(name, strict, arg.e(), Math.exp(arg.bound()));
        }
      case "log", "log10":
        {
          G arg = positive(a);
          double lower = lowerBound(arg);
          return fn(
              name,
              strict,
              arg.e(),
              Math.max(Math.abs(Math.log(lower)), Math.log(Math.max(1, arg.bound()))));
        }
      case "log1p":
        {
          G arg =
              chance(0.5)
                  ? new G(new Fn("abs", false, List.of(a.e())), a.bound())
                  : new G(new Bin('*', a.e(), a.e()), a.bound() * a.bound());
          return fn(name, strict, arg.e(), Math.log1p(arg.bound()));
        }
      case "sqrt":
        {
          G arg = positive(a);
          return fn(name, strict, arg.e(), Math.sqrt(arg.bound()));
        }
      case "cbrt":
        {
          double offset = chance(0.5) ? 0.37 : -0.61;
          return fn(name, strict, new Bin('+', a.e(), new Lit(offset)), Math.cbrt(a.bound() + 1));
        }
      case "pow":
        return power(a, depth, strict);
      case "atan2":
        {
          G b = positive(expr(depth - 1));
          return new G(new Fn(name, strict, List.of(a.e(), b.e())), Math.PI);
        }
      case "hypot":
        {
          G b = expr(depth - 1);
          DExpr second =
              chance(0.5)
                  ? positive(b).e()
                  : new Bin('+', b.e(), new Lit(chance(0.5) ? 0.37 : -0.61));
          return new G(new Fn(name, strict, List.of(a.e(), second)), a.bound() + b.bound() + 1);
        }
      case "abs":
        return new G(new Fn(name, strict, List.of(a.e())), a.bound());
      case "max", "min":
        {
          G b = chance(0.25) ? new G(new Lit(0.0), 0) : expr(depth - 1);
          List<DExpr> args = chance(0.5) ? List.of(a.e(), b.e()) : List.of(b.e(), a.e());
          return new G(new Fn(name, strict, args), Math.max(a.bound(), b.bound()));
        }
      case "floor", "ceil", "rint":
        return new G(new Fn(name, strict, List.of(a.e())), a.bound() + 1);
      default:
        throw new IllegalArgumentException(name);
    }
  }

  private static G fn(String name, boolean strict, DExpr arg, double bound) {
    return new G(new Fn(name, strict, List.of(arg)), bound);
  }

  /** {@code |e| + c} or {@code e·e + c}: positive, at least {@code c}. */
  private G positive(G a) {
    double c = new double[] {0.1, 0.5, 1.0}[random.nextInt(3)];
    if (chance(0.5)) {
      return new G(new Bin('+', new Fn("abs", false, List.of(a.e())), new Lit(c)), a.bound() + c);
    }
    G small = a.bound() > 4 ? squash(a, 4) : a;
    return new G(
        new Bin('+', new Bin('*', small.e(), small.e()), new Lit(c)),
        small.bound() * small.bound() + c);
  }

  private G power(G a, int depth, boolean strict) {
    switch (random.nextInt(4)) {
      case 0:
        {
          // A whole exponent: any base.
          double k = chance(0.6) ? 2.0 : 3.0;
          G base = squash(a, 3);
          return new G(
              new Fn("pow", strict, List.of(base.e(), new Lit(k))), Math.pow(base.bound(), k));
        }
      case 1:
        {
          double[] exponents = {0.5, -1.0, 1.5, -0.5, 2.5, 2.0};
          double k = exponents[random.nextInt(exponents.length)];
          G base = positive(squash(a, 3));
          double lower = lowerBound(base);
          return new G(
              new Fn("pow", strict, List.of(base.e(), new Lit(k))),
              Math.max(Math.pow(base.bound(), k), Math.pow(lower, k)));
        }
      case 2:
        {
          G base = positive(squash(a, 3));
          G exponent = squash(expr(depth - 1), 2);
          double lower = lowerBound(base);
          return new G(
              new Fn("pow", strict, List.of(base.e(), exponent.e())),
              Math.max(Math.pow(base.bound(), 2), Math.pow(lower, -2)));
        }
      default:
        {
          G base = positive(squash(a, 2));
          GI n = intLeaf(false);
          IExpr exponent = new IBin('%', n.e(), new ILit(3));
          double lower = lowerBound(base);
          return new G(
              new Fn("pow", strict, List.of(base.e(), new FromInt(exponent, true))),
              Math.max(Math.pow(base.bound(), 2), Math.pow(lower, -2)));
        }
    }
  }

  private G call() {
    List<Method> callable = new ArrayList<>();
    for (Method m : methods) {
      if (argumentsAvailable(m)) {
        callable.add(m);
      }
    }
    if (callable.isEmpty()) {
      return null;
    }
    Method callee = callable.get(random.nextInt(callable.size()));
    List<Node> args = new ArrayList<>();
    for (Param p : callee.params()) {
      switch (p.type()) {
        case DOUBLE -> args.add(squash(expr(1), 3).e());
        case INT -> args.add(intExpr(1).e());
        case LONG -> args.add(chance(0.5) ? intLeaf(true).e() : new ILit(random.nextInt(4)));
        case BOOLEAN -> args.add(cond(0));
        case DOUBLE_ARRAY -> args.add(new ArrayRef(pickVar(v -> v.type == p.type()).name));
        case INT_ARRAY -> args.add(new ArrayRef(pickVar(v -> v.type == p.type()).name));
      }
    }
    return new G(new Call(callee.name(), args), Math.max(1, returnBounds.get(callee.name())));
  }

  private boolean argumentsAvailable(Method m) {
    for (Param p : m.params()) {
      if (p.type().isArray() && vars(v -> v.type == p.type()).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------- int expressions

  private GI intExpr(int depth) {
    if (depth <= 0 || chance(0.4)) {
      return intLeaf(false);
    }
    double r = random.nextDouble() * 10;
    if (r < 5) {
      GI a = intExpr(depth - 1);
      GI b = intExpr(depth - 1);
      boolean plus = chance(0.5);
      return new GI(
          new IBin(plus ? '+' : '-', a.e(), b.e()),
          a.bound() + b.bound(),
          plus && a.nonNegative() && b.nonNegative());
    }
    if (r < 6) {
      GI a = intExpr(depth - 1);
      GI b = intLeaf(false);
      if (a.bound() * b.bound() <= 30) {
        return new GI(
            new IBin('*', a.e(), b.e()), a.bound() * b.bound(), a.nonNegative() && b.nonNegative());
      }
      return a;
    }
    if (r < 7) {
      GI a = intExpr(depth - 1);
      IExpr divisor =
          chance(0.6)
              ? new ILit(1 + random.nextInt(3))
              : new IBin('+', new IBin('%', intLeaf(false).e(), new ILit(3)), new ILit(4));
      return new GI(new IBin('/', a.e(), divisor), a.bound(), a.nonNegative());
    }
    if (r < 8.5) {
      GI a = intExpr(depth - 1);
      IExpr modulus = modulus();
      return new GI(new IBin('%', a.e(), modulus), 5, a.nonNegative());
    }
    if (r < 9.2) {
      GI a = intExpr(depth - 1);
      return new GI(new INeg(a.e()), a.bound(), false);
    }
    GI a = intExpr(depth - 1);
    return new GI(new Wrap(a.e(), modulus()), 5, true);
  }

  /** A positive int: a literal from 2 to 5, an array's length, or {@code K}. */
  private IExpr modulus() {
    List<V> arrays = vars(v -> v.type.isArray());
    if (!arrays.isEmpty() && chance(0.3)) {
      return new ILen(arrays.get(random.nextInt(arrays.size())).name);
    }
    if (chance(0.1)) {
      return new IVar("K");
    }
    return new ILit(2 + random.nextInt(4));
  }

  /** An int variable, a literal, an array's length or an int[] element; a long only if allowed. */
  private GI intLeaf(boolean allowLong) {
    List<V> ints = vars(v -> v.type == Type.INT || (allowLong && v.type == Type.LONG));
    List<V> arrays = vars(v -> v.type.isArray());
    List<V> intArrays = vars(v -> v.type == Type.INT_ARRAY);
    double r = random.nextDouble() * 10;
    if (r < 5 && !ints.isEmpty()) {
      V v = ints.get(random.nextInt(ints.size()));
      return new GI(new IVar(v.name), v.bound, v.nonNegative && !v.assignable);
    }
    if (r < 6 && !arrays.isEmpty()) {
      V a = arrays.get(random.nextInt(arrays.size()));
      return new GI(new ILen(a.name), a.knownLength > 0 ? a.knownLength : 4, true);
    }
    if (r < 7 && !intArrays.isEmpty()) {
      V a = intArrays.get(random.nextInt(intArrays.size()));
      return new GI(new IGet(a.name, index(a)), a.bound, false);
    }
    if (r < 7.3) {
      return new GI(new IVar("K"), Ast.K, true);
    }
    int value = random.nextInt(8) - 2;
    return new GI(new ILit(value), Math.abs(value), value >= 0);
  }

  /** An index that is in range for {@code array} whatever its length. */
  private IExpr index(V array) {
    List<V> valid = vars(v -> v.type == Type.INT && v.indexFor.contains(array.name));
    double r = random.nextDouble() * 10;
    if (r < 5 && !valid.isEmpty()) {
      return new IVar(valid.get(random.nextInt(valid.size())).name);
    }
    if (r < 6.5 && array.knownLength > 0) {
      return new ILit(random.nextInt(array.knownLength));
    }
    GI i = intExpr(1);
    IExpr length = new ILen(array.name);
    if (r < 8 && i.nonNegative()) {
      return new IBin('%', i.e(), length);
    }
    if (r < 9) {
      return new Wrap(i.e(), length);
    }
    return new IBin('%', new IBin('+', new IBin('%', i.e(), length), length), length);
  }

  // ---------------------------------------------------------------- conditions

  private Cond cond(int depth) {
    List<V> booleans = vars(v -> v.type == Type.BOOLEAN);
    double r = random.nextDouble() * 10;
    if (depth > 0 && r < 1.5) {
      Cond a = cond(depth - 1);
      Cond b = cond(depth - 1);
      return chance(0.5) ? new And(a, b) : new Or(a, b);
    }
    if (depth > 0 && r < 2) {
      return new Not(cond(depth - 1));
    }
    if (r < 2.8 && !booleans.isEmpty()) {
      return new BoolVar(booleans.get(random.nextInt(booleans.size())).name);
    }
    if (r < 2.9) {
      return new BoolLit(chance(0.5));
    }
    if (r < 3.2) {
      return new Ast.Above(expr(1).e(), LITERALS[random.nextInt(LITERALS.length)]);
    }
    String[] ops = {"<", "<=", ">", ">=", "==", "!="};
    if (r < 7.5) {
      String op = ops[random.nextInt(chance(0.95) ? 4 : 6)];
      Node left = expr(1).e();
      Node right = chance(0.5) ? new Lit(LITERALS[random.nextInt(LITERALS.length)]) : expr(1).e();
      return new Cmp(op, left, right);
    }
    String op = ops[random.nextInt(6)];
    GI left = intExpr(1);
    Node right =
        chance(0.6)
            ? (chance(0.15) ? new Ast.LLit(random.nextInt(5) - 1) : new ILit(random.nextInt(5) - 1))
            : intLeaf(true).e();
    return new Cmp(op, left.e(), right);
  }

  // ---------------------------------------------------------------- helpers

  private String fresh(String prefix) {
    String name = hostile(prefix + names++, 0.08);
    used.add(name);
    return name;
  }

  /**
   * Names that generated code also uses for its own locals, fields and parameters: a user's
   * variable with one of them must not capture or shadow chainrule's.
   */
  private static final List<String> HOSTILE =
      List.of(
          "result",
          "returned",
          "tape",
          "iterations",
          "recorded",
          "branch1",
          "branch2",
          "graph",
          "grad",
          "workspace",
          "node",
          "value",
          "label",
          "length",
          "t",
          "d",
          "e",
          "i",
          "j",
          "dot",
          "loss",
          "callee",
          "forward",
          "backward",
          "tangent",
          "zeroGrad",
          "out",
          "self",
          "args",
          "tmp",
          "f",
          "h0",
          "h1");

  /**
   * With probability {@code p}, a hostile name not yet used in the method instead of {@code plain}:
   * from {@link #HOSTILE}, or made from a name in use as chainrule makes its own ({@code d_x},
   * {@code xDot}, {@code x_t1}, {@code x_2}, {@code gradX}).
   */
  private String hostile(String plain, double p) {
    if (!chance(p)) {
      return plain;
    }
    List<String> options = new ArrayList<>(HOSTILE);
    for (String u : used) {
      String upper = Character.toUpperCase(u.charAt(0)) + u.substring(1);
      options.addAll(List.of("d_" + u, u + "Dot", u + "_t1", u + "_2", "grad" + upper));
    }
    options.removeAll(used);
    return options.isEmpty() ? plain : options.get(random.nextInt(options.size()));
  }

  private List<V> vars(java.util.function.Predicate<V> filter) {
    List<V> out = new ArrayList<>();
    for (V v : scope) {
      if (filter.test(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private V pickVar(java.util.function.Predicate<V> filter) {
    List<V> candidates = vars(filter);
    return candidates.get(random.nextInt(candidates.size()));
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }

  private int pick(double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double r = random.nextDouble() * total;
    for (int k = 0; k < weights.length; k++) {
      r -= weights[k];
      if (r < 0) {
        return k;
      }
    }
    return weights.length - 1;
  }
}
