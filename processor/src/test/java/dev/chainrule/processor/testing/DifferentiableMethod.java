package dev.chainrule.processor.testing;

import dev.chainrule.Differentiable;
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
 *
 * <p>Gradients and tangent directions are flat vectors in the order of {@link Coordinates}, so one
 * test serves methods of scalars and of arrays alike.
 */
public final class DifferentiableMethod {
  /**
   * A parameter with a gradient: a {@code double}, or a {@code double[]} with one per element, that
   * the annotation's {@code wrt} lists, if it lists any. {@code index} is its place among all
   * parameters.
   */
  public record DifferentiableParameter(String name, int index, boolean isArray) {
    public Class<?> type() {
      return isArray ? double[].class : double.class;
    }
  }

  private final String name;
  private final Method original;
  private final Class<?> generated;
  private final List<DifferentiableParameter> differentiable = new ArrayList<>();
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
    // A test's hand-written pair may leave the annotation out: then every parameter counts.
    Differentiable annotation = original.getAnnotation(Differentiable.class);
    List<String> wrt = annotation == null ? List.of() : List.of(annotation.wrt());
    for (int i = 0; i < parameters.length; i++) {
      if (!parameters[i].isNamePresent()) {
        throw new IllegalStateException(name + " was compiled without -parameters");
      }
      Class<?> type = parameters[i].getType();
      boolean listed = wrt.isEmpty() || wrt.contains(parameters[i].getName());
      if ((type == double.class || type == double[].class) && listed) {
        differentiable.add(
            new DifferentiableParameter(parameters[i].getName(), i, type == double[].class));
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
    List<Class<?>> tangentTypes = new ArrayList<>(Arrays.asList(types));
    for (DifferentiableParameter parameter : differentiable) {
      gradientAccessors.add(Reflection.member(generated, accessorName(parameter.name())));
      tangentTypes.add(parameter.type());
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

  /**
   * The call as text, {@code Seed.andGate(1.0, 0.0, 0.5, 0.2, 0.0)} or {@code
   * ArrayParameters.dot3([0.3, 0.5, 0.7], [0.2, 0.4, 0.6])}, for failure messages.
   */
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

  /** The {@code double} and {@code double[]} parameters, the ones with gradients, in order. */
  public List<DifferentiableParameter> differentiableParameters() {
    return List.copyOf(differentiable);
  }

  /** The names of the {@link #differentiableParameters()}, in order. */
  public List<String> differentiableParameterNames() {
    return differentiable.stream().map(DifferentiableParameter::name).toList();
  }

  /** The differentiable inputs at this point, laid out flat. */
  public Coordinates coordinates(Point point) {
    return new Coordinates(differentiable, point);
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

  /** Forward then backward on a fresh workspace: the gradient, one entry per coordinate. */
  public double[] gradient(Point point) {
    Workspace workspace = newWorkspace();
    workspace.forward(point);
    workspace.backward();
    return workspace.gradients();
  }

  /**
   * Forward mode along {@code direction}, one entry per coordinate: split into a double per double
   * parameter and an array per array parameter, as tangent takes them.
   */
  public double tangent(Point point, double... direction) {
    Object[] directions = coordinates(point).split(direction);
    Object[] arguments = Arrays.copyOf(point.arguments(), point.size() + directions.length);
    System.arraycopy(directions, 0, arguments, point.size(), directions.length);
    return (Double) callGenerated(tangent, null, arguments);
  }

  public ComputationGraph graph(Point point) {
    return (ComputationGraph) callGenerated(graph, null, point.arguments());
  }

  /**
   * Calls a member of the generated class, failing if it wrote into an argument array: the user
   * passes their own arrays, and would find them changed. The harness hands over copies, so such a
   * write would otherwise go unseen.
   */
  Object callGenerated(Method member, Object target, Object... arguments) {
    Point given = new Point(arguments);
    Object result = Reflection.invoke(member, target, arguments);
    Point after = new Point(arguments);
    if (!after.equals(given)) {
      throw new AssertionError(
          generated.getSimpleName()
              + "."
              + member.getName()
              + " wrote into its arguments: given "
              + given
              + ", left "
              + after);
    }
    return result;
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
