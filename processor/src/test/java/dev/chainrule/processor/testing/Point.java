package dev.chainrule.processor.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The arguments of one call of a differentiable method, boxed in parameter order. Immutable: a
 * perturbed point for a finite difference is a new one. Its text shows every double to the last
 * bit, so a failure message is enough to reproduce the call.
 */
public final class Point {
  private final Object[] arguments;

  public Point(Object... arguments) {
    this.arguments = arguments.clone();
  }

  public Object[] arguments() {
    return arguments.clone();
  }

  public int size() {
    return arguments.length;
  }

  public double doubleAt(int index) {
    return (Double) arguments[index];
  }

  /** This point with argument {@code index}, a double, replaced by {@code value}. */
  public Point with(int index, double value) {
    if (!(arguments[index] instanceof Double)) {
      throw new IllegalArgumentException("argument " + index + " of " + this + " is not a double");
    }
    Object[] changed = arguments.clone();
    changed[index] = value;
    return new Point(changed);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Point point && Arrays.equals(arguments, point.arguments);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(arguments);
  }

  @Override
  public String toString() {
    return Arrays.stream(arguments)
        .map(a -> a instanceof Long ? a + "L" : String.valueOf(a))
        .collect(Collectors.joining(", ", "(", ")"));
  }
}
