package dev.chainrule.autograd.nn;

import dev.chainrule.autograd.Value;
import java.util.List;

/**
 * A trainable piece of a network, as in micrograd: something with parameters whose gradients can be
 * reset. The default methods also copy parameter values and gradients to and from flat {@code
 * double[]}s in {@link #parameters()} order, so a {@code Value} model and a generated one (whose
 * {@code forward} takes the parameters as a {@code double[]}) can start from the same numbers, and
 * an optimizer written for arrays can train either.
 */
public interface Module {
  /** The trainable leaves, always in the same order. */
  List<Value> parameters();

  /** Resets every parameter's gradient to 0, before the next backward pass. */
  default void zeroGrad() {
    for (Value parameter : parameters()) {
      parameter.zeroGrad();
    }
  }

  /** How many numbers {@link #parameterValues()} holds. */
  default int parameterCount() {
    return parameters().size();
  }

  /** A copy of the parameters' values, in {@link #parameters()} order. */
  default double[] parameterValues() {
    List<Value> parameters = parameters();
    double[] values = new double[parameters.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = parameters.get(i).data();
    }
    return values;
  }

  /** A copy of the parameters' accumulated gradients, in {@link #parameters()} order. */
  default double[] parameterGradients() {
    List<Value> parameters = parameters();
    double[] gradients = new double[parameters.size()];
    for (int i = 0; i < gradients.length; i++) {
      gradients[i] = parameters.get(i).grad();
    }
    return gradients;
  }

  /**
   * Sets the parameters to {@code values}, in {@link #parameters()} order.
   *
   * @throws IllegalArgumentException if {@code values} has not one number per parameter
   */
  default void setParameterValues(double[] values) {
    List<Value> parameters = parameters();
    if (values.length != parameters.size()) {
      throw new IllegalArgumentException(
          getClass().getSimpleName()
              + " has "
              + parameters.size()
              + " parameters but was given "
              + values.length
              + " values");
    }
    for (int i = 0; i < values.length; i++) {
      parameters.get(i).setData(values[i]);
    }
  }
}
