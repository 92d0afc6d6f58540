package dev.chainrule.processor.ir;

import java.util.List;

/**
 * A {@code @Differentiable} method as read from source: where it lives, its parameters and its
 * body.
 *
 * @param ownerName the simple names of the enclosing classes joined by dots, as in {@code
 *     Outer.Inner}
 */
public record Function(
    String packageName, String ownerName, String name, List<Variable> params, List<Stmt> body) {
  public Function {
    params = List.copyOf(params);
    body = List.copyOf(body);
  }

  /** {@code Outer.Inner.m}, as the user refers to the method. */
  public String qualifiedName() {
    return ownerName + "." + name;
  }
}
