package dev.kubepci.netpol;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The destination ports a rule names. Named ports are resolved against the destination pod's container ports, as
 * Kubernetes does (name and protocol must both match); a named port towards an address outside the cluster matches
 * nothing.
 */
public final class Ports {
  /** One entry: protocols, and a number, a range or a name; neither means every port of the protocols. */
  public record Entry(Set<PortSet.Protocol> protocols, Integer from, Integer to, String name) {
    public Entry {
      protocols = Set.copyOf(protocols);
    }

    PortSet resolve(PodEndpoint destination) {
      PortSet out = PortSet.NONE;
      for (PortSet.Protocol p : protocols) {
        if (name != null) {
          if (destination != null) {
            PodEndpoint.NamedPort np = destination.namedPorts().get(name);
            if (np != null && np.protocol() == p) {
              out = out.union(PortSet.of(p, np.port()));
            }
          }
        } else if (from == null) {
          out = out.union(PortSet.allOf(p));
        } else if (from >= 1 && from <= 65535) {
          int end = to == null ? from : Math.min(Math.max(to, from), 65535);
          out = out.union(PortSet.of(p, from, end));
        }
      }
      return out;
    }

    String describe() {
      String protos = protocols.size() == PortSet.Protocol.values().length ? "any protocol"
          : String.join("/", protocols.stream().map(Enum::name).sorted().toList());
      if (name != null) {
        return protos + " " + name;
      }
      if (from == null) {
        return "all " + protos + " ports";
      }
      return protos + " " + from + (to != null && !to.equals(from) ? "-" + to : "");
    }
  }

  public static final Ports ALL = new Ports(null, List.of());

  private final List<Entry> entries;
  private final List<Entry> excluded;

  private Ports(List<Entry> entries, List<Entry> excluded) {
    this.entries = entries == null ? null : List.copyOf(entries);
    this.excluded = List.copyOf(excluded);
  }

  /** The given entries; an empty list matches no port (use {@link #ALL} for "every port"). */
  public static Ports of(List<Entry> entries) {
    return new Ports(entries, List.of());
  }

  /** These ports except {@code notPorts} (Calico). */
  public Ports except(List<Entry> notPorts) {
    List<Entry> ex = new ArrayList<>(excluded);
    ex.addAll(notPorts);
    return new Ports(entries, ex);
  }

  public boolean isAll() {
    return entries == null && excluded.isEmpty();
  }

  /** The port numbers for traffic to {@code destination} (null when the destination is not a pod). */
  public PortSet resolve(PodEndpoint destination) {
    PortSet out;
    if (entries == null) {
      out = PortSet.ALL;
    } else {
      out = PortSet.NONE;
      for (Entry e : entries) {
        out = out.union(e.resolve(destination));
      }
    }
    for (Entry e : excluded) {
      out = out.minus(e.resolve(destination));
    }
    return out;
  }

  public String describe() {
    String base = entries == null ? "all ports"
        : entries.isEmpty() ? "no port" : String.join(", ", entries.stream().map(Entry::describe).toList());
    if (excluded.isEmpty()) {
      return base;
    }
    return base + " except " + String.join(", ", excluded.stream().map(Entry::describe).toList());
  }
}
