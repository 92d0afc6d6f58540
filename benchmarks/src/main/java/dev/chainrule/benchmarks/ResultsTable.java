package dev.chainrule.benchmarks;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.DoublePredicate;

/**
 * Writes the Markdown table of a {@link GradientBenchmark} run from JMH's JSON result: the time per
 * gradient of every baseline, then issue 5's targets as ratios between baselines measured in the
 * same run, each marked met or missed.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.chainrule.benchmarks.ResultsTable results.json
 * </pre>
 *
 * <p>Allocation per gradient ({@code gc.alloc.rate.norm}) is shown when the run used {@code -prof
 * gc}.
 */
public final class ResultsTable {
  private ResultsTable() {}

  /** The benchmark methods, in the table's column order, with their column headings. */
  private static final List<String> METHODS =
      List.of("primal", "handWritten", "reverse", "forwardMode", "value", "hipparchus");

  private static final List<String> HEADINGS =
      List.of(
          "primal",
          "hand-written",
          "chainrule reverse",
          "chainrule forward",
          "Value",
          "Hipparchus");

  /** One measurement: mean time per call, its 99.9% error, bytes allocated per call (or NaN). */
  record Score(double nanos, double error, double bytes) {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: ResultsTable results.json   (JMH's -rf json -rff results.json)");
      System.exit(2);
    }
    try (Reader reader = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
      System.out.print(markdown(read(reader)));
    }
  }

  /** workload → benchmark method → score, from JMH's JSON array of results. */
  static Map<String, Map<String, Score>> read(Reader json) {
    Map<String, Map<String, Score>> scores = new HashMap<>();
    for (JsonElement element : JsonParser.parseReader(json).getAsJsonArray()) {
      JsonObject result = element.getAsJsonObject();
      String benchmark = result.get("benchmark").getAsString();
      String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
      String workload = result.getAsJsonObject("params").get("workload").getAsString();
      JsonObject primary = result.getAsJsonObject("primaryMetric");
      double bytes = Double.NaN;
      JsonObject secondary = result.getAsJsonObject("secondaryMetrics");
      if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
        bytes = secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble();
      }
      Score score =
          new Score(
              nanos(primary.get("score").getAsDouble(), primary),
              nanos(number(primary.get("scoreError")), primary),
              bytes);
      scores.computeIfAbsent(workload, k -> new HashMap<>()).put(method, score);
    }
    return scores;
  }

  /** JMH writes "NaN" as a string when a single iteration leaves the error undefined. */
  private static double number(JsonElement element) {
    String text = element.getAsString();
    return text.equals("NaN") ? Double.NaN : Double.parseDouble(text);
  }

  private static double nanos(double value, JsonObject primary) {
    String unit = primary.get("scoreUnit").getAsString();
    return switch (unit) {
      case "ns/op" -> value;
      case "us/op" -> value * 1e3;
      case "ms/op" -> value * 1e6;
      default -> throw new IllegalArgumentException("expected a time per operation, got " + unit);
    };
  }

  static String markdown(Map<String, Map<String, Score>> scores) {
    List<String> workloads = Workloads.NAMES.stream().filter(scores::containsKey).toList();
    StringBuilder out = new StringBuilder();
    out.append("Time per gradient in ns (mean ± 99.9% confidence half-width); bytes allocated per")
        .append(" gradient below it.\n\n");
    out.append("| workload | inputs | ").append(String.join(" | ", HEADINGS)).append(" |\n");
    out.append("| --- | ---: |").append(" ---: |".repeat(HEADINGS.size())).append('\n');
    for (String workload : workloads) {
      Map<String, Score> row = scores.get(workload);
      out.append("| ").append(workload).append(" | ").append(inputs(workload)).append(" |");
      for (String method : METHODS) {
        out.append(' ').append(cell(row.get(method))).append(" |");
      }
      out.append('\n');
    }
    out.append("\nTargets (issue 5), as ratios of times in the same run:\n\n");
    out.append("| workload | reverse / primal (≤ 3) | reverse / hand-written (≤ 1.3)")
        .append(" | Value / reverse (≥ 30) | Hipparchus / reverse (> 1 above 10 inputs)")
        .append(" | forward / reverse | reverse allocation (0 B) |\n");
    out.append("| --- | --- | --- | --- | --- | --- | --- |\n");
    boolean harnessResidue = false;
    for (String workload : workloads) {
      Map<String, Score> row = scores.get(workload);
      double reverse = nanos(row.get("reverse"));
      double hipparchus = nanos(row.get("hipparchus")) / reverse;
      Score reverseScore = row.get("reverse");
      double bytes = reverseScore == null ? Double.NaN : reverseScore.bytes();
      out.append("| ")
          .append(workload)
          .append(" | ")
          .append(target(reverse / nanos(row.get("primal")), r -> r <= 3))
          .append(" | ")
          .append(target(reverse / nanos(row.get("handWritten")), r -> r <= 1.3))
          .append(" | ")
          .append(target(nanos(row.get("value")) / reverse, r -> r >= 30))
          .append(" | ")
          .append(
              inputs(workload) > 10
                  ? target(hipparchus, r -> r > 1)
                  : format("%.2f", hipparchus) + " (n/a: " + inputs(workload) + " inputs)")
          .append(" | ")
          .append(format("%.2f", nanos(row.get("forwardMode")) / reverse))
          .append(" | ")
          .append(allocation(bytes))
          .append(" |\n");
      harnessResidue |= bytes >= 0.5 && bytes < SMALLEST_OBJECT;
    }
    if (harnessResidue) {
      out.append("\n\\* Under ")
          .append(SMALLEST_OBJECT)
          .append(" B, the smallest Java object, per gradient: not an allocation per call but")
          .append(" JMH's own. `gc.alloc.rate.norm` divides all the JVM allocated in an iteration,")
          .append(" the harness's few kilobytes included, by the iteration's calls, and a slow")
          .append(" gradient makes few calls. `ReverseAllocationTest` counts the calling thread's")
          .append(" bytes exactly and finds 0 for every workload.\n");
    }
    List<String> rosenbrock =
        workloads.stream().filter(name -> name.startsWith(ROSENBROCK)).toList();
    if (!rosenbrock.isEmpty()) {
      growth(out, rosenbrock, scores);
    }
    return out.toString();
  }

  /** The prefix of the Rosenbrock workloads' names, {@code rosenbrock-n}. */
  private static final String ROSENBROCK = "rosenbrock-";

  /**
   * How Rosenbrock's times grow with n: each baseline's time at each n, then the ratios to reverse
   * mode, then, for each decade of n, the growth exponent log(t₂/t₁) / log(n₂/n₁): 1 for a time
   * linear in n, 2 for quadratic, 0 for a flat ratio.
   */
  private static void growth(
      StringBuilder out, List<String> workloads, Map<String, Map<String, Score>> scores) {
    out.append("\nRosenbrock, growth in n: time per gradient in ns at each n, and the growth")
        .append(" exponent over each step of n, log(t₂ / t₁) / log(n₂ / n₁)")
        .append(" (1 is linear in n, 2 quadratic; 0 is a flat ratio):\n\n");
    int[] n = workloads.stream().mapToInt(ResultsTable::inputs).toArray();
    out.append("| |");
    for (int size : n) {
      out.append(" n = ").append(size).append(" |");
    }
    for (int i = 1; i < n.length; i++) {
      out.append(" exponent ").append(n[i - 1]).append(" → ").append(n[i]).append(" |");
    }
    out.append("\n| --- |").append(" ---: |".repeat(2 * n.length - 1)).append('\n');
    for (int m = 0; m < METHODS.size(); m++) {
      String method = METHODS.get(m);
      double[] times =
          workloads.stream().mapToDouble(w -> nanos(scores.get(w).get(method))).toArray();
      growthRow(out, HEADINGS.get(m), times, n, ResultsTable::significant);
    }
    String[][] ratios = {
      {"reverse / primal", "reverse", "primal"},
      {"reverse / hand-written", "reverse", "handWritten"},
      {"Hipparchus / reverse", "hipparchus", "reverse"},
      {"chainrule forward / reverse", "forwardMode", "reverse"},
      {"Value / reverse", "value", "reverse"}
    };
    for (String[] ratio : ratios) {
      double[] values =
          workloads.stream()
              .mapToDouble(
                  w -> nanos(scores.get(w).get(ratio[1])) / nanos(scores.get(w).get(ratio[2])))
              .toArray();
      growthRow(out, ratio[0], values, n, r -> format("%.2f", r));
    }
    double[] reverse =
        workloads.stream().mapToDouble(w -> nanos(scores.get(w).get("reverse"))).toArray();
    if (n.length >= 2) {
      double last = exponent(reverse, n, n.length - 1);
      out.append("\nReverse mode grows linearly in n (exponent ≤ 1.2 from n = ")
          .append(n[n.length - 2])
          .append(" to ")
          .append(n[n.length - 1])
          .append("): ")
          .append(target(last, e -> e <= 1.2))
          .append(".\n");
    }
  }

  private static void growthRow(
      StringBuilder out, String label, double[] values, int[] n, DoubleFunction<String> formatter) {
    out.append("| ").append(label).append(" |");
    for (double value : values) {
      out.append(' ').append(Double.isNaN(value) ? "—" : formatter.apply(value)).append(" |");
    }
    for (int i = 1; i < n.length; i++) {
      double exponent = exponent(values, n, i);
      out.append(' ').append(Double.isNaN(exponent) ? "—" : format("%.2f", exponent)).append(" |");
    }
    out.append('\n');
  }

  /** log(v[i] / v[i − 1]) / log(n[i] / n[i − 1]). */
  private static double exponent(double[] values, int[] n, int i) {
    return Math.log(values[i] / values[i - 1]) / Math.log((double) n[i] / n[i - 1]);
  }

  /** Bytes: an allocation per call is at least one object, 16 bytes with compressed headers. */
  private static final int SMALLEST_OBJECT = 16;

  private static String allocation(double bytes) {
    if (Double.isNaN(bytes)) {
      return "not measured (run with -prof gc)";
    }
    if (bytes < 0.5) {
      return format("%.0f B met", bytes);
    }
    if (bytes < SMALLEST_OBJECT) {
      return format("%.1f B met\\*", bytes);
    }
    return format("%.0f B **missed**", bytes);
  }

  private static int inputs(String workload) {
    return Workloads.create(workload).inputs();
  }

  private static double nanos(Score score) {
    return score == null ? Double.NaN : score.nanos();
  }

  private static String cell(Score score) {
    if (score == null) {
      return "—";
    }
    String time = format("%s ± %s", significant(score.nanos()), significant(score.error()));
    return Double.isNaN(score.bytes()) ? time : time + "<br>" + format("%.0f B", score.bytes());
  }

  /** Three significant figures, at least: 2.34, 23.4, 234, 2345. */
  private static String significant(double value) {
    if (Double.isNaN(value)) {
      return "?";
    }
    double magnitude = Math.abs(value);
    return format(magnitude >= 100 ? "%.0f" : magnitude >= 10 ? "%.1f" : "%.2f", value);
  }

  private static String target(double ratio, DoublePredicate met) {
    if (Double.isNaN(ratio)) {
      return "not measured";
    }
    return format("%.2f ", ratio) + (met.test(ratio) ? "met" : "**missed**");
  }

  private static String format(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
