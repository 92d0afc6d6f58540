package dev.chainrule.graph;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@link Graphviz#write(String, Path)} wrote: always the DOT file, the SVG beside it when
 * Graphviz could draw it, and a sentence saying which, for a program to print.
 *
 * @param dot the DOT file
 * @param svg the SVG file, or empty when Graphviz's {@code dot} program is not installed
 * @param summary what was written and, without an SVG, why not and how to get one
 */
public record Picture(Path dot, Optional<Path> svg, String summary) {}
