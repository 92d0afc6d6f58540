package dev.chainrule.processor.ad.rules;

import static dev.chainrule.processor.ad.rules.Formula.call;
import static dev.chainrule.processor.ad.rules.Formula.compare;
import static dev.chainrule.processor.ad.rules.Formula.minus;
import static dev.chainrule.processor.ad.rules.Formula.num;
import static dev.chainrule.processor.ad.rules.Formula.plus;
import static dev.chainrule.processor.ad.rules.Formula.select;
import static dev.chainrule.processor.ad.rules.Formula.times;

import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ir.Literal;
import dev.chainrule.processor.ir.MethodRef;
import dev.chainrule.processor.ir.Primitive;
import dev.chainrule.processor.ir.Step;
import java.util.List;

/**
 * The one table of derivatives: for each primitive {@code z = f(x[, y])}, the partial derivative of
 * {@code z} with respect to each argument. Reverse mode multiplies it into the result's adjoint
 * ({@code d_x += d_z * ∂z/∂x}), forward mode into the argument's tangent ({@code zDot = ∂z/∂x *
 * xDot + ...}), so the two modes cannot disagree.
 *
 * <p>At kinks chainrule follows PyTorch: {@code abs} has derivative {@code signum(x)}, so 0 at 0
 * (JAX gives 1 there); {@code max} and {@code min} split the gradient evenly at a tie, 0.5 to each
 * argument (as both PyTorch and JAX do); {@code pow(x, y)} has {@code ∂/∂x = 0} where {@code y ==
 * 0} and {@code ∂/∂y = 0} where {@code x == 0 && y >= 0}, instead of NaN.
 */
public final class DerivativeRules {
  private DerivativeRules() {}

  /** Whether the primitive is piecewise constant: its derivative is zero wherever it exists. */
  public static boolean isPiecewiseConstant(Primitive primitive) {
    return switch (primitive) {
      case SIGNUM, FLOOR, CEIL, RINT, REMAINDER -> true;
      case ADD, SUBTRACT, MULTIPLY, DIVIDE, NEGATE, COPY, TO_DOUBLE -> false;
      case SIN, COS, TAN, ASIN, ACOS, ATAN, ATAN2, SINH, COSH, TANH -> false;
      case EXP, EXPM1, LOG, LOG10, LOG1P, SQRT, CBRT, POW, HYPOT, ABS, MAX, MIN -> false;
      case CALL_METHOD, ELEMENT -> false;
      case LENGTH -> true;
      // a new array is zeros whatever its length; writes and initialisers pass values through
      case NEW_ARRAY -> true;
      case ARRAY_OF, STORE -> false;
      // booleans: conditions choose a branch and carry no derivative
      case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL, AND, OR, NOT -> true;
    };
  }

  /** The partial derivatives of the step's result, one per argument, in argument order. */
  public static List<Partial> partials(Step step) {
    Formula x = Formula.of(step.args().get(0));
    Formula y = step.args().size() > 1 ? Formula.of(step.args().get(1)) : null;
    Formula z = Formula.of(step.result());
    return switch (step.primitive()) {
      // z = x + y: ∂x = 1, ∂y = 1
      case ADD -> List.of(Partial.one(), Partial.one());
      // z = x - y: ∂x = 1, ∂y = -1
      case SUBTRACT -> List.of(Partial.one(), Partial.minusOne());
      // z = x * y: ∂x = y, ∂y = x
      case MULTIPLY -> List.of(Partial.times(y), Partial.times(x));
      // z = x / y: ∂x = 1 / y, ∂y = -x / y² = -z / y
      case DIVIDE -> List.of(Partial.over(y), Partial.minusTimesOver(z, y));
      // z = -x: ∂x = -1
      case NEGATE -> List.of(Partial.minusOne());
      // z = x, z = (double) x: ∂x = 1
      case COPY, TO_DOUBLE -> List.of(Partial.one());
      // z = sin x: ∂x = cos x
      case SIN -> List.of(Partial.times(call("cos", x)));
      // z = cos x: ∂x = -sin x
      case COS -> List.of(Partial.minusTimes(call("sin", x)));
      // z = tan x: ∂x = 1 + tan² x = 1 + z²
      case TAN -> List.of(Partial.times(plus(num(1), times(z, z))));
      // z = asin x: ∂x = 1 / √(1 - x²)
      case ASIN -> List.of(Partial.over(call("sqrt", minus(num(1), times(x, x)))));
      // z = acos x: ∂x = -1 / √(1 - x²)
      case ACOS -> List.of(Partial.minusOver(call("sqrt", minus(num(1), times(x, x)))));
      // z = atan x: ∂x = 1 / (1 + x²)
      case ATAN -> List.of(Partial.over(plus(num(1), times(x, x))));
      // z = atan2(x, y), the angle of the point (y, x): ∂x = y / (x² + y²), ∂y = -x / (x² + y²)
      case ATAN2 -> {
        Formula radiusSquared = plus(times(x, x), times(y, y));
        yield List.of(
            Partial.timesOver(y, radiusSquared), Partial.minusTimesOver(x, radiusSquared));
      }
      // z = sinh x: ∂x = cosh x
      case SINH -> List.of(Partial.times(call("cosh", x)));
      // z = cosh x: ∂x = sinh x
      case COSH -> List.of(Partial.times(call("sinh", x)));
      // z = tanh x: ∂x = 1 - tanh² x = 1 - z²
      case TANH -> List.of(Partial.times(minus(num(1), times(z, z))));
      // z = e^x: ∂x = e^x = z
      case EXP -> List.of(Partial.times(z));
      // z = e^x - 1: ∂x = e^x = z + 1
      case EXPM1 -> List.of(Partial.times(plus(z, num(1))));
      // z = ln x: ∂x = 1 / x
      case LOG -> List.of(Partial.over(x));
      // z = log10 x: ∂x = 1 / (x ln 10)
      case LOG10 -> List.of(Partial.over(times(x, call("log", num(10)))));
      // z = ln(1 + x): ∂x = 1 / (1 + x)
      case LOG1P -> List.of(Partial.over(plus(num(1), x)));
      // z = √x: ∂x = 1 / (2√x) = 1 / (2z)
      case SQRT -> List.of(Partial.over(times(num(2), z)));
      // z = ∛x: ∂x = 1 / (3∛x²) = 1 / (3z²)
      case CBRT -> List.of(Partial.over(times(times(num(3), z), z)));
      // z = x^y: ∂x = y x^(y-1), ∂y = z ln x
      case POW -> List.of(powBase(step, x, y), powExponent(step, x, y, z));
      // z = √(x² + y²): ∂x = x / z, ∂y = y / z
      case HYPOT -> List.of(Partial.timesOver(x, z), Partial.timesOver(y, z));
      // z = |x|: ∂x = signum x, 0 at 0 as in PyTorch
      case ABS -> List.of(Partial.times(call("signum", x)));
      // z = max(x, y): the larger argument gets the gradient; a tie splits it evenly
      case MAX -> List.of(Partial.times(winner(x, ">", y)), Partial.times(winner(y, ">", x)));
      // z = min(x, y): the smaller argument gets the gradient; a tie splits it evenly
      case MIN -> List.of(Partial.times(winner(x, "<", y)), Partial.times(winner(y, "<", x)));
      // piecewise constant: zero wherever the derivative exists
      case SIGNUM, FLOOR, CEIL, RINT -> List.of(Partial.zero());
      // of ints: no derivative
      case REMAINDER -> List.of(Partial.zero(), Partial.zero());
      // z = m(x1, ..., xn): ∂xi = what the callee's own backward finds for parameter i
      case CALL_METHOD -> callPartials(step);
      // z = xs[i]: ∂xs[i] = 1, and the index, an int, has none
      case ELEMENT -> List.of(Partial.one(), Partial.zero());
      // z = xs.length: an int
      case LENGTH -> List.of(Partial.zero());
      // z = new double[n]: zeros
      case NEW_ARRAY -> List.of(Partial.zero());
      // z = {a, b, ...}: ∂z[k]/∂(k-th argument) = 1
      case ARRAY_OF -> step.args().stream().map(a -> Partial.one()).toList();
      // z = xs with [i] = v: the other elements pass through, element i is v
      case STORE -> List.of(Partial.one(), Partial.zero(), Partial.one());
      // booleans: conditions choose a branch and carry no derivative
      case LESS, LESS_EQUAL, GREATER, GREATER_EQUAL, EQUAL, NOT_EQUAL, AND, OR, NOT ->
          step.args().stream().map(a -> Partial.zero()).toList();
    };
  }

  private static List<Partial> callPartials(Step step) {
    MethodRef method = (MethodRef) step.callee();
    return method.params().stream()
        .map(
            p ->
                method.differentiable() && p.differentiated() && p.type().isDifferentiable()
                    ? Partial.times(
                        new Formula.CalleeGradient(step, GeneratedNames.gradientAccessor(p.name())))
                    : Partial.zero())
        .toList();
  }

  /** {@code a op b ? 1 : a == b ? 0.5 : 0}: the share of the gradient that goes to {@code a}. */
  private static Formula winner(Formula a, String op, Formula b) {
    return select(compare(a, op, b), num(1), select(compare(a, "==", b), num(0.5), num(0)));
  }

  /** ∂(x^y)/∂x = y x^(y-1), folded for a literal exponent, and 0 where y == 0 (as in PyTorch). */
  private static Partial powBase(Step step, Formula x, Formula y) {
    if (step.args().get(1) instanceof Literal exponent) {
      double e = exponent.value();
      if (e == 0) {
        return Partial.zero();
      }
      if (e == 1) {
        return Partial.one();
      }
      if (e == 2) {
        return Partial.times(times(num(2), x));
      }
      return Partial.times(times(y, call("pow", x, num(e - 1))));
    }
    Formula general = times(y, call("pow", x, minus(y, num(1))));
    return Partial.times(select(compare(y, "==", num(0)), num(0), general));
  }

  /** ∂(x^y)/∂y = z ln x, and 0 where x == 0 and y >= 0 (where x^y is 0 or 1 for y near it). */
  private static Partial powExponent(Step step, Formula x, Formula y, Formula z) {
    Formula general = times(z, call("log", x));
    if (step.args().get(0) instanceof Literal base && base.value() != 0) {
      return Partial.times(general);
    }
    return Partial.times(
        new Formula.Select(
            List.of(compare(x, "==", num(0)), compare(y, ">=", num(0))), num(0), general));
  }
}
