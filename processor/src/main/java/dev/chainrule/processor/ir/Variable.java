package dev.chainrule.processor.ir;

/**
 * A parameter or local variable of the user's method. Two locals may share a name (declared in
 * sibling blocks), so identity is the declaration: {@code id} numbers declarations in source order.
 */
public record Variable(int id, String name, Type type) {}
