package dev.chainrule.processor.ir;

/**
 * An argument of a {@link Step}: a value computed by the trace, or a constant written in the
 * source.
 */
public sealed interface Operand permits Value, Literal, Constant {
  Type type();
}
