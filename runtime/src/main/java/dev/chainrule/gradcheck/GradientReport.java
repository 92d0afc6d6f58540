package dev.chainrule.gradcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The outcome of a gradient check: for each parameter, the worst relative error over all points,
 * with the claimed and numerical derivatives and the point where it happened. Printed, it shows
 * which parameter's gradient is wrong and where; here the README's {@code Neuron_loss} with the
 * gradient of {@code b} doubled by mistake, checked at 20 random points:
 *
 * <pre>
 * gradient check at 20 points: FAILED for b
 *   parameter  worst error  claimed        numerical      at point
 *   w          2.4e-09      -0.00380305    -0.00380305    (0.540444, -1.49497, -0.0106924, -1.89074)
 *   b          0.50         0.0358807      0.0179403      (-1.16093, 1.30386, -1.31113, 0.34971)   FAILED
 *   x          2.7e-10      0.0271283      0.0271283      (-1.87433, -0.56832, 1.27119, -0.32925)
 *   label      1.9e-11      -3.49939       -3.49939       (0.662196, 1.61349, -0.524868, -0.897008)
 * error = |claimed - numerical| / max(|claimed|, |numerical|, 0.0001 * max(1, |f|)), tolerance
 * 1e-05, central differences with step 6.1e-06 * max(1, |x|)
 * </pre>
 */
public record GradientReport(List<Parameter> parameters, int points, Settings settings) {

  /** How the check was run, for the report's last line. */
  public record Settings(double step, double tolerance, double floor) {}

  /**
   * One parameter's worst case: the relative error (NaN if either derivative was NaN, which counts
   * as the worst), the two derivatives and the point where it happened.
   */
  public record Parameter(
      String name,
      int index,
      double worstError,
      double claimed,
      double numerical,
      double[] point,
      boolean passed) {

    public Parameter {
      point = point.clone();
    }

    @Override
    public double[] point() {
      return point.clone();
    }
  }

  public GradientReport {
    parameters = List.copyOf(parameters);
  }

  /** Whether every parameter's worst error is within the tolerance. */
  public boolean passed() {
    return parameters.stream().allMatch(Parameter::passed);
  }

  /** The parameters whose gradient disagrees with the finite differences. */
  public List<Parameter> failures() {
    return parameters.stream().filter(p -> !p.passed()).collect(Collectors.toList());
  }

  /** The result for the parameter with this name. */
  public Parameter parameter(String name) {
    return parameters.stream()
        .filter(p -> p.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "GradientReport: no parameter named "
                        + name
                        + "; the parameters are "
                        + parameters.stream().map(Parameter::name).collect(Collectors.toList())));
  }

  /**
   * Returns normally if the check passed.
   *
   * @throws GradientCheckFailure with this report as its message, if it did not
   */
  public GradientReport assertPassed() {
    if (!passed()) {
      throw new GradientCheckFailure(this);
    }
    return this;
  }

  @Override
  public String toString() {
    List<Parameter> failures = failures();
    String verdict =
        failures.isEmpty()
            ? "passed"
            : "FAILED for "
                + failures.stream().map(Parameter::name).collect(Collectors.joining(", "));
    int nameWidth = "parameter".length();
    for (Parameter p : parameters) {
      nameWidth = Math.max(nameWidth, p.name().length());
    }
    String row = "  %-" + nameWidth + "s  %-11s  %-13s  %-13s  %s%s%n";
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "gradient check at %d point%s: %s%n",
            points,
            points == 1 ? "" : "s",
            verdict));
    lines.add(
        String.format(
            Locale.ROOT, row, "parameter", "worst error", "claimed", "numerical", "at point", ""));
    for (Parameter p : parameters) {
      lines.add(
          String.format(
              Locale.ROOT,
              row,
              p.name(),
              String.format(Locale.ROOT, "%.2g", p.worstError()),
              String.format(Locale.ROOT, "%.6g", p.claimed()),
              String.format(Locale.ROOT, "%.6g", p.numerical()),
              point(p.point),
              p.passed() ? "" : "   FAILED"));
    }
    lines.add(
        String.format(
            Locale.ROOT,
            "error = |claimed - numerical| / max(|claimed|, |numerical|, %s * max(1, |f|)),"
                + " tolerance %s, central differences with step %s * max(1, |x|)",
            number(settings.floor(), 2),
            number(settings.tolerance(), 2),
            number(settings.step(), 2)));
    return String.join("", lines);
  }

  /** {@code (0.5, -1.25, 3)}, the first eight coordinates of a longer point then {@code ...}. */
  private static String point(double[] x) {
    StringBuilder text = new StringBuilder("(");
    for (int i = 0; i < Math.min(x.length, 8); i++) {
      text.append(i == 0 ? "" : ", ").append(number(x[i], 6));
    }
    return text.append(x.length > 8 ? ", ...)" : ")").toString();
  }

  /** {@code value} to {@code digits} significant digits, without trailing zeros: 0.5, 1e-05. */
  private static String number(double value, int digits) {
    return String.format(Locale.ROOT, "%." + digits + "g", value).replaceAll("\\.?0+(e|$)", "$1");
  }
}
