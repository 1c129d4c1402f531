package dev.kubepci.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A rule about each namespace that runs workloads ({@link WorkloadNamespace#all}), in name order: its quotas, its
 * admission control, its Pod Security labels against what runs there. Findings are on the namespace's object;
 * without any such namespace the rule is NOT_APPLICABLE. Each namespace is a row of the table the class declares
 * ({@link NamespaceTable}); a namespace the rule cannot judge (its Namespace object is not in the input, say) is
 * {@link RuleContext#undecided undecided}.
 */
public non-sealed interface NamespaceRule extends Rule {
  /** The NOT_APPLICABLE reason without a namespace that runs workloads. */
  String NO_NAMESPACES = "no namespace in the input runs workloads";

  /**
   * What the rule found in one namespace.
   *
   * @param cells its row of the rule's table after the namespace and its number of workloads
   * @param violations empty when it passes
   */
  record Judged(List<String> cells, List<Violation> violations) {
    public Judged {
      cells = List.copyOf(cells);
      violations = List.copyOf(violations);
    }
  }

  Judged check(WorkloadNamespace namespace, RuleContext context);

  /** The table the class declares with {@link NamespaceTable}. */
  @Override
  default List<TableHeader> tables() {
    return List.of(table(this));
  }

  /**
   * The table {@code rule} declares, its columns after {@code namespace} and {@code workloads}.
   *
   * @throws IllegalStateException when the class declares none
   */
  static TableHeader table(NamespaceRule rule) {
    NamespaceTable t = rule.getClass().getAnnotation(NamespaceTable.class);
    if (t == null) {
      throw new IllegalStateException(rule.getClass().getName() + " declares no @NamespaceTable");
    }
    List<String> columns = new ArrayList<>(List.of("namespace", "workloads"));
    columns.addAll(List.of(t.columns()));
    return new TableHeader(t.id(), t.title(), columns);
  }

  /** The row of {@code namespace}: its name, its number of workloads, then what the rule found. */
  static List<String> row(WorkloadNamespace namespace, Judged judged) {
    List<String> row = new ArrayList<>(List.of(namespace.name(), String.valueOf(namespace.workloads().size())));
    row.addAll(Objects.requireNonNull(judged, "judged").cells());
    return row;
  }
}
