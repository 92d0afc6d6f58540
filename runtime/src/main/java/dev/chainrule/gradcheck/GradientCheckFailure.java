package dev.chainrule.gradcheck;

/**
 * A gradient check that failed, as an {@link AssertionError} so that test frameworks report it as a
 * failed assertion; its message is the whole report.
 */
public final class GradientCheckFailure extends AssertionError {
  private static final long serialVersionUID = 1L;

  private final transient GradientReport report;

  GradientCheckFailure(GradientReport report) {
    super(report.toString());
    this.report = report;
  }

  public GradientReport report() {
    return report;
  }
}
