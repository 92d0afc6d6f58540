package dev.chainrule.processor.ir;

import java.util.List;

/**
 * A user's method that a {@code @Differentiable} method calls. A differentiable one is called
 * through its generated class in forward and backward, so that backward runs the callee's own
 * adjoint; any other one returns an int, long or boolean and is a constant for differentiation.
 *
 * @param classNames the simple names of the method's class, outermost first
 * @param params the callee's parameters, in order
 * @param generatedClass the simple name of the callee's generated class, in the same package as the
 *     callee; meaningful only when {@code differentiable}
 */
public record MethodRef(
    String packageName,
    List<String> classNames,
    String name,
    List<Param> params,
    Type returnType,
    boolean differentiable,
    String generatedClass)
    implements Callee {
  public MethodRef {
    classNames = List.copyOf(classNames);
    params = List.copyOf(params);
  }

  /**
   * A parameter of the callee; {@code differentiated} if the callee's generated class has a
   * gradient for it and its tangent a direction.
   */
  public record Param(String name, Type type, boolean differentiated) {}

  /** {@code Outer.Inner.m}, as the user calls it. */
  public String displayName() {
    return String.join(".", classNames) + "." + name;
  }
}
