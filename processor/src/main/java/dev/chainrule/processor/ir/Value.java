package dev.chainrule.processor.ir;

/**
 * A value in a {@link Trace}: a parameter, one assignment of a user's variable, or an intermediate
 * of a nested expression. Each is assigned once. {@code name} is a suggestion that emission makes
 * unique; {@code id} is the identity.
 */
public record Value(int id, String name, Type type, Kind kind) implements Operand {

  /** Where a value comes from, which decides how it is named and stored. */
  public enum Kind {
    PARAMETER,
    /** An assignment to a user's variable. */
    VARIABLE,
    /** An intermediate result inside one statement. */
    TEMPORARY,
    /** The returned expression, when it is not simply a variable. */
    RESULT
  }
}
