package dev.chainrule.processor.read;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.Trees;
import dev.chainrule.processor.ir.SourceLine;
import java.io.IOException;

/** The user's own spelling of a tree, and its line, read from the compilation unit's source. */
final class SourceText {
  private final CompilationUnitTree unit;
  private final SourcePositions positions;
  private final CharSequence content;

  SourceText(Trees trees, CompilationUnitTree unit) {
    this.unit = unit;
    this.positions = trees.getSourcePositions();
    this.content = read(unit);
  }

  private static CharSequence read(CompilationUnitTree unit) {
    try {
      return unit.getSourceFile().getCharContent(true);
    } catch (IOException e) {
      return null; // Fall back to javac's rendering of the tree.
    }
  }

  /** The tree's text as written, with runs of white space folded to one space. */
  String of(Tree tree) {
    long start = positions.getStartPosition(unit, tree);
    long end = positions.getEndPosition(unit, tree);
    String text =
        content != null && start >= 0 && end <= content.length() && start < end
            ? content.subSequence((int) start, (int) end).toString()
            : tree.toString();
    return text.strip().replaceAll("\\s+", " ");
  }

  /** The statement's line number and its text, ending in a semicolon as written. */
  SourceLine lineOf(Tree statement) {
    String text = of(statement);
    return lineOf(statement, text.endsWith(";") ? text : text + ";");
  }

  /** The statement's line number, quoted by another text, such as a branch's header. */
  SourceLine lineOf(Tree statement, String text) {
    long line = unit.getLineMap().getLineNumber(positions.getStartPosition(unit, statement));
    // Generated comments quote this text, and javac decodes unicode escapes even in comments:
    // with every backslash doubled, none of them can start one.
    return new SourceLine(line, text.replace("\\", "\\\\"));
  }
}
