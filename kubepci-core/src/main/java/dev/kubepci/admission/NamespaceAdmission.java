package dev.kubepci.admission;

import dev.kubepci.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every admission mechanism that acts on the pods of one namespace, enforcing or only reporting, with the
 * mechanisms that skip the namespace altogether.
 *
 * @param mechanisms in a stable order: Pod Security admission first, then each engine's policies in input order
 * @param exclusions why a mechanism that would otherwise apply skips this namespace
 */
public record NamespaceAdmission(NamespaceView namespace, PodSecurityLabels podSecurity,
    List<Enforcement> mechanisms, List<String> exclusions) {

  public NamespaceAdmission {
    mechanisms = List.copyOf(mechanisms);
    exclusions = List.copyOf(new LinkedHashSet<>(exclusions));
  }

  /** The mechanisms that reject violating pods here. */
  public List<Enforcement> restricting() {
    return mechanisms.stream().filter(Enforcement::restricts).toList();
  }

  /** Enforcing policies whose engine is not in the input: whether they act cannot be confirmed. */
  public List<Enforcement> unconfirmed() {
    return mechanisms.stream().filter(e -> e.enforcing() && !e.engineSeen()).toList();
  }

  /** Policies that would restrict pods here but only audit, warn or dry-run. */
  public List<Enforcement> reportingOnly() {
    return mechanisms.stream().filter(e -> !e.enforcing() && (e.level() != null && e.level() != PssLevel.PRIVILEGED
        || !e.controls().isEmpty())).toList();
  }

  /** The union of controls enforced here. */
  public Set<String> controls() {
    Set<String> out = new TreeSet<>();
    restricting().forEach(e -> out.addAll(e.controls()));
    return out;
  }

  /** The Pod Security level the enforcing mechanisms amount to together, or null when they cover less. */
  public PssLevel level() {
    PssLevel best = null;
    for (Enforcement e : restricting()) {
      if (e.level() != null && (best == null || e.level().compareTo(best) > 0)) {
        best = e.level();
      }
    }
    PssLevel combined = SecurityControls.levelOf(controls());
    if (combined != null && (best == null || combined.compareTo(best) > 0)) {
      best = combined;
    }
    return best;
  }

  /** True when every mechanism that enforces here lets pods through when its engine fails. */
  public boolean failOpen() {
    List<Enforcement> r = restricting();
    return !r.isEmpty() && r.stream().allMatch(Enforcement::failOpen);
  }

  /**
   * How strongly pods are restricted here: {@code restricted}, {@code baseline}, {@code partial (N of M baseline
   * controls)}, {@code audit only} or {@code none}, with {@code fail-open} appended when every enforcing mechanism
   * lets pods through on failure.
   */
  public String strength() {
    String s;
    PssLevel level = level();
    if (level != null) {
      s = level.label();
    } else if (!restricting().isEmpty()) {
      Set<String> baseline = SecurityControls.ofLevel(PssLevel.BASELINE);
      long covered = controls().stream().filter(baseline::contains).count();
      s = "partial (" + covered + " of " + baseline.size() + " baseline controls)";
    } else if (!reportingOnly().isEmpty()) {
      s = "audit only";
    } else if (!unconfirmed().isEmpty()) {
      s = "unconfirmed";
    } else {
      s = "none";
    }
    return failOpen() ? s + ", fail-open" : s;
  }

  /** Exemptions and caveats of the enforcing mechanisms, then the exclusions. */
  public List<String> exemptions() {
    List<String> out = new ArrayList<>();
    for (Enforcement e : restricting()) {
      for (String x : e.exemptions()) {
        out.add(e.mechanism() + " " + e.policy() + ": " + x);
      }
    }
    out.addAll(exclusions);
    return List.copyOf(new LinkedHashSet<>(out));
  }
}
