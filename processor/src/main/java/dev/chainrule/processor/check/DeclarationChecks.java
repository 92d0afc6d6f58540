package dev.chainrule.processor.check;

import com.palantir.javapoet.ClassName;
import dev.chainrule.processor.GeneratedNames;
import dev.chainrule.processor.ir.Function;
import dev.chainrule.processor.ir.Type;
import dev.chainrule.processor.read.References;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/** Checks a @Differentiable method's declaration: what it is, what it takes, what it returns. */
public final class DeclarationChecks {
  private DeclarationChecks() {}

  public static void check(ExecutableElement method, ValidationReport report) {
    String name = describe(method);
    if (!isNameable(method.getEnclosingElement())) {
      report.add(Problem.at(method, Messages.notNameable(name)));
    }
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      report.add(Problem.at(method, Messages.notStatic(name)));
    }
    if (method.getModifiers().contains(Modifier.ABSTRACT)
        || method.getModifiers().contains(Modifier.NATIVE)) {
      report.add(Problem.at(method, Messages.noBody(name)));
    }
    if (method.getReturnType().getKind() == TypeKind.ERROR) {
      report.markUnresolved(); // javac reports the unknown type
    } else if (method.getReturnType().getKind() != TypeKind.DOUBLE) {
      report.add(Problem.at(method, Messages.returnType(name, method.getReturnType().toString())));
    }
    if (method.isVarArgs()) {
      report.add(Problem.at(method, Messages.varargs(name)));
    }
    checkParameters(method, report);
    checkWrt(method, report);
  }

  /** Each name {@code wrt} lists is a double or double[] parameter, listed once. */
  private static void checkWrt(ExecutableElement method, ValidationReport report) {
    Map<String, VariableElement> parameters = new LinkedHashMap<>();
    method.getParameters().forEach(p -> parameters.put(p.getSimpleName().toString(), p));
    Set<String> seen = new HashSet<>();
    for (References.Listed listed : References.wrt(method)) {
      VariableElement parameter = parameters.get(listed.name());
      Type type = parameter == null ? null : Type.of(parameter.asType());
      String problem = null;
      if (!seen.add(listed.name())) {
        problem = Messages.wrtTwice(listed.name());
      } else if (parameter == null) {
        problem = Messages.wrtUnknown(describe(method), listed.name(), parameters.keySet());
      } else if (type == null) {
        continue; // an unsupported type: reported on the parameter, or unresolved and by javac
      } else if (!type.hasGradient()) {
        problem = Messages.wrtConstant(listed.name(), parameter.asType().toString());
      }
      if (problem != null) {
        report.add(Problem.at(method, listed.annotation(), listed.value(), problem));
      }
    }
  }

  private static void checkParameters(ExecutableElement method, ValidationReport report) {
    Map<String, VariableElement> byAccessor = new HashMap<>();
    Set<String> wrt = References.wrtNames(method);
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      VariableElement parameter = parameters.get(i);
      Type type = Type.of(parameter.asType());
      boolean reportedAsVarargs = method.isVarArgs() && i == parameters.size() - 1;
      if (parameter.asType().getKind() == TypeKind.ERROR) {
        report.markUnresolved(); // javac reports the unknown type
        continue;
      }
      if (type == null && !reportedAsVarargs) {
        String typeName = parameter.asType().toString();
        report.add(
            Problem.at(
                parameter, Messages.parameterType(parameter.getSimpleName().toString(), typeName)));
        continue;
      }
      if (!Function.differentiates(wrt, parameter.getSimpleName().toString(), type)) {
        continue; // no accessor
      }
      String accessor = GeneratedNames.gradientAccessor(parameter.getSimpleName().toString());
      VariableElement previous = byAccessor.putIfAbsent(accessor, parameter);
      if (previous != null) {
        report.add(
            Problem.at(
                parameter,
                Messages.accessorClash(
                    parameter.getSimpleName().toString(),
                    previous.getSimpleName().toString(),
                    accessor)));
      }
    }
  }

  /** Reports that {@code method}'s generated class is also another method's. */
  public static void checkGeneratedName(
      ExecutableElement method,
      ClassName className,
      List<ExecutableElement> sharing,
      ValidationReport report) {
    for (ExecutableElement other : sharing) {
      if (other != method) {
        // Overloads share a name: only their signatures tell them apart.
        boolean overloads = describe(method).equals(describe(other));
        report.add(
            Problem.at(
                method,
                Messages.generatedNameClash(
                    overloads ? signature(method) : describe(method),
                    className.canonicalName(),
                    overloads ? signature(other) : describe(other))));
      }
    }
  }

  /** Whether the generated class can refer to the class: top-level, or members all the way up. */
  private static boolean isNameable(Element type) {
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getNestingKind() != NestingKind.TOP_LEVEL && t.getNestingKind() != NestingKind.MEMBER) {
        return false;
      }
    }
    return true;
  }

  /** {@code Outer.Inner.m}, for messages. */
  public static String describe(ExecutableElement method) {
    return String.join(".", References.ownerNames(method)) + "." + method.getSimpleName();
  }

  /** {@code Outer.Inner.m(double, int)}: tells overloads apart. */
  public static String signature(ExecutableElement method) {
    return describe(method)
        + method.getParameters().stream()
            .map(p -> p.asType().toString())
            .collect(Collectors.joining(", ", "(", ")"));
  }
}
