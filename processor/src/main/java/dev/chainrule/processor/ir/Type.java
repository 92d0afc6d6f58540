package dev.chainrule.processor.ir;

import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * The primitive types a differentiable method may compute with; only {@link #DOUBLE} carries
 * derivatives.
 */
public enum Type {
  DOUBLE("double"),
  LONG("long"),
  INT("int"),
  BOOLEAN("boolean"),
  /**
   * A parameter, whose elements carry derivatives gathered in {@code gradXs()}, or a local array,
   * whose elements carry derivatives through it.
   */
  DOUBLE_ARRAY("double[]"),
  /** Indices and constants, in a parameter or a local array. */
  INT_ARRAY("int[]");

  private final String javaName;

  Type(String javaName) {
    this.javaName = javaName;
  }

  public String javaName() {
    return javaName;
  }

  /** Whether arithmetic may produce this type: double, long or int. */
  public boolean isNumeric() {
    return this == DOUBLE || this == LONG || this == INT;
  }

  /** A double scalar: the values that have adjoints and tangents of their own. */
  public boolean isDifferentiable() {
    return this == DOUBLE;
  }

  /** A parameter of this type has an accumulated gradient and a tangent direction. */
  public boolean hasGradient() {
    return this == DOUBLE || this == DOUBLE_ARRAY;
  }

  /** The type of an element of an array of this type. */
  public Type elementType() {
    return switch (this) {
      case DOUBLE_ARRAY -> DOUBLE;
      case INT_ARRAY -> INT;
      default -> throw new IllegalArgumentException(this + " is not an array type");
    };
  }

  /** Whether derivatives flow through values of this type: doubles, and double arrays. */
  public boolean carriesDerivatives() {
    return this == DOUBLE || this == DOUBLE_ARRAY;
  }

  public boolean isArray() {
    return this == DOUBLE_ARRAY || this == INT_ARRAY;
  }

  /** Like {@link #of(TypeKind)}, and {@code double[]} and {@code int[]} too. */
  public static Type of(TypeMirror type) {
    if (type instanceof ArrayType array) {
      return switch (array.getComponentType().getKind()) {
        case DOUBLE -> DOUBLE_ARRAY;
        case INT -> INT_ARRAY;
        default -> null;
      };
    }
    return of(type.getKind());
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
