package dev.chainrule.processor.emit;

import com.palantir.javapoet.MethodSpec;
import dev.chainrule.processor.ir.SourceLine;

/**
 * Heads each run of generated lines with the source line it comes from: {@code // line 12: ...}.
 */
final class SourceComments {
  private final MethodSpec.Builder method;
  private SourceLine current;

  SourceComments(MethodSpec.Builder method) {
    this.method = method;
  }

  void before(SourceLine line) {
    if (!line.equals(current)) {
      method.addComment("line $L: $L", line.number(), line.text());
      current = line;
    }
  }

  /** Comments for a nested block: the first line inside is named again. */
  SourceComments nested() {
    return new SourceComments(method);
  }

  /** After a block: the next line is named again, even if it is the one before the block. */
  void reset() {
    current = null;
  }
}
