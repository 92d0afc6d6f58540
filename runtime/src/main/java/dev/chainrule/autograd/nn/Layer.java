package dev.chainrule.autograd.nn;

import dev.chainrule.autograd.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** micrograd's layer: neurons that all read the same inputs, one output each. */
public final class Layer implements Module {
  private final List<Neuron> neurons;
  private final List<Value> parameters;

  /** {@code outputs} neurons over {@code inputs} numbers, initialised one after another. */
  public Layer(int inputs, int outputs, Activation activation, Random random) {
    if (outputs < 1) {
      throw new IllegalArgumentException("a layer needs at least one neuron, not " + outputs);
    }
    List<Neuron> built = new ArrayList<>(outputs);
    List<Value> all = new ArrayList<>();
    for (int i = 0; i < outputs; i++) {
      Neuron neuron = new Neuron(inputs, activation, random);
      built.add(neuron);
      all.addAll(neuron.parameters());
    }
    this.neurons = List.copyOf(built);
    this.parameters = List.copyOf(all);
  }

  /** Each neuron's output, in order. */
  public List<Value> apply(List<Value> inputs) {
    List<Value> outputs = new ArrayList<>(neurons.size());
    for (Neuron neuron : neurons) {
      outputs.add(neuron.apply(inputs));
    }
    return outputs;
  }

  public List<Neuron> neurons() {
    return neurons;
  }

  /** Each neuron's parameters in turn: its weights, then its bias. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** As micrograd prints it: {@code Layer of [TanhNeuron(2), TanhNeuron(2)]}. */
  @Override
  public String toString() {
    return "Layer of " + neurons;
  }
}
