package dev.chainrule.processor.testing;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The arguments of one call of a differentiable method, boxed in parameter order, arrays as {@code
 * double[]} and {@code int[]}. Its text shows every double to the last bit, so a failure message is
 * enough to reproduce the call.
 *
 * <p>Immutable, arrays included: it keeps its own copies of the arrays it is given, and {@link
 * #arguments()} hands out fresh copies on every call. So nothing a callee does to its arguments can
 * change the point, a perturbed point for a finite difference is a new one, and a workspace that
 * keeps a reference to the arrays forward received holds arrays no one else writes: a later call at
 * another point cannot change what backward differentiates. That generated code does not write into
 * its arguments is checked where it is called, in {@link DifferentiableMethod}.
 */
public final class Point {
  private final Object[] arguments;

  public Point(Object... arguments) {
    this.arguments = deepCopy(arguments);
  }

  /** The arguments for one call, arrays freshly copied. */
  public Object[] arguments() {
    return deepCopy(arguments);
  }

  public int size() {
    return arguments.length;
  }

  public double doubleAt(int index) {
    return (Double) arguments[index];
  }

  /** A copy of argument {@code index}, a {@code double[]}. */
  public double[] doubleArrayAt(int index) {
    if (!(arguments[index] instanceof double[] array)) {
      throw new IllegalArgumentException(
          "argument " + index + " of " + this + " is not a double[]");
    }
    return array.clone();
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

  /**
   * This point with element {@code element} of argument {@code index}, a {@code double[]}, replaced
   * by {@code value}; this point's own array is left as it is.
   */
  public Point withElement(int index, int element, double value) {
    double[] array = doubleArrayAt(index);
    array[element] = value;
    Object[] changed = arguments.clone();
    changed[index] = array;
    return new Point(changed);
  }

  private static Object[] deepCopy(Object[] arguments) {
    Object[] copy = arguments.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] instanceof double[] doubles) {
        copy[i] = doubles.clone();
      } else if (copy[i] instanceof int[] ints) {
        copy[i] = ints.clone();
      } else if (copy[i] != null && copy[i].getClass().isArray()) {
        throw new IllegalArgumentException(
            "argument " + i + " is a " + copy[i].getClass().getSimpleName() + ": not supported");
      }
    }
    return copy;
  }

  /** Equal arguments, arrays compared element by element and doubles bit for bit. */
  @Override
  public boolean equals(Object other) {
    return other instanceof Point point && Arrays.deepEquals(arguments, point.arguments);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(arguments);
  }

  /** {@code ([0.5, 0.25], [2, 0], 3, 4L, true)}. */
  @Override
  public String toString() {
    return Arrays.stream(arguments).map(Point::text).collect(Collectors.joining(", ", "(", ")"));
  }

  private static String text(Object argument) {
    if (argument instanceof double[] doubles) {
      return Arrays.toString(doubles);
    }
    if (argument instanceof int[] ints) {
      return Arrays.toString(ints);
    }
    return argument instanceof Long ? argument + "L" : String.valueOf(argument);
  }
}
