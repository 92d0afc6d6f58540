package dev.chainrule.autograd.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.autograd.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Value MLP learns XOR with plain gradient descent, the same way on every run. */
class XorTrainingTest {
  private static final double[][] INPUTS = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
  private static final double[] TARGETS = {-1, 1, 1, -1};

  /** Trains a 2-4-1 tanh MLP on the squared error summed over the four rows; returns the losses. */
  private static double[] train(MLP mlp, int steps, double learningRate) {
    double[] losses = new double[steps];
    for (int step = 0; step < steps; step++) {
      Value loss = loss(mlp);
      mlp.zeroGrad();
      loss.backward();
      for (Value p : mlp.parameters()) {
        p.setData(p.data() - learningRate * p.grad());
      }
      losses[step] = loss.data();
    }
    return losses;
  }

  private static Value loss(MLP mlp) {
    List<Value> errors = new ArrayList<>();
    for (int row = 0; row < INPUTS.length; row++) {
      errors.add(mlp.apply(INPUTS[row]).get(0).sub(TARGETS[row]).pow(2));
    }
    return Value.sum(errors);
  }

  @Test
  void learnsXor() {
    MLP mlp = new MLP(2024, 2, 4, 1);
    double[] losses = train(mlp, 200, 0.05);
    assertTrue(losses[0] > 1, "starts far off: " + losses[0]);
    assertTrue(loss(mlp).data() < 1e-3, "ends close: " + loss(mlp).data());
    for (int row = 0; row < INPUTS.length; row++) {
      double prediction = mlp.apply(INPUTS[row]).get(0).data();
      assertEquals(TARGETS[row], Math.signum(prediction), "row " + row + ": " + prediction);
    }
  }

  @Test
  void theSameSeedTrainsTheSameWay() {
    double[] first = train(new MLP(2024, 2, 4, 1), 30, 0.05);
    assertArrayEquals(first, train(new MLP(2024, 2, 4, 1), 30, 0.05));
  }
}
