package dev.chainrule.processor.ir;

/**
 * A value in a {@link Trace}: a parameter, one assignment of a user's variable, or an intermediate
 * of a nested expression. Each is assigned once. {@code name} is a suggestion that emission makes
 * unique; {@code id} is the identity.
 */
public record Value(int id, String name, Type type) implements Operand {}
