package dev.chainrule.autograd.nn;

import dev.chainrule.autograd.Value;

/** What a {@link Neuron} applies to its weighted sum. */
public enum Activation {
  /** The weighted sum itself, for output layers that predict any real number. */
  LINEAR("Linear"),
  /** {@code tanh}, as in micrograd's video; outputs in (-1, 1). */
  TANH("Tanh"),
  /** {@code max(0, x)}, as in micrograd's {@code nn.py}. */
  RELU("ReLU"),
  /** The logistic function; outputs in (0, 1), such as a probability. */
  SIGMOID("Sigmoid");

  private final String displayName;

  Activation(String displayName) {
    this.displayName = displayName;
  }

  /** Applies this activation to {@code x}. */
  public Value apply(Value x) {
    return switch (this) {
      case LINEAR -> x;
      case TANH -> x.tanh();
      case RELU -> x.relu();
      case SIGMOID -> x.sigmoid();
    };
  }

  /** The name micrograd prints, as in {@code TanhNeuron(2)}. */
  String displayName() {
    return displayName;
  }
}
