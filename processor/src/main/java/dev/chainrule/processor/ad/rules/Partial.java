package dev.chainrule.processor.ad.rules;

import java.util.Optional;

/**
 * The partial derivative of a step's result with respect to one argument, in the shape the chain
 * rule writes it: {@code [-] seed [* times] [/ dividedBy]}. Keeping the sign and the divisor apart
 * lets generated code read {@code d_b -= d_y * y / b} instead of {@code d_b += d_y * (-(y / b))}.
 */
public record Partial(
    boolean isZero, boolean negative, Optional<Formula> times, Optional<Formula> dividedBy) {

  public static Partial zero() {
    return new Partial(true, false, Optional.empty(), Optional.empty());
  }

  public static Partial one() {
    return new Partial(false, false, Optional.empty(), Optional.empty());
  }

  public static Partial minusOne() {
    return new Partial(false, true, Optional.empty(), Optional.empty());
  }

  public static Partial times(Formula factor) {
    return new Partial(false, false, Optional.of(factor), Optional.empty());
  }

  public static Partial minusTimes(Formula factor) {
    return new Partial(false, true, Optional.of(factor), Optional.empty());
  }

  public static Partial over(Formula divisor) {
    return new Partial(false, false, Optional.empty(), Optional.of(divisor));
  }

  public static Partial minusOver(Formula divisor) {
    return new Partial(false, true, Optional.empty(), Optional.of(divisor));
  }

  public static Partial timesOver(Formula factor, Formula divisor) {
    return new Partial(false, false, Optional.of(factor), Optional.of(divisor));
  }

  public static Partial minusTimesOver(Formula factor, Formula divisor) {
    return new Partial(false, true, Optional.of(factor), Optional.of(divisor));
  }
}
