package dev.chainrule.processor.fuzz;

import dev.chainrule.processor.fuzz.Ast.Program;

/**
 * KNOWN PROCESSOR BUGS that the fuzz test found and steers around, so that the normal build stays
 * green until they are fixed: each is a predicate over programs; a program that has the shape is
 * not compiled, only counted ("skipped: known bug ..." in the summary). Run with {@code
 * -Dchainrule.fuzz.knownBugs=include} to generate them anyway, which is how to check a fix; then
 * delete the predicate here, and keep its smallest reproducer as a regression test.
 *
 * <p>None is known now. The first two the fuzz test found (an arm ending in a loop that returns; a
 * body ending in a switch or do/while that always returns) are fixed, and their reproducers are in
 * {@code diagnostics/LoopReviewRegressionTest}.
 */
final class KnownBugs {
  private KnownBugs() {}

  /** Whether to skip programs with known bugs: yes, unless told to include them. */
  static boolean avoided() {
    return !"include".equals(System.getProperty("chainrule.fuzz.knownBugs"));
  }

  /** The known bug the program would hit, or null. */
  static String in(Program program) {
    return null;
  }
}
