package dev.kubepci.netpol;

import java.util.List;

/**
 * Whether traffic can flow from one endpoint to another, and which policies decide it: the source's egress
 * verdict, the destination's ingress verdict, and what both let through.
 *
 * @param allowed the traffic both directions let through (everything when the CNI does not enforce policies)
 * @param notes caveats for reports (CNI, host network, ipBlocks and pod addresses)
 */
public record Reach(Endpoint from, Endpoint to, Verdict egress, Verdict ingress, TrafficSet allowed,
    List<String> notes) {
  public Reach {
    notes = List.copyOf(notes);
  }

  public boolean isAllowed() {
    return !allowed.isEmpty();
  }

  public boolean isAllowed(PortSet.Protocol protocol, int port) {
    return !allowed.addressesOn(protocol, port).isEmpty();
  }
}
