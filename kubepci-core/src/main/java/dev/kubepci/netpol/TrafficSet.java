package dev.kubepci.netpol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The traffic allowed between two endpoints: pairs of (peer addresses, destination ports). For a pod peer the
 * address part is {@link AddressSet#ALL}, standing for "the pod"; for an address range (the Internet, a CIDR) it is
 * the part of the range a rule covers, so that "only 203.0.113.0/24 on TCP 443" survives allow, deny and
 * intersection exactly. Immutable.
 */
public final class TrafficSet {
  /** Some addresses on some ports. */
  public record Grant(AddressSet addresses, PortSet ports) {}

  public static final TrafficSet NONE = new TrafficSet(List.of());

  private final List<Grant> grants;

  private TrafficSet(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  public static TrafficSet of(AddressSet addresses, PortSet ports) {
    return NONE.plus(addresses, ports);
  }

  public List<Grant> grants() {
    return grants;
  }

  public boolean isEmpty() {
    return grants.isEmpty();
  }

  public TrafficSet plus(AddressSet addresses, PortSet ports) {
    if (addresses.isEmpty() || ports.isEmpty()) {
      return this;
    }
    List<Grant> out = new ArrayList<>(grants);
    out.add(new Grant(addresses, ports));
    return normalise(out);
  }

  public TrafficSet plus(TrafficSet other) {
    List<Grant> out = new ArrayList<>(grants);
    out.addAll(other.grants);
    return normalise(out);
  }

  public TrafficSet minus(AddressSet addresses, PortSet ports) {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      out.add(new Grant(g.addresses.minus(addresses), g.ports));
      out.add(new Grant(g.addresses.intersect(addresses), g.ports.minus(ports)));
    }
    return normalise(out);
  }

  public TrafficSet minus(TrafficSet other) {
    TrafficSet current = this;
    for (Grant g : other.grants) {
      current = current.minus(g.addresses, g.ports);
    }
    return current;
  }

  public TrafficSet intersect(AddressSet addresses, PortSet ports) {
    List<Grant> out = new ArrayList<>();
    for (Grant g : grants) {
      out.add(new Grant(g.addresses.intersect(addresses), g.ports.intersect(ports)));
    }
    return normalise(out);
  }

  public TrafficSet intersect(TrafficSet other) {
    List<Grant> out = new ArrayList<>();
    for (Grant a : grants) {
      for (Grant b : other.grants) {
        out.add(new Grant(a.addresses.intersect(b.addresses), a.ports.intersect(b.ports)));
      }
    }
    return normalise(out);
  }

  /** Every port allowed to some address. */
  public PortSet ports() {
    PortSet all = PortSet.NONE;
    for (Grant g : grants) {
      all = all.union(g.ports);
    }
    return all;
  }

  /** Every address allowed on some port. */
  public AddressSet addresses() {
    AddressSet all = AddressSet.EMPTY;
    for (Grant g : grants) {
      all = all.union(g.addresses);
    }
    return all;
  }

  /** The addresses allowed on {@code protocol}/{@code port}. */
  public AddressSet addressesOn(PortSet.Protocol protocol, int port) {
    AddressSet all = AddressSet.EMPTY;
    for (Grant g : grants) {
      if (g.ports.contains(protocol, port)) {
        all = all.union(g.addresses);
      }
    }
    return all;
  }

  /** Merges grants with the same ports, drops empty ones, and orders them for stable output. */
  private static TrafficSet normalise(List<Grant> raw) {
    Map<PortSet, AddressSet> byPorts = new LinkedHashMap<>();
    for (Grant g : raw) {
      if (g.addresses.isEmpty() || g.ports.isEmpty()) {
        continue;
      }
      byPorts.merge(g.ports, g.addresses, AddressSet::union);
    }
    List<Grant> out = new ArrayList<>();
    byPorts.forEach((p, a) -> out.add(new Grant(a, p)));
    out.sort(java.util.Comparator.comparing((Grant g) -> g.ports.toString()).thenComparing(g -> g.addresses.toString()));
    return new TrafficSet(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TrafficSet other && grants.equals(other.grants);
  }

  @Override
  public int hashCode() {
    return grants.hashCode();
  }

  @Override
  public String toString() {
    if (grants.isEmpty()) {
      return "nothing";
    }
    List<String> parts = new ArrayList<>();
    for (Grant g : grants) {
      parts.add(g.addresses.equals(AddressSet.ALL) ? g.ports.toString() : g.addresses + " on " + g.ports);
    }
    return String.join("; ", parts);
  }
}
