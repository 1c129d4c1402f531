package dev.kubepci.rules.platform;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tells, for every object people manage (not those a controller owns or Kubernetes creates), how it reached the
 * cluster: Argo CD, Flux, Helm or another tool named in app.kubernetes.io/managed-by, or by hand (only a
 * kubectl last-applied-configuration annotation, or kubectl edit/patch in managedFields), and the share per
 * namespace. Objects applied by hand fail; an input without any marker (plain manifest files) is MANUAL.
 */
@RuleInfo(id = "KPCI-0360", name = "configuration-under-version-control", severity = Severity.LOW, reads = {"Namespace",
    "Deployment", "StatefulSet", "DaemonSet", "CronJob", "Service", "ConfigMap", "Ingress", "NetworkPolicy", "Role",
    "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ServiceAccount", "argoproj.io/Application",
    "kustomize.toolkit.fluxcd.io/Kustomization", "helm.toolkit.fluxcd.io/HelmRelease"})
public final class VersionControlRule implements ClusterRule {
  private static final Set<String> SKIPPED_KINDS = Set.of("Pod", "ReplicaSet", "Job", "Event", "Endpoints",
      "EndpointSlice", "Lease", "Node", "ControllerRevision", "ComponentStatus", "VulnerabilityReport",
      "ConfigAuditReport", "PolicyReport", "ClusterPolicyReport", "KubeletConfiguration", "Policy",
      "EncryptionConfiguration");
  private static final Set<String> SYSTEM_NAMESPACES = Set.of("kube-system", "kube-public", "kube-node-lease");
  private static final Set<String> HAND_MANAGERS = Set.of("kubectl-edit", "kubectl-patch", "kubectl-client-side-apply",
      "kubectl-create", "kubectl-label", "kubectl-annotate", "kubectl-set");
  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Map<String, int[]> perNamespace = new TreeMap<>();
    Outcome.Builder out = Outcome.builder();
    int marked = 0;
    for (Resource r : inventory.all()) {
      if (skipped(r)) {
        continue;
      }
      String how = how(r);
      String ns = r.namespace() == null ? "(cluster)" : r.namespace();
      int[] counts = perNamespace.computeIfAbsent(ns, k -> new int[6]);
      counts[0]++;
      switch (how) {
        case "gitops" -> counts[1]++;
        case "helm" -> counts[2]++;
        case "tool" -> counts[3]++;
        case "hand" -> counts[4]++;
        default -> counts[5]++;
      }
      if (!how.equals("unknown")) {
        marked++;
      }
      if (how.equals("hand")) {
        String value = r.annotations().get(LAST_APPLIED);
        out.fail(r, Violation.at(FieldPath.root().child("metadata").child("annotations").child(LAST_APPLIED),
            value == null ? handManager(r) : "present", r.ref().displayName()
                + " was applied or edited by hand with kubectl, not by a GitOps controller or release tool"));
      } else if (!how.equals("unknown")) {
        out.pass();
      }
    }
    List<List<String>> rows = new ArrayList<>();
    perNamespace.forEach((ns, c) -> rows.add(List.of(ns, Integer.toString(c[0]), share(c[1], c[0]),
        share(c[2], c[0]), share(c[3], c[0]), share(c[4], c[0]), share(c[5], c[0]))));
    Table table = new Table("configuration-management", "How objects reached the cluster, per namespace",
        List.of("namespace", "objects", "GitOps", "Helm", "other tool", "by hand", "no marker"), rows);
    List<String> tools = new ArrayList<>();
    if (!inventory.ofKind("argoproj.io", "Application").isEmpty()) {
      tools.add(inventory.ofKind("argoproj.io", "Application").size() + " Argo CD Application(s)");
    }
    int flux = inventory.ofKind("kustomize.toolkit.fluxcd.io", "Kustomization").size()
        + inventory.ofKind("helm.toolkit.fluxcd.io", "HelmRelease").size();
    if (flux > 0) {
      tools.add(flux + " Flux Kustomization(s) or HelmRelease(s)");
    }
    if (marked == 0) {
      return Outcome.manual("no object in the input carries a management marker (GitOps or Helm labels, kubectl "
          + "last-applied annotations, managedFields): manifests read from files are presumably the "
          + "version-controlled source. Confirm where the cluster's configuration is kept and how changes reach it.")
          .withTable(table);
    }
    out.table(table);
    if (!tools.isEmpty()) {
      out.note("GitOps objects in the input: " + String.join(", ", tools));
    }
    return out.build("no object people manage in the input");
  }

  private static boolean skipped(Resource r) {
    if (SKIPPED_KINDS.contains(r.kind()) || r.namespace() != null && SYSTEM_NAMESPACES.contains(r.namespace())) {
      return true;
    }
    if (r.metadata().getOwnerReferences() != null && !r.metadata().getOwnerReferences().isEmpty()) {
      return true;
    }
    String name = r.name() == null ? "" : r.name();
    return name.startsWith("system:") || name.equals("kube-root-ca.crt")
        || "ServiceAccount".equals(r.kind()) && name.equals("default")
        || "Namespace".equals(r.kind()) && (SYSTEM_NAMESPACES.contains(name) || name.equals("default"))
        || "Secret".equals(r.kind()) && name.startsWith("sh.helm.release.v1.");
  }

  /** gitops, helm, tool, hand or unknown. */
  static String how(Resource r) {
    Map<String, String> l = r.labels();
    Map<String, String> a = r.annotations();
    if (a.containsKey("argocd.argoproj.io/tracking-id") || l.containsKey("argocd.argoproj.io/instance")
        || l.containsKey("kustomize.toolkit.fluxcd.io/name") || l.containsKey("helm.toolkit.fluxcd.io/name")) {
      return "gitops";
    }
    if ("Helm".equalsIgnoreCase(l.get("app.kubernetes.io/managed-by")) || a.containsKey("meta.helm.sh/release-name")) {
      return "helm";
    }
    if (l.containsKey("app.kubernetes.io/managed-by")) {
      return "tool";
    }
    if (a.containsKey(LAST_APPLIED) || handManager(r) != null) {
      return "hand";
    }
    return "unknown";
  }

  private static String handManager(Resource r) {
    List<ManagedFieldsEntry> fields = r.metadata().getManagedFields();
    if (fields == null) {
      return null;
    }
    for (ManagedFieldsEntry e : fields) {
      if (e.getManager() != null && HAND_MANAGERS.contains(e.getManager())) {
        return "managedFields manager " + e.getManager();
      }
    }
    return null;
  }

  private static String share(int part, int total) {
    return total == 0 ? "-" : part + " (" + Math.round(100.0 * part / total) + "%)";
  }
}
