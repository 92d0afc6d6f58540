package dev.chainrule.processor.testing;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One instance of a generated class {@code C_m}, driven by reflection: forward, backward, zeroGrad
 * and the gradient accessors, with gradients returned in the order of the method's {@code double}
 * parameters.
 */
public final class Workspace {
  private final DifferentiableMethod method;
  private final Object instance;

  Workspace(DifferentiableMethod method, Object instance) {
    this.method = method;
    this.instance = instance;
  }

  public double forward(Point point) {
    return (Double) Reflection.invoke(method.forwardMethod(), instance, point.arguments());
  }

  public void backward() {
    Reflection.invoke(method.backwardMethod(), instance);
  }

  public void zeroGrad() {
    Reflection.invoke(method.zeroGradMethod(), instance);
  }

  /** Each {@code double} parameter's accumulated gradient, in parameter order. */
  public double[] gradients() {
    List<Method> accessors = method.gradientAccessors();
    double[] gradients = new double[accessors.size()];
    for (int i = 0; i < gradients.length; i++) {
      gradients[i] = (Double) Reflection.invoke(accessors.get(i), instance);
    }
    return gradients;
  }

  /** The accumulated gradient of the {@code double} parameter with this name. */
  public double gradient(String parameter) {
    int index = method.doubleParameterNames().indexOf(parameter);
    if (index < 0) {
      throw new IllegalArgumentException(method + " has no double parameter " + parameter);
    }
    return (Double) Reflection.invoke(method.gradientAccessors().get(index), instance);
  }
}
