package dev.chainrule.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.gradcheck.Box;
import dev.chainrule.gradcheck.GradientCheck;
import dev.chainrule.samples.XorArrays.Mlp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The XOR sample whose weights live in arrays: its generated gradient against central finite
 * differences of the plain method, and its training.
 */
class XorArraysTest {

  /**
   * The generated gradient, at random weights in [-2, 2], against central differences of the plain
   * {@code XorArrays.loss}, which javac compiles as written: a reference that shares no code with
   * the generated class. Hidden widths other than the sample's check that the loops follow the
   * arrays' lengths.
   */
  @ParameterizedTest(name = "hidden units: {0}")
  @ValueSource(ints = {1, 3, XorArrays.HIDDEN})
  void generatedGradientMatchesCentralDifferences(int hidden) {
    XorArrays_loss workspace = new XorArrays_loss();
    GradientCheck.of(
            p -> unpack(p, hidden).loss(),
            p -> {
              Mlp mlp = unpack(p, hidden);
              workspace.zeroGrad();
              workspace.forward(mlp.w1(), mlp.b1(), mlp.w2(), mlp.b2(), XorArrays.XS, XorArrays.YS);
              workspace.backward();
              return concat(
                  workspace.gradW1(), workspace.gradB1(), workspace.gradW2(), workspace.gradB2());
            })
        .names(names(hidden))
        .checkAtRandomPoints(Box.cube(size(hidden), -2, 2), 5, 17 + hidden);
  }

  /** forward returns what the method returns, which is the cross-entropy of the outputs. */
  @Test
  void forwardReturnsTheMeanCrossEntropyOfTheOutputs() {
    Mlp mlp = Mlp.random(XorArrays.HIDDEN, 5);
    double crossEntropy = 0;
    for (int row = 0; row < XorArrays.YS.length; row++) {
      double p = mlp.output(XorArrays.XS[2 * row], XorArrays.XS[2 * row + 1]);
      crossEntropy -= XorArrays.YS[row] == 1 ? Math.log(p) : Math.log(1 - p);
    }
    double forward =
        new XorArrays_loss()
            .forward(mlp.w1(), mlp.b1(), mlp.w2(), mlp.b2(), XorArrays.XS, XorArrays.YS);
    assertEquals(mlp.loss(), forward, 1e-12 * mlp.loss());
    assertEquals(crossEntropy / 4, forward, 1e-12 * forward);
  }

  /** Forward mode along a random direction gives the gradient's component along it. */
  @Test
  void tangentIsTheGradientAlongADirection() {
    int hidden = XorArrays.HIDDEN;
    Mlp mlp = Mlp.random(hidden, 9);
    Mlp direction = unpack(new Random(10).doubles(size(hidden), -1, 1).toArray(), hidden);
    XorArrays_loss workspace = new XorArrays_loss();
    workspace.forward(mlp.w1(), mlp.b1(), mlp.w2(), mlp.b2(), XorArrays.XS, XorArrays.YS);
    workspace.backward();
    double[] gradient =
        concat(workspace.gradW1(), workspace.gradB1(), workspace.gradW2(), workspace.gradB2());
    double[] along = concat(direction.w1(), direction.b1(), direction.w2(), direction.b2());
    double expected =
        IntStream.range(0, along.length).mapToDouble(i -> gradient[i] * along[i]).sum();

    double tangent =
        XorArrays_loss.tangent(
            mlp.w1(),
            mlp.b1(),
            mlp.w2(),
            mlp.b2(),
            XorArrays.XS,
            XorArrays.YS,
            direction.w1(),
            direction.b1(),
            direction.w2(),
            direction.b2());
    assertEquals(expected, tangent, 1e-12 * Math.abs(expected));
  }

  @Test
  void theSampleLearnsXor() {
    Mlp mlp = Mlp.random(XorArrays.HIDDEN, XorArrays.SEED);
    List<String> log = new ArrayList<>();

    double[] losses = XorArrays.train(mlp, XorArrays.EPOCHS, log::add);

    assertEquals(4, mlp.correct());
    for (int row = 0; row < XorArrays.YS.length; row++) {
      assertEquals(
          XorArrays.YS[row], mlp.predict(XorArrays.XS[2 * row], XorArrays.XS[2 * row + 1]));
    }
    assertEquals(XorArrays.EPOCHS, losses.length);
    assertTrue(losses[0] > 0.5, "the untrained network is about as good as a coin: " + losses[0]);
    assertTrue(mlp.loss() < 0.01, "final loss " + mlp.loss());
    assertEquals(XorArrays.EPOCHS / XorArrays.LOG_EVERY + 1, log.size(), String.join("\n", log));
    assertTrue(log.get(log.size() - 1).endsWith("4/4"), log.get(log.size() - 1));
  }

  @Test
  void trainingIsDeterministic() {
    Mlp first = Mlp.random(XorArrays.HIDDEN, XorArrays.SEED);
    Mlp second = Mlp.random(XorArrays.HIDDEN, XorArrays.SEED);
    assertArrayEquals(
        XorArrays.train(first, XorArrays.EPOCHS, line -> {}),
        XorArrays.train(second, XorArrays.EPOCHS, line -> {}));
    assertArrayEquals(flatten(first), flatten(second));
  }

  /** The claim in {@link XorArrays#HIDDEN}'s comment, on its first 200 seeds. */
  @Test
  void eachOfTheFirst200StartsLearnsXor() {
    for (long seed = 0; seed < 200; seed++) {
      Mlp mlp = Mlp.random(XorArrays.HIDDEN, seed);
      XorArrays.train(mlp, XorArrays.EPOCHS, line -> {});
      assertEquals(4, mlp.correct(), "seed " + seed);
    }
  }

  /** How many weights a network with {@code hidden} hidden units has. */
  private static int size(int hidden) {
    return 2 * hidden + hidden + hidden + 1;
  }

  /** The network whose w1, b1, w2 and b2 are {@code p}'s elements, in that order. */
  private static Mlp unpack(double[] p, int hidden) {
    assertEquals(size(hidden), p.length);
    int w1 = 0;
    int b1 = w1 + 2 * hidden;
    int w2 = b1 + hidden;
    int b2 = w2 + hidden;
    return new Mlp(slice(p, w1, b1), slice(p, b1, w2), slice(p, w2, b2), slice(p, b2, p.length));
  }

  private static double[] flatten(Mlp mlp) {
    return concat(mlp.w1(), mlp.b1(), mlp.w2(), mlp.b2());
  }

  private static double[] slice(double[] p, int from, int to) {
    return Arrays.copyOfRange(p, from, to);
  }

  private static double[] concat(double[]... arrays) {
    return Stream.of(arrays).flatMapToDouble(DoubleStream::of).toArray();
  }

  /** w1[0], w1[1], ..., b2[0]: the names GradientCheck reports a wrong partial by. */
  private static String[] names(int hidden) {
    List<String> names = new ArrayList<>();
    String[] arrays = {"w1", "b1", "w2", "b2"};
    int[] lengths = {2 * hidden, hidden, hidden, 1};
    for (int a = 0; a < arrays.length; a++) {
      for (int i = 0; i < lengths[a]; i++) {
        names.add(arrays[a] + "[" + i + "]");
      }
    }
    return names.toArray(String[]::new);
  }
}
