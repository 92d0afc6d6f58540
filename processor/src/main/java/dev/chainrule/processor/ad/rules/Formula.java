package dev.chainrule.processor.ad.rules;

import dev.chainrule.processor.ir.Operand;
import dev.chainrule.processor.ir.Step;
import java.util.List;
import java.util.stream.Stream;

/**
 * A derivative expression over a step's operands and result, such as {@code Math.cos(x)}. Rules
 * build formulas; emission prints them with the names the operands got.
 */
public sealed interface Formula {

  /** Every operand the formula reads, so backward's readers can be kept by forward. */
  Stream<Operand> operands();

  /** How many nodes the formula has: a measure of the code it becomes. */
  int size();

  /** An operand of the step, or its result. */
  record Of(Operand operand) implements Formula {
    @Override
    public Stream<Operand> operands() {
      return Stream.of(operand);
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** A number, printed as a double literal. */
  record Num(double value) implements Formula {
    @Override
    public Stream<Operand> operands() {
      return Stream.empty();
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** {@code Math.function(args)}. */
  record Call(String function, List<Formula> args) implements Formula {
    public Call {
      args = List.copyOf(args);
    }

    @Override
    public Stream<Operand> operands() {
      return args.stream().flatMap(Formula::operands);
    }

    @Override
    public int size() {
      return 1 + args.stream().mapToInt(Formula::size).sum();
    }
  }

  /** {@code left op right} for op in + - * /. */
  record Binary(char op, Formula left, Formula right) implements Formula {
    @Override
    public Stream<Operand> operands() {
      return Stream.concat(left.operands(), right.operands());
    }

    @Override
    public int size() {
      return 1 + left.size() + right.size();
    }
  }

  /**
   * The derivative of a called {@code @Differentiable} method with respect to one parameter, as its
   * generated workspace for {@code call} holds it after backward: {@code square.gradX()}.
   */
  record CalleeGradient(Step call, String accessor) implements Formula {
    @Override
    public Stream<Operand> operands() {
      return Stream.empty();
    }

    @Override
    public int size() {
      return 1;
    }
  }

  /** {@code left op right} for a comparison op in {@code > < == >=}. */
  record Comparison(Formula left, String op, Formula right) {}

  /** {@code all comparisons hold ? then : otherwise}: how rules pick a derivative at a kink. */
  record Select(List<Comparison> all, Formula then, Formula otherwise) implements Formula {
    public Select {
      all = List.copyOf(all);
    }

    @Override
    public Stream<Operand> operands() {
      Stream<Operand> conditions =
          all.stream().flatMap(c -> Stream.concat(c.left().operands(), c.right().operands()));
      return Stream.concat(conditions, Stream.concat(then.operands(), otherwise.operands()));
    }

    @Override
    public int size() {
      int conditions = all.stream().mapToInt(c -> 1 + c.left().size() + c.right().size()).sum();
      return 1 + conditions + then.size() + otherwise.size();
    }
  }

  static Formula of(Operand operand) {
    return new Of(operand);
  }

  static Formula num(double value) {
    return new Num(value);
  }

  static Formula call(String function, Formula... args) {
    return new Call(function, List.of(args));
  }

  static Formula plus(Formula left, Formula right) {
    return new Binary('+', left, right);
  }

  static Formula minus(Formula left, Formula right) {
    return new Binary('-', left, right);
  }

  static Formula times(Formula left, Formula right) {
    return new Binary('*', left, right);
  }

  static Comparison compare(Formula left, String op, Formula right) {
    return new Comparison(left, op, right);
  }

  static Formula select(Comparison condition, Formula then, Formula otherwise) {
    return new Select(List.of(condition), then, otherwise);
  }
}
