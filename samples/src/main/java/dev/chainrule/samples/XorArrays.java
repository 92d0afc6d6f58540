package dev.chainrule.samples;

import dev.chainrule.Differentiable;
import dev.chainrule.optim.Adam;
import dev.chainrule.optim.Optimizer;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * XOR learned by a 2-8-1 MLP whose weights live in {@code double[]}s: the loss is one
 * {@code @Differentiable} method that loops over the four rows of the truth table and the hidden
 * units, and chainrule generates its gradient, one {@code double[]} per weight array.
 *
 * <p>The network has a tanh hidden layer and a sigmoid output p, the probability that the row's XOR
 * is 1, and is trained on the cross-entropy with Adam, all four rows at once.
 *
 * <p>Run it with {@code mvn -q -pl samples -am package -DskipTests -Dsample=XorArrays}.
 */
public final class XorArrays {
  private XorArrays() {}

  /**
   * The truth table, flattened: row r has inputs {@code XS[2 * r]} and {@code XS[2 * r + 1]} and
   * label {@code YS[r]}. They are {@code int[]}s, so they are constants: chainrule computes no
   * gradient for them.
   */
  static final int[] XS = {0, 0, 0, 1, 1, 0, 1, 1};

  static final int[] YS = {0, 1, 1, 0};

  /**
   * The hidden layer's width. Two tanh units can represent XOR, but from about half of the random
   * starts two get stuck in a local minimum; with eight, each of the first 10,000 seeds learns XOR
   * within {@link #EPOCHS} epochs ({@code XorArraysTest} checks the first 200).
   */
  static final int HIDDEN = 8;

  static final long SEED = 42;
  static final double LEARNING_RATE = 0.1;
  static final int EPOCHS = 100;
  static final int LOG_EVERY = 10;

  /**
   * The mean cross-entropy of the network over the rows of {@code xs} and {@code ys}.
   *
   * <p>Layer 1 has {@code b1.length} tanh units; unit j weighs input k by {@code w1[2 * j + k]}.
   * Layer 2 is one sigmoid unit that weighs hidden unit j by {@code w2[j]} and has bias {@code
   * b2[0]}. chainrule generates {@code XorArrays_loss}, whose {@code gradW1()}, {@code gradB1()},
   * {@code gradW2()} and {@code gradB2()} return the gradient as arrays shaped like the weights.
   */
  @Differentiable
  static double loss(double[] w1, double[] b1, double[] w2, double[] b2, int[] xs, int[] ys) {
    double total = 0;
    for (int row = 0; row < ys.length; row++) {
      double z = b2[0];
      for (int j = 0; j < b1.length; j++) {
        double h = Math.tanh(w1[2 * j] * xs[2 * row] + w1[2 * j + 1] * xs[2 * row + 1] + b1[j]);
        z += w2[j] * h;
      }
      double p = 1 / (1 + Math.exp(-z));
      total -= ys[row] * Math.log(p) + (1 - ys[row]) * Math.log(1 - p);
    }
    return total / ys.length;
  }

  /**
   * The network's weights, one array per layer's weights and biases, trained in place.
   *
   * @param w1 the hidden layer's weights, two per hidden unit: {@code w1[2 * j + k]}
   * @param b1 the hidden layer's biases, one per hidden unit
   * @param w2 the output unit's weights, one per hidden unit
   * @param b2 the output unit's bias, in an array of one, like every layer's biases
   */
  record Mlp(double[] w1, double[] b1, double[] w2, double[] b2) {

    /** Weights uniform in [-1, 1) and biases 0, as micrograd starts its neurons; seeded. */
    static Mlp random(int hidden, long seed) {
      Random random = new Random(seed);
      double[] w1 = new double[2 * hidden];
      double[] w2 = new double[hidden];
      for (int i = 0; i < w1.length; i++) {
        w1[i] = random.nextDouble() * 2 - 1;
      }
      for (int j = 0; j < w2.length; j++) {
        w2[j] = random.nextDouble() * 2 - 1;
      }
      return new Mlp(w1, new double[hidden], w2, new double[1]);
    }

    /** The loss over the truth table: the plain method, which is also what forward returns. */
    double loss() {
      return XorArrays.loss(w1, b1, w2, b2, XS, YS);
    }

    /** The probability p that the XOR of x1 and x2 is 1. */
    double output(int x1, int x2) {
      double z = b2[0];
      for (int j = 0; j < b1.length; j++) {
        z += w2[j] * Math.tanh(w1[2 * j] * x1 + w1[2 * j + 1] * x2 + b1[j]);
      }
      return 1 / (1 + Math.exp(-z));
    }

    /** The network's answer: 1 when p >= 0.5. */
    int predict(int x1, int x2) {
      return output(x1, x2) >= 0.5 ? 1 : 0;
    }

    /** How many rows of the truth table the network gets right. */
    int correct() {
      int correct = 0;
      for (int row = 0; row < YS.length; row++) {
        correct += predict(XS[2 * row], XS[2 * row + 1]) == YS[row] ? 1 : 0;
      }
      return correct;
    }
  }

  /**
   * Trains {@code mlp} in place for {@code epochs} epochs and returns the loss of each epoch,
   * measured before its step; {@code log} gets a line every {@link #LOG_EVERY} epochs.
   *
   * <p>One epoch is one forward over the whole truth table, one backward, and one Adam step per
   * weight array against its gradient array. An optimizer keeps state per parameter (Adam's moment
   * estimates), so each array has its own. The workspace is reused for every epoch, and the
   * gradient arrays it returns are its own, reused too: they are read at once and never kept.
   */
  static double[] train(Mlp mlp, int epochs, Consumer<String> log) {
    XorArrays_loss workspace = new XorArrays_loss();
    Optimizer adamW1 = new Adam(LEARNING_RATE);
    Optimizer adamB1 = new Adam(LEARNING_RATE);
    Optimizer adamW2 = new Adam(LEARNING_RATE);
    Optimizer adamB2 = new Adam(LEARNING_RATE);
    double[] losses = new double[epochs];
    for (int epoch = 0; epoch < epochs; epoch++) {
      workspace.zeroGrad();
      losses[epoch] = workspace.forward(mlp.w1(), mlp.b1(), mlp.w2(), mlp.b2(), XS, YS);
      workspace.backward();
      if (epoch % LOG_EVERY == 0) {
        log.accept(format("%5d  %8.5f  %d/4", epoch, losses[epoch], mlp.correct()));
      }
      adamW1.step(mlp.w1(), workspace.gradW1());
      adamB1.step(mlp.b1(), workspace.gradB1());
      adamW2.step(mlp.w2(), workspace.gradW2());
      adamB2.step(mlp.b2(), workspace.gradB2());
    }
    log.accept(format("%5d  %8.5f  %d/4", epochs, mlp.loss(), mlp.correct()));
    return losses;
  }

  public static void main(String[] args) {
    Mlp mlp = Mlp.random(HIDDEN, SEED);
    say("XOR with a 2-%d-1 MLP whose weights live in double[]s:", HIDDEN);
    say("@Differentiable XorArrays.loss loops over the 4 rows and the %d hidden units;", HIDDEN);
    say("the generated XorArrays_loss gives its gradient as one double[] per weight array.");
    say("Full-batch Adam, learning rate %s, %d epochs:", LEARNING_RATE, EPOCHS);
    say("");
    say("  epoch      loss  correct");
    long started = System.nanoTime();
    train(mlp, EPOCHS, line -> say("  %s", line));
    double millis = (System.nanoTime() - started) / 1e6;
    say("");
    say("  x1  x2 |      p  answer | XOR");
    for (int row = 0; row < YS.length; row++) {
      int x1 = XS[2 * row];
      int x2 = XS[2 * row + 1];
      say("  %d   %d  | %6.4f  %6d | %d", x1, x2, mlp.output(x1, x2), mlp.predict(x1, x2), YS[row]);
    }
    say("");
    say("Training took %.1f ms (one cold run, including class loading).", millis);
    say("XOR (arrays): %d/4 correct", mlp.correct());
  }

  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static void say(String format, Object... args) {
    System.out.println(format(format, args));
  }
}
