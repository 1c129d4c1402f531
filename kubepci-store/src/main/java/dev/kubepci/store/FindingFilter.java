package dev.kubepci.store;

import java.util.Set;

/**
 * Which findings of an assessment a findings page shows; every null or empty criterion matches everything.
 *
 * @param statuses FAIL and/or WAIVED
 * @param severities CRITICAL, HIGH, MEDIUM, LOW, INFO
 * @param scope cde, connected, shared, out-of-scope
 * @param namespace the object's namespace, exactly
 * @param rule a rule id ({@code KPCI-0009}) or name ({@code host-network})
 * @param practice a practice id ({@code 2.1})
 * @param text found, ignoring case, in the message, the object's name, the field path or the rule name
 */
public record FindingFilter(Set<String> statuses, Set<String> severities, String scope, String namespace,
    String rule, String practice, String text) {
  public static final FindingFilter ALL = new FindingFilter(Set.of(), Set.of(), null, null, null, null, null);

  public FindingFilter {
    statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    severities = severities == null ? Set.of() : Set.copyOf(severities);
  }
}
