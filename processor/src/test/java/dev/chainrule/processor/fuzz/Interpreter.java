package dev.chainrule.processor.fuzz;

import dev.chainrule.autograd.Value;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs a program's method on its own, with Java's semantics, in one of two modes.
 *
 * <p>With doubles, it is an independent evaluation of the method, which must return exactly what
 * the compiled method returns (the test checks that, so the interpreter is checked too), and it
 * measures the largest magnitude among all the values the method computes: the {@code S} the
 * finite-difference tolerance is relative to.
 *
 * <p>With {@link Value}s, it is micrograd: each double parameter (each element of a double[]
 * parameter) that the method is differentiated by (all, or those its {@code wrt} lists) is a leaf,
 * the others constants; every operation on a value that depends on one builds a node, conditions
 * and loops follow the data, and {@code backward()} gives the gradient of the path taken. Values
 * that depend on no parameter stay plain doubles, computed as Java computes them, so constants may
 * go through any function. An operation the engine does not have on a value that depends on a
 * parameter ({@code Math.tan}, {@code StrictMath.exp}, a power with a varying exponent, ...) throws
 * {@link Inexpressible}: the engine cannot express that run. {@code abs}, {@code max} and {@code
 * min} pick the operand Java's function returns, and {@code max(e, 0.0)} is {@code relu()}; {@code
 * signum}, {@code floor}, {@code ceil} and {@code rint} give constants, as their derivative is
 * zero. Every Value's data is checked to be bit for bit the double Java computes.
 */
final class Interpreter {
  /** The Value engine has no operation for this on a value that depends on a parameter. */
  static final class Inexpressible extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Inexpressible(String what) {
      super(what, null, false, false);
    }
  }

  /** The program ran too long: a generator bug, as every loop here is bounded. */
  static final class Runaway extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Runaway() {
      super("more than " + STEP_LIMIT + " steps");
    }
  }

  private static final long STEP_LIMIT = 1_000_000;

  /** A double: {@code value} is null for a constant (or in double mode). */
  record Val(double data, Value value) {
    boolean active() {
      return value != null;
    }
  }

  /**
   * What a run returns: the result, the scale, with Values the gradient, and what every step
   * function ({@code signum}, {@code floor}, {@code ceil}, {@code rint}) returned, in order: runs
   * at neighbouring points whose steps differ straddle a jump.
   */
  record Run(double result, double scale, double[] gradient, List<Double> steps) {}

  private enum Completion {
    NORMAL,
    BREAK,
    CONTINUE,
    RETURN
  }

  private static final Set<String> STEP_FUNCTIONS = Set.of("signum", "floor", "ceil", "rint");

  private final Program program;
  private final boolean values;
  private double scale;
  private final List<Double> stepOutputs = new ArrayList<>();
  private long steps;
  private Val returned;

  private Interpreter(Program program, boolean values) {
    this.program = program;
    this.values = values;
  }

  /** Runs {@code method} with doubles. */
  static Run doubles(Program program, Method method, Object[] arguments) {
    return new Interpreter(program, false).run(method, arguments);
  }

  /** Runs {@code method} with Values, or throws {@link Inexpressible}. */
  static Run values(Program program, Method method, Object[] arguments) {
    return new Interpreter(program, true).run(method, arguments);
  }

  private Run run(Method method, Object[] arguments) {
    List<Value> leaves = new ArrayList<>();
    Object[] bound = new Object[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      Object a = arguments[i];
      // A parameter the method's wrt leaves out is a constant, not a leaf.
      boolean differentiated = method.differentiates(method.params().get(i));
      if (a instanceof Double d) {
        Val v = differentiated ? leaf(d, leaves) : constant(d);
        bound[i] = v;
      } else if (a instanceof double[] ds) {
        Val[] vs = new Val[ds.length];
        for (int k = 0; k < ds.length; k++) {
          vs[k] = differentiated ? leaf(ds[k], leaves) : constant(ds[k]);
        }
        bound[i] = vs;
      } else if (a instanceof int[] is) {
        long[] ls = new long[is.length];
        for (int k = 0; k < is.length; k++) {
          ls[k] = is[k];
        }
        bound[i] = ls;
      } else if (a instanceof Integer n) {
        bound[i] = (long) n;
      } else {
        bound[i] = a; // Long, Boolean
      }
    }
    Val result = call(method, bound);
    double[] gradient = null;
    if (values) {
      gradient = new double[leaves.size()];
      if (result.active()) {
        result.value().backward();
        for (int k = 0; k < gradient.length; k++) {
          gradient[k] = leaves.get(k).grad();
        }
      }
    }
    return new Run(result.data(), scale, gradient, List.copyOf(stepOutputs));
  }

  private Val leaf(double d, List<Value> leaves) {
    track(d);
    if (!values) {
      return new Val(d, null);
    }
    Value v = new Value(d);
    leaves.add(v);
    return new Val(d, v);
  }

  private Val call(Method method, Object[] arguments) {
    Map<String, Object> frame = new HashMap<>();
    List<Param> params = method.params();
    for (int i = 0; i < params.size(); i++) {
      frame.put(params.get(i).name(), arguments[i]);
    }
    Completion c = block(method.body(), frame);
    if (c != Completion.RETURN) {
      throw new IllegalStateException(method.name() + " ended without a return");
    }
    Val r = returned;
    returned = null;
    return r;
  }

  // ---------------------------------------------------------------- statements

  private Completion block(Block block, Map<String, Object> frame) {
    for (Stmt s : block.statements()) {
      Completion c = statement(s, frame);
      if (c != Completion.NORMAL) {
        return c;
      }
    }
    return Completion.NORMAL;
  }

  private Completion statement(Stmt s, Map<String, Object> f) {
    if (++steps > STEP_LIMIT) {
      throw new Runaway();
    }
    if (s instanceof DeclD d) {
      f.put(d.name(), d(d.init(), f));
    } else if (s instanceof DeclI d) {
      f.put(d.name(), i(d.init(), f));
    } else if (s instanceof DeclDArray d) {
      long n = i(d.length(), f);
      Val[] a = new Val[Math.toIntExact(n)];
      java.util.Arrays.fill(a, constant(0.0));
      f.put(d.name(), a);
    } else if (s instanceof DeclDArrayInit d) {
      Val[] a = new Val[d.elements().size()];
      for (int k = 0; k < a.length; k++) {
        a[k] = d(d.elements().get(k), f);
      }
      f.put(d.name(), a);
    } else if (s instanceof DeclIArrayInit d) {
      long[] a = new long[d.elements().size()];
      for (int k = 0; k < a.length; k++) {
        a[k] = toInt(i(d.elements().get(k), f));
      }
      f.put(d.name(), a);
    } else if (s instanceof AssignD a) {
      Val old = a.op().equals("=") ? null : (Val) f.get(a.name());
      f.put(a.name(), compound(old, a.op(), d(a.value(), f)));
    } else if (s instanceof AssignI a) {
      long value = i(a.value(), f);
      if (!a.op().equals("=")) {
        value = intOp(a.op().charAt(0), (Long) f.get(a.name()), value);
      }
      f.put(a.name(), toInt(value));
    } else if (s instanceof Step st) {
      Object old = f.get(st.name());
      if (old instanceof Val v) {
        f.put(st.name(), st.increment() ? add(v, constant(1)) : sub(v, constant(1)));
      } else {
        f.put(st.name(), toInt((Long) old + (st.increment() ? 1 : -1)));
      }
    } else if (s instanceof SetD set) {
      Val[] a = (Val[]) f.get(set.array());
      int k = index(set.index(), f);
      Val old = set.op().equals("=") ? null : a[k];
      a[k] = compound(old, set.op(), d(set.value(), f));
    } else if (s instanceof StepElement st) {
      Object array = f.get(st.array());
      int k = index(st.index(), f);
      if (array instanceof Val[] a) {
        a[k] = st.increment() ? add(a[k], constant(1)) : sub(a[k], constant(1));
      } else {
        long[] a = (long[]) array;
        a[k] = toInt(a[k] + (st.increment() ? 1 : -1));
      }
    } else if (s instanceof SetI set) {
      long[] a = (long[]) f.get(set.array());
      int k = index(set.index(), f);
      long value = i(set.value(), f);
      a[k] = toInt(set.op().equals("=") ? value : intOp(set.op().charAt(0), a[k], value));
    } else if (s instanceof If iff) {
      if (cond(iff.cond(), f)) {
        return block(iff.then(), f);
      } else if (iff.otherwise() != null) {
        return block(iff.otherwise(), f);
      }
    } else if (s instanceof Switch sw) {
      return switchStatement(sw, f);
    } else if (s instanceof For loop) {
      if (loop.from() != null) {
        f.put(loop.var(), i(loop.from(), f));
      }
      while ((Long) f.get(loop.var()) < i(loop.bound(), f)
          && (loop.extra() == null || cond(loop.extra(), f))) {
        Completion c = block(loop.body(), f);
        if (c == Completion.BREAK) {
          break;
        }
        if (c == Completion.RETURN) {
          return c;
        }
        f.put(loop.var(), toInt((Long) f.get(loop.var()) + loop.step()));
      }
    } else if (s instanceof ForDown loop) {
      f.put(loop.var(), i(loop.from(), f));
      while ((Long) f.get(loop.var()) >= 0) {
        Completion c = block(loop.body(), f);
        if (c == Completion.BREAK) {
          break;
        }
        if (c == Completion.RETURN) {
          return c;
        }
        f.put(loop.var(), (Long) f.get(loop.var()) - 1);
      }
    } else if (s instanceof ForDouble loop) {
      f.put(loop.var(), d(loop.from(), f));
      while (((Val) f.get(loop.var())).data() < loop.limit()) {
        Completion c = block(loop.body(), f);
        if (c == Completion.BREAK) {
          break;
        }
        if (c == Completion.RETURN) {
          return c;
        }
        Val u = (Val) f.get(loop.var());
        f.put(
            loop.var(),
            loop.halving()
                ? add(mul(u, constant(0.5)), constant(1.25))
                : add(u, constant(loop.step())));
      }
    } else if (s instanceof ForEach loop) {
      Object array = f.get(loop.array());
      int length = array instanceof Val[] a ? a.length : ((long[]) array).length;
      for (int k = 0; k < length; k++) {
        f.put(loop.var(), array instanceof Val[] a ? a[k] : (Object) ((long[]) array)[k]);
        Completion c = block(loop.body(), f);
        if (c == Completion.BREAK) {
          break;
        }
        if (c == Completion.RETURN) {
          return c;
        }
      }
    } else if (s instanceof While loop) {
      f.put(loop.counter(), 0L);
      if (!loop.doWhile() && !whileCondition(loop, f)) {
        return Completion.NORMAL;
      }
      do {
        f.put(loop.counter(), (Long) f.get(loop.counter()) + 1);
        Completion c = block(loop.body(), f);
        if (c == Completion.BREAK) {
          break;
        }
        if (c == Completion.RETURN) {
          return c;
        }
      } while (whileCondition(loop, f));
    } else if (s instanceof Break) {
      return Completion.BREAK;
    } else if (s instanceof Continue) {
      return Completion.CONTINUE;
    } else if (s instanceof Return r) {
      returned = d(r.value(), f);
      return Completion.RETURN;
    } else if (s instanceof Block b) {
      return block(b, f);
    } else {
      throw new IllegalArgumentException("cannot run " + s);
    }
    return Completion.NORMAL;
  }

  private boolean whileCondition(While loop, Map<String, Object> f) {
    return (Long) f.get(loop.counter()) < i(loop.bound(), f)
        && (loop.extra() == null || cond(loop.extra(), f));
  }

  /** Arrow cases run one body; colon cases fall through until a jump, as Java does. */
  private Completion switchStatement(Switch sw, Map<String, Object> f) {
    long selector = (Long) f.get(sw.selector());
    List<Block> bodies = new ArrayList<>();
    int start = -1;
    for (Case c : sw.cases()) {
      if (start < 0 && c.labels().contains((int) selector)) {
        start = bodies.size();
      }
      bodies.add(c.body());
    }
    if (sw.otherwise() != null) {
      if (start < 0) {
        start = bodies.size();
      }
      bodies.add(sw.otherwise());
    }
    if (start < 0) {
      return Completion.NORMAL;
    }
    int end = sw.arrows() ? start + 1 : bodies.size();
    for (int k = start; k < end; k++) {
      Completion c = block(bodies.get(k), f);
      if (c == Completion.BREAK) {
        return Completion.NORMAL;
      }
      if (c != Completion.NORMAL) {
        return c;
      }
    }
    return Completion.NORMAL;
  }

  private Val compound(Val old, String op, Val value) {
    return switch (op) {
      case "=" -> value;
      case "+=" -> add(old, value);
      case "-=" -> sub(old, value);
      case "*=" -> mul(old, value);
      case "/=" -> div(old, value);
      default -> throw new IllegalArgumentException(op);
    };
  }

  // ---------------------------------------------------------------- expressions

  private Val d(DExpr e, Map<String, Object> f) {
    if (e instanceof Lit l) {
      return constant(l.value());
    }
    if (e instanceof Var v) {
      return (Val) f.get(v.name());
    }
    if (e instanceof Const k) {
      return constant(k.value());
    }
    if (e instanceof DGet g) {
      Val[] a = (Val[]) f.get(g.array());
      return a[index(g.index(), f)];
    }
    if (e instanceof Bin b) {
      Val left = d(b.left(), f);
      Val right = d(b.right(), f);
      return switch (b.op()) {
        case '+' -> add(left, right);
        case '-' -> sub(left, right);
        case '*' -> mul(left, right);
        case '/' -> div(left, right);
        default -> throw new IllegalArgumentException("operator " + b.op());
      };
    }
    if (e instanceof Neg n) {
      Val v = d(n.operand(), f);
      return v.active() ? checked(-v.data(), v.value().neg()) : constant(-v.data());
    }
    if (e instanceof Plus p) {
      return d(p.operand(), f);
    }
    if (e instanceof Ast.Paren p) {
      return d(p.operand(), f);
    }
    if (e instanceof FromInt c) {
      return constant((double) i(c.operand(), f));
    }
    if (e instanceof Fn fn) {
      List<Val> args = new ArrayList<>();
      for (DExpr a : fn.args()) {
        args.add(d(a, f));
      }
      return function(fn, args);
    }
    if (e instanceof Ternary t) {
      return cond(t.cond(), f) ? d(t.then(), f) : d(t.otherwise(), f);
    }
    if (e instanceof DSwitch s) {
      long selector = (Long) f.get(s.selector());
      for (DArm arm : s.arms()) {
        if (arm.labels().contains((int) selector)) {
          return d(arm.value(), f);
        }
      }
      return d(s.otherwise(), f);
    }
    if (e instanceof Call call) {
      Method callee = program.method(call.method());
      Object[] arguments = new Object[call.args().size()];
      for (int k = 0; k < arguments.length; k++) {
        Node a = call.args().get(k);
        Ast.Type type = callee.params().get(k).type();
        if (a instanceof ArrayRef r) {
          arguments[k] = f.get(r.name());
        } else if (a instanceof Cond c) {
          arguments[k] = cond(c, f);
        } else if (type == Ast.Type.DOUBLE) {
          arguments[k] = a instanceof DExpr de ? d(de, f) : constant(i((IExpr) a, f));
        } else {
          arguments[k] = i((IExpr) a, f);
        }
      }
      return call(callee, arguments);
    }
    throw new IllegalArgumentException("cannot run " + e);
  }

  private long i(IExpr e, Map<String, Object> f) {
    if (e instanceof ILit l) {
      return l.value();
    }
    if (e instanceof Ast.LLit l) {
      return l.value();
    }
    if (e instanceof IVar v) {
      if (v.name().equals("K") && !f.containsKey("K")) {
        return Ast.K;
      }
      if (v.name().equals("L") && !f.containsKey("L")) {
        return Ast.L;
      }
      return (Long) f.get(v.name());
    }
    if (e instanceof ILen len) {
      Object a = f.get(len.array());
      return a instanceof Val[] vs ? vs.length : ((long[]) a).length;
    }
    if (e instanceof IGet g) {
      long[] a = (long[]) f.get(g.array());
      return a[index(g.index(), f)];
    }
    if (e instanceof IBin b) {
      return intOp(b.op(), i(b.left(), f), i(b.right(), f));
    }
    if (e instanceof INeg n) {
      return -i(n.operand(), f);
    }
    if (e instanceof Wrap w) {
      long value = i(w.value(), f);
      long modulus = i(w.modulus(), f);
      return (value % modulus + modulus) % modulus;
    }
    throw new IllegalArgumentException("cannot run " + e);
  }

  /** Ints are kept as longs; the programs' ints are small, so no int arithmetic overflows. */
  private static long intOp(char op, long a, long b) {
    return switch (op) {
      case '+' -> a + b;
      case '-' -> a - b;
      case '*' -> a * b;
      case '/' -> a / b;
      case '%' -> a % b;
      default -> throw new IllegalArgumentException("operator " + op);
    };
  }

  private static long toInt(long value) {
    if (value != (int) value) {
      throw new ArithmeticException("int overflow: " + value);
    }
    return value;
  }

  private int index(IExpr e, Map<String, Object> f) {
    return Math.toIntExact(i(e, f));
  }

  private boolean cond(Cond c, Map<String, Object> f) {
    if (c instanceof Cmp cmp) {
      if (cmp.left() instanceof IExpr l && cmp.right() instanceof IExpr r) {
        long a = i(l, f);
        long b = i(r, f);
        return switch (cmp.op()) {
          case "<" -> a < b;
          case "<=" -> a <= b;
          case ">" -> a > b;
          case ">=" -> a >= b;
          case "==" -> a == b;
          case "!=" -> a != b;
          default -> throw new IllegalArgumentException(cmp.op());
        };
      }
      double a = number(cmp.left(), f);
      double b = number(cmp.right(), f);
      return switch (cmp.op()) {
        case "<" -> a < b;
        case "<=" -> a <= b;
        case ">" -> a > b;
        case ">=" -> a >= b;
        case "==" -> a == b;
        case "!=" -> a != b;
        default -> throw new IllegalArgumentException(cmp.op());
      };
    }
    if (c instanceof And a) {
      return cond(a.left(), f) && cond(a.right(), f);
    }
    if (c instanceof Or o) {
      return cond(o.left(), f) || cond(o.right(), f);
    }
    if (c instanceof Not n) {
      return !cond(n.operand(), f);
    }
    if (c instanceof BoolVar v) {
      return (Boolean) f.get(v.name());
    }
    if (c instanceof BoolLit l) {
      return l.value();
    }
    if (c instanceof Ast.Above a) {
      return d(a.value(), f).data() > a.threshold();
    }
    throw new IllegalArgumentException("cannot run " + c);
  }

  private double number(Node n, Map<String, Object> f) {
    return n instanceof DExpr e ? d(e, f).data() : (double) i((IExpr) n, f);
  }

  // ---------------------------------------------------------------- arithmetic

  private Val constant(double d) {
    track(d);
    return new Val(d, null);
  }

  private void track(double d) {
    double m = Math.abs(d);
    if (!(m <= scale)) {
      scale = Double.isNaN(m) ? Double.NaN : Math.max(scale, m);
    }
  }

  /** A node for {@code expected}, checked to hold exactly that. */
  private Val checked(double expected, Value v) {
    if (Double.compare(v.data(), expected) != 0) {
      throw new IllegalStateException(
          "the Value engine computed " + v.data() + " where Java computes " + expected);
    }
    track(expected);
    return new Val(expected, v);
  }

  private Value node(Val v) {
    return v.active() ? v.value() : new Value(v.data());
  }

  private Val add(Val a, Val b) {
    double r = a.data() + b.data();
    if (!a.active() && !b.active()) {
      return constant(r);
    }
    return checked(r, b.active() ? node(a).add(b.value()) : a.value().add(b.data()));
  }

  private Val sub(Val a, Val b) {
    double r = a.data() - b.data();
    if (!a.active() && !b.active()) {
      return constant(r);
    }
    return checked(r, b.active() ? node(a).sub(b.value()) : a.value().sub(b.data()));
  }

  private Val mul(Val a, Val b) {
    double r = a.data() * b.data();
    if (!a.active() && !b.active()) {
      return constant(r);
    }
    return checked(r, b.active() ? node(a).mul(b.value()) : a.value().mul(b.data()));
  }

  private Val div(Val a, Val b) {
    double r = a.data() / b.data();
    if (!a.active() && !b.active()) {
      return constant(r);
    }
    return checked(r, b.active() ? node(a).div(b.value()) : a.value().div(b.data()));
  }

  private Val function(Fn fn, List<Val> args) {
    double[] x = new double[args.size()];
    boolean active = false;
    for (int k = 0; k < x.length; k++) {
      x[k] = args.get(k).data();
      active |= args.get(k).active();
    }
    double r = evaluate(fn.name(), fn.strict(), x);
    if (STEP_FUNCTIONS.contains(fn.name())) {
      stepOutputs.add(r);
    }
    if (!active) {
      return constant(r);
    }
    Val a = args.get(0);
    switch (fn.name()) {
      case "signum", "floor", "ceil", "rint":
        return constant(r);
      case "abs":
        if (a.data() == 0) {
          throw new Inexpressible("abs at 0, where chainrule's derivative is 0");
        }
        return Double.doubleToRawLongBits(a.data()) < 0 ? checked(r, a.value().neg()) : a;
      case "max", "min":
        {
          Val b = args.get(1);
          if (a.data() == b.data()) {
            throw new Inexpressible(fn.name() + " at a tie, where chainrule splits the gradient");
          }
          if (fn.name().equals("max")
              && !b.active()
              && Double.doubleToRawLongBits(b.data()) == 0
              && !Double.isNaN(a.data())) {
            return checked(r, a.value().relu());
          }
          Val picked = Double.compare(r, a.data()) == 0 ? a : b;
          if (Double.compare(r, picked.data()) != 0) {
            throw new Inexpressible(fn.name() + " of NaN");
          }
          return picked.active() ? picked : constant(r);
        }
      default:
        break;
    }
    if (fn.strict() && !fn.name().equals("sqrt")) {
      throw new Inexpressible("StrictMath." + fn.name());
    }
    return switch (fn.name()) {
      case "exp" -> checked(r, a.value().exp());
      case "log" -> checked(r, a.value().log());
      case "tanh" -> checked(r, a.value().tanh());
      case "sin" -> checked(r, a.value().sin());
      case "cos" -> checked(r, a.value().cos());
      case "sqrt" -> checked(r, a.value().sqrt());
      case "pow" -> {
        if (args.get(1).active()) {
          throw new Inexpressible("pow with a varying exponent");
        }
        yield checked(r, a.value().pow(x[1]));
      }
      default -> throw new Inexpressible("Math." + fn.name());
    };
  }

  /** What Java's {@code Math} or {@code StrictMath} function returns. */
  static double evaluate(String name, boolean strict, double[] x) {
    if (strict) {
      return switch (name) {
        case "sin" -> StrictMath.sin(x[0]);
        case "cos" -> StrictMath.cos(x[0]);
        case "tan" -> StrictMath.tan(x[0]);
        case "asin" -> StrictMath.asin(x[0]);
        case "acos" -> StrictMath.acos(x[0]);
        case "atan" -> StrictMath.atan(x[0]);
        case "atan2" -> StrictMath.atan2(x[0], x[1]);
        case "sinh" -> StrictMath.sinh(x[0]);
        case "cosh" -> StrictMath.cosh(x[0]);
        case "tanh" -> StrictMath.tanh(x[0]);
        case "exp" -> StrictMath.exp(x[0]);
        case "expm1" -> StrictMath.expm1(x[0]);
        case "log" -> StrictMath.log(x[0]);
        case "log10" -> StrictMath.log10(x[0]);
        case "log1p" -> StrictMath.log1p(x[0]);
        case "sqrt" -> StrictMath.sqrt(x[0]);
        case "cbrt" -> StrictMath.cbrt(x[0]);
        case "pow" -> StrictMath.pow(x[0], x[1]);
        case "hypot" -> StrictMath.hypot(x[0], x[1]);
        case "abs" -> StrictMath.abs(x[0]);
        case "max" -> StrictMath.max(x[0], x[1]);
        case "min" -> StrictMath.min(x[0], x[1]);
        case "signum" -> StrictMath.signum(x[0]);
        case "floor" -> StrictMath.floor(x[0]);
        case "ceil" -> StrictMath.ceil(x[0]);
        case "rint" -> StrictMath.rint(x[0]);
        default -> throw new IllegalArgumentException("StrictMath." + name);
      };
    }
    return switch (name) {
      case "sin" -> Math.sin(x[0]);
      case "cos" -> Math.cos(x[0]);
      case "tan" -> Math.tan(x[0]);
      case "asin" -> Math.asin(x[0]);
      case "acos" -> Math.acos(x[0]);
      case "atan" -> Math.atan(x[0]);
      case "atan2" -> Math.atan2(x[0], x[1]);
      case "sinh" -> Math.sinh(x[0]);
      case "cosh" -> Math.cosh(x[0]);
      case "tanh" -> Math.tanh(x[0]);
      case "exp" -> Math.exp(x[0]);
      case "expm1" -> Math.expm1(x[0]);
      case "log" -> Math.log(x[0]);
      case "log10" -> Math.log10(x[0]);
      case "log1p" -> Math.log1p(x[0]);
      case "sqrt" -> Math.sqrt(x[0]);
      case "cbrt" -> Math.cbrt(x[0]);
      case "pow" -> Math.pow(x[0], x[1]);
      case "hypot" -> Math.hypot(x[0], x[1]);
      case "abs" -> Math.abs(x[0]);
      case "max" -> Math.max(x[0], x[1]);
      case "min" -> Math.min(x[0], x[1]);
      case "signum" -> Math.signum(x[0]);
      case "floor" -> Math.floor(x[0]);
      case "ceil" -> Math.ceil(x[0]);
      case "rint" -> Math.rint(x[0]);
      default -> throw new IllegalArgumentException("Math." + name);
    };
  }
}
