package dev.chainrule.benchmarks;

import java.util.List;

/** The workloads by the name the benchmark's {@code workload} parameter and the table use. */
public final class Workloads {
  private Workloads() {}

  /** Every workload's name, in the order of the benchmark's parameter and of the table. */
  public static final List<String> NAMES =
      List.of(
          "and-gate",
          "chain",
          "xor",
          "rosenbrock-10",
          "rosenbrock-100",
          "rosenbrock-1000",
          "rosenbrock-10000",
          "mlp");

  /** A new instance, with its own workspaces, of the workload called {@code name}. */
  public static Workload create(String name) {
    return switch (name) {
      case "and-gate" -> new AndGate();
      case "chain" -> new Chain();
      case "xor" -> new Xor();
      case "rosenbrock-10" -> new Rosenbrock(10);
      case "rosenbrock-100" -> new Rosenbrock(100);
      case "rosenbrock-1000" -> new Rosenbrock(1000);
      case "rosenbrock-10000" -> new Rosenbrock(10000);
      case "mlp" -> new Mlp();
      default -> throw new IllegalArgumentException("no workload called " + name + "; " + NAMES);
    };
  }
}
