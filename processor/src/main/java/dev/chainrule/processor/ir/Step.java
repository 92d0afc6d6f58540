package dev.chainrule.processor.ir;

import java.util.List;

/**
 * One operation of a {@link Trace}: {@code result = primitive(args)}, with the source statement it
 * belongs to. Steps are the unit of differentiation: one chain-rule line per active argument.
 */
public record Step(
    Value result, Primitive primitive, List<Operand> args, Callee callee, SourceLine line)
    implements Node {
  public Step {
    args = List.copyOf(args);
  }
}
