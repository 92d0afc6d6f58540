package dev.chainrule.processor.testing;

import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.processor.testing.DifferentiableMethod.DifferentiableParameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The differentiable inputs of a method at one point as one flat vector: each {@code double}
 * parameter is one coordinate, each {@code double[]} parameter one per element, in parameter order,
 * named {@code x} and {@code xs[2]} as graph() names its input nodes. Gradients, tangent
 * directions, finite differences and graph inputs all use this order, so a property test compares
 * them index by index whatever mix of scalars and arrays a method takes. An array contributes as
 * many coordinates as the point's array has elements, so the layout belongs to a point, not to a
 * method.
 */
public final class Coordinates {
  /** Argument {@code argument} of the point; {@code element} of it, or -1 for a double. */
  private record Coordinate(String name, int argument, int element) {}

  private final List<DifferentiableParameter> parameters;
  private final Point point;
  private final List<Coordinate> coordinates = new ArrayList<>();

  Coordinates(List<DifferentiableParameter> parameters, Point point) {
    this.parameters = parameters;
    this.point = point;
    for (DifferentiableParameter parameter : parameters) {
      int argument = parameter.index();
      if (parameter.isArray()) {
        int length = point.doubleArrayAt(argument).length;
        for (int e = 0; e < length; e++) {
          coordinates.add(new Coordinate(parameter.name() + "[" + e + "]", argument, e));
        }
      } else {
        coordinates.add(new Coordinate(parameter.name(), argument, -1));
      }
    }
  }

  public int size() {
    return coordinates.size();
  }

  /** The coordinates' names, {@code [x, xs[0], xs[1], xs[2]]}. */
  public List<String> names() {
    return coordinates.stream().map(Coordinate::name).toList();
  }

  public String name(int k) {
    return coordinates.get(k).name();
  }

  /** The point's value at coordinate {@code k}. */
  public double value(int k) {
    Coordinate c = coordinates.get(k);
    return c.element() < 0
        ? point.doubleAt(c.argument())
        : point.doubleArrayAt(c.argument())[c.element()];
  }

  /** The point with coordinate {@code k} set to {@code value}: a new point, arrays copied. */
  public Point with(int k, double value) {
    Coordinate c = coordinates.get(k);
    return c.element() < 0
        ? point.with(c.argument(), value)
        : point.withElement(c.argument(), c.element(), value);
  }

  /**
   * A flat vector split as tangent takes its directions: a {@code Double} for each double
   * parameter, a {@code double[]} of the argument's length for each array parameter.
   */
  public Object[] split(double[] flat) {
    if (flat.length != size()) {
      throw new IllegalArgumentException(
          "a direction at "
              + point
              + " has "
              + size()
              + " entries "
              + names()
              + ", not "
              + flat.length);
    }
    Object[] split = new Object[parameters.size()];
    int k = 0;
    for (int p = 0; p < split.length; p++) {
      if (parameters.get(p).isArray()) {
        int length = point.doubleArrayAt(parameters.get(p).index()).length;
        split[p] = Arrays.copyOfRange(flat, k, k + length);
        k += length;
      } else {
        split[p] = flat[k++];
      }
    }
    return split;
  }

  /**
   * The inverse of {@link #split}, for gradients read one accessor at a time: a {@code Double} or a
   * {@code double[]} per differentiable parameter. An array of another length than the point's
   * argument breaks the contract, and fails here naming the accessor.
   */
  double[] join(Object[] perParameter) {
    double[] flat = new double[size()];
    int k = 0;
    for (int p = 0; p < perParameter.length; p++) {
      DifferentiableParameter parameter = parameters.get(p);
      if (parameter.isArray()) {
        double[] values = (double[]) perParameter[p];
        int length = point.doubleArrayAt(parameter.index()).length;
        if (values == null || values.length != length) {
          throw new AssertionError(
              DifferentiableMethod.accessorName(parameter.name())
                  + "() is "
                  + (values == null ? "null" : "of length " + values.length)
                  + " after forward at "
                  + point
                  + ", where "
                  + parameter.name()
                  + " has "
                  + length
                  + " elements");
        }
        System.arraycopy(values, 0, flat, k, length);
        k += length;
      } else {
        flat[k++] = (Double) perParameter[p];
      }
    }
    return flat;
  }

  /** The graph's input node for each coordinate, found by name, in coordinate order. */
  public List<ComputationGraph.Node> inputNodes(ComputationGraph graph) {
    return coordinates.stream().map(c -> graph.node(c.name())).toList();
  }
}
