package dev.chainrule.train;

import dev.chainrule.optim.Optimizer;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.RandomAccess;
import java.util.function.Consumer;

/**
 * Trains a parameter vector in place: epochs over a dataset, in shuffled mini-batches, each batch's
 * gradient averaged and handed to an {@link Optimizer}, until the epochs run out or an
 * early-stopping rule fires.
 *
 * <p>The epoch's loss is the mean of the losses the objective returned during that epoch, each at
 * the parameters of its moment, as Keras reports it; no extra pass is spent measuring it. The
 * shuffle is seeded, so the same seed, optimizer settings and start give the same loss history, bit
 * for bit. The optimizer is not reset by {@code train}: a second call continues the first.
 *
 * <p>The AND gate of chainrule's sample, whose {@code @Differentiable} {@code loss(n1, n2, n4, n6,
 * n8)} gives the generated {@code AndGate_loss}, trained with Adam on its four rows:
 *
 * <pre>{@code
 * AndGate_loss workspace = new AndGate_loss();
 * Objective<double[]> objective =                          // w = {n4, n6}, row = {n1, n2, n8}
 *     (w, row, grad) -> {
 *       workspace.zeroGrad();
 *       double loss = workspace.forward(row[0], row[1], w[0], w[1], row[2]);
 *       workspace.backward();
 *       grad[0] += workspace.gradN4();
 *       grad[1] += workspace.gradN6();
 *       return loss;
 *     };
 * List<double[]> rows =
 *     List.of(new double[] {0, 0, 0}, new double[] {0, 1, 0}, new double[] {1, 0, 0},
 *         new double[] {1, 1, 1});
 * double[] w = {0.5, 0.2};
 * TrainingResult result =
 *     Trainer.builder(new Adam(0.05))
 *         .epochs(500)
 *         .batchSize(2)                                    // two rows per step, averaged
 *         .seed(42)
 *         .stopAtLoss(0.0626)                              // the line's best is 0.0625
 *         .logEvery(50)                                    // to System.out by default
 *         .build()
 *         .train(w, rows, objective);
 * System.out.println(result.summary());                   // why and when it stopped
 * }</pre>
 */
public final class Trainer {
  private final Optimizer optimizer;
  private final int epochs;
  private final int batchSize;
  private final boolean shuffle;
  private final long seed;
  private final double stopAtLoss;
  private final int patience;
  private final double minImprovement;
  private final Optional<Consumer<String>> log;
  private final int logEvery;
  private final ProgressBar.Mode progressBar;

  private Trainer(Builder builder) {
    this.optimizer = builder.optimizer;
    this.epochs = builder.epochs;
    this.batchSize = builder.batchSize;
    this.shuffle = builder.shuffle;
    this.seed = builder.seed;
    this.stopAtLoss = builder.stopAtLoss;
    this.patience = builder.patience;
    this.minImprovement = builder.minImprovement;
    this.log = builder.log;
    this.logEvery = builder.logEvery;
    this.progressBar = builder.progressBar;
  }

  /** A builder with the defaults: 100 epochs, batch size 1, shuffled with seed 0, no early stop. */
  public static Builder builder(Optimizer optimizer) {
    return new Builder(Objects.requireNonNull(optimizer, "Trainer: the optimizer is null"));
  }

  /**
   * Trains {@code params} in place on {@code dataset} and returns the loss of every epoch.
   *
   * @throws IllegalArgumentException if the dataset is empty
   * @throws NonFiniteException if a loss or a gradient component is NaN or infinite; {@code params}
   *     are left as they were when it happened
   */
  public <E> TrainingResult train(
      double[] params, List<E> dataset, Objective<? super E> objective) {
    Objects.requireNonNull(params, "Trainer.train: params is null");
    Objects.requireNonNull(dataset, "Trainer.train: the dataset is null");
    Objects.requireNonNull(objective, "Trainer.train: the objective is null");
    if (dataset.isEmpty()) {
      throw new IllegalArgumentException(
          "Trainer.train: the dataset is empty; give it at least one example");
    }
    List<E> examples = dataset instanceof RandomAccess ? dataset : new ArrayList<>(dataset);
    int n = examples.size();
    int[] order = new int[n];
    Arrays.setAll(order, i -> i);
    Random random = new Random(seed);
    double[] grad = new double[params.length];
    EarlyStopping stopping = new EarlyStopping(epochs, stopAtLoss, patience, minImprovement);
    List<Double> losses = new ArrayList<>();
    try (ProgressLog progress =
        new ProgressLog(log, logEvery, ProgressBar.open(progressBar), epochs, n)) {
      for (int epoch = 1; ; epoch++) {
        if (shuffle) {
          shuffle(order, random);
        }
        double total = 0;
        for (int start = 0; start < n; start += batchSize) {
          int end = Math.min(n, start + batchSize);
          Arrays.fill(grad, 0);
          for (int k = start; k < end; k++) {
            int index = order[k];
            double loss = objective.evaluate(params, examples.get(index), grad);
            requireFinite(loss, grad, epoch, index);
            total += loss;
          }
          double scale = 1.0 / (end - start);
          for (int i = 0; i < grad.length; i++) {
            grad[i] *= scale;
          }
          optimizer.step(params, grad);
          progress.examples(epoch, end);
        }
        double loss = total / n;
        losses.add(loss);
        progress.epoch(epoch, loss);
        Optional<StopReason> reason = stopping.afterEpoch(epoch, loss);
        if (reason.isPresent()) {
          TrainingResult result =
              new TrainingResult(
                  losses,
                  reason.get(),
                  stopping.bestEpoch(),
                  stopping.bestLoss(),
                  stopping.explain(reason.get(), epoch, loss));
          progress.finished(result);
          return result;
        }
      }
    }
  }

  /** Fisher-Yates, in place, so an epoch's order costs no allocation. */
  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  private static void requireFinite(double loss, double[] grad, int epoch, int index) {
    if (!Double.isFinite(loss)) {
      throw nonFinite("the loss is " + loss, epoch, index);
    }
    for (int i = 0; i < grad.length; i++) {
      if (!Double.isFinite(grad[i])) {
        throw nonFinite("the gradient is " + grad[i] + " in component " + i, epoch, index);
      }
    }
  }

  private static NonFiniteException nonFinite(String what, int epoch, int index) {
    return new NonFiniteException(
        "Trainer.train: "
            + what
            + " at epoch "
            + epoch
            + ", example "
            + index
            + " (its index in the dataset); training stopped there: lower the learning rate, or"
            + " look for 0/0, log(0) or overflow in the objective",
        epoch,
        index);
  }

  /** Collects the settings; each setter checks its argument at once and names it if bad. */
  public static final class Builder {
    private final Optimizer optimizer;
    private int epochs = 100;
    private int batchSize = 1;
    private boolean shuffle = true;
    private long seed;
    private double stopAtLoss = Double.NEGATIVE_INFINITY;
    private int patience;
    private double minImprovement;
    private Optional<Consumer<String>> log = Optional.of(System.out::println);
    private int logEvery = 1;
    private ProgressBar.Mode progressBar = ProgressBar.Mode.AUTO;

    private Builder(Optimizer optimizer) {
      this.optimizer = optimizer;
    }

    /** The most epochs to run; early stopping may end sooner. */
    public Builder epochs(int epochs) {
      this.epochs = atLeastOne("epochs", epochs);
      return this;
    }

    /**
     * Examples per optimizer step; their gradients are averaged. 1 is plain stochastic gradient
     * descent; the dataset's size or more is full-batch descent. The last batch of an epoch may be
     * smaller, and is averaged over its own size.
     */
    public Builder batchSize(int batchSize) {
      this.batchSize = atLeastOne("batchSize", batchSize);
      return this;
    }

    /** Whether to visit the examples in a new random order each epoch (the default) or in order. */
    public Builder shuffle(boolean shuffle) {
      this.shuffle = shuffle;
      return this;
    }

    /** The seed of the shuffle; the same seed gives the same order, epoch by epoch. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** Stops after the first epoch whose mean loss is at or below {@code threshold}. */
    public Builder stopAtLoss(double threshold) {
      if (Double.isNaN(threshold)) {
        throw new IllegalArgumentException("Trainer: stopAtLoss needs a number, got NaN");
      }
      this.stopAtLoss = threshold;
      return this;
    }

    /**
     * Stops after {@code epochs} epochs in a row whose loss does not beat the best so far by more
     * than {@link #minImprovement}.
     */
    public Builder patience(int epochs) {
      this.patience = atLeastOne("patience", epochs);
      return this;
    }

    /** How much an epoch must lower the best loss to count as an improvement; 0 by default. */
    public Builder minImprovement(double minImprovement) {
      if (!(minImprovement >= 0) || Double.isInfinite(minImprovement)) {
        throw new IllegalArgumentException(
            "Trainer: minImprovement must be a finite number >= 0, got " + minImprovement);
      }
      this.minImprovement = minImprovement;
      return this;
    }

    /** Where the epoch lines and the final summary go; {@code System.out} by default. */
    public Builder log(Consumer<String> log) {
      this.log = Optional.of(Objects.requireNonNull(log, "Trainer: log is null; use quiet()"));
      return this;
    }

    /** Prints the epoch lines and the final summary on {@code out}, one {@code println} each. */
    public Builder log(PrintStream out) {
      Objects.requireNonNull(out, "Trainer: log is null; use quiet()");
      return log(out::println);
    }

    /** Logs the first epoch and every {@code every}-th; the summary line comes in any case. */
    public Builder logEvery(int every) {
      this.logEvery = atLeastOne("logEvery", every);
      return this;
    }

    /** No lines and no progress bar. */
    public Builder quiet() {
      this.log = Optional.empty();
      this.progressBar = ProgressBar.Mode.NEVER;
      return this;
    }

    /** When to draw a progress bar; {@link ProgressBar.Mode#AUTO}, on a terminal, by default. */
    public Builder progressBar(ProgressBar.Mode mode) {
      this.progressBar = Objects.requireNonNull(mode, "Trainer: the progress bar mode is null");
      return this;
    }

    public Trainer build() {
      return new Trainer(this);
    }

    private static int atLeastOne(String setting, int value) {
      if (value < 1) {
        throw new IllegalArgumentException(
            "Trainer: " + setting + " must be at least 1, got " + value);
      }
      return value;
    }
  }
}
