package dev.chainrule.processor.ir;

import javax.lang.model.type.TypeKind;

/**
 * The primitive types a differentiable method may compute with; only {@link #DOUBLE} carries
 * derivatives.
 */
public enum Type {
  DOUBLE("double"),
  LONG("long"),
  INT("int"),
  BOOLEAN("boolean");

  private final String javaName;

  Type(String javaName) {
    this.javaName = javaName;
  }

  public String javaName() {
    return javaName;
  }

  /** Whether arithmetic may produce this type: double, long or int. */
  public boolean isNumeric() {
    return this != BOOLEAN;
  }

  public boolean isDifferentiable() {
    return this == DOUBLE;
  }

  /**
   * Maps a javac type kind, or returns null for kinds outside the supported subset (float, char,
   * references).
   */
  public static Type of(TypeKind kind) {
    return switch (kind) {
      case DOUBLE -> DOUBLE;
      case LONG -> LONG;
      case INT -> INT;
      case BOOLEAN -> BOOLEAN;
      default -> null;
    };
  }
}
