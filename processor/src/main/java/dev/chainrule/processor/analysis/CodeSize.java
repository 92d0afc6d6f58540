package dev.chainrule.processor.analysis;

import dev.chainrule.processor.ad.rules.DerivativeRules;
import dev.chainrule.processor.ad.rules.Formula;
import dev.chainrule.processor.ad.rules.Partial;
import dev.chainrule.processor.ir.Step;
import dev.chainrule.processor.ir.Trace;

/**
 * Estimates the bytecode of the largest generated method, graph(), which computes every value and
 * every local derivative of the method. Javac refuses a method over 64 KiB ("code too large"),
 * which a user would otherwise meet as an error in generated code.
 */
public final class CodeSize {
  /** What javac allows, less a margin for the estimate's error. */
  public static final int LIMIT = 60_000;

  /** Bytes per step (its value, its node, its arrays) and per node of a derivative formula. */
  private static final int PER_STEP = 48;

  private static final int PER_FORMULA_NODE = 3;

  private CodeSize() {}

  /**
   * Calibrated against javac on methods of repeated statements: {@code y = y * 0.999 + x} fits 600
   * times and overflows at 700; {@code y = Math.atan2(y, x) + Math.max(y, x)} fits 260 times and
   * overflows at 300. The estimate accepts 580 and 230 of them.
   */
  public static int estimate(Trace trace) {
    int bytes = 0;
    for (Step step : trace.steps()) {
      bytes += PER_STEP;
      for (Partial partial : DerivativeRules.partials(step)) {
        bytes += PER_FORMULA_NODE * partial.times().map(Formula::size).orElse(0);
        bytes += PER_FORMULA_NODE * partial.dividedBy().map(Formula::size).orElse(0);
      }
    }
    return bytes;
  }
}
