package dev.chainrule.processor.check;

import dev.chainrule.processor.ir.Primitive;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * Every message chainrule prints, in one voice: what is wrong, then what is supported or what to
 * do. Each starts with {@code [chainrule]} so it stands out among javac's own errors.
 */
public final class Messages {
  private static final String TAG = "[chainrule] ";

  /** The supported Math functions, in table order, e.g. {@code "sin, cos, tan, ..."}. */
  public static final String MATH_FUNCTIONS =
      Arrays.stream(Primitive.values())
          .filter(Primitive::isMathFunction)
          .map(Primitive::symbol)
          .distinct()
          .collect(Collectors.joining(", "));

  private static final String SUPPORTED_STATEMENTS =
      "a @Differentiable method may declare double and int locals, assign them and its"
          + " parameters (=, +=, -=, *=, /=, ++, --), branch with if/else and switch, loop with"
          + " for, while and do/while (unlabeled break and continue), and return at the end of a"
          + " block";

  private static final String SUPPORTED_EXPRESSIONS =
      "a @Differentiable method may use numeric literals, its parameters and double and int locals,"
          + " static final constants, + - * / (and % of ints), unary - and +, parentheses, casts to double, ?:"
          + " with conditions of < <= > >= == != && || !, calls"
          + " of other static @Differentiable methods and of static methods returning int, long"
          + " or boolean, and the Math and StrictMath functions "
          + MATH_FUNCTIONS;

  private Messages() {}

  // --- the method's declaration ---

  public static String noTrees(String processingEnvironment) {
    return TAG
        + "chainrule needs javac: it reads method bodies through javac's Trees API"
        + " (com.sun.source.util.Trees), which this compiler's processing environment ("
        + processingEnvironment
        + ") does not provide; compile with javac from JDK 17 or later";
  }

  public static String noSource(String method) {
    return TAG
        + "the source of @Differentiable method "
        + method
        + " is not available to the compiler; chainrule differentiates methods compiled from"
        + " source in this compilation";
  }

  public static String notStatic(String method) {
    return TAG
        + "@Differentiable method "
        + method
        + " must be static; chainrule differentiates static methods, whose result depends only"
        + " on their arguments";
  }

  public static String noBody(String method) {
    return TAG
        + "@Differentiable method "
        + method
        + " has no body to differentiate; annotate a static method with a body";
  }

  public static String returnType(String method, String type) {
    return TAG
        + "@Differentiable method "
        + method
        + " returns "
        + type
        + "; a @Differentiable method must return double";
  }

  public static String parameterType(String parameter, String type) {
    return TAG
        + "parameter "
        + parameter
        + " has type "
        + type
        + "; supported parameter types are double and double[] (differentiable), int, int[],"
        + " long and boolean";
  }

  public static String varargs(String method) {
    return TAG
        + "@Differentiable method "
        + method
        + " has a variable-arity parameter; declare each double parameter separately";
  }

  public static String notNameable(String method) {
    return TAG
        + "@Differentiable method "
        + method
        + " is declared in a local or anonymous class, which a generated class cannot name;"
        + " move it to a top-level or member class";
  }

  public static String accessorClash(String parameter, String other, String accessor) {
    return TAG
        + "parameters "
        + other
        + " and "
        + parameter
        + " would both get the gradient accessor "
        + accessor
        + "(); rename one of them";
  }

  public static String wrtUnknown(String method, String name, Collection<String> parameters) {
    return TAG
        + "wrt lists \""
        + name
        + "\", which is not a parameter of "
        + method
        + (parameters.isEmpty()
            ? ", which has none"
            : "; its parameters are " + String.join(", ", parameters));
  }

  public static String wrtConstant(String name, String type) {
    return TAG
        + "wrt lists \""
        + name
        + "\", "
        + ("aeiou".indexOf(type.charAt(0)) >= 0 ? "an " : "a ")
        + type
        + " parameter; wrt lists double and double[] parameters, the ones with gradients (int,"
        + " int[], long and boolean parameters are constants already)";
  }

  public static String constantArgument(
      int position, String callee, long line, String statement, String parameter) {
    return TAG
        + "argument "
        + position
        + " of "
        + callee
        + ", in line "
        + line
        + " ("
        + statement
        + "), varies with the parameters this method is differentiated with respect to, but "
        + callee
        + " is not differentiated with respect to its parameter "
        + parameter
        + ", which its wrt leaves out; list \""
        + parameter
        + "\" in its wrt, or pass a value that does not vary";
  }

  public static String wrtTwice(String name) {
    return TAG + "wrt lists \"" + name + "\" twice; list each parameter once";
  }

  public static String generatedNameClash(String method, String generatedClass, String other) {
    return TAG
        + "@Differentiable method "
        + method
        + " would generate class "
        + generatedClass
        + ", which @Differentiable method "
        + other
        + " generates too; give the methods different names";
  }

  public static String cannotWrite(String generatedClass, String reason) {
    return TAG
        + "cannot write the generated class "
        + generatedClass
        + ": "
        + reason
        + "; if a class of that name exists already, rename it or the method";
  }

  public static String tooLong(String method, int operations) {
    return TAG
        + "@Differentiable method "
        + method
        + " is too long: its "
        + operations
        + " operations would make generated methods larger than javac's 64 KiB; split it into"
        + " @Differentiable methods that call each other";
  }

  public static String pathWithoutReturn(String method) {
    return TAG
        + "chainrule cannot see a return at the end of every path through @Differentiable method "
        + method
        + " (it reads a loop's condition as constant only when it is a constant expression);"
        + " end the method with a return";
  }

  public static String endlessLoop() {
    return TAG
        + "this loop never ends: its condition is always true and nothing in it breaks out or"
        + " returns; give it a condition that becomes false, a break, or a return";
  }

  public static String returnsTooTangled(String method) {
    return TAG
        + "@Differentiable method "
        + method
        + " returns from inside branches whose other paths go on, so often that the code after"
        + " them would be copied into too many paths; return once at the end, computing the"
        + " result in a local";
  }

  public static String internalError(String method, Throwable error) {
    return TAG
        + "internal error while differentiating "
        + method
        + ": "
        + error
        + "; this is a chainrule bug, please report it with this method's source";
  }

  // --- the method's body ---

  public static String unsupportedStatement(String description) {
    return TAG + description + " is not supported; " + SUPPORTED_STATEMENTS;
  }

  public static String unsupportedExpression(String description) {
    return TAG + description + " is not supported; " + SUPPORTED_EXPRESSIONS;
  }

  public static String unsupportedType(String expression, String type) {
    return TAG
        + "'"
        + expression
        + "' has type "
        + type
        + "; a @Differentiable method computes with double, int and long values";
  }

  public static String booleanOutsideCondition(String expression) {
    return TAG
        + "'"
        + expression
        + "' is a boolean used as a value; a @Differentiable method uses booleans only as the"
        + " conditions of if and ?: and as operands of && || !";
  }

  public static String fallThrough() {
    return TAG
        + "this case falls through into the next; end each case of a switch with break or return,"
        + " or write it with ->";
  }

  public static String switchExpressionArm() {
    return TAG
        + "a switch expression case must be written 'case ... -> expression'; a block with yield"
        + " is not supported";
  }

  public static String switchSelector(String selector) {
    return TAG
        + "switch on '"
        + selector
        + "' is not supported; a @Differentiable method switches on an int or long local or"
        + " parameter";
  }

  public static String arrayAccess(String array) {
    return TAG
        + "'"
        + array
        + "' is not an array parameter or local; a @Differentiable method reads elements of its"
        + " double[] and int[] parameters and local arrays: pass the array as a parameter";
  }

  public static String localType(String local, String type) {
    return TAG
        + "local variable "
        + local
        + " has type "
        + type
        + "; a @Differentiable method declares only double and int locals";
  }

  public static String assignmentTarget(String target) {
    return TAG
        + "cannot assign to "
        + target
        + "; a @Differentiable method assigns only its double and int parameters and locals";
  }

  public static String narrowingUpdate(String update, String type) {
    return TAG
        + "'"
        + update
        + "' converts a "
        + type
        + " into an int; update the int with an int expression, or keep the value in a double";
  }

  public static String localArray(String local) {
    return TAG
        + "local array "
        + local
        + " must be made where it is declared and never assigned as a whole; declare it as"
        + " double[] "
        + local
        + " = new double[n], with new int[n], or with an initialiser {a, b, ...}";
  }

  public static String arrayCreation() {
    return TAG
        + "an array is created here, inside an expression; a @Differentiable method creates arrays"
        + " only where it declares a local array (double[] a = new double[n], or = {x, y}): declare"
        + " one and use it here";
  }

  public static String parameterArrayWrite(String parameter) {
    return TAG
        + "cannot write into parameter "
        + parameter
        + ": its elements are the caller's, and backward needs them as forward saw them; copy"
        + " what you need into a local array (double[] copy = new double["
        + parameter
        + ".length]) and write that";
  }

  public static String breakInSwitch() {
    return TAG
        + "break inside a switch is supported only as the last statement of a colon case (an"
        + " arrow case needs none); to leave a loop from inside a switch, write the switch as"
        + " if/else";
  }

  public static String enhancedForOver(String expression) {
    return TAG
        + "for over '"
        + expression
        + "' is not supported; a @Differentiable method loops with for (double x : xs) over a"
        + " double[] or int[] parameter or local array: pass the array as a parameter";
  }

  public static String nestedAssignment(String expression) {
    return TAG
        + "'"
        + expression
        + "' assigns inside an expression; write the assignment as a statement of its own";
  }

  public static String returnNotLast() {
    return TAG
        + "return must be the last statement of its block; compute the result in locals and"
        + " return it at the end of the method or of a branch";
  }

  public static String unsupportedMathFunction(String call) {
    return TAG
        + call
        + " is not supported; the supported Math and StrictMath functions are "
        + MATH_FUNCTIONS;
  }

  public static String unsupportedCall(String call) {
    return TAG
        + "call to "
        + call
        + " is not supported; a @Differentiable method may call other static @Differentiable"
        + " methods, static methods returning int, long or boolean, and the Math and StrictMath"
        + " functions "
        + MATH_FUNCTIONS;
  }

  public static String unsupportedCast(String type) {
    return TAG + "cast to " + type + " is not supported; the only supported cast is to double";
  }

  public static String callToNonDifferentiable(String call, String method) {
    return TAG
        + "call to "
        + call
        + " is not supported: "
        + method
        + " returns double but is not @Differentiable; annotate it with @Differentiable so"
        + " chainrule differentiates through it";
  }

  public static String invisibleMethod(String call, String generatedClass) {
    return TAG
        + "call to "
        + call
        + " is not supported: the method is not visible to the generated class "
        + generatedClass
        + ", which calls it; make it public, or declare it non-private in the package of "
        + generatedClass;
  }

  public static String recursion(String method, String cycle) {
    return TAG
        + "@Differentiable method "
        + method
        + " calls itself ("
        + cycle
        + "); chainrule differentiates calls that are not recursive, directly or mutually";
  }

  public static String callsRejected(String call, String callee) {
    return TAG
        + "call to "
        + call
        + " cannot be differentiated: chainrule reports errors in @Differentiable method "
        + callee
        + "; fix those first";
  }

  public static String callOutsideCompilation(String call, String callee) {
    return TAG
        + "call to "
        + call
        + " is not supported: @Differentiable method "
        + callee
        + " is not compiled together with this one; chainrule differentiates calls between"
        + " @Differentiable methods of the same compilation";
  }

  public static String memberThroughExpression(String qualifier) {
    return TAG
        + "'"
        + qualifier
        + "' is evaluated only to reach a static member; a @Differentiable method names the"
        + " member's class instead, as in Math.sin(x) or Constants.K";
  }

  public static String notAConstant(String field) {
    return TAG
        + "field "
        + field
        + " is not a static final constant; a @Differentiable method reads only its parameters,"
        + " its locals and static final fields";
  }

  public static String inaccessibleConstant(String field, String generatedClass) {
    return TAG
        + "static final field "
        + field
        + " is not visible to the generated class "
        + generatedClass
        + " and is not a compile-time constant; make it public, or declare it non-private in the"
        + " package of "
        + generatedClass;
  }

  public static String unsupportedReference(String name) {
    return TAG
        + "'"
        + name
        + "' is not supported here; a @Differentiable method reads only its parameters,"
        + " its double locals and static final numeric fields";
  }
}
