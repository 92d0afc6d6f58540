package dev.chainrule.samples;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.graph.ComputationGraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AndGateTest {
  private static final double EXACT = 1e-12;

  /**
   * The walkthrough's gradients, derived by hand for n9 = (n1 + n2) * n4 + n6 - n8: dn9/dn9 = 1,
   * dn9/dn8 = -1, dn9/dn7 = dn9/dn6 = dn9/dn5 = 1, dn9/dn4 = n3 = n1 + n2, and dn9/dn3 = dn9/dn2 =
   * dn9/dn1 = n4.
   */
  @ParameterizedTest(name = "n1={0} n2={1} n4={2} n6={3} n8={4}")
  @CsvSource({
    "0, 1, 0.5, 0.2, 0", // the walkthrough's example: input (0, 1) predicted as 0.7
    "1, 1, -0.3, 0.7, 1",
    "2.5, -4, 3, -1.25, 0.75",
  })
  void graphGradientsAreTheWalkthroughs(double n1, double n2, double n4, double n6, double n8) {
    ComputationGraph graph = AndGate_error.graph(n1, n2, n4, n6, n8);
    double n3 = n1 + n2;
    assertAll(
        () -> assertEquals((n1 + n2) * n4 + n6 - n8, graph.node("n9").value(), EXACT),
        () -> assertEquals(1, grad(graph, "n9"), EXACT),
        () -> assertEquals(-1, grad(graph, "n8"), EXACT),
        () -> assertEquals(1, grad(graph, "n7"), EXACT),
        () -> assertEquals(1, grad(graph, "n6"), EXACT),
        () -> assertEquals(1, grad(graph, "n5"), EXACT),
        () -> assertEquals(n3, grad(graph, "n4"), EXACT),
        () -> assertEquals(n4, grad(graph, "n3"), EXACT),
        () -> assertEquals(n4, grad(graph, "n2"), EXACT),
        () -> assertEquals(n4, grad(graph, "n1"), EXACT));
  }

  @ParameterizedTest(name = "n1={0} n2={1} n4={2} n6={3} n8={4}")
  @CsvSource({"0, 1, 0.5, 0.2, 0", "1, 1, -0.3, 0.7, 1"})
  void workspaceBackwardAgreesWithTheGraph(double n1, double n2, double n4, double n6, double n8) {
    ComputationGraph graph = AndGate_error.graph(n1, n2, n4, n6, n8);
    AndGate_error workspace = new AndGate_error();
    assertEquals(AndGate.error(n1, n2, n4, n6, n8), workspace.forward(n1, n2, n4, n6, n8), EXACT);
    workspace.backward();
    assertAll(
        () -> assertEquals(grad(graph, "n1"), workspace.gradN1(), EXACT),
        () -> assertEquals(grad(graph, "n2"), workspace.gradN2(), EXACT),
        () -> assertEquals(grad(graph, "n4"), workspace.gradN4(), EXACT),
        () -> assertEquals(grad(graph, "n6"), workspace.gradN6(), EXACT),
        () -> assertEquals(grad(graph, "n8"), workspace.gradN8(), EXACT));
  }

  /** d(n9²)/dn4 = 2 n9 n3 and d(n9²)/dn6 = 2 n9, the gradients training follows. */
  @Test
  void squaredLossGradients() {
    AndGate_loss workspace = new AndGate_loss();
    double loss = workspace.forward(1, 1, -0.3, 0.7, 1);
    workspace.backward();
    double n9 = 2 * -0.3 + 0.7 - 1;
    assertEquals(n9 * n9, loss, EXACT);
    assertEquals(2 * n9 * 2, workspace.gradN4(), EXACT);
    assertEquals(2 * n9, workspace.gradN6(), EXACT);
  }

  @Test
  void seedFormulasInTheSampleHoldAtItsExample() {
    ComputationGraph graph =
        AndGate_error.graph(AndGate.N1, AndGate.N2, AndGate.N4, AndGate.N6, AndGate.N8);
    assertEquals(9, AndGate.SEED_GRADIENTS.size());
    for (AndGate.SeedGradient step : AndGate.SEED_GRADIENTS) {
      assertEquals(
          step.expected().applyAsDouble(graph), grad(graph, step.node()), EXACT, step.node());
    }
  }

  @Test
  void trainingLearnsTheAndGate() {
    AndGate.Weights start = new AndGate.Weights(AndGate.N4, AndGate.N6);
    assertEquals(2, start.correct(), "the untrained gate gets rows 00 and 11 right");

    AndGate.Training training = AndGate.train(start, AndGate.LEARNING_RATE, AndGate.EPOCHS);

    AndGate.Weights trained = training.result();
    assertEquals(4, trained.correct());
    for (double[] row : AndGate.TRUTH_TABLE) {
      assertEquals((int) row[2], trained.predict(row[0], row[1]));
    }
    List<AndGate.Epoch> epochs = training.epochs();
    assertEquals(AndGate.EPOCHS, epochs.size());
    for (int i = 1; i < epochs.size(); i++) {
      assertTrue(epochs.get(i).loss() < epochs.get(i - 1).loss(), "loss decreases every epoch");
    }
    // The least-squares line through the truth table: n4 = 0.5, n6 = -0.25, mean loss 1/16.
    assertEquals(0.5, trained.n4(), 0.01);
    assertEquals(-0.25, trained.n6(), 0.01);
    assertEquals(0.0625, epochs.get(epochs.size() - 1).loss(), 1e-4);
  }

  @Test
  void trainingIsDeterministic() {
    AndGate.Weights start = new AndGate.Weights(AndGate.N4, AndGate.N6);
    assertEquals(
        AndGate.train(start, AndGate.LEARNING_RATE, AndGate.EPOCHS),
        AndGate.train(start, AndGate.LEARNING_RATE, AndGate.EPOCHS));
  }

  private static double grad(ComputationGraph graph, String node) {
    return graph.node(node).grad();
  }
}
