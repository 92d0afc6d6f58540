package dev.chainrule.samples;

import dev.chainrule.Differentiable;
import dev.chainrule.autograd.Value;
import dev.chainrule.autograd.nn.MLP;
import dev.chainrule.optim.Adam;
import dev.chainrule.train.Objective;
import dev.chainrule.train.Trainer;
import dev.chainrule.train.TrainingResult;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * XOR, which no single neuron can learn, learned by a 2-2-1 MLP (tanh hidden layer, linear output)
 * twice from the same start: with the gradient chainrule generates, and with the interpreted Value
 * engine, micrograd's way. Both use the same trainer and optimizer, so the two runs take the same
 * steps up to rounding, and the only difference is how each gradient is computed.
 */
public final class Xor {
  private Xor() {}

  /** One truth-table row. */
  record Row(double x1, double x2, double target) {}

  static final List<Row> ROWS =
      List.of(new Row(0, 0, 0), new Row(0, 1, 1), new Row(1, 0, 1), new Row(1, 1, 0));

  static final int EPOCHS = 500;
  static final long SEED = 42;

  /**
   * The squared error of the MLP on one row. The nine weights are in the order {@link MLP} keeps
   * its parameters: neuron by neuron, weights then bias. {@code wrt} lists them: the row is data,
   * and gets no gradient.
   */
  @Differentiable(wrt = {"w11", "w12", "b1", "w21", "w22", "b2", "v1", "v2", "c"})
  static double loss(
      double w11,
      double w12,
      double b1,
      double w21,
      double w22,
      double b2,
      double v1,
      double v2,
      double c,
      double x1,
      double x2,
      double target) {
    double h1 = Math.tanh(w11 * x1 + w12 * x2 + b1);
    double h2 = Math.tanh(w21 * x1 + w22 * x2 + b2);
    double prediction = v1 * h1 + v2 * h2 + c;
    double error = prediction - target;
    return error * error;
  }

  /** The MLP's output for a row, with parameters in {@link #loss}'s order. */
  static double predict(double[] p, Row row) {
    double h1 = Math.tanh(p[0] * row.x1() + p[1] * row.x2() + p[2]);
    double h2 = Math.tanh(p[3] * row.x1() + p[4] * row.x2() + p[5]);
    return p[6] * h1 + p[7] * h2 + p[8];
  }

  static int correct(double[] params) {
    return (int)
        ROWS.stream().filter(r -> (predict(params, r) >= 0.5 ? 1 : 0) == r.target()).count();
  }

  /** The loss and gradient from the generated workspace. */
  static Objective<Row> generated() {
    Xor_loss workspace = new Xor_loss();
    return (p, row, grad) -> {
      double loss =
          workspace.forward(
              p[0],
              p[1],
              p[2],
              p[3],
              p[4],
              p[5],
              p[6],
              p[7],
              p[8],
              row.x1(),
              row.x2(),
              row.target());
      workspace.zeroGrad();
      workspace.backward();
      grad[0] += workspace.gradW11();
      grad[1] += workspace.gradW12();
      grad[2] += workspace.gradB1();
      grad[3] += workspace.gradW21();
      grad[4] += workspace.gradW22();
      grad[5] += workspace.gradB2();
      grad[6] += workspace.gradV1();
      grad[7] += workspace.gradV2();
      grad[8] += workspace.gradC();
      return loss;
    };
  }

  /** The loss and gradient from a Value graph built and differentiated per example. */
  static Objective<Row> interpreted(MLP mlp) {
    return (p, row, grad) -> {
      mlp.setParameterValues(p);
      mlp.zeroGrad();
      Value error = mlp.apply(row.x1(), row.x2()).get(0).sub(row.target());
      Value loss = error.mul(error);
      loss.backward();
      double[] g = mlp.parameterGradients();
      for (int i = 0; i < g.length; i++) {
        grad[i] += g[i];
      }
      return loss.data();
    };
  }

  /** Trains {@code params} in place, quietly, and returns what happened. */
  static TrainingResult train(double[] params, Objective<Row> objective) {
    Trainer trainer =
        Trainer.builder(new Adam(0.05)).epochs(EPOCHS).batchSize(4).seed(SEED).quiet().build();
    return trainer.train(params, ROWS, objective);
  }

  public static void main(String[] args) {
    MLP mlp = new MLP(SEED, 2, 2, 1);
    double[] start = mlp.parameterValues();
    say("XOR with a 2-2-1 MLP, %d epochs of Adam from the same start, trained twice:", EPOCHS);
    say("");
    double[] generatedParams = start.clone();
    double generatedMillis = timed(generatedParams, generated());
    double[] interpretedParams = start.clone();
    double interpretedMillis = timed(interpretedParams, interpreted(mlp));
    say("");
    say("  x1  x2 | generated  interpreted | XOR");
    for (Row row : ROWS) {
      say(
          "  %.0f   %.0f  | %9.4f  %11.4f | %.0f",
          row.x1(),
          row.x2(),
          predict(generatedParams, row),
          predict(interpretedParams, row),
          row.target());
    }
    say("");
    say(
        "Time per run (one run each, after a warm-up; JMH benchmarks measure this properly):"
            + " generated %.1f ms, interpreted %.1f ms.",
        generatedMillis, interpretedMillis);
    say("XOR (generated gradient): %d/4 correct", correct(generatedParams));
    say("XOR (Value engine): %d/4 correct", correct(interpretedParams));
  }

  /** Warms up on a copy, then trains {@code params} once and returns the wall time in ms. */
  private static double timed(double[] params, Objective<Row> objective) {
    train(params.clone(), objective);
    long start = System.nanoTime();
    TrainingResult result = train(params, objective);
    double millis = (System.nanoTime() - start) / 1e6;
    say("  %s", result.summary());
    return millis;
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }

  /** For tests: the final loss of a run, computed independently of the trainer. */
  static double meanLoss(double[] params) {
    ToDoubleFunction<Row> squared =
        r -> (predict(params, r) - r.target()) * (predict(params, r) - r.target());
    return ROWS.stream().mapToDouble(squared).average().orElseThrow();
  }
}
