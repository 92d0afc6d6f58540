package dev.chainrule.processor.emit;

/** Javadoc text for generated code, wrapped so that generated files read well in any editor. */
final class Prose {
  private static final int WIDTH = 92;

  private Prose() {}

  /** Wraps each paragraph (separated by a line break) at spaces; ends with a line break. */
  static String wrap(String text) {
    StringBuilder out = new StringBuilder();
    for (String paragraph : text.split("\n", -1)) {
      int lineStart = out.length();
      for (String word : paragraph.split(" ")) {
        if (out.length() > lineStart && out.length() - lineStart + 1 + word.length() > WIDTH) {
          out.append('\n');
          lineStart = out.length();
        } else if (out.length() > lineStart) {
          out.append(' ');
        }
        out.append(word);
      }
      out.append('\n');
    }
    return out.toString().stripTrailing() + "\n";
  }
}
