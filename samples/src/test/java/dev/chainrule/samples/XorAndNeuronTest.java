package dev.chainrule.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.autograd.nn.MLP;
import dev.chainrule.gradcheck.Box;
import dev.chainrule.gradcheck.GradientCheck;
import dev.chainrule.train.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runtime's trainer, optimizer and gradient check around generated code, in the samples. */
class XorAndNeuronTest {

  @Test
  void sigmoidNeuronLearnsAnd() {
    double[] params = {0.1, -0.1, 0.0};
    List<String> log = new ArrayList<>();
    TrainingResult result = AndNeuron.train(params, log::add);
    assertEquals(4, AndNeuron.correct(params));
    assertTrue(result.finalLoss() <= 0.05, result.summary());
    assertTrue(!log.isEmpty());
  }

  @Test
  void andNeuronGradientPassesTheGradientCheck() {
    AndNeuron_loss workspace = new AndNeuron_loss();
    for (AndNeuron.Row row : AndNeuron.ROWS) {
      GradientCheck.of(
              p -> AndNeuron.loss(p[0], p[1], p[2], row.x1(), row.x2(), row.label()),
              p -> {
                workspace.forward(p[0], p[1], p[2], row.x1(), row.x2(), row.label());
                workspace.zeroGrad();
                workspace.backward();
                return new double[] {workspace.gradW1(), workspace.gradW2(), workspace.gradB()};
              })
          .names("w1", "w2", "b")
          .checkAtRandomPoints(Box.cube(3, -3, 3), 20, 11);
    }
  }

  @Test
  void xorIsLearnedWithBothEnginesFromTheSameStart() {
    MLP mlp = new MLP(Xor.SEED, 2, 2, 1);
    double[] generated = mlp.parameterValues();
    double[] interpreted = generated.clone();
    Xor.train(generated, Xor.generated());
    Xor.train(interpreted, Xor.interpreted(mlp));
    assertEquals(4, Xor.correct(generated));
    assertEquals(4, Xor.correct(interpreted));
    assertTrue(Xor.meanLoss(generated) < 1e-6, "loss " + Xor.meanLoss(generated));
    // The same steps up to rounding: the two ways of computing the gradient agree.
    assertArrayEquals(interpreted, generated, 1e-6);
  }

  @Test
  void xorGradientsAgreeBetweenEnginesOnEveryRow() {
    MLP mlp = new MLP(3, 2, 2, 1);
    double[] params = mlp.parameterValues();
    for (Xor.Row row : Xor.ROWS) {
      double[] fromGenerated = new double[params.length];
      double[] fromValues = new double[params.length];
      double lossGenerated = Xor.generated().evaluate(params, row, fromGenerated);
      double lossValues = Xor.interpreted(mlp).evaluate(params, row, fromValues);
      assertEquals(lossValues, lossGenerated, 1e-12);
      assertArrayEquals(fromValues, fromGenerated, 1e-12);
    }
  }
}
