package dev.chainrule.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AdamTest {
  private static final double EPS = 1e-8;

  @Test
  void firstStepIsTheLearningRateWhateverTheGradientsScale() {
    // m = 0.1 g and v = 0.001 g^2; bias correction divides by 0.1 and 0.001: m^ = g, v^ = g^2.
    double[] p = {1, 1, 1};
    new Adam(0.01).step(p, new double[] {1e-3, -5, 0});
    assertEquals(1 - 0.01 * 1e-3 / (1e-3 + EPS), p[0], 1e-15);
    assertEquals(1 + 0.01 * 5 / (5 + EPS), p[1], 1e-15);
    assertEquals(1, p[2], "a zero gradient is a zero step");
  }

  @Test
  void secondStepByHand() {
    Adam adam = new Adam(0.01);
    double[] p = {0};
    adam.step(p, new double[] {1}); // m = 0.1, v = 0.001
    double afterFirst = p[0];
    adam.step(p, new double[] {3});
    double m = 0.9 * 0.1 + 0.1 * 3; // 0.39
    double v = 0.999 * 0.001 + 0.001 * 9; // 0.009999
    double mHat = m / (1 - 0.81);
    double vHat = v / (1 - 0.998001);
    assertEquals(afterFirst - 0.01 * mHat / (Math.sqrt(vHat) + EPS), p[0], 1e-15);
    assertEquals(2, adam.steps());
  }

  @Test
  void convergesToTheQuadraticsMinimum() {
    Adam adam = new Adam(0.05);
    double[] x = Functions.minimise(adam, Functions.QUADRATIC, new double[] {-3, 5}, 2000);
    adam.setLearningRate(0.001); // Adam hovers about lr from the minimum; a smaller lr settles it
    x = Functions.minimise(adam, Functions.QUADRATIC, x, 2000);
    assertArrayEquals(Functions.QUADRATIC_MINIMUM, x, 1e-6);
  }

  @Test
  void reachesRosenbrocksMinimum() {
    Adam adam = new Adam(0.02);
    double[] x = Functions.minimise(adam, Functions.ROSENBROCK, new double[] {-1.2, 1}, 5000);
    adam.setLearningRate(0.001);
    x = Functions.minimise(adam, Functions.ROSENBROCK, x, 5000);
    assertArrayEquals(new double[] {1, 1}, x, 1e-3);
  }

  @Test
  void l2WeightDecayIsAGradientTermThatAdamRescales() {
    // Zero gradient, weightDecay 0.5 at p = 2: g = 1, and the first step is lr * g / |g| = lr.
    double[] p = {2};
    Adam.builder().learningRate(0.01).weightDecay(0.5).build().step(p, new double[] {0});
    assertEquals(2 - 0.01 / (1 + EPS), p[0], 1e-15);
  }

  @Test
  void decoupledWeightDecayShrinksTheWeightsBeforeTheAdamStep() {
    double[] p = {2};
    Adam.builder().learningRate(0.01).decoupledWeightDecay(0.5).build().step(p, new double[] {0});
    assertEquals(2 * (1 - 0.01 * 0.5), p[0], 1e-15, "zero gradient: pure shrinkage");

    double[] q = {2};
    Adam.builder().learningRate(0.01).decoupledWeightDecay(0.5).build().step(q, new double[] {4});
    assertEquals(2 * (1 - 0.005) - 0.01 * 4 / (4 + EPS), q[0], 1e-15);
  }

  @Test
  void theTwoWeightDecaysMinimiseDifferentThings() {
    // (x - 3)^2 with L2 decay 0.5 is (x - 3)^2 + 0.25 x^2, minimised where 2 (x - 3) + 0.5 x = 0:
    // x = 6 / 2.5 = 2.4. AdamW instead stops where its shrinkage lr * 0.5 * x balances Adam's
    // step lr * m^ / sqrt(v^), which tends to lr * sign(-g) = lr while x < 3: at x = 1 / 0.5 = 2.
    // v^ remembers about 1 / (1 - beta2) = 1000 steps of larger early gradients, and x follows v^:
    // hence 40000 steps.
    Adam l2 = Adam.builder().learningRate(0.01).weightDecay(0.5).build();
    Adam adamW = Adam.builder().learningRate(0.01).decoupledWeightDecay(0.5).build();
    Functions.Gradient parabola = (x, g) -> g[0] = 2 * (x[0] - 3);
    double[] withL2 = Functions.minimise(l2, parabola, new double[] {0}, 40_000);
    double[] withAdamW = Functions.minimise(adamW, parabola, new double[] {0}, 40_000);
    l2.setLearningRate(1e-4);
    adamW.setLearningRate(1e-4);
    assertEquals(2.4, Functions.minimise(l2, parabola, withL2, 3000)[0], 1e-4);
    assertEquals(2.0, Functions.minimise(adamW, parabola, withAdamW, 3000)[0], 1e-4);
  }

  @Test
  void gradientsAreNotWritten() {
    double[] g = {1, 2};
    Adam.builder().weightDecay(0.1).build().step(new double[] {5, 5}, g);
    assertArrayEquals(new double[] {1, 2}, g);
  }

  @Test
  void resetStartsOverWithFreshMomentsAndStepCount() {
    Adam used = new Adam(0.01);
    used.step(new double[] {0, 0}, new double[] {1, -1});
    used.step(new double[] {0, 0}, new double[] {7, 2});
    used.reset();
    double[] a = {1, 2, 3};
    double[] b = {1, 2, 3};
    used.step(a, new double[] {0.5, -2, 9});
    new Adam(0.01).step(b, new double[] {0.5, -2, 9});
    assertArrayEquals(b, a);
  }

  @Test
  void shapeMismatchesNameTheOptimizerAndTheLengths() {
    Adam adam = new Adam(0.01);
    assertEquals(
        "Adam.step: grads has length 1 but params has length 2; pass one gradient per parameter,"
            + " in the same order",
        assertThrows(IllegalArgumentException.class, () -> adam.step(new double[2], new double[1]))
            .getMessage());
    adam.step(new double[2], new double[2]);
    assertEquals(
        "Adam.step: params has length 4 but the first step after construction or reset() had"
            + " length 2 (step 2); the optimizer keeps state per parameter, so use one optimizer"
            + " per parameter vector, or call reset() first",
        assertThrows(IllegalArgumentException.class, () -> adam.step(new double[4], new double[4]))
            .getMessage());
  }

  @Test
  void badSettingsAreRejectedByName() {
    assertEquals(
        "Adam: beta2 must be in [0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().betas(0.9, 1))
            .getMessage());
    assertEquals(
        "Adam: epsilon must be a finite number > 0, got 0.0",
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().epsilon(0)).getMessage());
    assertEquals(
        "Adam: weightDecay must be a finite number >= 0, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().weightDecay(-1))
            .getMessage());
    assertEquals(
        "Adam: the learning rate must be a finite number >= 0, got Infinity",
        assertThrows(IllegalArgumentException.class, () -> new Adam(Double.POSITIVE_INFINITY))
            .getMessage());
    assertEquals(
        "Adam: both weightDecay (0.1, L2, added to the gradient) and decoupledWeightDecay (0.2,"
            + " AdamW, applied to the weights) are set; choose one",
        assertThrows(
                IllegalArgumentException.class,
                () -> Adam.builder().weightDecay(0.1).decoupledWeightDecay(0.2).build())
            .getMessage());
  }
}
