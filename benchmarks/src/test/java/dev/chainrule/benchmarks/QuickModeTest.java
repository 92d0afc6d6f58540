package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The quick mode's harness half: every benchmark runs once through JMH, in this JVM, for a few
 * milliseconds, and its JSON result turns into the README's table. A smoke test, not a timing one:
 * the numbers it sees are meaningless.
 *
 * <p>It runs the workloads of at most {@value #QUICK_INPUTS} inputs, so Rosenbrock at n = 10 and
 * 100 but not at 1000 and 10000: there the forward-mode baselines cost n² per gradient, and a
 * single unwarmed call of Hipparchus' at n = 10000 takes seconds. Those two run the same code at a
 * larger n, and {@link GradientAgreementTest} checks their gradients.
 */
class QuickModeTest {
  static final int QUICK_INPUTS = 200;

  static final List<String> QUICK =
      Workloads.NAMES.stream().filter(name -> inputs(name) <= QUICK_INPUTS).toList();

  @Test
  void theQuickModeCoversEveryKindOfWorkload() {
    assertEquals(
        List.of("and-gate", "chain", "xor", "rosenbrock-10", "rosenbrock-100", "mlp"), QUICK);
  }

  @Test
  void theBenchmarkRunsEveryWorkload() throws NoSuchFieldException {
    Param param = GradientBenchmark.class.getField("workload").getAnnotation(Param.class);
    assertEquals(Workloads.NAMES, List.of(param.value()));
  }

  @Test
  void everyBenchmarkRunsAndTheTableIsWritten(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("results.json");
    Options options =
        new OptionsBuilder()
            .include(GradientBenchmark.class.getName())
            .param("workload", QUICK.toArray(String[]::new))
            .forks(0)
            .warmupIterations(0)
            .measurementIterations(1)
            .measurementTime(TimeValue.milliseconds(20))
            .resultFormat(ResultFormatType.JSON)
            .result(json.toString())
            .shouldFailOnError(true)
            .verbosity(VerboseMode.SILENT)
            .build();
    Collection<RunResult> results = new Runner(options).run();
    assertEquals(6 * QUICK.size(), results.size());
    for (RunResult result : results) {
      double score = result.getPrimaryResult().getScore();
      assertTrue(score > 0 && Double.isFinite(score), result.getParams().getBenchmark());
    }

    Map<String, Map<String, ResultsTable.Score>> scores;
    try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      scores = ResultsTable.read(reader);
    }
    String table = ResultsTable.markdown(scores);
    for (String workload : QUICK) {
      assertEquals(6, scores.get(workload).size(), workload);
      assertTrue(table.contains("| " + workload + " | "), table);
    }
    assertFalse(table.contains("—"), table);
    assertFalse(table.contains("rosenbrock-1000 "), table);
    assertTrue(table.contains("Rosenbrock, growth in n"), table);
  }

  private static int inputs(String workload) {
    return Workloads.create(workload).inputs();
  }
}
