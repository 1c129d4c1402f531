package dev.kubepci.result;

import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import java.util.List;

/**
 * A rule's verdict over the whole input, with the rule's description so that every report can explain it.
 *
 * @param reason why it is NOT_APPLICABLE, NOT_ASSESSED or MANUAL; null otherwise
 * @param failed number of findings (waived ones included)
 * @param passed number of objects that passed
 * @param notes facts for the evidence section
 * @param tables tables of facts the rule gathered
 * @param rationale why the rule matters (null when not known)
 * @param remediation how to fix a failure (null when not known)
 * @param references links to the sources behind the rule
 */
public record RuleResult(
    String id, String name, String title, Severity severity, List<String> requirements, Status status,
    String reason, int failed, int passed, List<String> notes, List<Table> tables, String rationale,
    String remediation, List<String> references) {
  public RuleResult {
    requirements = List.copyOf(requirements);
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
    references = references == null ? List.of() : List.copyOf(references);
  }

  /** A result without the rule's description. */
  public RuleResult(
      String id, String name, String title, Severity severity, List<String> requirements, Status status,
      String reason, int failed, int passed, List<String> notes, List<Table> tables) {
    this(id, name, title, severity, requirements, status, reason, failed, passed, notes, tables, null, null, null);
  }

  public RuleResult withStatus(Status s) {
    return new RuleResult(id, name, title, severity, requirements, s, reason, failed, passed, notes, tables,
        rationale, remediation, references);
  }
}
