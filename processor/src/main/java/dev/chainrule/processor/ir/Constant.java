package dev.chainrule.processor.ir;

import java.util.List;

/**
 * A {@code static final} field read by the method, such as {@code Math.PI}; generated code reads it
 * by name.
 *
 * @param classNames the simple names of the field's class, outermost first
 */
public record Constant(String packageName, List<String> classNames, String field, Type type)
    implements Expr, Operand {
  public Constant {
    classNames = List.copyOf(classNames);
  }

  /** {@code Outer.Inner.FIELD}, as the user would write it after an import. */
  public String displayName() {
    return String.join(".", classNames) + "." + field;
  }
}
