package dev.kubepci.admission;

import dev.kubepci.pss.PssLevel;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one admission mechanism does to the pods of one namespace: which policy, whether it denies or only reports,
 * which Pod Security controls it restricts, and what weakens it there.
 *
 * @param mechanism the engine, e.g. {@code Kyverno}, {@link #PSA} for Pod Security admission
 * @param policy the object that carries the policy, e.g. {@code ClusterPolicy/restrict-privileged}
 * @param enforcing true when a violating pod is rejected; false for audit, warn, dry-run and monitor modes
 * @param mode the mode as the policy writes it ({@code Enforce}, {@code deny}, {@code monitor} ...)
 * @param level the whole Pod Security level the policy applies, or null for a set of individual controls
 * @param controls the upstream check ids the policy restricts
 * @param engineSeen false when the engine that would apply the policy was not found in the input
 * @param failOpen true when a failure or timeout of the engine lets pods through (failurePolicy Ignore)
 * @param exemptions pods, users or controls the policy lets through in this namespace
 */
public record Enforcement(String mechanism, String policy, boolean enforcing, String mode, PssLevel level,
    Set<String> controls, boolean engineSeen, boolean failOpen, List<String> exemptions) {

  /** The mechanism name of Pod Security admission (namespace labels). */
  public static final String PSA = "PSA";

  public Enforcement {
    controls = Set.copyOf(new TreeSet<>(controls));
    exemptions = List.copyOf(exemptions);
  }

  /** True when this policy restricts pods here: it denies, its engine is present, and it covers some control. */
  public boolean restricts() {
    return enforcing && engineSeen && (level != null && level != PssLevel.PRIVILEGED || !controls.isEmpty());
  }

  /** e.g. {@code Kyverno ClusterPolicy/x (Enforce, restricted)}, or {@code PSA enforce=baseline@v1.31}. */
  public String describe() {
    if (PSA.equals(mechanism)) {
      return PSA + " " + mode;
    }
    StringBuilder sb = new StringBuilder(mechanism).append(' ').append(policy).append(" (").append(mode);
    PssLevel amounts = level != null ? level : SecurityControls.levelOf(controls);
    if (amounts != null) {
      sb.append(", ").append(amounts.label());
    } else if (!controls.isEmpty()) {
      sb.append(", ").append(controls.size()).append(controls.size() == 1 ? " control" : " controls");
    }
    if (failOpen) {
      sb.append(", fail-open");
    }
    if (!engineSeen) {
      sb.append(", engine not in input");
    }
    return sb.append(')').toString();
  }
}
