package dev.chainrule.processor.testing;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One instance of a generated class {@code C_m}, driven by reflection: forward, backward, zeroGrad
 * and the gradient accessors, with gradients returned flat, in the order of {@link Coordinates}.
 */
public final class Workspace {
  private final DifferentiableMethod method;
  private final Object instance;
  private Point latest;

  Workspace(DifferentiableMethod method, Object instance) {
    this.method = method;
    this.instance = instance;
  }

  public double forward(Point point) {
    double result =
        (Double) method.callGenerated(method.forwardMethod(), instance, point.arguments());
    latest = point;
    return result;
  }

  public void backward() {
    Reflection.invoke(method.backwardMethod(), instance);
  }

  public void zeroGrad() {
    Reflection.invoke(method.zeroGradMethod(), instance);
  }

  /**
   * The accumulated gradient, one entry per coordinate of the latest forward's point: the contract
   * sizes {@code gradXs()} by the latest argument, so forward must come first. A copy, where {@code
   * gradXs()} returns the workspace's own array, which the next backward or zeroGrad changes.
   */
  public double[] gradients() {
    if (latest == null) {
      throw new IllegalStateException(
          "gradients() before any forward: gradient arrays are as long as forward's arguments");
    }
    List<Method> accessors = method.gradientAccessors();
    Object[] perParameter = new Object[accessors.size()];
    for (int i = 0; i < perParameter.length; i++) {
      perParameter[i] = Reflection.invoke(accessors.get(i), instance);
    }
    return method.coordinates(latest).join(perParameter);
  }
}
