package dev.chainrule.processor.ir;

/**
 * The statement of the user's method that an IR node came from: its line in the source file and its
 * text folded onto one line, so generated code can say which line each block differentiates.
 */
public record SourceLine(long number, String text) {}
