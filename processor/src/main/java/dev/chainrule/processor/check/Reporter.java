package dev.chainrule.processor.check;

import com.sun.source.util.Trees;
import javax.annotation.processing.Messager;
import javax.tools.Diagnostic;

/** Prints problems as compile errors on the narrowest tree or declaration they concern. */
public final class Reporter {
  private final Trees trees;
  private final Messager messager;

  public Reporter(Trees trees, Messager messager) {
    this.trees = trees;
    this.messager = messager;
  }

  public void report(ValidationReport report) {
    report.problems().forEach(this::report);
  }

  public void report(Problem problem) {
    if (problem.location() instanceof Problem.AtTree at) {
      trees.printMessage(
          Diagnostic.Kind.ERROR,
          problem.message(),
          at.path().getLeaf(),
          at.path().getCompilationUnit());
    } else if (problem.location() instanceof Problem.AtAnnotationValue at) {
      messager.printMessage(
          Diagnostic.Kind.ERROR, problem.message(), at.element(), at.annotation(), at.value());
    } else {
      messager.printMessage(
          Diagnostic.Kind.ERROR,
          problem.message(),
          ((Problem.AtElement) problem.location()).element());
    }
  }
}
