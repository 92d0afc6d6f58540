package dev.chainrule.processor.ir;

import java.util.List;
import java.util.Set;

/**
 * A {@code @Differentiable} method as read from source: where it lives, its parameters and its
 * body.
 *
 * @param ownerName the simple names of the enclosing classes joined by dots, as in {@code
 *     Outer.Inner}
 * @param wrt the parameters its annotation's {@code wrt} lists: none if it differentiates them all
 */
public record Function(
    String packageName,
    String ownerName,
    String name,
    List<Variable> params,
    List<Stmt> body,
    Set<String> wrt) {
  public Function {
    params = List.copyOf(params);
    body = List.copyOf(body);
    wrt = Set.copyOf(wrt);
  }

  /**
   * Whether the method is differentiated with respect to a parameter of this name and type: a
   * double or double[] that {@code wrt} lists, or any if it lists none.
   */
  public boolean differentiates(String parameter, Type type) {
    return differentiates(wrt, parameter, type);
  }

  /** {@link #differentiates(String, Type)} for a method whose annotation lists {@code wrt}. */
  public static boolean differentiates(Set<String> wrt, String parameter, Type type) {
    return type != null && type.hasGradient() && (wrt.isEmpty() || wrt.contains(parameter));
  }

  /** {@code Outer.Inner.m}, as the user refers to the method. */
  public String qualifiedName() {
    return ownerName + "." + name;
  }
}
