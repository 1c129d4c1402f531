package dev.kubepci.admission;

import dev.kubepci.model.Glob;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.LabelSelectors.Notation;
import dev.kubepci.model.Resource;
import dev.kubepci.pss.PssLevel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Kyverno {@code ClusterPolicy} and {@code Policy} objects: which rules apply to the pods of a namespace
 * ({@code match}/{@code exclude} with kinds, namespaces, namespace selectors, and the subjects or labels that narrow
 * them), the action each rule takes there (per-rule {@code failureAction} from Kyverno 1.13, else the policy's
 * {@code validationFailureAction}, each with its per-namespace overrides), {@code failurePolicy},
 * {@code PolicyException}s, and the namespaces Kyverno's own resource filters and webhooks skip.
 */
public final class KyvernoPolicies {
  public static final String GROUP = "kyverno.io";
  /** Kinds whose admission carries a pod spec; Kyverno auto-generates pod rules for the controllers. */
  private static final Set<String> POD_KINDS = Set.of("Pod", "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet",
      "Job", "CronJob", "ReplicationController", "*");
  /** Kyverno's default resource filters skip these namespaces (plus its own) unless the ConfigMap says otherwise. */
  private static final List<String> DEFAULT_FILTERED = List.of("kube-system", "kube-public", "kube-node-lease");

  private KyvernoPolicies() {}

  /** How a rule relates to one namespace. */
  public record Scope(boolean applies, String excludedBy, List<String> exemptions) {}

  /** ClusterPolicies and Policies of the inventory, in input order. */
  public static List<Resource> policies(Inventory inventory) {
    List<Resource> out = new ArrayList<>(inventory.ofKind(GROUP, "ClusterPolicy"));
    out.addAll(inventory.ofKind(GROUP, "Policy"));
    return out;
  }

  /** Whether {@code rule} of {@code policy} applies to pods of {@code ns}, and what it leaves out there. */
  public static Scope scope(Resource policy, Map<String, Object> rule, NamespaceView ns) {
    if ("Policy".equals(policy.kind()) && !ns.name().equals(policy.namespace())) {
      return new Scope(false, null, List.of());
    }
    List<String> exemptions = new ArrayList<>();
    Map<String, Object> match = ObjectFields.map(rule, "match");
    if (!matches(match, ns, exemptions, "applies only to")) {
      return new Scope(false, null, List.of());
    }
    Map<String, Object> exclude = ObjectFields.map(rule, "exclude");
    List<Map<String, Object>> excludeFilters = filters(exclude);
    boolean all = ObjectFields.has(exclude, "all");
    List<Map<String, Object>> hit = new ArrayList<>();
    for (Map<String, Object> f : excludeFilters) {
      if (namespaceMatches(f, ns) && kindsMatchPods(f, true)) {
        hit.add(f);
      }
    }
    boolean excluded = all ? !excludeFilters.isEmpty() && hit.size() == excludeFilters.size() : !hit.isEmpty();
    if (excluded) {
      List<String> narrowing = new ArrayList<>();
      for (Map<String, Object> f : hit) {
        narrowing.addAll(narrowing(f));
      }
      if (narrowing.isEmpty()) {
        return new Scope(false, "Kyverno " + policy.kind() + "/" + policy.name() + " rule "
            + ObjectFields.string(rule, "name") + " excludes this namespace", List.of());
      }
      narrowing.forEach(n -> exemptions.add("excludes " + n));
    }
    return new Scope(true, null, exemptions);
  }

  /**
   * The action ({@code Enforce} or {@code Audit}, as written) a rule takes in {@code ns}: the per-rule
   * {@code failureAction} node of {@code actionHolder} when set, else the policy's {@code validationFailureAction},
   * after the matching per-namespace override.
   */
  public static String action(Map<String, Object> spec, Map<String, Object> actionHolder, NamespaceView ns) {
    String action = ObjectFields.string(actionHolder, "failureAction");
    List<Map<String, Object>> overrides = ObjectFields.maps(actionHolder, "failureActionOverrides");
    if (action == null) {
      action = ObjectFields.string(spec, "validationFailureAction");
    }
    if (overrides.isEmpty()) {
      overrides = ObjectFields.maps(spec, "validationFailureActionOverrides");
    }
    for (Map<String, Object> o : overrides) {
      List<String> namespaces = ObjectFields.strings(o, "namespaces");
      boolean byName = !namespaces.isEmpty() && Glob.matchesAny(namespaces, ns.name());
      boolean bySelector = ObjectFields.has(o, "namespaceSelector")
          && LabelSelectors.matches(ObjectFields.selector(o, "namespaceSelector"), Absent.SELECTS_ALL, ns.labels());
      if (byName || bySelector) {
        action = ObjectFields.string(o, "action");
        break;
      }
    }
    return action == null ? "Audit" : action;
  }

  static boolean isEnforce(String action) {
    return "enforce".equalsIgnoreCase(action);
  }

  /** True when the policy lets requests through when Kyverno fails or times out. */
  public static boolean failOpen(Map<String, Object> spec) {
    String policy = ObjectFields.string(spec, "failurePolicy");
    if (policy == null) {
      policy = ObjectFields.string(spec, "webhookConfiguration", "failurePolicy");
    }
    return "Ignore".equalsIgnoreCase(policy);
  }

  /** Why the policy does not act at admission at all, or null: background-only, or not ready. */
  public static String inactive(Map<String, Object> tree) {
    if ("false".equalsIgnoreCase(String.valueOf(ObjectFields.string(tree, "spec", "admission")))) {
      return "admission: false (background scans only)";
    }
    for (Map<String, Object> c : ObjectFields.maps(tree, "status", "conditions")) {
      if ("Ready".equals(ObjectFields.string(c, "type")) && "False".equals(ObjectFields.string(c, "status"))) {
        String reason = ObjectFields.string(c, "reason");
        return "policy not ready" + (reason == null ? "" : " (" + reason + ")");
      }
    }
    return null;
  }

  /** Why Kyverno skips pods of {@code ns} altogether (its webhooks or resource filters), or null. */
  public static String engineExclusion(Inventory inventory, NamespaceView ns) {
    return engineExclusion(AdmissionContext.of(inventory), ns);
  }

  static String engineExclusion(AdmissionContext context, NamespaceView ns) {
    var byWebhook = context.webhookExclusion(AdmissionEngine.KYVERNO, ns);
    if (byWebhook.isPresent()) {
      return byWebhook.get();
    }
    Resource config = null;
    for (Resource cm : context.inventory().ofKind("ConfigMap")) {
      if (("kyverno".equals(cm.name()) || "kyverno-config".equals(cm.name()))
          && cm.as(io.fabric8.kubernetes.api.model.ConfigMap.class)
              .map(c -> c.getData() != null && c.getData().containsKey("resourceFilters")).orElse(false)) {
        config = cm;
        break;
      }
    }
    if (config != null) {
      String filters = config.as(io.fabric8.kubernetes.api.model.ConfigMap.class).orElseThrow().getData()
          .get("resourceFilters");
      for (String entry : filters.split("\\]")) {
        String[] parts = entry.replace("[", "").trim().split(",");
        if (parts.length == 3 && kindIsPod(parts[0].trim()) && parts[2].trim().equals("*")
            && Glob.matches(parts[1].trim(), ns.name())) {
          return "Kyverno resource filter [" + String.join(",", parts).trim() + "] in ConfigMap "
              + config.namespace() + "/" + config.name() + " skips this namespace";
        }
      }
      return null;
    }
    List<String> defaults = new ArrayList<>(DEFAULT_FILTERED);
    context.engineNamespace(AdmissionEngine.KYVERNO).ifPresent(defaults::add);
    if (defaults.contains(ns.name())) {
      return "Kyverno's default resource filters skip this namespace (its ConfigMap is not in the input)";
    }
    return null;
  }

  /** PolicyExceptions that exempt pods of {@code ns} from {@code policyName} (rule {@code ruleName}). */
  static List<String> exceptions(Inventory inventory, String policyName, String ruleName, NamespaceView ns) {
    List<String> out = new ArrayList<>();
    for (Resource ex : inventory.ofKind(GROUP, "PolicyException")) {
      Map<String, Object> spec = ObjectFields.map(ObjectFields.tree(ex), "spec");
      boolean names = false;
      for (Map<String, Object> e : ObjectFields.maps(spec, "exceptions")) {
        List<String> rules = ObjectFields.strings(e, "ruleNames");
        if (policyName.equals(ObjectFields.string(e, "policyName"))
            && (rules.isEmpty() || Glob.matchesAny(rules, ruleName) || rules.stream().anyMatch(r -> ruleName.startsWith(
                "autogen-") && Glob.matches(r, ruleName)))) {
          names = true;
        }
      }
      if (names && matches(ObjectFields.map(spec, "match"), ns, new ArrayList<>(), "")) {
        out.add("PolicyException " + ex.namespace() + "/" + ex.name() + " exempts "
            + describeSelection(ObjectFields.map(spec, "match")) + " from " + policyName + "/" + ruleName);
      }
    }
    return out;
  }

  /** Adds the enforcement of every Kyverno policy that restricts pod security fields in {@code ns}. */
  static void collect(AdmissionContext context, NamespaceView ns, List<Enforcement> out, List<String> exclusions) {
    List<Resource> policies = policies(context.inventory());
    if (policies.isEmpty()) {
      return;
    }
    String engineExcluded = engineExclusion(context, ns);
    boolean engineSeen = context.seen(AdmissionEngine.KYVERNO);
    for (Resource policy : policies) {
      Map<String, Object> tree = ObjectFields.tree(policy);
      Map<String, Object> spec = ObjectFields.map(tree, "spec");
      String inactive = inactive(tree);
      Set<String> enforced = new TreeSet<>();
      Set<String> audited = new TreeSet<>();
      PssLevel enforcedLevel = null;
      PssLevel auditedLevel = null;
      Set<String> exemptions = new LinkedHashSet<>();
      boolean any = false;
      for (Map<String, Object> rule : ObjectFields.maps(spec, "rules")) {
        Map<String, Object> validate = ObjectFields.map(rule, "validate");
        if (validate.isEmpty()) {
          continue;
        }
        Set<String> controls;
        PssLevel level = null;
        Map<String, Object> podSecurity = ObjectFields.map(validate, "podSecurity");
        if (!podSecurity.isEmpty()) {
          try {
            level = PssLevel.parse(ObjectFields.string(podSecurity, "level"));
          } catch (IllegalArgumentException e) {
            level = null;
          }
          controls = level == null || level == PssLevel.PRIVILEGED ? Set.of() : SecurityControls.ofLevel(level);
          for (Map<String, Object> x : ObjectFields.maps(podSecurity, "exclude")) {
            List<String> images = ObjectFields.strings(x, "images");
            exemptions.add("podSecurity excludes control \"" + ObjectFields.string(x, "controlName") + "\""
                + (images.isEmpty() ? "" : " for images " + String.join(", ", images)));
          }
        } else {
          controls = SecurityControls.named(ObjectFields.text(validate));
        }
        if (controls.isEmpty()) {
          continue;
        }
        String ruleName = String.valueOf(ObjectFields.string(rule, "name"));
        if (!appliesToPods(ObjectFields.map(rule, "match"))) {
          continue;
        }
        Scope scope = scope(policy, rule, ns);
        if (!scope.applies()) {
          if (scope.excludedBy() != null) {
            exclusions.add(scope.excludedBy());
          }
          continue;
        }
        any = true;
        exemptions.addAll(scope.exemptions());
        exemptions.addAll(exceptions(context.inventory(), policy.name(), ruleName, ns));
        if (inactive == null && isEnforce(action(spec, validate, ns))) {
          enforced.addAll(controls);
          enforcedLevel = stronger(enforcedLevel, level);
        } else {
          audited.addAll(controls);
          auditedLevel = stronger(auditedLevel, level);
        }
      }
      if (!any) {
        continue;
      }
      if (engineExcluded != null) {
        exclusions.add(engineExcluded);
        continue;
      }
      String name = policy.kind() + "/" + (policy.namespace() == null ? "" : policy.namespace() + "/") + policy.name();
      boolean failOpen = failOpen(spec);
      if (!enforced.isEmpty()) {
        out.add(new Enforcement("Kyverno", name, true, "Enforce", enforcedLevel, enforced, engineSeen, failOpen,
            List.copyOf(exemptions)));
      }
      if (!audited.isEmpty()) {
        out.add(new Enforcement("Kyverno", name, false, inactive != null ? inactive : "Audit", auditedLevel, audited,
            engineSeen, failOpen, List.of()));
      }
    }
  }

  private static PssLevel stronger(PssLevel a, PssLevel b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }

  /** True when the rule's match names a pod kind (Pod or a controller Kyverno generates pod rules for). */
  public static boolean appliesToPods(Map<String, Object> match) {
    for (Map<String, Object> f : filters(match)) {
      if (kindsMatchPods(f, false)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matches(Map<String, Object> match, NamespaceView ns, List<String> exemptions, String verb) {
    List<Map<String, Object>> filters = filters(match);
    if (filters.isEmpty()) {
      return false;
    }
    boolean all = ObjectFields.has(match, "all");
    List<String> narrowing = new ArrayList<>();
    boolean anyMatched = false;
    for (Map<String, Object> f : filters) {
      boolean ok = namespaceMatches(f, ns);
      if (all && !ok) {
        return false;
      }
      if (ok) {
        anyMatched = true;
        List<String> n = narrowing(f);
        if (n.isEmpty() && !all) {
          narrowing.clear();
          break; // an unrestricted filter selects every pod of the namespace
        }
        narrowing.addAll(n);
      }
    }
    if (anyMatched && !verb.isEmpty()) {
      narrowing.forEach(n -> exemptions.add(verb + " " + n));
    }
    return anyMatched;
  }

  /** The filters of a match or exclude block: {@code any}, {@code all}, or the legacy single {@code resources}. */
  private static List<Map<String, Object>> filters(Map<String, Object> block) {
    if (ObjectFields.has(block, "any")) {
      return ObjectFields.maps(block, "any");
    }
    if (ObjectFields.has(block, "all")) {
      return ObjectFields.maps(block, "all");
    }
    return block.isEmpty() ? List.of() : List.of(block);
  }

  private static boolean namespaceMatches(Map<String, Object> filter, NamespaceView ns) {
    Map<String, Object> resources = ObjectFields.map(filter, "resources");
    List<String> namespaces = ObjectFields.strings(resources, "namespaces");
    if (!namespaces.isEmpty() && !Glob.matchesAny(namespaces, ns.name())) {
      return false;
    }
    return !ObjectFields.has(resources, "namespaceSelector")
        || LabelSelectors.matches(ObjectFields.selector(resources, "namespaceSelector"), Absent.SELECTS_ALL,
            ns.labels());
  }

  private static boolean kindsMatchPods(Map<String, Object> filter, boolean emptyMatches) {
    List<String> kinds = ObjectFields.strings(filter, "resources", "kinds");
    if (kinds.isEmpty()) {
      return emptyMatches;
    }
    return kinds.stream().anyMatch(KyvernoPolicies::kindIsPod);
  }

  private static boolean kindIsPod(String kind) {
    String k = kind.contains("/") ? kind.substring(kind.lastIndexOf('/') + 1) : kind;
    return POD_KINDS.contains(k) || k.contains("*") && Glob.matches(k, "Pod");
  }

  /** What narrows a filter below "every pod of the namespace": label selectors, names, users, roles. */
  private static List<String> narrowing(Map<String, Object> filter) {
    List<String> out = new ArrayList<>();
    Map<String, Object> resources = ObjectFields.map(filter, "resources");
    if (!LabelSelectors.isEmpty(ObjectFields.map(resources, "selector"))) {
      out.add("pods labelled " + LabelSelectors.describe(ObjectFields.map(resources, "selector"), Notation.KUBECTL));
    }
    List<String> names = new ArrayList<>(ObjectFields.strings(resources, "names"));
    if (ObjectFields.string(resources, "name") != null) {
      names.add(ObjectFields.string(resources, "name"));
    }
    if (!names.isEmpty()) {
      out.add("objects named " + String.join(", ", names));
    }
    for (Map<String, Object> s : ObjectFields.maps(filter, "subjects")) {
      String kind = ObjectFields.string(s, "kind");
      String name = ObjectFields.string(s, "name");
      String sns = ObjectFields.string(s, "namespace");
      out.add("requests by " + kind + " " + (sns == null ? "" : sns + "/") + name);
    }
    for (String role : ObjectFields.strings(filter, "roles")) {
      out.add("requests by holders of Role " + role);
    }
    for (String role : ObjectFields.strings(filter, "clusterRoles")) {
      out.add("requests by holders of ClusterRole " + role);
    }
    return out;
  }

  private static String describeSelection(Map<String, Object> match) {
    List<String> parts = new ArrayList<>();
    for (Map<String, Object> f : filters(match)) {
      Map<String, Object> resources = ObjectFields.map(f, "resources");
      List<String> names = ObjectFields.strings(resources, "names");
      List<String> kinds = ObjectFields.strings(resources, "kinds");
      parts.add((kinds.isEmpty() ? "objects" : String.join("/", kinds)) + (names.isEmpty() ? "" : " " + names));
    }
    return parts.isEmpty() ? "objects" : String.join(" or ", parts);
  }
}
