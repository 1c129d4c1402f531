package dev.kubepci.netpol;

/**
 * A policy language, and the semantics a CNI applies: Kubernetes NetworkPolicy alone (union of allow rules),
 * Calico (ordered tiers with Allow, Deny and Pass) or Cilium (union of allow rules minus deny rules).
 */
public enum PolicyKind {
  KUBERNETES("Kubernetes NetworkPolicy"), CALICO("Calico"), CILIUM("Cilium");

  private final String title;

  PolicyKind(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }
}
