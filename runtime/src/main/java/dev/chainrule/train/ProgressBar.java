package dev.chainrule.train;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A one-line progress bar redrawn in place with a carriage return, such as {@code [#######......]
 * 54% epoch 27/50 loss 0.0625}. It appears only after the run has lasted {@link #DELAY_NANOS}, so
 * short runs never show it, and redraws at most every {@link #INTERVAL_NANOS}. Carriage returns
 * make a mess of a log file, so by default ({@link Mode#AUTO}) it is drawn only on a terminal.
 */
public final class ProgressBar {

  /** When the trainer draws a bar. */
  public enum Mode {
    /** On an interactive terminal only: never in CI logs or when output is redirected. */
    AUTO,
    /** Always: to the terminal if there is one, else to {@code System.err}. */
    ALWAYS,
    /** Never. */
    NEVER
  }

  static final long DELAY_NANOS = 1_000_000_000L;
  static final long INTERVAL_NANOS = 100_000_000L;
  private static final int WIDTH = 30;

  private final PrintWriter out;
  private final LongSupplier nanoClock;
  private final long start;
  private long lastDrawn;
  private int drawnLength;

  ProgressBar(PrintWriter out, LongSupplier nanoClock) {
    this.out = out;
    this.nanoClock = nanoClock;
    this.start = nanoClock.getAsLong();
  }

  /** The bar {@code mode} asks for in this process, if any. */
  static Optional<ProgressBar> open(Mode mode) {
    Console console = System.console();
    boolean terminal = console != null && isTerminal(console);
    if (mode == Mode.NEVER || (mode == Mode.AUTO && !terminal)) {
      return Optional.empty();
    }
    PrintWriter out = terminal ? console.writer() : new PrintWriter(System.err, true);
    return Optional.of(new ProgressBar(out, System::nanoTime));
  }

  /**
   * Whether the console is a terminal. Up to Java 21 a console exists only then; from Java 22 on
   * {@code System.console()} may return one for redirected output too, and {@code isTerminal()},
   * called reflectively since this code targets Java 17, tells them apart.
   */
  private static boolean isTerminal(Console console) {
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /**
   * Whether a call to {@link #draw} now would show: the delay has passed, and so has the interval
   * since the last drawing. Asked first so that nothing is formatted for a bar that is not drawn.
   */
  boolean due() {
    long now = nanoClock.getAsLong();
    return now - start >= DELAY_NANOS && (drawnLength == 0 || now - lastDrawn >= INTERVAL_NANOS);
  }

  /** Draws {@code done} of {@code total} with a status after it, over the previous drawing. */
  void draw(long done, long total, String status) {
    lastDrawn = nanoClock.getAsLong();
    int filled = (int) (WIDTH * done / total);
    String line =
        String.format(
            Locale.ROOT,
            "[%s%s] %3d%% %s",
            "#".repeat(filled),
            ".".repeat(WIDTH - filled),
            100 * done / total,
            status);
    out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
    out.flush();
    drawnLength = line.length();
  }

  /** Erases the bar, if drawn, so that a log line or the end of training starts on a clean line. */
  void clear() {
    if (drawnLength > 0) {
      out.print("\r" + " ".repeat(drawnLength) + "\r");
      out.flush();
      drawnLength = 0;
    }
  }
}
