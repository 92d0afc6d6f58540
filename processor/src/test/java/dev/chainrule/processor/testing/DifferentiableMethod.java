package dev.chainrule.processor.testing;

import dev.chainrule.graph.ComputationGraph;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@code @Differentiable} method paired with its generated class, with every member the contract
 * names resolved up front: a generated class missing one fails here, naming it, rather than deep in
 * a test. Calls go through reflection; the original method is made accessible, since inputs are
 * package-private.
 */
public final class DifferentiableMethod {
  private final String name;
  private final Method original;
  private final Class<?> generated;
  private final List<String> doubleParameterNames = new ArrayList<>();
  private final List<Integer> doubleParameterIndices = new ArrayList<>();
  private final Constructor<?> constructor;
  private final Method forward;
  private final Method backward;
  private final Method zeroGrad;
  private final List<Method> gradientAccessors = new ArrayList<>();
  private final Method tangent;
  private final Method graph;

  DifferentiableMethod(String name, Method original, Class<?> generated) {
    this.name = name;
    this.original = original;
    this.generated = generated;
    original.setAccessible(true);
    Parameter[] parameters = original.getParameters();
    for (int i = 0; i < parameters.length; i++) {
      if (!parameters[i].isNamePresent()) {
        throw new IllegalStateException(name + " was compiled without -parameters");
      }
      if (parameters[i].getType() == double.class) {
        doubleParameterNames.add(parameters[i].getName());
        doubleParameterIndices.add(i);
      }
    }
    Class<?>[] types = original.getParameterTypes();
    try {
      constructor = generated.getConstructor();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(generated.getName() + " has no public no-argument constructor", e);
    }
    forward = Reflection.member(generated, "forward", types);
    backward = Reflection.member(generated, "backward");
    zeroGrad = Reflection.member(generated, "zeroGrad");
    for (String parameter : doubleParameterNames) {
      gradientAccessors.add(Reflection.member(generated, accessorName(parameter)));
    }
    // One direction per differentiable parameter: a double for a double, an array for an array.
    List<Class<?>> tangentTypes = new ArrayList<>(Arrays.asList(types));
    for (Class<?> type : types) {
      if (type == double.class || type == double[].class) {
        tangentTypes.add(type);
      }
    }
    tangent = Reflection.member(generated, "tangent", tangentTypes.toArray(Class<?>[]::new));
    graph = Reflection.member(generated, "graph", types);
  }

  /** {@code gradX} for parameter {@code x}, as the contract spells it. */
  public static String accessorName(String parameter) {
    return "grad" + Character.toUpperCase(parameter.charAt(0)) + parameter.substring(1);
  }

  /** {@code Outer.Inner.method}, the enclosing classes' simple names and the method's. */
  public String name() {
    return name;
  }

  /** The call as text, {@code Seed.andGate(1.0, 0.0, 0.5, 0.2, 0.0)}, for failure messages. */
  public String at(Point point) {
    return name + point;
  }

  public Method original() {
    return original;
  }

  public Class<?> generatedClass() {
    return generated;
  }

  public Class<?>[] parameterTypes() {
    return original.getParameterTypes();
  }

  /** The names of the {@code double} parameters, the differentiable ones, in order. */
  public List<String> doubleParameterNames() {
    return List.copyOf(doubleParameterNames);
  }

  /** Where each {@code double} parameter sits among all parameters. */
  public List<Integer> doubleParameterIndices() {
    return List.copyOf(doubleParameterIndices);
  }

  /** What the user's own method returns at this point. */
  public double invokeOriginal(Point point) {
    return (Double) Reflection.invoke(original, null, point.arguments());
  }

  public Workspace newWorkspace() {
    try {
      return new Workspace(this, constructor.newInstance());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot create " + generated.getName(), e);
    }
  }

  /**
   * Forward then backward on a fresh workspace: the gradient of each double parameter, in order.
   */
  public double[] gradient(Point point) {
    Workspace workspace = newWorkspace();
    workspace.forward(point);
    workspace.backward();
    return workspace.gradients();
  }

  /** Forward mode along {@code directions}, one per double parameter. */
  public double tangent(Point point, double... directions) {
    if (directions.length != doubleParameterNames.size()) {
      throw new IllegalArgumentException(
          name + " takes " + doubleParameterNames.size() + " directions, not " + directions.length);
    }
    Object[] arguments = Arrays.copyOf(point.arguments(), point.size() + directions.length);
    for (int i = 0; i < directions.length; i++) {
      arguments[point.size() + i] = directions[i];
    }
    return (Double) Reflection.invoke(tangent, null, arguments);
  }

  public ComputationGraph graph(Point point) {
    return (ComputationGraph) Reflection.invoke(graph, null, point.arguments());
  }

  Method forwardMethod() {
    return forward;
  }

  Method backwardMethod() {
    return backward;
  }

  Method zeroGradMethod() {
    return zeroGrad;
  }

  List<Method> gradientAccessors() {
    return gradientAccessors;
  }

  @Override
  public String toString() {
    return name;
  }
}
