package dev.kubepci.model;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the input is known to contain. Files hold whatever the user gave; a cluster collection (live or from a
 * snapshot) lists every kind it asked for, with the reason when a kind could not be read. Rules use this to
 * tell "there are none" from "we could not see them": missing data is never a pass.
 */
public final class Coverage {
  /** Where the objects came from. */
  public enum Source { FILES, CLUSTER }

  /** How a kind fared during collection. */
  public record KindStatus(boolean collected, String reason) {
    public static final KindStatus COLLECTED = new KindStatus(true, null);

    public static KindStatus missing(String reason) {
      return new KindStatus(false, reason);
    }
  }

  private final Source source;
  private final Map<String, KindStatus> kinds;

  private Coverage(Source source, Map<String, KindStatus> kinds) {
    this.source = source;
    this.kinds = Map.copyOf(kinds);
  }

  public static Coverage files() {
    return new Coverage(Source.FILES, Map.of());
  }

  /**
   * @param kinds every kind the collector asked for, keyed as rules name them in {@code reads}: {@code Pod},
   *     {@code kyverno.io/ClusterPolicy}, {@code constraints.gatekeeper.sh/*}
   */
  public static Coverage cluster(Map<String, KindStatus> kinds) {
    return new Coverage(Source.CLUSTER, new TreeMap<>(kinds));
  }

  public Source source() {
    return source;
  }

  public Map<String, KindStatus> kinds() {
    return new TreeMap<>(kinds);
  }

  /**
   * The group of kubepci's own evidence kinds (kubeconfig users and clusters), which only ever come from files the
   * user adds: no collection can miss them, and the rules that read them say themselves when none was given.
   */
  public static final String EVIDENCE_GROUP = "kubepci.dev";

  /**
   * Why objects of {@code kind} may be missing although they exist, or empty when the input is trusted to be
   * complete for that kind (files: always; a cluster: when the kind was listed successfully or the CRD is absent).
   * A cluster collection that never asked for the kind (a snapshot taken for other rules) has a gap too.
   */
  public Optional<String> gap(String kind) {
    if (source == Source.FILES || kind.startsWith(EVIDENCE_GROUP + "/")) {
      return Optional.empty();
    }
    KindStatus status = kinds.get(kind);
    if (status == null && kind.contains("/")) {
      // coverage keyed by plain kind names (Pod, ClusterPolicy) answers for group-qualified reads too
      status = kinds.get(kind.substring(kind.lastIndexOf('/') + 1));
    }
    if (status == null) {
      return Optional.of("the collection did not list " + kind + " (it was taken for other rules; collect again "
          + "with the rules you run)");
    }
    if (status.collected()) {
      return Optional.empty();
    }
    return Optional.of(status.reason());
  }
}
