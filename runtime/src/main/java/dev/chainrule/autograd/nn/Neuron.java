package dev.chainrule.autograd.nn;

import dev.chainrule.autograd.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * micrograd's neuron: {@code activation(w · x + b)}. Weights start uniform in [-1, 1) from the
 * given {@link Random}, one draw per input in order, and the bias starts at 0, as in micrograd's
 * {@code nn.py}; a seeded {@code Random} therefore gives the same neuron every run.
 */
public final class Neuron implements Module {
  private final List<Value> weights;
  private final Value bias;
  private final Activation activation;
  private final List<Value> parameters;

  /** A neuron over {@code inputs} numbers. */
  public Neuron(int inputs, Activation activation, Random random) {
    if (inputs < 1) {
      throw new IllegalArgumentException("a neuron needs at least one input, not " + inputs);
    }
    this.activation = Objects.requireNonNull(activation, "activation");
    List<Value> w = new ArrayList<>(inputs);
    for (int i = 0; i < inputs; i++) {
      w.add(new Value(random.nextDouble() * 2 - 1));
    }
    this.weights = List.copyOf(w);
    this.bias = new Value(0);
    List<Value> all = new ArrayList<>(w);
    all.add(bias);
    this.parameters = List.copyOf(all);
  }

  /**
   * {@code activation(b + w0 x0 + w1 x1 + ...)}, summed in that order as micrograd does.
   *
   * @throws IllegalArgumentException if there is not one input per weight
   */
  public Value apply(List<Value> inputs) {
    if (inputs.size() != weights.size()) {
      throw new IllegalArgumentException(
          this + " takes " + weights.size() + " inputs but was given " + inputs.size());
    }
    Value sum = bias;
    for (int i = 0; i < weights.size(); i++) {
      sum = sum.add(weights.get(i).mul(inputs.get(i)));
    }
    return activation.apply(sum);
  }

  public List<Value> weights() {
    return weights;
  }

  public Value bias() {
    return bias;
  }

  public Activation activation() {
    return activation;
  }

  /** The weights in input order, then the bias. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** As micrograd prints it: {@code TanhNeuron(2)}. */
  @Override
  public String toString() {
    return activation.displayName() + "Neuron(" + weights.size() + ")";
  }
}
