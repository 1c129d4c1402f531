package dev.kubepci.netpol;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import io.fabric8.kubernetes.api.model.Container;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The network plugins (CNI) found in the input and whether they enforce NetworkPolicy, recognised from the
 * DaemonSets (or their pods) that run them: a cluster whose only plugin is Flannel, or the AWS VPC CNI without its
 * network policy agent, or Azure CNI without Azure NPM, accepts NetworkPolicies and ignores them.
 */
public record Cni(List<Plugin> plugins) {
  /** Whether a plugin enforces NetworkPolicy. */
  public enum Enforcement { ENFORCES, DOES_NOT_ENFORCE, UNKNOWN }

  /**
   * One plugin found.
   *
   * @param name calico, cilium, antrea, weave, kube-router, ovn-kubernetes, flannel, aws-vpc-cni, azure-cni, azure-npm,
   *     kindnet
   * @param evidence the object that runs it
   * @param detail why it does or does not enforce, for reports
   */
  public record Plugin(String name, Enforcement enforcement, Resource evidence, String detail) {}

  public Cni {
    plugins = List.copyOf(plugins);
  }

  /** Computed once per inventory. */
  public static Cni of(Inventory inventory) {
    return inventory.derived(Cni.class, Cni::detect);
  }

  private static Cni detect(Inventory inventory) {
    List<Plugin> found = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    for (String kind : List.of("DaemonSet", "Pod")) {
      for (Resource r : inventory.ofKind(kind)) {
        if ("Pod".equals(kind) && inventory.hasOwnerPresent(r)) {
          continue;
        }
        Workload w = Workloads.of(r).orElse(null);
        if (w == null) {
          continue;
        }
        recognise(r, w).filter(p -> !seen.contains(p.name())).ifPresent(p -> {
          seen.add(p.name());
          found.add(p);
        });
      }
    }
    found.sort(Comparator.comparing(Plugin::name));
    return new Cni(found);
  }

  private static Optional<Plugin> recognise(Resource r, Workload w) {
    String name = r.name() == null ? "" : r.name().toLowerCase(Locale.ROOT);
    List<String> images = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (Workload.ContainerRef c : w.containers()) {
      images.add(c.container().getImage() == null ? "" : c.container().getImage().toLowerCase(Locale.ROOT));
      names.add(c.name() == null ? "" : c.name());
    }
    if (image(images, "calico/node") || name.equals("calico-node") || name.equals("canal")) {
      return Optional.of(new Plugin("calico", Enforcement.ENFORCES, r, "Calico (Felix) enforces NetworkPolicy and "
          + "Calico policies"));
    }
    if (image(images, "cilium/cilium") || name.equals("cilium") || name.equals("anetd")) {
      return Optional.of(new Plugin("cilium", Enforcement.ENFORCES, r, "Cilium enforces NetworkPolicy and Cilium "
          + "policies"));
    }
    if (image(images, "antrea-agent") || image(images, "antrea/antrea") || name.equals("antrea-agent")) {
      return Optional.of(new Plugin("antrea", Enforcement.ENFORCES, r, "Antrea enforces NetworkPolicy"));
    }
    if (image(images, "weave-kube") || image(images, "weave-npc") || name.equals("weave-net")) {
      return Optional.of(new Plugin("weave", Enforcement.ENFORCES, r, "Weave Net enforces NetworkPolicy (weave-npc)"));
    }
    if (image(images, "kube-router") || name.equals("kube-router")) {
      boolean firewall = !args(w).contains("--run-firewall=false");
      return Optional.of(new Plugin("kube-router", firewall ? Enforcement.ENFORCES : Enforcement.DOES_NOT_ENFORCE, r,
          firewall ? "kube-router enforces NetworkPolicy" : "kube-router runs with --run-firewall=false"));
    }
    if (image(images, "ovn-kubernetes") || image(images, "ovn-daemonset") || name.equals("ovnkube-node")) {
      return Optional.of(new Plugin("ovn-kubernetes", Enforcement.ENFORCES, r, "OVN-Kubernetes enforces NetworkPolicy"));
    }
    if (image(images, "azure-npm") || name.equals("azure-npm") || name.equals("azure-npm-win")) {
      return Optional.of(new Plugin("azure-npm", Enforcement.ENFORCES, r, "Azure Network Policy Manager enforces "
          + "NetworkPolicy"));
    }
    if (image(images, "amazon-k8s-cni") || name.equals("aws-node")) {
      boolean agent = names.contains("aws-network-policy-agent") && args(w).stream()
          .anyMatch(a -> a.equals("--enable-network-policy=true"));
      return Optional.of(new Plugin("aws-vpc-cni", agent ? Enforcement.ENFORCES : Enforcement.DOES_NOT_ENFORCE, r,
          agent ? "the aws-network-policy-agent runs with --enable-network-policy=true"
              : "the AWS VPC CNI enforces NetworkPolicy only with its network policy agent enabled "
                  + "(--enable-network-policy=true), which is not set"));
    }
    if (image(images, "azure-cns") || image(images, "azure-cni") || name.equals("azure-cns")) {
      return Optional.of(new Plugin("azure-cni", Enforcement.DOES_NOT_ENFORCE, r, "Azure CNI enforces NetworkPolicy "
          + "only with a network policy engine (Azure NPM, Calico or Cilium)"));
    }
    if (image(images, "flannel") || name.contains("flannel")) {
      return Optional.of(new Plugin("flannel", Enforcement.DOES_NOT_ENFORCE, r, "Flannel provides connectivity only "
          + "and ignores NetworkPolicy"));
    }
    if (image(images, "kindnetd") || name.equals("kindnet")) {
      return Optional.of(new Plugin("kindnet", Enforcement.UNKNOWN, r, "kindnet enforces NetworkPolicy only in recent "
          + "releases; check the version"));
    }
    return Optional.empty();
  }

  private static boolean image(List<String> images, String fragment) {
    return images.stream().anyMatch(i -> i.contains(fragment));
  }

  private static List<String> args(Workload w) {
    List<String> out = new ArrayList<>();
    for (Workload.ContainerRef c : w.containers()) {
      Container container = c.container();
      if (container.getCommand() != null) {
        out.addAll(container.getCommand());
      }
      if (container.getArgs() != null) {
        out.addAll(container.getArgs());
      }
    }
    return out;
  }

  /** ENFORCES when some plugin enforces, DOES_NOT_ENFORCE when plugins were found and none does, else UNKNOWN. */
  public Enforcement enforcement() {
    if (plugins.stream().anyMatch(p -> p.enforcement() == Enforcement.ENFORCES)) {
      return Enforcement.ENFORCES;
    }
    if (!plugins.isEmpty() && plugins.stream().allMatch(p -> p.enforcement() == Enforcement.DOES_NOT_ENFORCE)) {
      return Enforcement.DOES_NOT_ENFORCE;
    }
    return Enforcement.UNKNOWN;
  }

  /** The plugin whose policy semantics apply: the first one that enforces, if any. */
  public Optional<Plugin> enforcer() {
    return plugins.stream().filter(p -> p.enforcement() == Enforcement.ENFORCES).findFirst();
  }

  /** e.g. {@code calico, flannel}, or {@code none recognised}. */
  public String describe() {
    return plugins.isEmpty() ? "none recognised" : String.join(", ", plugins.stream().map(Plugin::name).toList());
  }
}
