package dev.chainrule.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SgdTest {

  @Test
  void plainStepIsLearningRateTimesGradient() {
    double[] p = {1, -2};
    new Sgd(0.1).step(p, new double[] {3, -4});
    assertArrayEquals(new double[] {1 - 0.3, -2 + 0.4}, p, 1e-15);
  }

  @Test
  void momentumFirstStepsByHand() {
    Sgd sgd = new Sgd(0.1, 0.9);
    double[] p = {0};
    sgd.step(p, new double[] {1}); // v = 1
    assertEquals(-0.1, p[0], 1e-15);
    sgd.step(p, new double[] {2}); // v = 0.9 * 1 + 2 = 2.9
    assertEquals(-0.1 - 0.29, p[0], 1e-15);
    sgd.step(p, new double[] {0}); // v = 0.9 * 2.9 = 2.61: momentum moves on with no gradient
    assertEquals(-0.1 - 0.29 - 0.261, p[0], 1e-15);
  }

  @Test
  void nesterovFirstStepsByHand() {
    Sgd sgd = Sgd.nesterov(0.1, 0.9);
    double[] p = {0};
    sgd.step(p, new double[] {1}); // v = 1, direction 1 + 0.9 * 1 = 1.9
    assertEquals(-0.19, p[0], 1e-15);
    sgd.step(p, new double[] {2}); // v = 2.9, direction 2 + 0.9 * 2.9 = 4.61
    assertEquals(-0.19 - 0.461, p[0], 1e-15);
  }

  @Test
  void everyVariantConvergesToTheQuadraticsMinimum() {
    double[] start = {-3, 5};
    assertArrayEquals(
        Functions.QUADRATIC_MINIMUM,
        Functions.minimise(new Sgd(0.1), Functions.QUADRATIC, start, 500),
        1e-9);
    assertArrayEquals(
        Functions.QUADRATIC_MINIMUM,
        Functions.minimise(new Sgd(0.05, 0.9), Functions.QUADRATIC, start, 500),
        1e-9);
    assertArrayEquals(
        Functions.QUADRATIC_MINIMUM,
        Functions.minimise(Sgd.nesterov(0.05, 0.9), Functions.QUADRATIC, start, 500),
        1e-9);
  }

  @Test
  void momentumReachesRosenbrocksMinimum() {
    double[] end =
        Functions.minimise(
            new Sgd(1e-3, 0.9), Functions.ROSENBROCK, new double[] {-1.2, 1}, 20_000);
    assertArrayEquals(new double[] {1, 1}, end, 1e-3);
  }

  @Test
  void momentumBeatsPlainDescentOnRosenbrock() {
    double[] start = {-1.2, 1};
    double plain =
        Functions.rosenbrock(Functions.minimise(new Sgd(1e-3), Functions.ROSENBROCK, start, 2000));
    double heavy =
        Functions.rosenbrock(
            Functions.minimise(new Sgd(1e-3, 0.9), Functions.ROSENBROCK, start, 2000));
    assertEquals(true, heavy < plain / 10, "momentum " + heavy + " vs plain " + plain);
  }

  @Test
  void learningRateCanChangeBetweenSteps() {
    Sgd sgd = new Sgd(0.1);
    double[] p = {0};
    sgd.step(p, new double[] {1});
    sgd.setLearningRate(0.5);
    assertEquals(0.5, sgd.learningRate());
    sgd.step(p, new double[] {1});
    assertEquals(-0.6, p[0], 1e-15);
  }

  @Test
  void resetForgetsVelocityAndLength() {
    Sgd sgd = new Sgd(0.1, 0.9);
    sgd.step(new double[2], new double[] {1, 1});
    sgd.reset();
    assertEquals(0, sgd.steps());
    double[] p = {0, 0, 0};
    sgd.step(p, new double[] {1, 2, 3});
    assertArrayEquals(new double[] {-0.1, -0.2, -0.3}, p, 1e-15, "a first step: no velocity left");
  }

  @Test
  void gradientOfAnotherLengthIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new Sgd(0.1).step(new double[3], new double[2]));
    assertEquals(
        "Sgd.step: grads has length 2 but params has length 3; pass one gradient per parameter,"
            + " in the same order",
        e.getMessage());
  }

  @Test
  void parametersOfAnotherLengthThanTheFirstStepAreRejected() {
    Sgd sgd = new Sgd(0.1, 0.9);
    sgd.step(new double[2], new double[2]);
    sgd.step(new double[2], new double[2]);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> sgd.step(new double[3], new double[3]));
    assertEquals(
        "Sgd.step: params has length 3 but the first step after construction or reset() had"
            + " length 2 (step 3); the optimizer keeps state per parameter, so use one optimizer"
            + " per parameter vector, or call reset() first",
        e.getMessage());
  }

  @Test
  void badSettingsAreRejectedByName() {
    assertEquals(
        "Sgd: the learning rate must be a finite number >= 0, got -0.1",
        assertThrows(IllegalArgumentException.class, () -> new Sgd(-0.1)).getMessage());
    assertEquals(
        "Sgd: the learning rate must be a finite number >= 0, got NaN",
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1).setLearningRate(Double.NaN))
            .getMessage());
    assertEquals(
        "Sgd: momentum must be in [0, 1), got 1.0",
        assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, 1)).getMessage());
    assertEquals(
        "Sgd.nesterov: Nesterov momentum needs a momentum in (0, 1), got 0.0",
        assertThrows(IllegalArgumentException.class, () -> Sgd.nesterov(0.1, 0)).getMessage());
  }

  @Test
  void nullArraysAreNamed() {
    assertEquals(
        "Sgd.step: grads is null",
        assertThrows(NullPointerException.class, () -> new Sgd(0.1).step(new double[1], null))
            .getMessage());
  }
}
