package dev.chainrule.processor.check;

import java.util.ArrayList;
import java.util.List;

/**
 * What the checks found wrong with one method. Nothing is generated for a method whose report is
 * not clean; every problem is reported, so the user sees them all in one build.
 */
public final class ValidationReport {
  private final List<Problem> problems = new ArrayList<>();

  public void add(Problem problem) {
    problems.add(problem);
  }

  public boolean isClean() {
    return problems.isEmpty();
  }

  public List<Problem> problems() {
    return List.copyOf(problems);
  }
}
