package dev.chainrule.processor.check;

import dev.chainrule.processor.check.LanguageFence.CallSite;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;

/**
 * Checks the calls between the {@code @Differentiable} methods of one compilation: a callee must be
 * compiled together with its caller, no call may be recursive, and a method that calls a rejected
 * method is rejected too, so that no generated class refers to one that was never written.
 */
public final class CallChecks {
  private final Map<ExecutableElement, List<CallSite>> calls;
  private final Map<ExecutableElement, ValidationReport> reports;

  private CallChecks(
      Map<ExecutableElement, List<CallSite>> calls,
      Map<ExecutableElement, ValidationReport> reports) {
    this.calls = calls;
    this.reports = reports;
  }

  /** Adds to each method's report the problems of its calls. */
  public static void check(
      Map<ExecutableElement, List<CallSite>> calls,
      Map<ExecutableElement, ValidationReport> reports) {
    CallChecks checks = new CallChecks(calls, reports);
    Set<CallSite> reported = new HashSet<>();
    checks.reportOutsideCompilation(reported);
    checks.reportRecursion(reported);
    checks.reportCallsOfRejected(reported);
  }

  private void reportOutsideCompilation(Set<CallSite> reported) {
    calls.forEach(
        (caller, sites) -> {
          for (CallSite site : sites) {
            if (!reports.containsKey(site.callee())) {
              reports
                  .get(caller)
                  .add(
                      Problem.at(
                          site.path(),
                          Messages.callOutsideCompilation(
                              site.path().getLeaf().toString(),
                              DeclarationChecks.describe(site.callee()))));
              reported.add(site);
            }
          }
        });
  }

  private void reportRecursion(Set<CallSite> reported) {
    calls.forEach(
        (caller, sites) -> {
          for (CallSite site : sites) {
            List<ExecutableElement> back = path(site.callee(), caller);
            if (back != null && reported.add(site)) {
              List<String> cycle = new ArrayList<>();
              cycle.add(DeclarationChecks.describe(caller));
              back.forEach(m -> cycle.add(DeclarationChecks.describe(m)));
              reports
                  .get(caller)
                  .add(
                      Problem.at(
                          site.path(),
                          Messages.recursion(
                              DeclarationChecks.describe(caller), String.join(" → ", cycle))));
            }
          }
        });
  }

  /** Until nothing changes: a call of a method with problems is a problem of the caller's. */
  private void reportCallsOfRejected(Set<CallSite> reported) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Map.Entry<ExecutableElement, List<CallSite>> entry : calls.entrySet()) {
        for (CallSite site : entry.getValue()) {
          ValidationReport callee = reports.get(site.callee());
          if (callee != null && !callee.isClean() && reported.add(site)) {
            reports
                .get(entry.getKey())
                .add(
                    Problem.at(
                        site.path(),
                        Messages.callsRejected(
                            site.path().getLeaf().toString(),
                            DeclarationChecks.describe(site.callee()))));
            changed = true;
          }
        }
      }
    }
  }

  /** The methods a breadth-first walk of calls visits from {@code from} to {@code to}, or null. */
  private List<ExecutableElement> path(ExecutableElement from, ExecutableElement to) {
    Map<ExecutableElement, ExecutableElement> cameFrom = new HashMap<>();
    Deque<ExecutableElement> queue = new ArrayDeque<>(List.of(from));
    cameFrom.put(from, from);
    while (!queue.isEmpty()) {
      ExecutableElement method = queue.removeFirst();
      if (method.equals(to)) {
        List<ExecutableElement> path = new ArrayList<>();
        for (ExecutableElement m = to; ; m = cameFrom.get(m)) {
          path.add(0, m);
          if (m.equals(from)) {
            return path;
          }
        }
      }
      for (CallSite site : calls.getOrDefault(method, List.of())) {
        if (cameFrom.putIfAbsent(site.callee(), method) == null) {
          queue.addLast(site.callee());
        }
      }
    }
    return null;
  }
}
