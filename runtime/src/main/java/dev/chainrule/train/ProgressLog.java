package dev.chainrule.train;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Shows a run's progress: a line on the first epoch and every {@code every} epochs after, a final
 * line saying why training stopped, and in between the progress bar, if any, erased before each
 * line so the two never share one.
 */
final class ProgressLog implements AutoCloseable {
  private final Optional<Consumer<String>> sink;
  private final int every;
  private final Optional<ProgressBar> bar;
  private final int maxEpochs;
  private final long examplesPerEpoch;
  private final String lineFormat;
  private double lastLoss = Double.NaN;

  ProgressLog(
      Optional<Consumer<String>> sink,
      int every,
      Optional<ProgressBar> bar,
      int maxEpochs,
      int examplesPerEpoch) {
    this.sink = sink;
    this.every = every;
    this.bar = bar;
    this.maxEpochs = maxEpochs;
    this.examplesPerEpoch = examplesPerEpoch;
    this.lineFormat = "epoch %" + Integer.toString(maxEpochs).length() + "d/%d  loss %.6g";
  }

  /** {@code done} examples of epoch {@code epoch} have been through the objective. */
  void examples(int epoch, int done) {
    if (bar.isEmpty() || !bar.get().due()) {
      return;
    }
    String status =
        Double.isNaN(lastLoss)
            ? String.format(Locale.ROOT, "epoch %d/%d", epoch, maxEpochs)
            : String.format(Locale.ROOT, "epoch %d/%d  last loss %.6g", epoch, maxEpochs, lastLoss);
    bar.get().draw((epoch - 1) * examplesPerEpoch + done, maxEpochs * examplesPerEpoch, status);
  }

  void epoch(int epoch, double loss) {
    lastLoss = loss;
    if (sink.isPresent() && (epoch == 1 || epoch % every == 0)) {
      say(String.format(Locale.ROOT, lineFormat, epoch, maxEpochs, loss));
    }
  }

  void finished(TrainingResult result) {
    say(result.summary());
  }

  private void say(String line) {
    if (sink.isPresent()) {
      bar.ifPresent(ProgressBar::clear);
      sink.get().accept(line);
    }
  }

  /** Erases the bar, also when training ends with an exception. */
  @Override
  public void close() {
    bar.ifPresent(ProgressBar::clear);
  }
}
