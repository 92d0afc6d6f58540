package dev.chainrule.benchmarks;

import java.util.List;

/** The workloads by the name the benchmark's {@code workload} parameter and the table use. */
public final class Workloads {
  private Workloads() {}

  /** Every workload's name, in the order of the benchmark's parameter and of the table. */
  public static final List<String> NAMES = List.of("and-gate", "chain", "xor");

  /** A new instance, with its own workspaces, of the workload called {@code name}. */
  public static Workload create(String name) {
    return switch (name) {
      case "and-gate" -> new AndGate();
      case "chain" -> new Chain();
      case "xor" -> new Xor();
      default -> throw new IllegalArgumentException("no workload called " + name + "; " + NAMES);
    };
  }
}
