package dev.chainrule.processor.diagnostics;

/**
 * The beginnings of what chainrule's messages go on to say is supported, so a test's expected
 * fragment reads as "construct + what is supported" without repeating the whole catalogue.
 */
final class Hints {
  private Hints() {}

  /** Follows the construct in a message about an unsupported statement. */
  static final String STATEMENT_HINT =
      "is not supported; a @Differentiable method may declare double and int locals, assign them"
          + " and its parameters (=, +=, -=, *=, /=, ++, --), branch with if/else and switch, loop"
          + " with for, while and do/while (unlabeled break and continue), and return at the end of"
          + " a block";

  /** Follows the construct in a message about an unsupported expression. */
  static final String EXPRESSION_HINT =
      "is not supported; a @Differentiable method may use numeric literals, its parameters and"
          + " double and int locals, static final constants, + - * / (and % of ints), unary - and +,"
          + " parentheses, casts to double, ?: with conditions of < <= > >= == != && || !, calls of other static"
          + " @Differentiable methods and of static methods"
          + " returning int, long or boolean, and the Math and StrictMath functions sin, cos,";

  /** Ends a message about a value of a type chainrule does not compute with. */
  static final String TYPE_HINT =
      "; a @Differentiable method computes with double, int and long values";

  /** Ends a message about an assignment to something other than a double parameter or local. */
  static final String TARGET_HINT =
      "; a @Differentiable method assigns only its double and int parameters and locals";

  /** Ends a message about a field the method may not read. */
  static final String FIELD_HINT =
      "is not a static final constant; a @Differentiable method reads only its parameters, its"
          + " locals and static final fields";
}
