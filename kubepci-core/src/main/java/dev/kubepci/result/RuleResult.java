package dev.kubepci.result;

import dev.kubepci.rule.Severity;
import java.util.List;

/**
 * A rule's verdict over the whole input.
 *
 * @param reason why it is NOT_APPLICABLE, NOT_ASSESSED or MANUAL; null otherwise
 * @param failed number of findings (waived ones included)
 * @param passed number of objects that passed
 * @param notes facts for the evidence section
 * @param tables tables of facts the rule gathered
 */
public record RuleResult(
    String id, String name, String title, Severity severity, List<String> requirements, Status status,
    String reason, int failed, int passed, List<String> notes, List<Table> tables) {
  public RuleResult {
    requirements = List.copyOf(requirements);
    notes = List.copyOf(notes);
    tables = List.copyOf(tables);
  }

  public RuleResult withStatus(Status s) {
    return new RuleResult(id, name, title, severity, requirements, s, reason, failed, passed, notes, tables);
  }
}
