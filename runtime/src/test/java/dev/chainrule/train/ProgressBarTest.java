package dev.chainrule.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private static final long SECOND = 1_000_000_000L;

  private final StringWriter screen = new StringWriter();
  private final long[] now = {0};
  private final ProgressBar bar = new ProgressBar(new PrintWriter(screen), () -> now[0]);

  @Test
  void aShortRunNeverShowsTheBar() {
    now[0] = SECOND - 1;
    assertFalse(bar.due());
    bar.clear();
    assertEquals("", screen.toString());
  }

  @Test
  void aLongRunDrawsInPlaceAtMostTenTimesASecondAndErasesAtTheEnd() {
    now[0] = SECOND;
    assertTrue(bar.due());
    bar.draw(5, 10, "epoch 1/2");
    String first = "[###############...............]  50% epoch 1/2";
    assertEquals("\r" + first, screen.toString());

    now[0] += SECOND / 20;
    assertFalse(bar.due(), "no redraw within 100 ms");

    now[0] += SECOND / 10;
    assertTrue(bar.due());
    bar.draw(10, 10, "done");
    String second = "[##############################] 100% done";
    String padding = " ".repeat(first.length() - second.length());
    assertEquals("\r" + first + "\r" + second + padding, screen.toString());

    bar.clear();
    assertTrue(screen.toString().endsWith("\r" + " ".repeat(second.length()) + "\r"));
  }

  @Test
  void logLinesClearTheBarFirst() {
    List<String> events = new ArrayList<>();
    now[0] = 5 * SECOND;
    try (ProgressLog log =
        new ProgressLog(
            Optional.of(line -> events.add("screen=" + screen + " line=" + line)),
            1,
            Optional.of(bar),
            2,
            4)) {
      log.examples(1, 2);
      log.epoch(1, 0.5);
    }
    String drawn = "\r[#######.......................]  25% epoch 1/2";
    String erased = "\r" + " ".repeat(drawn.length() - 1) + "\r";
    assertEquals(List.of("screen=" + drawn + erased + " line=epoch 1/2  loss 0.500000"), events);
  }

  @Test
  void byDefaultThereIsNoBarWithoutATerminal() {
    assumeTrue(System.console() == null, "this test runs with output redirected, as in CI");
    assertEquals(Optional.empty(), ProgressBar.open(ProgressBar.Mode.AUTO));
    assertEquals(Optional.empty(), ProgressBar.open(ProgressBar.Mode.NEVER));
    assertTrue(ProgressBar.open(ProgressBar.Mode.ALWAYS).isPresent());
  }
}
