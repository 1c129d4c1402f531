package dev.kubepci.netpol;

/** What a matching rule does. Kubernetes rules only allow; Calico has all four; Cilium allows and denies. */
public enum RuleAction {
  ALLOW, DENY, PASS, LOG;

  public String verb() {
    return switch (this) {
      case ALLOW -> "allows";
      case DENY -> "denies";
      case PASS -> "passes to the next tier";
      case LOG -> "logs";
    };
  }
}
