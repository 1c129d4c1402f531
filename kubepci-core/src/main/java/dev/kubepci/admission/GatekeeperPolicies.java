package dev.kubepci.admission;

import dev.kubepci.model.Glob;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads OPA Gatekeeper: {@code ConstraintTemplate}s (the Rego or CEL that defines a constraint kind) and constraints
 * (objects of {@code constraints.gatekeeper.sh}): their {@code enforcementAction} ({@code deny} by default, or
 * {@code dryrun}, {@code warn}, or {@code scoped} with per-enforcement-point actions), {@code match} (kinds,
 * namespaces, excludedNamespaces with {@code *} prefixes and suffixes, namespace and label selectors), and the
 * namespaces Gatekeeper's {@code Config} exempts from the webhook.
 */
public final class GatekeeperPolicies {
  static final String CONSTRAINTS_GROUP = "constraints.gatekeeper.sh";
  /** The label Gatekeeper's webhook skips namespaces by, when its configuration is not in the input. */
  static final String IGNORE_LABEL = "admission.gatekeeper.sh/ignore";
  private static final Set<String> POD_KINDS = Set.of("Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet",
      "Job", "CronJob", "ReplicationController", "*");

  private GatekeeperPolicies() {}

  /** Every constraint of the inventory, in input order. */
  public static List<Resource> constraints(Inventory inventory) {
    // an index lookup: rules ask for every workload's namespace
    return inventory.ofGroup(CONSTRAINTS_GROUP);
  }

  /** Template body (Rego and CEL sources) by the constraint kind it defines. */
  static Map<String, String> templates(Inventory inventory) {
    Map<String, String> out = new HashMap<>();
    for (Resource t : inventory.ofKind("ConstraintTemplate")) {
      Map<String, Object> tree = ObjectFields.tree(t);
      String kind = ObjectFields.string(tree, "spec", "crd", "spec", "names", "kind");
      if (kind != null) {
        out.put(kind, ObjectFields.text(ObjectFields.list(tree, "spec", "targets")));
      }
    }
    return out;
  }

  /** True when the constraint denies at the Gatekeeper validating webhook. */
  public static boolean denies(Map<String, Object> spec) {
    String action = ObjectFields.string(spec, "enforcementAction");
    if (action == null || action.equalsIgnoreCase("deny")) {
      return true;
    }
    if (!action.equalsIgnoreCase("scoped")) {
      return false;
    }
    for (Map<String, Object> scoped : ObjectFields.maps(spec, "scopedEnforcementActions")) {
      if (!"deny".equalsIgnoreCase(ObjectFields.string(scoped, "action"))) {
        continue;
      }
      List<Map<String, Object>> points = ObjectFields.maps(scoped, "enforcementPoints");
      if (points.stream().map(p -> ObjectFields.string(p, "name"))
          .anyMatch(n -> "validation.gatekeeper.sh".equals(n) || "*".equals(n) || "vap.k8s.io".equals(n))) {
        return true;
      }
    }
    return false;
  }

  /** The action as written, {@code deny} when absent. */
  static String mode(Map<String, Object> spec) {
    String action = ObjectFields.string(spec, "enforcementAction");
    return action == null ? "deny" : action;
  }

  /**
   * True when the constraint's match selects pods (or pod controllers) of {@code ns}; what narrows it further is
   * added to {@code exemptions}.
   */
  public static boolean applies(Map<String, Object> spec, NamespaceView ns, List<String> exemptions) {
    Map<String, Object> match = ObjectFields.map(spec, "match");
    List<Map<String, Object>> kinds = ObjectFields.maps(match, "kinds");
    boolean pods = kinds.isEmpty() || kinds.stream()
        .anyMatch(k -> ObjectFields.strings(k, "kinds").stream().anyMatch(POD_KINDS::contains));
    if (!pods) {
      return false;
    }
    List<String> namespaces = ObjectFields.strings(match, "namespaces");
    if (!namespaces.isEmpty() && !Glob.matchesAny(namespaces, ns.name())) {
      return false;
    }
    if (Glob.matchesAny(ObjectFields.strings(match, "excludedNamespaces"), ns.name())) {
      return false;
    }
    if (!LabelSelectors.matches(ObjectFields.selector(match, "namespaceSelector"), Absent.SELECTS_ALL, ns.labels())) {
      return false;
    }
    if ("Cluster".equals(ObjectFields.string(match, "scope"))) {
      return false;
    }
    PodResources.addObjectSelector(exemptions, ObjectFields.selector(match, "labelSelector"));
    if (ObjectFields.string(match, "name") != null) {
      exemptions.add("applies only to objects named " + ObjectFields.string(match, "name"));
    }
    return true;
  }

  /** Why Gatekeeper's webhook skips pods of {@code ns}, or null. */
  static String engineExclusion(AdmissionContext context, NamespaceView ns) {
    var byWebhook = context.webhookExclusion(AdmissionEngine.GATEKEEPER, ns);
    if (byWebhook.isPresent()) {
      return byWebhook.get();
    }
    if (context.webhooks().podHooks(AdmissionEngine.GATEKEEPER).isEmpty() && ns.labels().containsKey(IGNORE_LABEL)) {
      return "namespace label " + IGNORE_LABEL + " makes Gatekeeper's webhook skip it";
    }
    for (Resource config : context.inventory().ofKind("config.gatekeeper.sh", "Config")) {
      for (Map<String, Object> m : ObjectFields.maps(ObjectFields.tree(config), "spec", "match")) {
        List<String> processes = ObjectFields.strings(m, "processes");
        if ((processes.contains("*") || processes.contains("webhook"))
            && Glob.matchesAny(ObjectFields.strings(m, "excludedNamespaces"), ns.name())) {
          return "Gatekeeper Config " + config.namespace() + "/" + config.name() + " exempts this namespace from "
              + "the webhook";
        }
      }
    }
    return null;
  }

  /** Adds the enforcement of every constraint that restricts pod security fields in {@code ns}. */
  static void collect(AdmissionContext context, NamespaceView ns, List<Enforcement> out, List<String> exclusions) {
    List<Resource> constraints = constraints(context.inventory());
    if (constraints.isEmpty()) {
      uncollected(context, out);
      return;
    }
    Map<String, String> templates = templates(context.inventory());
    String engineExcluded = engineExclusion(context, ns);
    boolean failOpen = context.webhooksFailOpen(AdmissionEngine.GATEKEEPER, ns);
    boolean hooksKnown = !context.webhooks().podHooks(AdmissionEngine.GATEKEEPER).isEmpty();
    for (Resource c : constraints) {
      Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(c), "spec");
      var controls = SecurityControls.named(c.kind() + " " + templates.getOrDefault(c.kind(), "") + " "
          + ObjectFields.text(ObjectFields.map(spec, "parameters")));
      if (controls.isEmpty()) {
        continue;
      }
      List<String> exemptions = new ArrayList<>();
      if (!applies(spec, ns, exemptions)) {
        continue;
      }
      if (engineExcluded != null) {
        exclusions.add(engineExcluded);
        continue;
      }
      exemptions.addAll(context.webhookObjectExemptions(AdmissionEngine.GATEKEEPER, ns));
      if (!hooksKnown) {
        exemptions.add("Gatekeeper's webhook configuration is not in the input: its failurePolicy (Ignore by "
            + "default) is unknown");
      }
      out.add(new Enforcement("Gatekeeper", c.kind() + "/" + c.name(), denies(spec), mode(spec), null, controls,
          context.seen(AdmissionEngine.GATEKEEPER), failOpen, exemptions));
    }
  }

  /**
   * Constraint kinds are created at run time, one per ConstraintTemplate, so a collection from a cluster cannot
   * name them in advance and lists templates only. When templates that restrict pods are there but no constraint
   * is, whether Gatekeeper enforces anything is unknown: say so rather than conclude that nothing is enforced.
   */
  private static void uncollected(AdmissionContext context, List<Enforcement> out) {
    if (context.inventory().coverage().source() != dev.kubepci.model.Coverage.Source.CLUSTER) {
      return;
    }
    for (Map.Entry<String, String> t : new java.util.TreeMap<>(templates(context.inventory())).entrySet()) {
      var controls = SecurityControls.named(t.getKey() + " " + t.getValue());
      if (!controls.isEmpty()) {
        out.add(new Enforcement("Gatekeeper", t.getKey() + " constraints (not collected from the cluster)", true,
            "unknown", null, controls, false, false, List.of()));
      }
    }
  }
}
