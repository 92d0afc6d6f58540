package dev.chainrule.processor.lower;

import dev.chainrule.processor.ir.Branch;
import dev.chainrule.processor.ir.Callee;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.Loop;
import dev.chainrule.processor.ir.MathClass;
import dev.chainrule.processor.ir.Node;
import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.SourceLine;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Stmt;
import dev.chainrule.processor.ir.Trace;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.ir.Value;
import dev.chainrule.processor.ir.Variable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lowers a function to a {@link Trace}: every operation becomes a step with a value of its own, and
 * each {@code if} or {@code ?:} a branch whose arms are lowered the same way, joined by phis.
 *
 * <p>Names follow the user's: an assignment to {@code y} yields a value named {@code y}, the next
 * one {@code y_2}, and the inner operations of its expression {@code y_t1}, {@code y_t2}... so
 * {@code y = Math.sin(x * w) + b} becomes {@code y_t1 = x * w; y_t2 = Math.sin(y_t1); y = y_t2 +
 * b}. A variable assigned in an arm gets a new version after the branch, its phi.
 */
public final class Lowering {
  /**
   * Assignments so far per name: two locals of one name (in sibling blocks, or two loops' {@code
   * i}) number their versions on, {@code i}, {@code i_2}, ... {@code i_4}, rather than clash.
   */
  private final Map<String, Integer> assignments = new HashMap<>();

  private final Map<String, Integer> temporaries = new HashMap<>();
  private int branches;
  private int nextId;
  private String methodName;

  /** The values the variables hold at the point being lowered. */
  private Map<Variable, Operand> current = new LinkedHashMap<>();

  /** Where lowered nodes go: the body, or the arm being lowered. */
  private List<Node> nodes = new ArrayList<>();

  private Lowering() {}

  /** Why a method that passed the checks cannot be lowered after all. */
  public static final class Unlowerable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What stands in the way. */
    public enum Reason {
      /** Returns nested in branches would copy the code after them too often. */
      TANGLED_RETURNS,
      /** Some path reaches the end of the body without a return, as chainrule reads it. */
      PATH_WITHOUT_RETURN
    }

    private final Reason reason;

    Unlowerable(Reason reason, String message) {
      super(message);
      this.reason = reason;
    }

    public Reason reason() {
      return reason;
    }
  }

  /**
   * Lowers the function.
   *
   * @throws Unlowerable if returns nested in branches would copy the code after them too often, or
   *     if chainrule cannot see a return at the end of every path (javac can: it evaluates constant
   *     conditions chainrule does not)
   */
  public static Trace lower(Function function) {
    try {
      return new Lowering().run(function);
    } catch (Returns.TooTangled e) {
      throw new Unlowerable(Unlowerable.Reason.TANGLED_RETURNS, e.getMessage());
    }
  }

  private Trace run(Function function) {
    methodName = function.name();
    List<Value> params = new ArrayList<>();
    for (Variable parameter : function.params()) {
      Value value = newValue(parameter.name(), parameter.type());
      params.add(value);
      current.put(parameter, value);
      assignments.put(parameter.name(), 1);
    }
    Operand result = statements(Returns.normalized(Jumps.removed(function)));
    if (result == null) {
      throw new Unlowerable(
          Unlowerable.Reason.PATH_WITHOUT_RETURN, "a path through " + methodName + " ends");
    }
    return new Trace(function, params, nodes, result);
  }

  /**
   * Lowers statements into {@link #nodes}; returns what they return, or null if they fall through.
   */
  private Operand statements(List<Stmt> statements) {
    for (Stmt statement : statements) {
      if (statement instanceof Stmt.Assign assign) {
        assign(assign);
      } else if (statement instanceof Stmt.Declare) {
        continue; // no value yet: Java's definite assignment guarantees one before any read
      } else if (statement instanceof Stmt.Store store) {
        store(store);
      } else if (statement instanceof Stmt.Return ret) {
        return returned(ret);
      } else if (statement instanceof Stmt.Loop loop) {
        loop(loop);
      } else {
        Operand result = branch((Stmt.If) statement);
        if (result != null) {
          return result;
        }
      }
    }
    return null;
  }

  private void assign(Stmt.Assign assign) {
    Variable target = assign.target();
    Value value =
        define(version(target), target.type(), target.name(), assign.value(), assign.line());
    current.put(target, value);
  }

  /**
   * {@code h[i] = v}: a step whose result is the array after the write, a new version of it, so
   * that reads before and after the write see different values.
   */
  private void store(Stmt.Store store) {
    Variable array = store.array();
    Operand index = operand(store.index(), array.name(), store.line());
    Operand value = operand(store.value(), array.name(), store.line());
    Value written = newValue(version(array), array.type());
    emit(
        written,
        Primitive.STORE,
        List.of(current.get(array), index, value),
        MathClass.MATH,
        store.line());
    current.put(array, written);
  }

  /**
   * A returned variable or constant is the result as it is; an expression gets a value named after
   * the method, so that {@code return n7 - n8;} in {@code loss()} reads {@code loss = n7 - n8}.
   */
  private Operand returned(Stmt.Return ret) {
    Expr value = ret.value();
    return value instanceof Expr.Apply
        ? define(methodName, value.type(), methodName, value, ret.line())
        : operand(value, methodName, ret.line());
  }

  /** An {@code if}: both arms, then a phi for each variable either arm changed. */
  private Operand branch(Stmt.If statement) {
    Value taken = newValue("branch" + ++branches, Type.BOOLEAN);
    Map<Variable, Operand> before = current;
    Arm then = arm(statement.then(), before);
    Arm otherwise = arm(statement.otherwise(), before);
    current = new LinkedHashMap<>(before);
    List<Branch.Phi> phis = new ArrayList<>();
    // A variable has a value after the branch if both arms leave it one: it was assigned before,
    // or in both arms (a local declared before the if without a value). Locals declared in an arm
    // are out of scope after it.
    for (Variable variable : then.values().keySet()) {
      Operand fromThen = then.values().get(variable);
      Operand fromElse = otherwise.values().get(variable);
      if (fromElse != null && !fromThen.equals(fromElse)) {
        Value joined = newValue(version(variable), variable.type());
        phis.add(new Branch.Phi(joined, fromThen, fromElse));
        current.put(variable, joined);
      }
    }
    Operand result = null;
    if (then.result() != null && otherwise.result() != null) {
      Value joined = newValue(methodName, Type.DOUBLE);
      phis.add(new Branch.Phi(joined, then.result(), otherwise.result()));
      result = joined;
    }
    nodes.add(
        new Branch(
            taken,
            statement.condition(),
            before,
            then.nodes(),
            otherwise.nodes(),
            phis,
            statement.line()));
    return result;
  }

  /** What lowering one arm gave: its nodes, the variables' values at its end, what it returned. */
  private record Arm(List<Node> nodes, Map<Variable, Operand> values, Operand result) {}

  private Arm arm(List<Stmt> statements, Map<Variable, Operand> before) {
    List<Node> outer = nodes;
    nodes = new ArrayList<>();
    current = new LinkedHashMap<>(before);
    Operand result = statements(statements);
    Arm arm = new Arm(nodes, current, result);
    nodes = outer;
    return arm;
  }

  /**
   * A loop: a header for each variable declared outside its body that the body assigns, then the
   * body, lowered once, with the headers as those variables' values; after it, the variables have
   * their exit values. Jumps are gone by now, so the body falls through.
   */
  private void loop(Stmt.Loop loop) {
    List<Stmt> statements = new ArrayList<>(loop.body());
    statements.addAll(loop.update());
    Set<Variable> assigned = new LinkedHashSet<>();
    Set<Variable> declaredInside = new HashSet<>();
    Assignments.collect(statements, assigned, declaredInside);
    assigned.removeAll(declaredInside);
    Map<Variable, Operand> before = current;
    current = new LinkedHashMap<>(before);
    Map<Variable, Value> headers = new LinkedHashMap<>();
    for (Variable variable : assigned) {
      Value header = newValue(version(variable), variable.type());
      headers.put(variable, header);
      current.put(variable, header);
    }
    Map<Variable, Operand> reads = new LinkedHashMap<>(current);
    Value iterations = newValue("iterations", Type.INT);
    List<Node> outer = nodes;
    nodes = new ArrayList<>();
    statements(statements);
    List<Node> body = nodes;
    nodes = outer;
    Map<Variable, Operand> after = new LinkedHashMap<>(before);
    List<Loop.Carried> carried = new ArrayList<>();
    for (Map.Entry<Variable, Value> entry : headers.entrySet()) {
      Variable variable = entry.getKey();
      Value header = entry.getValue();
      // A variable declared before the loop without a value (double s; do { s = ...) starts
      // from zero: Java's definite assignment guarantees that start is never read.
      Operand initial = before.getOrDefault(variable, zero(variable.type()));
      Value exit = newValue(header.name(), header.type());
      carried.add(new Loop.Carried(header, initial, current.get(variable), exit));
      after.put(variable, exit);
    }
    current = after;
    nodes.add(
        new Loop(
            carried, loop.condition(), reads, loop.testFirst(), body, iterations, loop.line()));
  }

  private static Literal zero(Type type) {
    return switch (type) {
      case DOUBLE -> new Literal(0, "0.0", Type.DOUBLE);
      case BOOLEAN -> new Literal(0, "false", Type.BOOLEAN);
      case LONG -> new Literal(0, "0L", Type.LONG);
      default -> new Literal(0, "0", type);
    };
  }

  /** A {@code ?:}: a branch whose arms compute the two operands, joined by one phi. */
  private Operand conditional(Expr.Conditional conditional, String base, SourceLine line) {
    Value taken = newValue("branch" + ++branches, Type.BOOLEAN);
    Map<Variable, Operand> before = current;
    List<Node> outer = nodes;
    nodes = new ArrayList<>();
    Operand fromThen = operand(conditional.then(), base, line);
    List<Node> then = nodes;
    nodes = new ArrayList<>();
    Operand fromElse = operand(conditional.otherwise(), base, line);
    List<Node> otherwise = nodes;
    nodes = outer;
    int k = temporaries.merge(base, 1, Integer::sum);
    Value joined = newValue(base + "_t" + k, conditional.type());
    nodes.add(
        new Branch(
            taken,
            conditional.condition(),
            before,
            then,
            otherwise,
            List.of(new Branch.Phi(joined, fromThen, fromElse)),
            line));
    return joined;
  }

  /** {@code x} for a variable's first value, then {@code x_2}, {@code x_3}... */
  private String version(Variable variable) {
    int count = assignments.merge(variable.name(), 1, Integer::sum);
    return count == 1 ? variable.name() : variable.name() + "_" + count;
  }

  /**
   * Lowers {@code expr} so that its value ends up in a new value called {@code name}: the outermost
   * operation's step, or a copy.
   */
  private Value define(String name, Type type, String base, Expr expr, SourceLine line) {
    if (expr instanceof Expr.Apply apply && apply.type() == type) {
      List<Operand> args = args(apply, base, line);
      Optional<Literal> folded = ConstantFolding.fold(apply.primitive(), args, type);
      if (folded.isPresent()) {
        return emit(
            newValue(name, type), Primitive.COPY, List.of(folded.get()), MathClass.MATH, line);
      }
      return emit(newValue(name, type), apply.primitive(), args, apply.callee(), line);
    }
    // A copy, also of an int or long into a double variable: Java's assignment widens it.
    Operand operand = operand(expr, base, line);
    return emit(newValue(name, type), Primitive.COPY, List.of(operand), MathClass.MATH, line);
  }

  private Operand operand(Expr expr, String base, SourceLine line) {
    if (expr instanceof Expr.Read read) {
      return current.get(read.variable());
    }
    if (expr instanceof Literal literal) {
      return literal;
    }
    if (expr instanceof Constant constant) {
      return constant;
    }
    if (expr instanceof Expr.Conditional conditional) {
      return conditional(conditional, base, line);
    }
    Expr.Apply apply = (Expr.Apply) expr;
    if (apply.type() == Type.BOOLEAN) {
      // A boolean argument, such as s(x, n > 0 && 10 / n > 2): a branch writes the test whole,
      // so it short-circuits as in Java.
      Literal yes = new Literal(1, "true", Type.BOOLEAN);
      Literal no = new Literal(0, "false", Type.BOOLEAN);
      return conditional(new Expr.Conditional(apply, yes, no, Type.BOOLEAN), base, line);
    }
    List<Operand> args = args(apply, base, line);
    Optional<Literal> folded = ConstantFolding.fold(apply.primitive(), args, apply.type());
    if (folded.isPresent()) {
      return folded.get();
    }
    int k = temporaries.merge(base, 1, Integer::sum);
    Value temporary = newValue(base + "_t" + k, apply.type());
    return emit(temporary, apply.primitive(), args, apply.callee(), line);
  }

  private List<Operand> args(Expr.Apply apply, String base, SourceLine line) {
    List<Operand> args = new ArrayList<>();
    for (Expr arg : apply.args()) {
      args.add(operand(arg, base, line));
    }
    return args;
  }

  private Value emit(
      Value result, Primitive primitive, List<Operand> args, Callee callee, SourceLine line) {
    nodes.add(new Step(result, primitive, args, callee, line));
    return result;
  }

  private Value newValue(String name, Type type) {
    return new Value(nextId++, name, type);
  }
}
