package dev.chainrule.processor.ir;

/** The class a Math-function call goes through. */
public enum MathClass implements Callee {
  MATH("java.lang.Math"),
  STRICT_MATH("java.lang.StrictMath");

  private final String qualifiedName;

  MathClass(String qualifiedName) {
    this.qualifiedName = qualifiedName;
  }

  public String qualifiedName() {
    return qualifiedName;
  }

  public String simpleName() {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  @Override
  public String displayName() {
    return simpleName();
  }

  public static MathClass named(String qualifiedName) {
    for (MathClass candidate : values()) {
      if (candidate.qualifiedName.equals(qualifiedName)) {
        return candidate;
      }
    }
    return null;
  }
}
