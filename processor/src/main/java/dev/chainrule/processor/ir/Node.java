package dev.chainrule.processor.ir;

/**
 * What a {@link Trace}'s body is made of: steps, and branches and loops holding nodes of their own.
 */
public sealed interface Node permits Step, Branch, Loop {}
