package dev.chainrule.samples;

import dev.chainrule.Differentiable;
import dev.chainrule.graph.ComputationGraph;
import dev.chainrule.graph.Graphviz;
import dev.chainrule.graph.Picture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The AND gate of micrograd's backpropagation walkthrough, differentiated at compile time.
 *
 * <p>The graph has inputs {@code n1}, {@code n2}, a weight {@code n4}, a bias {@code n6} and a
 * label {@code n8}; {@code n7} is the prediction and {@code n9 = n7 - n8} its error. Part 1 walks
 * the gradients from {@code n9} down to {@code n1} as the walkthrough does and checks them against
 * its formulas; part 2 trains {@code n4} and {@code n6} on the four rows of the truth table.
 *
 * <p>Run it with {@code mvn -q -pl samples -am package -DskipTests -Dsample=AndGate}.
 */
public final class AndGate {
  private AndGate() {}

  /** The walkthrough's graph. chainrule generates {@code AndGate_error} from it. */
  @Differentiable
  static double error(double n1, double n2, double n4, double n6, double n8) {
    double n3 = n1 + n2;
    double n5 = n3 * n4;
    double n7 = n5 + n6;
    double n9 = n7 - n8;
    return n9;
  }

  /** The same graph with loss n9², for training; chainrule generates {@code AndGate_loss}. */
  @Differentiable
  static double loss(double n1, double n2, double n4, double n6, double n8) {
    double n3 = n1 + n2;
    double n5 = n3 * n4;
    double n7 = n5 + n6;
    double n9 = n7 - n8;
    return n9 * n9;
  }

  /** The AND truth table, one row per example: inputs n1, n2 and the label n8. */
  static final double[][] TRUTH_TABLE = {{0, 0, 0}, {0, 1, 0}, {1, 0, 0}, {1, 1, 1}};

  /** The walkthrough's example: input (0, 1), label 0, and a network that predicts n7 = 0.7. */
  static final double N1 = 0, N2 = 1, N4 = 0.5, N6 = 0.2, N8 = 0;

  /** How long and how fast {@link #main} trains; {@link #train} reaches 4/4 well within this. */
  static final double LEARNING_RATE = 0.2;

  static final int EPOCHS = 50;

  /** One node of the walk: the walkthrough's formula for d(n9)/d(node), evaluated on the graph. */
  record SeedGradient(String node, String formula, ToDoubleFunction<ComputationGraph> expected) {}

  /** The walkthrough's gradients in the order it derives them: from n9 down to n1. */
  static final List<SeedGradient> SEED_GRADIENTS =
      List.of(
          new SeedGradient("n9", "dn9/dn9 = 1", g -> 1),
          new SeedGradient("n8", "dn9/dn8 = -1", g -> -1),
          new SeedGradient("n7", "dn9/dn7 = 1", g -> 1),
          new SeedGradient("n6", "grad(n7) * dn7/dn6 = 1", g -> 1),
          new SeedGradient("n5", "grad(n7) * dn7/dn5 = 1", g -> 1),
          new SeedGradient("n4", "grad(n5) * dn5/dn4 = n3", g -> g.node("n3").value()),
          new SeedGradient("n3", "grad(n5) * dn5/dn3 = n4", g -> g.node("n4").value()),
          new SeedGradient("n2", "grad(n3) * dn3/dn2 = n4", g -> g.node("n4").value()),
          new SeedGradient("n1", "grad(n3) * dn3/dn1 = n4", g -> g.node("n4").value()));

  /** The weight and bias being trained. */
  record Weights(double n4, double n6) {
    /** The network's output n7 for inputs n1, n2, read off the generated graph. */
    double n7(double n1, double n2) {
      return AndGate_error.graph(n1, n2, n4, n6, 0).node("n7").value();
    }

    /** The gate's answer: 0 when n7 is below 0.5, else 1. */
    int predict(double n1, double n2) {
      return n7(n1, n2) < 0.5 ? 0 : 1;
    }

    /** How many rows of the truth table the gate gets right. */
    int correct() {
      int correct = 0;
      for (double[] row : TRUTH_TABLE) {
        correct += predict(row[0], row[1]) == row[2] ? 1 : 0;
      }
      return correct;
    }
  }

  /** The mean loss over the truth table during one epoch, and the weights it was measured at. */
  record Epoch(int number, double loss, Weights weights) {}

  /** What {@link #train} did: the loss epoch by epoch, and the weights it ended with. */
  record Training(List<Epoch> epochs, Weights result) {}

  /**
   * Plain gradient descent on the mean of n9² over the four rows. Each epoch runs forward and
   * backward once per row on one workspace: backward adds to the accumulated gradients, so after
   * the four rows gradN4() and gradN6() hold the gradient of the summed loss.
   */
  static Training train(Weights start, double learningRate, int epochs) {
    AndGate_loss workspace = new AndGate_loss();
    List<Epoch> history = new ArrayList<>();
    Weights weights = start;
    for (int epoch = 1; epoch <= epochs; epoch++) {
      workspace.zeroGrad();
      double total = 0;
      for (double[] row : TRUTH_TABLE) {
        total += workspace.forward(row[0], row[1], weights.n4(), weights.n6(), row[2]);
        workspace.backward();
      }
      int n = TRUTH_TABLE.length;
      history.add(new Epoch(epoch, total / n, weights));
      weights =
          new Weights(
              weights.n4() - learningRate * workspace.gradN4() / n,
              weights.n6() - learningRate * workspace.gradN6() / n);
    }
    return new Training(history, weights);
  }

  public static void main(String[] args) {
    say("chainrule sample: the AND gate of micrograd's backpropagation walkthrough");
    say("");
    say("@Differentiable AndGate.error computes the walkthrough's graph:");
    say("  n3 = n1 + n2,  n5 = n3 * n4,  n7 = n5 + n6,  n9 = n7 - n8");
    say("with inputs n1, n2, weight n4, bias n6, label n8; n7 is the prediction, n9 its error.");
    say("");
    walkGradients();
    say("");
    drawGraph();
    say("");
    trainAndReport();
    say("");
    trainNeuron();
  }

  /** The seed's picture: the graph with every node's value and gradient, as DOT and SVG. */
  private static void drawGraph() {
    Path directory = Path.of(System.getProperty("chainrule.pictures", "target/pictures"));
    ComputationGraph graph = AndGate_error.graph(N1, N2, N4, N6, N8);
    try {
      Files.createDirectories(directory);
      Picture picture = new Graphviz().write(graph.toDot(), directory.resolve("and-gate.dot"));
      say("The graph after one backward pass, as micrograd draws it: %s", picture.summary());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the AND gate's picture to " + directory, e);
    }
  }

  /** Part 3: a sigmoid neuron on the cross-entropy, trained with Adam by the runtime's Trainer. */
  private static void trainNeuron() {
    say("Part 3. A sigmoid neuron, trained with Adam");
    say("p = 1 / (1 + exp(-(w1*x1 + w2*x2 + b))), loss = the cross-entropy of p and the label,");
    say("@Differentiable AndNeuron.loss; the Trainer drives the generated AndNeuron_loss:");
    say("");
    double[] params = {0.1, -0.1, 0.0};
    long started = System.nanoTime();
    AndNeuron.train(params, line -> say("  %s", line));
    double millis = (System.nanoTime() - started) / 1e6;
    say("");
    say(
        "Trained: w1 = %.3f, w2 = %.3f, b = %.3f. The neuron answers 1 when p >= 0.5:",
        params[0], params[1], params[2]);
    say("");
    say("  x1  x2 |      p  answer | AND");
    for (AndNeuron.Row row : AndNeuron.ROWS) {
      double z = params[0] * row.x1() + params[1] * row.x2() + params[2];
      say(
          "  %s   %s  | %6.4f  %6d | %s",
          num(row.x1()),
          num(row.x2()),
          1 / (1 + Math.exp(-z)),
          AndNeuron.predict(params, row),
          num(row.label()));
    }
    say("");
    say("Training took %.1f ms (one cold run, including class loading).", millis);
    say("AND gate (sigmoid neuron, Adam): %d/4 correct", AndNeuron.correct(params));
  }

  /** Part 1: each node's value and gradient from the generated graph(), and the seed's formula. */
  private static void walkGradients() {
    ComputationGraph graph = AndGate_error.graph(N1, N2, N4, N6, N8);
    say("Part 1. Backpropagation by hand, checked against the generated code");
    say(
        "Example: n1 = %s, n2 = %s (label n8 = %s), weight n4 = %s, bias n6 = %s: n7 = %s.",
        num(N1), num(N2), num(N8), num(N4), num(N6), num(graph.node("n7").value()));
    say("AndGate_error.graph(...) gives each node's value and gradient dn9/dnode:");
    say("");
    say(
        "  %-4s  %-7s  %5s  %8s   %s",
        "node", "is", "value", "gradient", "the walkthrough's formula");
    int matches = 0;
    for (SeedGradient step : SEED_GRADIENTS) {
      ComputationGraph.Node node = graph.node(step.node());
      double expected = step.expected().applyAsDouble(graph);
      boolean ok = Math.abs(node.grad() - expected) <= 1e-12;
      matches += ok ? 1 : 0;
      say(
          "  %-4s  %-7s  %5s  %8s   %-24s = %-4s  %s",
          node.label(),
          node.isInput() ? role(node.label()) : node.expression(),
          num(node.value()),
          num(node.grad()),
          step.formula(),
          num(expected),
          ok ? "ok" : "MISMATCH");
    }
    if (matches != SEED_GRADIENTS.size()) {
      throw new IllegalStateException("generated gradients disagree with the walkthrough");
    }
    say("");
    say("All %d gradients match the walkthrough's formulas.", matches);
  }

  /** Part 2: train n4 and n6, print the loss now and then, and the truth table at the end. */
  private static void trainAndReport() {
    Weights start = new Weights(N4, N6);
    say("Part 2. Training the weight n4 and the bias n6");
    say("The walkthrough measures the error as |n7 - n8|. Here the loss is n9^2 = (n7 - n8)^2,");
    say("@Differentiable AndGate.loss, averaged over the four rows of the truth table.");
    say(
        "Before training (n4 = %s, n6 = %s) the gate gets %d/4 rows right.",
        num(start.n4()), num(start.n6()), start.correct());
    say(
        "Gradient descent on the generated AndGate_loss, learning rate %s, %d epochs:",
        num(LEARNING_RATE), EPOCHS);
    say("");
    long started = System.nanoTime();
    Training training = train(start, LEARNING_RATE, EPOCHS);
    double millis = (System.nanoTime() - started) / 1e6;
    say("  %5s  %8s  %8s  %8s  %s", "epoch", "loss", "n4", "n6", "correct");
    for (Epoch epoch : training.epochs()) {
      if (epoch.number() == 1 || epoch.number() % 5 == 0) {
        Weights weights = epoch.weights();
        say(
            "  %5d  %8.5f  %8.5f  %8.5f  %d/4",
            epoch.number(), epoch.loss(), weights.n4(), weights.n6(), weights.correct());
      }
    }
    Weights trained = training.result();
    say("");
    say("The loss levels off at 0.0625, the least the line n7 = (n1 + n2) * n4 + n6 can reach");
    say("on these rows, at n4 = 0.5, n6 = -0.25. Thresholded at 0.5, that line is an AND gate.");
    say(
        "Trained: n4 = %.4f, n6 = %.4f. The gate answers 1 when n7 >= 0.5:",
        trained.n4(), trained.n6());
    say("");
    say("  n1  n2 |      n7  answer | AND");
    for (double[] row : TRUTH_TABLE) {
      say(
          "  %s   %s  | %7.4f  %6d | %s",
          num(row[0]),
          num(row[1]),
          trained.n7(row[0], row[1]),
          trained.predict(row[0], row[1]),
          num(row[2]));
    }
    say("");
    say("Training took %.1f ms (one cold run, including class loading).", millis);
    say("AND gate: %d/4 correct", trained.correct());
  }

  private static String role(String input) {
    return switch (input) {
      case "n4" -> "weight";
      case "n6" -> "bias";
      case "n8" -> "label";
      default -> "input";
    };
  }

  /** A number without trailing zeros: 0.5, -1, 0.7. */
  private static String num(double value) {
    String text = String.format(Locale.ROOT, "%.4f", value);
    text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
    return text.equals("-0") ? "0" : text;
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
  }
}
