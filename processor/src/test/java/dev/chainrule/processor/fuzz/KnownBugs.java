package dev.chainrule.processor.fuzz;

import dev.chainrule.processor.fuzz.Ast.Block;
import dev.chainrule.processor.fuzz.Ast.Case;
import dev.chainrule.processor.fuzz.Ast.Continue;
import dev.chainrule.processor.fuzz.Ast.For;
import dev.chainrule.processor.fuzz.Ast.ForDouble;
import dev.chainrule.processor.fuzz.Ast.ForDown;
import dev.chainrule.processor.fuzz.Ast.ForEach;
import dev.chainrule.processor.fuzz.Ast.If;
import dev.chainrule.processor.fuzz.Ast.Method;
import dev.chainrule.processor.fuzz.Ast.Program;
import dev.chainrule.processor.fuzz.Ast.Return;
import dev.chainrule.processor.fuzz.Ast.Stmt;
import dev.chainrule.processor.fuzz.Ast.Switch;
import dev.chainrule.processor.fuzz.Ast.While;
import java.util.ArrayList;
import java.util.List;

/**
 * KNOWN PROCESSOR BUGS that the fuzz test found and steers around, so that the normal build stays
 * green until they are fixed. Each is a predicate over programs; a program that has the shape is
 * not compiled, only counted ("skipped: known bug ..." in the summary). Run with {@code
 * -Dchainrule.fuzz.knownBugs=include} to generate them anyway, which is how to check a fix; then
 * delete the predicate here.
 *
 * <p>Each predicate's comment holds the smallest reproducer found.
 */
final class KnownBugs {
  private KnownBugs() {}

  /** Whether to skip programs with known bugs: yes, unless told to include them. */
  static boolean avoided() {
    return !"include".equals(System.getProperty("chainrule.fuzz.knownBugs"));
  }

  /** The known bug the program would hit, or null. */
  static String in(Program program) {
    if (armEndsInLoopWithReturn(program)) {
      return "1 (an arm ending in a loop that returns)";
    }
    if (bodyEndsInJumpingSwitchOrDo(program)) {
      return "2 (a body ending in a switch or do/while that always returns)";
    }
    return null;
  }

  /**
   * Bug 1: when an arm of an if/else or switch ends with a loop that contains a return, and code
   * follows the if, forward (and tangent, and backward's gradient) act as if the method returned
   * 0.0 whenever the arm runs and its loop finishes without returning. The shrunk program the fuzz
   * test found (seed 0x4, program 166):
   *
   * <pre>{@code
   * @Differentiable
   * static double h0(double x) {
   *   if (true) {
   *     for (int i0 = 0; i0 < 0; i0++) {
   *       return x;
   *     }
   *   }
   *   return x;          // h0(-0.64) is -0.64; forward(-0.64) is 0.0, the gradient 0
   * }
   * }</pre>
   *
   * <p>The cause is in {@code lower/Jumps.outside}: a loop with a return that is the last of the
   * statements it lowers is taken for one that runs until it returns ("nothing follows it in the
   * source"), so {@code return result} follows it unconditionally; but {@code outside} also lowers
   * the arms of an if, after which the code following the if does follow. The predicate here is
   * wider than the bug: it skips every program with the shape, whether or not a sampled point takes
   * the arm and finishes the loop.
   */
  static boolean armEndsInLoopWithReturn(Program program) {
    for (Object node : Ast.nodes(program)) {
      for (Block arm : arms(node)) {
        if (endsInLoopWithReturn(arm)) {
          return true;
        }
      }
    }
    return false;
  }

  private static List<Block> arms(Object node) {
    List<Block> arms = new ArrayList<>();
    if (node instanceof If i) {
      arms.add(i.then());
      if (i.otherwise() != null) {
        arms.add(i.otherwise());
      }
    } else if (node instanceof Switch sw) {
      for (Case c : sw.cases()) {
        arms.add(c.body());
      }
      if (sw.otherwise() != null) {
        arms.add(sw.otherwise());
      }
    }
    return arms;
  }

  private static boolean endsInLoopWithReturn(Block block) {
    if (block.isEmpty()) {
      return false;
    }
    Stmt last = block.statements().get(block.statements().size() - 1);
    if (last instanceof For
        || last instanceof ForDown
        || last instanceof ForDouble
        || last instanceof ForEach
        || last instanceof While) {
      return Ast.nodes(last).stream().anyMatch(n -> n instanceof Return);
    }
    if (last instanceof Block b) {
      return endsInLoopWithReturn(b);
    }
    for (Block arm : arms(last)) {
      if (endsInLoopWithReturn(arm)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Bug 2: a method whose body ends with a switch whose every case returns (or a do/while that
   * always returns) gets no generated class and no error; its callers get "chainrule reports errors
   * in ...; fix those first". The shrunk program the fuzz test found (seed 0x4, program 2075):
   *
   * <pre>{@code
   * @Differentiable
   * static double f(double x, int backward) {
   *   switch (backward) {
   *     default:
   *       return x;
   *   }
   * }
   * }</pre>
   *
   * <p>javac compiles it without a diagnostic and no {@code f} class is generated; so also for
   * {@code switch (n) { case 1: return 2 * x; default: return x; }} (colons or arrows) and for
   * {@code int w = 0; do { w++; return x; } while (w < 3);}. The cause is in {@code
   * check/LanguageFence}: its {@code completesNormally} knows no switch or do/while that cannot
   * complete, so it takes the body for one that can (which javac would reject for a missing return)
   * and marks the method unresolved without a message.
   */
  static boolean bodyEndsInJumpingSwitchOrDo(Program program) {
    for (Method m : program.methods()) {
      if (!Ast.completes(m.body()) && processorThinksCompletes(m.body())) {
        return true;
      }
    }
    return false;
  }

  /** LanguageFence.completesNormally, as chainrule has it. */
  private static boolean processorThinksCompletes(Stmt s) {
    if (s instanceof Return || s instanceof Continue) {
      return false;
    }
    if (s instanceof Block b) {
      return b.isEmpty() || processorThinksCompletes(b.statements().get(b.statements().size() - 1));
    }
    if (s instanceof If i) {
      return i.otherwise() == null
          || processorThinksCompletes(i.then())
          || processorThinksCompletes(i.otherwise());
    }
    return true;
  }
}
