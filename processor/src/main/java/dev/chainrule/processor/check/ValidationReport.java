package dev.chainrule.processor.check;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks found wrong with one method. Nothing is generated for a method whose report is
 * not clean; every problem is reported, so the user sees them all in one build.
 *
 * <p>A method whose code javac could not attribute (it has compile errors of its own) is
 * <em>unresolved</em>: javac reports those errors, and chainrule adds none about code it could not
 * understand.
 */
public final class ValidationReport {
  private final List<Problem> problems = new ArrayList<>();
  private boolean unresolved;

  public void add(Problem problem) {
    problems.add(problem);
  }

  /** Notes that part of the method has no type, because javac found errors in it. */
  public void markUnresolved() {
    unresolved = true;
  }

  public boolean isClean() {
    return problems.isEmpty() && !unresolved;
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
