package dev.kubepci.netpol;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns what a user types into endpoints: {@code internet}, {@code namespace:NAME} (every workload of the namespace,
 * or a new pod when it has none), {@code Kind/namespace/name}, {@code namespace/name} (a workload of any kind), or an
 * IP address or CIDR.
 */
public final class Endpoints {
  private Endpoints() {}

  /**
   * The endpoints {@code spec} names.
   *
   * @throws IllegalArgumentException with a message for the user when nothing or several things match
   */
  public static List<Endpoint> resolve(String spec, NetworkPolicies model) {
    String s = spec.trim();
    if (s.equalsIgnoreCase(AddressEndpoint.INTERNET)) {
      return List.of(AddressEndpoint.internet());
    }
    if (s.startsWith("namespace:") || s.startsWith("ns:")) {
      String ns = s.substring(s.indexOf(':') + 1);
      if (!model.namespaces().contains(ns)) {
        throw new IllegalArgumentException("namespace " + ns + " is not in the input (namespaces: "
            + String.join(", ", model.namespaces()) + ")");
      }
      List<PodEndpoint> pods = model.workloads(ns);
      return pods.isEmpty() ? List.of(model.hypothetical(ns)) : List.copyOf(pods);
    }
    if (AddressSet.isCidr(s)) {
      return List.of(new AddressEndpoint(s, AddressSet.of(s)));
    }
    String[] parts = s.split("/");
    List<Endpoint> found = new ArrayList<>();
    if (parts.length == 3) {
      for (PodEndpoint p : model.workloads(parts[1])) {
        if (p.resource().kind().equalsIgnoreCase(parts[0]) && p.resource().name().equals(parts[2])) {
          found.add(p);
        }
      }
    } else if (parts.length == 2) {
      for (PodEndpoint p : model.workloads(parts[0])) {
        if (p.resource().name().equals(parts[1])) {
          found.add(p);
        }
      }
    } else {
      throw new IllegalArgumentException("'" + spec + "' is not an endpoint: use internet, namespace:NAME, "
          + "Kind/namespace/name, namespace/name, or an IP address or CIDR");
    }
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no workload matches '" + spec + "'");
    }
    if (found.size() > 1) {
      throw new IllegalArgumentException("'" + spec + "' matches several workloads ("
          + String.join(", ", found.stream().map(Endpoint::display).toList()) + "); name the kind: Kind/namespace/name");
    }
    return found;
  }
}
