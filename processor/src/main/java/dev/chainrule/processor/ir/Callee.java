package dev.chainrule.processor.ir;

/** What a call step calls: a function of {@code Math} or {@code StrictMath}, or a user's method. */
public sealed interface Callee permits MathClass, MethodRef {
  /** How the user writes the call's target: {@code Math}, {@code Helpers.square}. */
  String displayName();
}
