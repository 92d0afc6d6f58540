package dev.chainrule.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chainrule.optim.Adam;
import dev.chainrule.optim.Optimizer;
import dev.chainrule.optim.Sgd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TrainerTest {

  /** A point of the line y = 2 x + 1, with noise. */
  record Point(double x, double y) {}

  /** Squared error of the line params[0] * x + params[1]. */
  static final Objective<Point> LINE =
      (p, point, grad) -> {
        double error = p[0] * point.x() + p[1] - point.y();
        grad[0] += 2 * error * point.x();
        grad[1] += 2 * error;
        return error * error;
      };

  static List<Point> noisyLine(int n) {
    Random random = new Random(1);
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      double x = random.nextDouble() * 4 - 2;
      points.add(new Point(x, 2 * x + 1 + 0.1 * random.nextGaussian()));
    }
    return points;
  }

  static TrainingResult fitLine(long seed, List<Point> data) {
    return Trainer.builder(new Sgd(0.01, 0.9))
        .epochs(20)
        .batchSize(3)
        .seed(seed)
        .quiet()
        .build()
        .train(new double[] {0, 0}, data, LINE);
  }

  @Test
  void theSameSeedGivesTheSameLossHistory() {
    TrainingResult first = fitLine(7, noisyLine(50));
    TrainingResult second = fitLine(7, noisyLine(50));
    assertEquals(20, first.epochs());
    assertEquals(first.losses(), second.losses());
  }

  @Test
  void anotherSeedGivesAnotherLossHistory() {
    assertNotEquals(fitLine(7, noisyLine(50)).losses(), fitLine(8, noisyLine(50)).losses());
  }

  @Test
  void aListWithoutRandomAccessTrainsTheSame() {
    assertEquals(
        fitLine(7, noisyLine(50)).losses(), fitLine(7, new LinkedList<>(noisyLine(50))).losses());
  }

  @Test
  void trainingFitsTheLine() {
    double[] line = {0, 0};
    TrainingResult result =
        Trainer.builder(new Adam(0.05))
            .epochs(200)
            .batchSize(10)
            .quiet()
            .build()
            .train(line, noisyLine(100), LINE);
    assertArrayEquals(new double[] {2, 1}, line, 0.05);
    assertTrue(result.finalLoss() < 0.02, result.summary());
  }

  /** A stand-in optimizer that records the gradient of every step and leaves params alone. */
  static final class RecordingOptimizer implements Optimizer {
    final List<double[]> grads = new ArrayList<>();

    @Override
    public void step(double[] params, double[] grads) {
      this.grads.add(grads.clone());
    }

    @Override
    public double learningRate() {
      return 0;
    }

    @Override
    public void setLearningRate(double learningRate) {}

    @Override
    public void reset() {}
  }

  /** Loss x and gradient (x, 10 x) for example x: a batch's mean gradient is its mean example. */
  static final Objective<Double> IDENTITY =
      (p, x, grad) -> {
        grad[0] += x;
        grad[1] += 10 * x;
        return x;
      };

  @Test
  void miniBatchGradientsAreAveragedAndTheLastBatchOverItsOwnSize() {
    RecordingOptimizer optimizer = new RecordingOptimizer();
    TrainingResult result =
        Trainer.builder(optimizer)
            .epochs(1)
            .batchSize(2)
            .shuffle(false)
            .quiet()
            .build()
            .train(new double[2], List.of(1.0, 2.0, 3.0, 4.0, 5.0), IDENTITY);
    assertEquals(3, optimizer.grads.size());
    assertArrayEquals(new double[] {1.5, 15}, optimizer.grads.get(0)); // (1 + 2) / 2
    assertArrayEquals(new double[] {3.5, 35}, optimizer.grads.get(1)); // (3 + 4) / 2
    assertArrayEquals(new double[] {5, 50}, optimizer.grads.get(2)); // 5 / 1
    assertEquals(List.of(3.0), result.losses(), "the epoch's loss is the mean over examples");
  }

  @Test
  void aBatchLargerThanTheDatasetIsOneFullBatch() {
    RecordingOptimizer optimizer = new RecordingOptimizer();
    Trainer.builder(optimizer)
        .epochs(2)
        .batchSize(100)
        .quiet()
        .build()
        .train(new double[2], List.of(1.0, 2.0, 6.0), IDENTITY);
    assertEquals(2, optimizer.grads.size());
    assertArrayEquals(new double[] {3, 30}, optimizer.grads.get(0));
  }

  @Test
  void stopsAtTheLossThreshold() {
    TrainingResult result =
        Trainer.builder(new Adam(0.05))
            .epochs(1000)
            .batchSize(10)
            .stopAtLoss(0.05)
            .quiet()
            .build()
            .train(new double[] {0, 0}, noisyLine(100), LINE);
    assertEquals(StopReason.LOSS_THRESHOLD, result.stopReason());
    assertTrue(result.epochs() < 1000);
    assertTrue(result.finalLoss() <= 0.05);
    for (double earlier : result.losses().subList(0, result.epochs() - 1)) {
      assertTrue(earlier > 0.05, "stopped at the first epoch at or below the threshold");
    }
  }

  /** One example whose loss, epoch after epoch, is the next number of {@code script}. */
  static Objective<String> scripted(double... script) {
    int[] calls = {0};
    return (p, example, grad) -> script[calls[0]++];
  }

  @Test
  void stopsWhenPatienceRunsOut() {
    TrainingResult result =
        Trainer.builder(new Sgd(0.1))
            .epochs(100)
            .patience(2)
            .quiet()
            .build()
            .train(new double[1], List.of("x"), scripted(5, 4, 4.5, 3.9, 3.95, 4.1, 3.0));
    assertEquals(StopReason.PATIENCE, result.stopReason());
    assertEquals(List.of(5.0, 4.0, 4.5, 3.9, 3.95, 4.1), result.losses());
    assertEquals(4, result.bestEpoch());
    assertEquals(3.9, result.bestLoss());
    assertEquals(
        "stopped after epoch 6 of 100: no improvement for 2 epochs, best loss 3.90000 at epoch 4",
        result.summary());
  }

  @Test
  void improvementsSmallerThanMinImprovementDoNotCount() {
    TrainingResult result =
        Trainer.builder(new Sgd(0.1))
            .epochs(100)
            .patience(2)
            .minImprovement(0.2)
            .quiet()
            .build()
            .train(new double[1], List.of("x"), scripted(5, 4, 4.5, 3.9, 3.95, 4.1, 3.0));
    assertEquals(List.of(5.0, 4.0, 4.5, 3.9), result.losses());
    assertEquals(2, result.bestEpoch());
  }

  @Test
  void logsTheFirstAndEveryKthEpochThenWhyItStopped() {
    List<String> lines = new ArrayList<>();
    Trainer.builder(new Sgd(0.1))
        .epochs(10)
        .log(lines::add)
        .logEvery(4)
        .build()
        .train(new double[1], List.of("x"), scripted(9, 8, 7, 6, 5, 4, 3, 2, 1, 0.5));
    assertEquals(
        List.of(
            "epoch  1/10  loss 9.00000",
            "epoch  4/10  loss 6.00000",
            "epoch  8/10  loss 2.00000",
            "finished all 10 epochs: loss 0.500000, best loss 0.500000 at epoch 10"),
        lines);
  }

  @Test
  void logsToAPrintStream() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Trainer.builder(new Sgd(0.1))
        .epochs(2)
        .log(new PrintStream(bytes, true, StandardCharsets.UTF_8))
        .build()
        .train(new double[1], List.of("x"), scripted(2, 1));
    assertEquals(
        String.join(
            System.lineSeparator(),
            "epoch 1/2  loss 2.00000",
            "epoch 2/2  loss 1.00000",
            "finished all 2 epochs: loss 1.00000, best loss 1.00000 at epoch 2",
            ""),
        bytes.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theDocumentedAndGateExampleTrains() {
    AndGateLoss workspace = new AndGateLoss();
    Objective<double[]> objective =
        (w, row, grad) -> {
          workspace.zeroGrad();
          double loss = workspace.forward(row[0], row[1], w[0], w[1], row[2]);
          workspace.backward();
          grad[0] += workspace.gradN4();
          grad[1] += workspace.gradN6();
          return loss;
        };
    List<double[]> rows =
        List.of(
            new double[] {0, 0, 0},
            new double[] {0, 1, 0},
            new double[] {1, 0, 0},
            new double[] {1, 1, 1});
    double[] w = {0.5, 0.2};
    List<String> lines = new ArrayList<>();
    TrainingResult result =
        Trainer.builder(new Adam(0.05))
            .epochs(500)
            .batchSize(2)
            .seed(42)
            .stopAtLoss(0.0626)
            .logEvery(50)
            .log(lines::add)
            .build()
            .train(w, rows, objective);
    assertEquals(StopReason.LOSS_THRESHOLD, result.stopReason(), result.summary());
    assertArrayEquals(new double[] {0.5, -0.25}, w, 0.02);
    assertEquals(result.summary(), lines.get(lines.size() - 1));
  }

  @Test
  void aNanLossNamesTheEpochAndTheExample() {
    Objective<Double> nanAtThirdEpoch =
        new Objective<>() {
          int calls;

          @Override
          public double evaluate(double[] p, Double x, double[] grad) {
            calls++;
            return calls > 8 && x == 2.0 ? Double.NaN : x;
          }
        };
    NonFiniteException e =
        assertThrows(
            NonFiniteException.class,
            () ->
                Trainer.builder(new Sgd(0.1))
                    .seed(3)
                    .quiet()
                    .build()
                    .train(new double[1], List.of(0.0, 1.0, 2.0, 3.0), nanAtThirdEpoch));
    assertEquals(3, e.epoch());
    assertEquals(2, e.exampleIndex());
    assertEquals(
        "Trainer.train: the loss is NaN at epoch 3, example 2 (its index in the dataset); training"
            + " stopped there: lower the learning rate, or look for 0/0, log(0) or overflow in the"
            + " objective",
        e.getMessage());
  }

  @Test
  void anInfiniteGradientNamesTheComponent() {
    NonFiniteException e =
        assertThrows(
            NonFiniteException.class,
            () ->
                Trainer.builder(new Sgd(0.1))
                    .quiet()
                    .build()
                    .train(
                        new double[3],
                        List.of(1.0, -1.0),
                        (p, x, grad) -> {
                          grad[1] += x > 0 ? 0 : x / 0.0; // -Infinity for example 1
                          return 1;
                        }));
    assertEquals(1, e.epoch());
    assertTrue(
        e.getMessage().startsWith("Trainer.train: the gradient is -Infinity in component 1 at"),
        e.getMessage());
    assertTrue(e.getMessage().contains("example 1 (its index in the dataset)"), e.getMessage());
  }

  @Test
  void divergingTrainingIsStoppedByTheNonFiniteCheck() {
    // Gradient descent on x^2 with learning rate 2 multiplies x by -3 a step: it overflows.
    NonFiniteException e =
        assertThrows(
            NonFiniteException.class,
            () ->
                Trainer.builder(new Sgd(2))
                    .epochs(10_000)
                    .quiet()
                    .build()
                    .train(
                        new double[] {1},
                        List.of("x"),
                        (p, x, grad) -> {
                          grad[0] += 2 * p[0];
                          return p[0] * p[0];
                        }));
    assertTrue(e.epoch() > 300 && e.epoch() < 400, "3^k overflows near k = 323: " + e.epoch());
  }

  @Test
  void anEmptyDatasetIsRejected() {
    Trainer trainer = Trainer.builder(new Sgd(0.1)).quiet().build();
    assertEquals(
        "Trainer.train: the dataset is empty; give it at least one example",
        assertThrows(
                IllegalArgumentException.class,
                () -> trainer.train(new double[1], List.<Double>of(), IDENTITY))
            .getMessage());
  }

  @Test
  void badSettingsAreRejectedByName() {
    Trainer.Builder builder = Trainer.builder(new Sgd(0.1));
    assertEquals(
        "Trainer: batchSize must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> builder.batchSize(0)).getMessage());
    assertEquals(
        "Trainer: epochs must be at least 1, got -5",
        assertThrows(IllegalArgumentException.class, () -> builder.epochs(-5)).getMessage());
    assertEquals(
        "Trainer: patience must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> builder.patience(0)).getMessage());
    assertEquals(
        "Trainer: logEvery must be at least 1, got 0",
        assertThrows(IllegalArgumentException.class, () -> builder.logEvery(0)).getMessage());
    assertEquals(
        "Trainer: stopAtLoss needs a number, got NaN",
        assertThrows(IllegalArgumentException.class, () -> builder.stopAtLoss(Double.NaN))
            .getMessage());
    assertEquals(
        "Trainer: minImprovement must be a finite number >= 0, got -1.0",
        assertThrows(IllegalArgumentException.class, () -> builder.minImprovement(-1))
            .getMessage());
    assertEquals(
        "Trainer: the optimizer is null",
        assertThrows(NullPointerException.class, () -> Trainer.builder(null)).getMessage());
  }

  @Test
  void aParameterVectorOfAnotherLengthIsCaughtByTheOptimizer() {
    Trainer trainer = Trainer.builder(new Adam(0.1)).epochs(1).quiet().build();
    trainer.train(new double[2], List.of(1.0), IDENTITY);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> trainer.train(new double[3], List.of(1.0), (p, x, g) -> 0));
    assertTrue(e.getMessage().startsWith("Adam.step: params has length 3"), e.getMessage());
  }
}
