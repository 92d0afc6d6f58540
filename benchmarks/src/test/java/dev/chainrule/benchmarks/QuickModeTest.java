package dev.chainrule.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
 */
class QuickModeTest {
  @Test
  void everyBenchmarkRunsAndTheTableIsWritten(@TempDir Path dir) throws Exception {
    Path json = dir.resolve("results.json");
    Options options =
        new OptionsBuilder()
            .include(GradientBenchmark.class.getName())
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
    assertEquals(6 * Workloads.NAMES.size(), results.size());
    for (RunResult result : results) {
      double score = result.getPrimaryResult().getScore();
      assertTrue(score > 0 && Double.isFinite(score), result.getParams().getBenchmark());
    }

    Map<String, Map<String, ResultsTable.Score>> scores;
    try (Reader reader = Files.newBufferedReader(json, StandardCharsets.UTF_8)) {
      scores = ResultsTable.read(reader);
    }
    String table = ResultsTable.markdown(scores);
    for (String workload : Workloads.NAMES) {
      assertEquals(6, scores.get(workload).size(), workload);
      assertTrue(table.contains("| " + workload + " | "), table);
    }
    assertFalse(table.contains("—"), table);
  }
}
