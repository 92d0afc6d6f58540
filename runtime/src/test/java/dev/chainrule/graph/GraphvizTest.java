package dev.chainrule.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizTest {
  private static final String DOT = new Dot("g").record("v0", List.of("x", "value 1")).toString();

  @TempDir Path directory;

  @Test
  void withoutGraphvizOnlyTheDotFileIsWrittenAndTheSummarySaysWhy() throws IOException {
    Graphviz missing = new Graphviz("chainrule-no-such-dot-program", Duration.ofSeconds(5));
    assertFalse(missing.isAvailable());
    Path dotFile = directory.resolve("pictures/g.dot");
    Picture picture = missing.write(DOT, dotFile);
    assertEquals(DOT, Files.readString(dotFile));
    assertTrue(picture.svg().isEmpty());
    assertTrue(
        picture.summary().contains("'chainrule-no-such-dot-program' program is not on the PATH"),
        picture.summary());
    assertTrue(picture.summary().contains("install Graphviz"), picture.summary());
    assertFalse(Files.exists(directory.resolve("pictures/g.svg")));
  }

  @Test
  void renderingWithoutGraphvizThrowsAnExceptionThatSaysSo() throws IOException {
    Path dotFile = Files.writeString(directory.resolve("g.dot"), DOT);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new Graphviz(directory.resolve("bin/dot").toString(), Duration.ofSeconds(5))
                    .renderSvg(dotFile, directory.resolve("g.svg")));
    assertTrue(e.getMessage().contains("is not an executable file"), e.getMessage());
  }

  @Test
  void aFailingDotProgramReportsItsExitCodeAndOutput() throws IOException {
    Path fake = script("fake-dot", "echo 'Error: syntax error in line 1' >&2\nexit 3\n");
    Path dotFile = Files.writeString(directory.resolve("g.dot"), DOT);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new Graphviz(fake.toString(), Duration.ofSeconds(10))
                    .renderSvg(dotFile, directory.resolve("g.svg")));
    assertTrue(e.getMessage().contains("exit code 3"), e.getMessage());
    assertTrue(e.getMessage().contains("syntax error in line 1"), e.getMessage());
  }

  @Test
  void aDotProgramThatHangsIsStoppedAtTheTimeout() throws IOException {
    Path slow = script("slow-dot", "exec sleep 30\n");
    Path dotFile = Files.writeString(directory.resolve("g.dot"), DOT);
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                new Graphviz(slow.toString(), Duration.ofMillis(300))
                    .renderSvg(dotFile, directory.resolve("g.svg")));
    assertTrue(e.getMessage().contains("within 300 ms"), e.getMessage());
  }

  @Test
  void withGraphvizTheSvgIsWrittenBesideTheDotFile() throws IOException {
    Graphviz graphviz = new Graphviz();
    assumeTrue(graphviz.isAvailable(), "Graphviz's dot is not installed; SVG path not tested");
    Picture picture = graphviz.write(DOT, directory.resolve("g.dot"));
    Path svg = directory.resolve("g.svg");
    assertEquals(svg, picture.svg().orElseThrow());
    assertTrue(Files.readString(svg).contains("<svg"));
    assertTrue(picture.summary().endsWith(" and " + svg), picture.summary());
  }

  /** A POSIX shell script standing in for dot. */
  private Path script(String name, String body) throws IOException {
    assumeFalse(System.getProperty("os.name", "").startsWith("Windows"), "needs a POSIX shell");
    Path script = directory.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }
}
