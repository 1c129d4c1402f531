package dev.kubepci.netpol;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The answer to "can traffic flow from FROM to TO (on port P)": every pair of endpoints the two specifications name,
 * each with its verdicts, what flows, and whether the asked port does.
 *
 * @param port null when no port was asked for
 */
public record ReachQuery(String from, String to, PortQuery port, PolicyKind engine, Cni cni, List<Pair> pairs) {
  /**
   * One pair of endpoints.
   *
   * @param portNumber the asked port resolved for this destination; empty when it has no port of that name
   * @param allowed whether the asked port (or, without one, any traffic) flows
   */
  public record Pair(Reach reach, Optional<Integer> portNumber, boolean allowed) {}

  public ReachQuery {
    pairs = List.copyOf(pairs);
  }

  /**
   * Evaluates every pair.
   *
   * @throws IllegalArgumentException with a message for the user when an endpoint or port cannot be understood
   */
  public static ReachQuery run(NetworkPolicies model, String from, String to, String port) {
    List<Endpoint> sources = Endpoints.resolve(from, model);
    List<Endpoint> destinations = Endpoints.resolve(to, model);
    PortQuery query = port == null ? null : PortQuery.parse(port);
    List<Pair> pairs = new ArrayList<>();
    for (Endpoint s : sources) {
      for (Endpoint d : destinations) {
        if (s instanceof AddressEndpoint && d instanceof AddressEndpoint) {
          throw new IllegalArgumentException("at least one end must be a workload or a namespace");
        }
        if (s.equals(d)) {
          continue;
        }
        Optional<Integer> number = query == null ? Optional.empty() : query.resolve(d);
        Reach r = model.reach(s, d, query == null ? PortSet.ALL : number
            .map(n -> PortSet.of(query.protocol(), n)).orElse(PortSet.allOf(query.protocol())));
        boolean allowed = query == null ? r.isAllowed()
            : number.isPresent() && r.isAllowed(query.protocol(), number.get());
        pairs.add(new Pair(r, number, allowed));
      }
    }
    return new ReachQuery(from, to, query, model.engine(), model.cni(), pairs);
  }

  public long allowedCount() {
    return pairs.stream().filter(Pair::allowed).count();
  }
}
