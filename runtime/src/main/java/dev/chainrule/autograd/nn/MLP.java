package dev.chainrule.autograd.nn;

import dev.chainrule.autograd.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * micrograd's multi-layer perceptron: layers applied one after another.
 *
 * <pre>{@code
 * MLP xor = new MLP(42, 2, 4, 1);                 // 2 inputs, a tanh layer of 4, a linear output
 * Value y = xor.apply(1, 0).get(0);
 * Value loss = y.sub(1).pow(2);
 * xor.zeroGrad();
 * loss.backward();
 * for (Value p : xor.parameters()) {
 *   p.setData(p.data() - 0.05 * p.grad());
 * }
 * }</pre>
 *
 * <p>{@link #parameters()} is flat and fixed: layer by layer, neuron by neuron, each neuron's
 * weights in input order and then its bias. For a layer of {@code n} inputs starting at offset
 * {@code o}, weight {@code i} of neuron {@code j} is at {@code o + j * (n + 1) + i} and its bias at
 * {@code o + j * (n + 1) + n}. A generated model that takes its parameters as a {@code double[]} in
 * that layout can be started from the same numbers with {@link #parameterValues()}.
 */
public final class MLP implements Module {
  private final List<Layer> layers;
  private final List<Value> parameters;

  /**
   * An MLP over {@code inputs} numbers with layers of the given sizes; every layer but the last
   * applies {@code hidden}, the last applies {@code output}. Layers are initialised in order from
   * {@code random}.
   */
  public MLP(
      int inputs, List<Integer> layerSizes, Activation hidden, Activation output, Random random) {
    if (layerSizes.isEmpty()) {
      throw new IllegalArgumentException("an MLP needs at least one layer size");
    }
    List<Layer> built = new ArrayList<>(layerSizes.size());
    List<Value> all = new ArrayList<>();
    int width = inputs;
    for (int i = 0; i < layerSizes.size(); i++) {
      Activation activation = i == layerSizes.size() - 1 ? output : hidden;
      Layer layer = new Layer(width, layerSizes.get(i), activation, random);
      built.add(layer);
      all.addAll(layer.parameters());
      width = layerSizes.get(i);
    }
    this.layers = List.copyOf(built);
    this.parameters = List.copyOf(all);
  }

  /**
   * Tanh hidden layers and a linear output layer, initialised from {@code new Random(seed)}: {@code
   * new MLP(42, 3, 4, 4, 1)} is micrograd's {@code MLP(3, [4, 4, 1])}.
   */
  public MLP(long seed, int inputs, int... layerSizes) {
    this(inputs, sizes(layerSizes), Activation.TANH, Activation.LINEAR, new Random(seed));
  }

  private static List<Integer> sizes(int[] layerSizes) {
    List<Integer> sizes = new ArrayList<>(layerSizes.length);
    for (int size : layerSizes) {
      sizes.add(size);
    }
    return sizes;
  }

  /** The last layer's outputs for {@code inputs}. */
  public List<Value> apply(List<Value> inputs) {
    List<Value> x = inputs;
    for (Layer layer : layers) {
      x = layer.apply(x);
    }
    return x;
  }

  /** The last layer's outputs for numbers given as leaves. */
  public List<Value> apply(double... inputs) {
    List<Value> x = new ArrayList<>(inputs.length);
    for (double input : inputs) {
      x.add(new Value(input));
    }
    return apply(x);
  }

  public List<Layer> layers() {
    return layers;
  }

  /** Each layer's parameters in turn; see the class comment for the layout. */
  @Override
  public List<Value> parameters() {
    return parameters;
  }

  /** As micrograd prints it: {@code MLP of [Layer of [TanhNeuron(3), ...], ...]}. */
  @Override
  public String toString() {
    return "MLP of " + layers;
  }
}
