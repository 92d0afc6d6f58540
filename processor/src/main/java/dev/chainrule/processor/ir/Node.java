package dev.chainrule.processor.ir;

/** What a {@link Trace}'s body is made of: steps, and branches holding steps of their own. */
public sealed interface Node permits Step, Branch {}
