package dev.chainrule.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.autograd.Value;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MlpTest {

  @Test
  void parametersAreCountedAsInMicrograd() {
    // micrograd's demo: MLP(3, [4, 4, 1]) has 4·(3+1) + 4·(4+1) + 1·(4+1) = 41 parameters
    MLP mlp = new MLP(42, 3, 4, 4, 1);
    assertEquals(41, mlp.parameters().size());
    assertEquals(41, mlp.parameterCount());
    assertEquals(3, mlp.layers().size());
    assertEquals(
        "MLP of [Layer of [TanhNeuron(3), TanhNeuron(3), TanhNeuron(3), TanhNeuron(3)],"
            + " Layer of [TanhNeuron(4), TanhNeuron(4), TanhNeuron(4), TanhNeuron(4)],"
            + " Layer of [LinearNeuron(4)]]",
        mlp.toString());
  }

  @Test
  void parametersAreLayerByLayerNeuronByNeuronWeightsThenBias() {
    MLP mlp = new MLP(42, 3, 4, 4, 1);
    List<Value> p = mlp.parameters();
    Neuron first = mlp.layers().get(0).neurons().get(0);
    assertSame(first.weights().get(0), p.get(0));
    assertSame(first.weights().get(2), p.get(2));
    assertSame(first.bias(), p.get(3));
    assertSame(mlp.layers().get(0).neurons().get(1).weights().get(0), p.get(4));
    // layer 1 starts at 16; neuron 2 of it at 16 + 2·(4 + 1) = 26, its bias at 26 + 4 = 30
    assertSame(mlp.layers().get(1).neurons().get(2).weights().get(0), p.get(26));
    assertSame(mlp.layers().get(1).neurons().get(2).bias(), p.get(30));
    assertSame(mlp.layers().get(2).neurons().get(0).bias(), p.get(40));
    assertSame(p, mlp.parameters(), "the same list every time: no copying per step");
  }

  @Test
  void aSeedGivesTheSameNetworkEveryTime() {
    double[] first = new MLP(7, 2, 3, 1).parameterValues();
    assertArrayEquals(first, new MLP(7, 2, 3, 1).parameterValues());
    assertFalse(Arrays.equals(first, new MLP(8, 2, 3, 1).parameterValues()));
    Random random = new Random(7);
    for (int neuron = 0; neuron < 3; neuron++) {
      int offset = neuron * 3;
      assertEquals(random.nextDouble() * 2 - 1, first[offset]);
      assertEquals(random.nextDouble() * 2 - 1, first[offset + 1]);
      assertEquals(0, first[offset + 2], "biases start at 0, as in micrograd");
    }
    for (double w : first) {
      assertTrue(w >= -1 && w < 1);
    }
  }

  @Test
  void valuesCopyToAndFromArraysInParameterOrder() {
    MLP mlp = new MLP(1, 2, 2, 1);
    double[] values = new double[mlp.parameterCount()];
    Arrays.setAll(values, i -> i * 0.1);
    mlp.setParameterValues(values);
    assertArrayEquals(values, mlp.parameterValues());
    assertEquals(0.5, mlp.layers().get(0).neurons().get(1).bias().data(), 1e-15);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> mlp.setParameterValues(new double[3]));
    assertEquals("MLP has 9 parameters but was given 3 values", e.getMessage());
  }

  /**
   * The flat layout is what a generated model would read from its {@code double[]}: an MLP written
   * with plain doubles over {@link MLP#parameterValues()} computes what the Value MLP computes.
   */
  @Test
  void aPlainDoubleModelOverTheFlatParametersAgrees() {
    MLP mlp = new MLP(3, 2, 3, 1);
    double[] w = mlp.parameterValues();
    double[] x = {0.3, -1.2};
    double[] hidden = new double[3];
    for (int j = 0; j < 3; j++) {
      int o = j * 3;
      hidden[j] = Math.tanh(w[o] * x[0] + w[o + 1] * x[1] + w[o + 2]);
    }
    double out = w[9] * hidden[0] + w[10] * hidden[1] + w[11] * hidden[2] + w[12];
    assertEquals(out, mlp.apply(x).get(0).data(), 1e-12);
  }

  @Test
  void gradientsCopyOutAndZeroGradResetsThem() {
    MLP mlp = new MLP(5, 2, 2, 1);
    mlp.apply(1, 2).get(0).backward();
    double[] gradients = mlp.parameterGradients();
    assertEquals(1, gradients[gradients.length - 1], "d(output)/d(output bias) = 1");
    mlp.zeroGrad();
    assertArrayEquals(new double[mlp.parameterCount()], mlp.parameterGradients());
  }

  @Test
  void activationsAndInputCountsAreChecked() {
    Neuron relu = new Neuron(2, Activation.RELU, new Random(1));
    relu.setParameterValues(new double[] {1, 1, -5});
    assertEquals(0, relu.apply(List.of(Value.of(1), Value.of(2))).data());
    Neuron sigmoid = new Neuron(1, Activation.SIGMOID, new Random(1));
    sigmoid.setParameterValues(new double[] {1, 0});
    assertEquals(0.5, sigmoid.apply(List.of(Value.of(0))).data());
    assertEquals("SigmoidNeuron(1)", sigmoid.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> relu.apply(List.of(Value.of(1))));
    assertEquals("ReLUNeuron(2) takes 2 inputs but was given 1", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new MLP(1, 2));
    assertThrows(
        IllegalArgumentException.class, () -> new Layer(2, 0, Activation.TANH, new Random()));
  }
}
