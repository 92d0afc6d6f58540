package dev.chainrule.processor.lower;

import dev.chainrule.processor.ir.Callee;
import dev.chainrule.processor.ir.Constant;
import dev.chainrule.processor.ir.Expr;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.MathClass;
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
import java.util.List;
import java.util.Map;

/**
 * Lowers a function to a {@link Trace}: every operation becomes a step with a value of its own.
 *
 * <p>Names follow the user's: an assignment to {@code y} yields a value named {@code y}, the next
 * one {@code y_2}, and the inner operations of its expression {@code y_t1}, {@code y_t2}... so
 * {@code y = Math.sin(x * w) + b} becomes {@code y_t1 = x * w; y_t2 = Math.sin(y_t1); y = y_t2 +
 * b}.
 */
public final class Lowering {
  private final List<Step> steps = new ArrayList<>();
  private final Map<Variable, Operand> current = new HashMap<>();
  private final Map<Variable, Integer> assignments = new HashMap<>();
  private final Map<String, Integer> temporaries = new HashMap<>();
  private int nextId;

  private Lowering() {}

  public static Trace lower(Function function) {
    return new Lowering().run(function);
  }

  private Trace run(Function function) {
    List<Value> params = new ArrayList<>();
    for (Variable parameter : function.params()) {
      Value value = newValue(parameter.name(), parameter.type());
      params.add(value);
      current.put(parameter, value);
      assignments.put(parameter, 1);
    }
    Operand result = null;
    for (Stmt statement : function.body()) {
      if (statement instanceof Stmt.Assign assign) {
        Variable target = assign.target();
        int count = assignments.merge(target, 1, Integer::sum);
        String name = count == 1 ? target.name() : target.name() + "_" + count;
        current.put(
            target, define(name, target.type(), target.name(), assign.value(), assign.line()));
      } else if (statement instanceof Stmt.Return ret) {
        // A returned variable or constant is the result as it is; an expression gets a value named
        // after the method, so that `return n7 - n8;` in loss() reads `loss = n7 - n8`.
        Expr value = ret.value();
        String name = function.name();
        result =
            value instanceof Expr.Apply
                ? define(name, value.type(), name, value, ret.line())
                : operand(value, name, ret.line());
      }
    }
    return new Trace(function, params, steps, result);
  }

  /**
   * Lowers {@code expr} so that its value ends up in a new value called {@code name}: the outermost
   * operation's step, or a copy.
   */
  private Value define(String name, Type type, String base, Expr expr, SourceLine line) {
    if (expr instanceof Expr.Apply apply && apply.type() == type) {
      List<Operand> args = args(apply, base, line);
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
    Expr.Apply apply = (Expr.Apply) expr;
    List<Operand> args = args(apply, base, line);
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
    steps.add(new Step(result, primitive, args, callee, line));
    return result;
  }

  private Value newValue(String name, Type type) {
    return new Value(nextId++, name, type);
  }
}
