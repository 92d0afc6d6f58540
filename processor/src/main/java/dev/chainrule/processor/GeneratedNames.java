package dev.chainrule.processor;

import com.palantir.javapoet.ClassName;
import dev.chainrule.processor.read.References;
import javax.lang.model.element.ExecutableElement;

/**
 * The public names the contract pins: the generated class, the gradient accessors and tangent's
 * direction parameters. Every stage uses them, so they live beside the processor.
 */
public final class GeneratedNames {
  private GeneratedNames() {}

  /**
   * {@code p.C_m} for method {@code m} of {@code p.C}; {@code p.C_D_m} for a nested {@code C.D}.
   */
  public static ClassName generatedClass(ExecutableElement method) {
    return ClassName.get(
        References.packageOf(method),
        String.join("_", References.ownerNames(method)) + "_" + method.getSimpleName());
  }

  /**
   * {@code gradX} for parameter {@code x}: "grad" and the name with its first letter upper-cased.
   */
  public static String gradientAccessor(String parameter) {
    int first = parameter.codePointAt(0);
    return "grad"
        + new String(Character.toChars(Character.toUpperCase(first)))
        + parameter.substring(Character.charCount(first));
  }

  /** {@code xDot} for parameter {@code x}: the name of its direction in {@code tangent}. */
  public static String tangentParameter(String parameter) {
    return parameter + "Dot";
  }
}
