package dev.kubepci.netpol;

import java.util.Locale;

/** Which way traffic flows, seen from the pod a policy selects. */
public enum Direction {
  INGRESS("Ingress"), EGRESS("Egress");

  private final String policyType;

  Direction(String policyType) {
    this.policyType = policyType;
  }

  /** The name in {@code policyTypes} / Calico {@code types}: {@code Ingress} or {@code Egress}. */
  public String policyType() {
    return policyType;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
