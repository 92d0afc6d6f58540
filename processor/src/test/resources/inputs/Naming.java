package inputs;

import dev.chainrule.Differentiable;

/**
 * User names that look like the names chainrule generates: a tangent ({@code xDot}), an adjoint
 * ({@code d_x}), a gradient field ({@code gradX}), a second value ({@code x_2}), a temporary
 * ({@code y_t1}), a graph node ({@code xNode}), members of the generated class ({@code graph},
 * {@code recorded}) and the method's own name. Valid for doubles in [0.2, 0.9].
 */
final class Naming {
  private Naming() {}

  @Differentiable
  static double lookalikes(double x, double xDot, double d_x, double gradX, double graph) {
    double x_2 = x * xDot;
    double y_t1 = d_x + gradX;
    double xNode = graph * x;
    double recorded = x_2 * y_t1;
    x = recorded + xNode;
    double lookalikes = x * d_x;
    return lookalikes + Math.sin(x_2 * gradX);
  }
}
