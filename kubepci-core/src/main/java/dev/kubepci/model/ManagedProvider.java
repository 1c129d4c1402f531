package dev.kubepci.model;

import io.fabric8.kubernetes.api.model.Node;
import java.util.Map;
import java.util.Optional;

/**
 * Managed Kubernetes services whose control plane is not visible through the API, recognised from node labels
 * and provider ids. Control-plane checks on them become NOT_ASSESSED naming the provider setting to collect.
 */
public enum ManagedProvider {
  EKS("Amazon EKS", "aws eks describe-cluster --name <cluster>"),
  AKS("Azure AKS", "az aks show --resource-group <group> --name <cluster>"),
  GKE("Google GKE", "gcloud container clusters describe <cluster> --region <region>");

  private final String title;
  private final String describeCommand;

  ManagedProvider(String title, String describeCommand) {
    this.title = title;
    this.describeCommand = describeCommand;
  }

  public String title() {
    return title;
  }

  /** The provider command that shows the cluster's control-plane settings, as evidence to collect. */
  public String describeCommand() {
    return describeCommand;
  }

  /** The provider of the cluster, from its nodes; computed once per inventory. */
  public static Optional<ManagedProvider> of(Inventory inventory) {
    return inventory.derived(ManagedProvider.class, ManagedProvider::detect);
  }

  private static Optional<ManagedProvider> detect(Inventory inventory) {
    String declared = inventory.clusterInfo() == null ? null : inventory.clusterInfo().provider();
    if (declared != null) {
      for (ManagedProvider p : values()) {
        if (p.name().equalsIgnoreCase(declared)) {
          return Optional.of(p);
        }
      }
    }
    for (Resource r : inventory.ofKind("Node")) {
      Map<String, String> labels = r.labels();
      String providerId = r.as(Node.class).map(n -> n.getSpec() == null ? null : n.getSpec().getProviderID()).orElse(null);
      if (labels.containsKey("eks.amazonaws.com/nodegroup") || labels.containsKey("eks.amazonaws.com/compute-type")) {
        return Optional.of(EKS);
      }
      if (labels.containsKey("kubernetes.azure.com/cluster") || (providerId != null && providerId.startsWith("azure://")
          && labels.keySet().stream().anyMatch(k -> k.startsWith("kubernetes.azure.com/")))) {
        return Optional.of(AKS);
      }
      if (labels.containsKey("cloud.google.com/gke-nodepool") || labels.containsKey("cloud.google.com/gke-os-distribution")) {
        return Optional.of(GKE);
      }
    }
    return Optional.empty();
  }
}
