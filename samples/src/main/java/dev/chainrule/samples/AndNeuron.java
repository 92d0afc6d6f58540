package dev.chainrule.samples;

import dev.chainrule.Differentiable;
import dev.chainrule.optim.Adam;
import dev.chainrule.train.Objective;
import dev.chainrule.train.Trainer;
import dev.chainrule.train.TrainingResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * The AND gate learned the way a classifier is: a sigmoid neuron p = σ(w1·x1 + w2·x2 + b) trained
 * on the binary cross-entropy with Adam, by the runtime's Trainer driving the generated workspace.
 */
final class AndNeuron {
  private AndNeuron() {}

  /** One truth-table row: inputs and the AND of them. */
  record Row(double x1, double x2, double label) {}

  static final List<Row> ROWS =
      List.of(new Row(0, 0, 0), new Row(0, 1, 0), new Row(1, 0, 0), new Row(1, 1, 1));

  /**
   * The cross-entropy of the neuron's prediction for one row, differentiated with respect to the
   * weights and bias only: the row is data, so {@code wrt} leaves it out and no gradient is
   * computed for it.
   */
  @Differentiable(wrt = {"w1", "w2", "b"})
  static double loss(double w1, double w2, double b, double x1, double x2, double label) {
    double z = w1 * x1 + w2 * x2 + b;
    double p = 1 / (1 + Math.exp(-z));
    return -(label * Math.log(p) + (1 - label) * Math.log(1 - p));
  }

  /** The neuron's answer for a row: 1 when p >= 0.5, that is when z >= 0. */
  static int predict(double[] params, Row row) {
    return params[0] * row.x1() + params[1] * row.x2() + params[2] >= 0 ? 1 : 0;
  }

  static int correct(double[] params) {
    return (int) ROWS.stream().filter(r -> predict(params, r) == r.label()).count();
  }

  /**
   * Trains {@code params} = (w1, w2, b) in place. The objective adapts the generated workspace to
   * the trainer: one forward and backward per row, the gradient added into {@code grad}.
   */
  static TrainingResult train(double[] params, Consumer<String> log) {
    AndNeuron_loss workspace = new AndNeuron_loss();
    Objective<Row> objective =
        (p, row, grad) -> {
          double loss = workspace.forward(p[0], p[1], p[2], row.x1(), row.x2(), row.label());
          workspace.zeroGrad();
          workspace.backward();
          grad[0] += workspace.gradW1();
          grad[1] += workspace.gradW2();
          grad[2] += workspace.gradB();
          return loss;
        };
    Trainer trainer =
        Trainer.builder(new Adam(0.1))
            .epochs(300)
            .batchSize(4)
            .seed(7)
            .stopAtLoss(0.05)
            .log(log)
            .logEvery(25)
            .build();
    return trainer.train(params, ROWS, objective);
  }
}
