package dev.kubepci.netpol;

import dev.kubepci.model.Resource;
import java.util.Map;
import java.util.Objects;

/**
 * The pods of one workload as NetworkPolicy sees them: namespace, pod labels, namespace labels, service account,
 * named container ports, whether they use the node's network, and their addresses when known.
 *
 * @param resource the workload (or the Namespace of a hypothetical pod)
 * @param hypothetical true for "a new pod without labels in this namespace", used for namespaces without workloads
 *     and for default-deny checks
 * @param namedPorts container port name to its protocol and number
 * @param addresses the pods' IPs when the input says (Pod status), otherwise null
 */
public record PodEndpoint(
    Resource resource, String namespace, Map<String, String> labels, Map<String, String> namespaceLabels,
    String serviceAccount, boolean hostNetwork, Map<String, NamedPort> namedPorts, AddressSet addresses,
    boolean hypothetical) implements Endpoint {

  /** A container port with a name. */
  public record NamedPort(PortSet.Protocol protocol, int port) {}

  public PodEndpoint {
    Objects.requireNonNull(resource, "resource");
    Objects.requireNonNull(namespace, "namespace");
    labels = Map.copyOf(labels);
    namespaceLabels = Map.copyOf(namespaceLabels);
    namedPorts = Map.copyOf(namedPorts);
  }

  /**
   * The pod labels as a finding shows them, sorted: {@code {app=db, tier=back}}, or {@code {}} for none. These are
   * what policy selectors match, so segmentation findings point at them.
   */
  public String labelsText() {
    return new java.util.TreeMap<>(labels).toString();
  }

  @Override
  public String display() {
    return hypothetical ? "a new pod in namespace " + namespace : resource.ref().displayName();
  }
}
