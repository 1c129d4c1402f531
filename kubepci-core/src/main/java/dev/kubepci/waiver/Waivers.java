package dev.kubepci.waiver;

import dev.kubepci.model.Glob;
import dev.kubepci.model.ResourceRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The governance rules of waivers and attestations: what makes one valid, and which findings a waiver covers.
 * Pure: the assessment's date comes from the caller.
 */
public final class Waivers {
  private Waivers() {}

  /**
   * Why {@code w} cannot take effect on {@code today} ({@link WaiverOutcome.Expired} or
   * {@link WaiverOutcome.Invalid}), or null when it is valid.
   *
   * @param rules the ids and names of the rules in the catalogue
   * @param practices the ids of the framework's best practices
   */
  public static WaiverOutcome.Rejected rejection(Waiver w, LocalDate today, Set<String> rules,
      Set<String> practices) {
    String problem = malformed(w, rules, practices);
    if (problem != null) {
      return new WaiverOutcome.Invalid(problem);
    }
    return today.isAfter(w.expires()) ? new WaiverOutcome.Expired(w.expires()) : null;
  }

  private static String malformed(Waiver w, Set<String> rules, Set<String> practices) {
    boolean hasRule = !blank(w.rule());
    boolean hasPractice = !blank(w.practice());
    if (hasRule == hasPractice) {
      return hasRule ? "names both a rule and a practice; a waiver covers one of them"
          : "names neither a rule nor a practice";
    }
    if (hasRule && !rules.contains(w.rule())) {
      return "names an unknown rule '" + w.rule() + "'";
    }
    if (hasPractice && !practices.contains(w.practice())) {
      return "names an unknown practice '" + w.practice() + "'";
    }
    if (w.scope() == null || w.scope().isEmpty()) {
      return "has no scope: set namespace, kind or name (name: \"*\" covers every object)";
    }
    if (blank(w.justification())) {
      return "has no justification";
    }
    if (blank(w.approver())) {
      return "has no approver";
    }
    if (w.expires() == null) {
      return "has no expiry date";
    }
    return null;
  }

  /**
   * True when a valid waiver covers a finding of rule {@code ruleId}/{@code ruleName}, counted towards
   * {@code requirements}, on {@code object} (null for a finding about the cluster as a whole).
   */
  public static boolean covers(Waiver w, String ruleId, String ruleName, List<String> requirements,
      ResourceRef object) {
    boolean target = w.rule() != null
        ? w.rule().equals(ruleId) || w.rule().equals(ruleName)
        : requirements.contains(w.practice());
    if (!target) {
      return false;
    }
    Waiver.Scope s = w.scope();
    String ns = object == null ? null : object.namespace();
    String kind = object == null ? null : object.kind();
    String name = object == null ? null : object.name();
    return matches(s.namespace(), ns, false) && matches(s.kind(), kind, true) && matches(s.name(), name, false);
  }

  /** An absent pattern matches anything; {@code *} and {@code ?} are wildcards; a missing value is "". */
  static boolean matches(String pattern, String value, boolean ignoreCase) {
    if (pattern == null) {
      return true;
    }
    String v = value == null ? "" : value;
    String p = pattern;
    if (ignoreCase) {
      v = v.toLowerCase(Locale.ROOT);
      p = p.toLowerCase(Locale.ROOT);
    }
    return Glob.matches(p, v);
  }

  /** Why {@code a} cannot be applied to its practice on {@code today}, or null when it is valid. */
  public static AttestationOutcome.Invalid rejection(Attestation a, LocalDate today, Set<String> practices) {
    String problem = malformed(a, today, practices);
    return problem == null ? null : new AttestationOutcome.Invalid(a, problem);
  }

  private static String malformed(Attestation a, LocalDate today, Set<String> practices) {
    if (blank(a.practice())) {
      return "names no practice";
    }
    if (!practices.contains(a.practice())) {
      return "names an unknown practice '" + a.practice() + "'";
    }
    if (a.verdict() == null) {
      return "has no verdict (PASS, FAIL or NOT_APPLICABLE)";
    }
    if (blank(a.reviewer())) {
      return "has no reviewer";
    }
    if (a.date() == null) {
      return "has no date";
    }
    if (a.date().isAfter(today)) {
      return "is dated " + a.date() + ", after the assessment";
    }
    if (a.evidence().isEmpty()) {
      return "lists no evidence reviewed";
    }
    for (int i = 0; i < a.evidence().size(); i++) {
      if (blank(a.evidence().get(i))) {
        return "has a blank evidence item (item " + (i + 1) + "); each item names what was reviewed";
      }
    }
    return null;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
