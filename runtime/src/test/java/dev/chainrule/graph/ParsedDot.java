package dev.chainrule.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads back the DOT text {@link Dot} writes, so tests check a picture's structure (nodes, fields,
 * edges, labels, with escapes undone) rather than compare it with a long string. Any line it does
 * not recognise fails the parse, so a malformed statement cannot slip through.
 */
public record ParsedDot(String name, Map<String, Node> nodes, List<Edge> edges) {
  /** A node: its fields if it is a record, else a single field holding its label. */
  public record Node(String id, boolean record, List<String> fields) {}

  /** An edge, with its label or null. */
  public record Edge(String from, String to, String label) {}

  private static final Pattern HEADER = Pattern.compile("digraph \"((?:[^\"\\\\]|\\\\.)*)\" \\{");
  private static final Pattern RECORD =
      Pattern.compile("  \"(\\w+)\" \\[shape=record, label=\"\\{ ((?:[^\"\\\\]|\\\\.)*) \\}\"\\];");
  private static final Pattern NODE =
      Pattern.compile("  \"(\\w+)\" \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"\\];");
  private static final Pattern EDGE =
      Pattern.compile("  \"(\\w+)\" -> \"(\\w+)\"(?: \\[label=\"((?:[^\"\\\\]|\\\\.)*)\"\\])?;");

  public static ParsedDot parse(String dot) {
    List<String> lines = dot.lines().toList();
    Matcher header = HEADER.matcher(lines.get(0));
    if (!header.matches()) {
      throw new IllegalArgumentException("not a digraph header: " + lines.get(0));
    }
    if (!lines.get(lines.size() - 1).equals("}")) {
      throw new IllegalArgumentException("no closing brace: " + lines.get(lines.size() - 1));
    }
    Map<String, Node> nodes = new LinkedHashMap<>();
    List<Edge> edges = new ArrayList<>();
    for (String line : lines.subList(1, lines.size() - 1)) {
      Matcher m;
      if (line.equals("  rankdir=LR;") || line.equals("  node [fontname=\"Helvetica\"];")) {
        continue;
      } else if ((m = RECORD.matcher(line)).matches()) {
        add(nodes, new Node(m.group(1), true, fields(m.group(2))));
      } else if ((m = NODE.matcher(line)).matches()) {
        add(nodes, new Node(m.group(1), false, List.of(unescape(m.group(2)))));
      } else if ((m = EDGE.matcher(line)).matches()) {
        edges.add(
            new Edge(m.group(1), m.group(2), m.group(3) == null ? null : unescape(m.group(3))));
      } else {
        throw new IllegalArgumentException("not a statement Dot writes: " + line);
      }
    }
    for (Edge edge : edges) {
      if (!nodes.containsKey(edge.from()) || !nodes.containsKey(edge.to())) {
        throw new IllegalArgumentException("edge to an undeclared node: " + edge);
      }
    }
    return new ParsedDot(unescape(header.group(1)), nodes, edges);
  }

  private static void add(Map<String, Node> nodes, Node node) {
    if (nodes.put(node.id(), node) != null) {
      throw new IllegalArgumentException("node declared twice: " + node.id());
    }
  }

  public List<Node> records() {
    return nodes.values().stream().filter(Node::record).toList();
  }

  public List<Node> plainNodes() {
    return nodes.values().stream().filter(node -> !node.record()).toList();
  }

  /** Splits a record label at unescaped {@code |}, then undoes the escapes in each field. */
  private static List<String> fields(String label) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c == '\\') {
        field.append(c).append(label.charAt(++i));
      } else if (c == '|') {
        fields.add(unescape(field.toString().strip()));
        field.setLength(0);
      } else {
        field.append(c);
      }
    }
    fields.add(unescape(field.toString().strip()));
    return fields;
  }

  private static String unescape(String text) {
    StringBuilder plain = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        char next = text.charAt(++i);
        plain.append(next == 'n' ? '\n' : next);
      } else {
        plain.append(c);
      }
    }
    return plain.toString();
  }
}
