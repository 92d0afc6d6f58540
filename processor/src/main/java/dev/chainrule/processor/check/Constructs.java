package dev.chainrule.processor.check;

import com.sun.source.tree.Tree;

/** Names a syntax construct the way a message should: "an if statement", "the '%' operator". */
final class Constructs {
  private Constructs() {}

  static String describe(Tree tree) {
    return switch (tree.getKind()) {
      case IF -> "an if statement";
      case FOR_LOOP, ENHANCED_FOR_LOOP -> "a for loop";
      case WHILE_LOOP -> "a while loop";
      case DO_WHILE_LOOP -> "a do/while loop";
      case SWITCH, SWITCH_EXPRESSION -> "a switch";
      case TRY -> "a try statement";
      case THROW -> "a throw statement";
      case BREAK -> "a break statement";
      case CONTINUE -> "a continue statement";
      case LABELED_STATEMENT -> "a labeled statement";
      case SYNCHRONIZED -> "a synchronized block";
      case ASSERT -> "an assert statement";
      case CLASS, INTERFACE, ENUM, RECORD, ANNOTATION_TYPE -> "a local class";
      case YIELD -> "a yield statement";
      case CONDITIONAL_EXPRESSION -> "a conditional expression (?:)";
      case LAMBDA_EXPRESSION -> "a lambda expression";
      case MEMBER_REFERENCE -> "a method reference";
      case NEW_CLASS -> "object creation (new)";
      case NEW_ARRAY -> "array creation";
      case ARRAY_ACCESS -> "array access";
      case INSTANCE_OF -> "an instanceof test";
      case STRING_LITERAL -> "a string literal";
      case CHAR_LITERAL -> "a char literal";
      case BOOLEAN_LITERAL -> "a boolean literal";
      case NULL_LITERAL -> "null";
      case FLOAT_LITERAL -> "a float literal";
      case REMAINDER -> "the '%' operator";
      case LESS_THAN -> "the '<' comparison";
      case LESS_THAN_EQUAL -> "the '<=' comparison";
      case GREATER_THAN -> "the '>' comparison";
      case GREATER_THAN_EQUAL -> "the '>=' comparison";
      case EQUAL_TO -> "the '==' comparison";
      case NOT_EQUAL_TO -> "the '!=' comparison";
      case CONDITIONAL_AND -> "the '&&' operator";
      case CONDITIONAL_OR -> "the '||' operator";
      case LOGICAL_COMPLEMENT -> "the '!' operator";
      case BITWISE_COMPLEMENT -> "the '~' operator";
      case AND -> "the '&' operator";
      case OR -> "the '|' operator";
      case XOR -> "the '^' operator";
      case LEFT_SHIFT, RIGHT_SHIFT, UNSIGNED_RIGHT_SHIFT -> "a shift operator";
      case REMAINDER_ASSIGNMENT -> "the '%=' operator";
      case AND_ASSIGNMENT, OR_ASSIGNMENT, XOR_ASSIGNMENT -> "a bitwise compound assignment";
      case LEFT_SHIFT_ASSIGNMENT, RIGHT_SHIFT_ASSIGNMENT, UNSIGNED_RIGHT_SHIFT_ASSIGNMENT ->
          "a shift compound assignment";
      case PREFIX_INCREMENT, POSTFIX_INCREMENT -> "'++' inside an expression";
      case PREFIX_DECREMENT, POSTFIX_DECREMENT -> "'--' inside an expression";
      default -> "'" + tree.getKind().name().toLowerCase().replace('_', ' ') + "'";
    };
  }
}
