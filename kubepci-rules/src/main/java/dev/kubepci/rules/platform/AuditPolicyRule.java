package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Evaluates audit Policy files ({@code audit.k8s.io}) the way the API server does: the first rule that matches a
 * request decides its level; {@code users}, {@code userGroups}, {@code verbs}, {@code namespaces},
 * {@code resources} (group, resource, {@code resource/*} and {@code * /subresource} forms, resource names) and
 * {@code nonResourceURLs} must all match; omitted stages add up from the policy and the rule. It then asks what is
 * logged for the requests an assessor cares about: reading Secrets, changing RBAC, exec and attach, and requests
 * that fail authentication (which carry no user and are logged at stage ResponseStarted). Each must be logged at
 * Metadata or above, Secrets at no more than Metadata, and a final catch-all rule must exist.
 */
@RuleInfo(id = "KPCI-0331", name = "audit-policy-coverage", severity = Severity.HIGH, reads = {"Pod", "Node"})
@EachObject(value = "audit.k8s.io/Policy", ifNone = "no audit Policy in the input")
public final class AuditPolicyRule implements ResourceRule {
  private static final List<String> LEVELS = List.of("None", "Metadata", "Request", "RequestResponse");
  private static final User JANE = new User("jane@example.com", List.of("system:authenticated", "developers"));
  private static final User WORKLOAD = new User("system:serviceaccount:shop:app",
      List.of("system:serviceaccounts", "system:serviceaccounts:shop", "system:authenticated"));

  /** A user of a probe request; null name means the request failed authentication. */
  private record User(String name, List<String> groups) {}

  /**
   * A request to evaluate.
   *
   * @param stage the stage whose omission makes the event disappear
   * @param secretContent true when logging the body would copy Secret values
   */
  private record Probe(String label, User user, String verb, String group, String resource, String namespace,
      String path, String stage, boolean secretContent) {}

  private static final List<Probe> PROBES = List.of(
      new Probe("a person reads a Secret", JANE, "get", "", "secrets", "payments", null, "ResponseComplete", true),
      new Probe("a workload lists Secrets", WORKLOAD, "list", "", "secrets", "payments", null, "ResponseComplete",
          true),
      new Probe("a person creates a RoleBinding", JANE, "create", "rbac.authorization.k8s.io", "rolebindings",
          "payments", null, "ResponseComplete", false),
      new Probe("a workload updates a ClusterRole", WORKLOAD, "update", "rbac.authorization.k8s.io", "clusterroles",
          "", null, "ResponseComplete", false),
      new Probe("a person execs into a pod", JANE, "create", "", "pods/exec", "payments", null, "ResponseStarted",
          false),
      new Probe("a person attaches to a pod", JANE, "create", "", "pods/attach", "payments", null, "ResponseStarted",
          false),
      new Probe("a request fails authentication", null, "get", "", "pods", "payments", null, "ResponseStarted",
          false));

  private static final TableHeader TABLE = new TableHeader("audit-policy", "What the audit policy logs",
      List.of("policy", "request", "level", "decided by", "omitted stages")).sorted();

  @Override
  public Optional<Outcome> precheck(RuleContext context) {
    Inventory inventory = context.inventory();
    if (inventory.ofKind("audit.k8s.io", "Policy").isEmpty()) {
      List<ControlPlane.Instance> apis = ControlPlane.of(inventory).instances(ControlPlane.Component.KUBE_APISERVER);
      String file = apis.stream().map(a -> a.flag("audit-policy-file").orElse(null)).filter(f -> f != null)
          .findFirst().orElse(null);
      if (file != null) {
        return Optional.of(Outcome.notAssessed("kube-apiserver reads its audit policy from " + file
            + ", which is not in the input; add that file"));
      }
      return Optional.of(Outcome.notAssessed(ManagedProvider.of(inventory).map(p -> "the cluster runs on "
          + p.title() + ", whose audit policy is fixed by the provider; collect the provider's documentation of it "
          + "and the log export settings with: " + p.describeCommand())
          .orElse("no audit Policy (audit.k8s.io) is in the input; add the file named by --audit-policy-file")));
    }
    return Optional.empty();
  }

  @Override
  public List<Violation> check(Resource policy, RuleContext context) {
    List<?> rules = policy.list("rules");
    List<String> policyOmits = strings(policy.field("omitStages").orElse(null));
    List<Violation> v = new ArrayList<>();
    for (Probe probe : PROBES) {
      int index = decide(rules, probe);
      Map<?, ?> rule = index < 0 ? Map.of() : (Map<?, ?>) rules.get(index);
      String level = index < 0 ? "None" : String.valueOf(rule.get("level"));
      List<String> omitted = new ArrayList<>(policyOmits);
      omitted.addAll(strings(rule.get("omitStages")));
      FieldPath where = index < 0 ? FieldPath.root().child("rules") : FieldPath.root().child("rules").index(index);
      String decidedBy = index < 0 ? "no rule matches" : "rules[" + index + "]";
      context.row(TABLE, List.of(policy.ref().displayName(), probe.label(), level, decidedBy,
          omitted.isEmpty() ? "-" : String.join(", ", omitted)));
      if (LEVELS.indexOf(level) < 1) {
        v.add(Violation.at(where, level, "when " + probe.label() + ", the audit policy logs nothing (level " + level
            + ", " + decidedBy + ")"));
      } else if (omitted.contains(probe.stage())) {
        v.add(Violation.at(where, "omitStages " + omitted, "when " + probe.label() + ", the event is dropped: stage "
            + probe.stage() + " is omitted (" + decidedBy + ")"));
      } else if (probe.secretContent() && LEVELS.indexOf(level) > 1) {
        v.add(Violation.at(where, level, "when " + probe.label() + ", the audit log records the Secret's content "
            + "(level " + level + ", " + decidedBy + ")"));
      }
    }
    int catchAll = -1;
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) instanceof Map<?, ?> r && isCatchAll(r)) {
        catchAll = i;
        break;
      }
    }
    if (catchAll < 0) {
      v.add(Violation.at(FieldPath.root().child("rules"), rules.size() + " rules", "the audit policy has no "
          + "catch-all rule: requests no rule names are not logged").withSeverity(Severity.MEDIUM));
    } else {
      Map<?, ?> r = (Map<?, ?>) rules.get(catchAll);
      String level = String.valueOf(r.get("level"));
      context.row(TABLE, List.of(policy.ref().displayName(), "any other request", level, "rules[" + catchAll + "] (catch-all)",
          "-"));
      if (LEVELS.indexOf(level) < 1) {
        v.add(Violation.at(FieldPath.root().child("rules").index(catchAll).child("level"), level,
            "the catch-all rule logs other requests at level " + level).withSeverity(Severity.MEDIUM));
      }
    }
    return v;
  }

  private static boolean isCatchAll(Map<?, ?> r) {
    for (String key : List.of("users", "userGroups", "verbs", "resources", "namespaces", "nonResourceURLs")) {
      if (r.get(key) instanceof List<?> l && !l.isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** The index of the first rule that matches {@code probe}, or -1. */
  private static int decide(List<?> rules, Probe probe) {
    for (int i = 0; i < rules.size(); i++) {
      if (rules.get(i) instanceof Map<?, ?> r && matches(r, probe)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean matches(Map<?, ?> rule, Probe p) {
    List<String> users = strings(rule.get("users"));
    if (!users.isEmpty() && (p.user() == null || !users.contains(p.user().name()))) {
      return false;
    }
    List<String> groups = strings(rule.get("userGroups"));
    if (!groups.isEmpty() && (p.user() == null || p.user().groups().stream().noneMatch(groups::contains))) {
      return false;
    }
    List<String> verbs = strings(rule.get("verbs"));
    if (!verbs.isEmpty() && !verbs.contains(p.verb())) {
      return false;
    }
    List<String> namespaces = strings(rule.get("namespaces"));
    List<?> resources = rule.get("resources") instanceof List<?> l ? l : List.of();
    if (!namespaces.isEmpty() || !resources.isEmpty()) {
      if (p.resource() == null) {
        return false;
      }
      if (!namespaces.isEmpty() && !namespaces.contains(p.namespace())) {
        return false;
      }
      if (resources.isEmpty()) {
        return true;
      }
      for (Object o : resources) {
        if (o instanceof Map<?, ?> gr && groupMatches(gr, p)) {
          return true;
        }
      }
      return false;
    }
    List<String> urls = strings(rule.get("nonResourceURLs"));
    if (!urls.isEmpty()) {
      if (p.path() == null) {
        return false;
      }
      return urls.stream().anyMatch(u -> u.equals("*") || u.equals(p.path())
          || u.endsWith("*") && p.path().startsWith(u.substring(0, u.length() - 1)));
    }
    return true;
  }

  private static boolean groupMatches(Map<?, ?> gr, Probe p) {
    String group = gr.get("group") == null ? "" : String.valueOf(gr.get("group"));
    if (!group.equals(p.group())) {
      return false;
    }
    List<String> resources = strings(gr.get("resources"));
    if (resources.isEmpty()) {
      return true;
    }
    if (!strings(gr.get("resourceNames")).isEmpty()) {
      return false; // the probes name no particular object
    }
    int slash = p.resource().indexOf('/');
    String resource = slash < 0 ? p.resource() : p.resource().substring(0, slash);
    String subresource = slash < 0 ? "" : p.resource().substring(slash + 1);
    for (String r : resources) {
      // as the API server's policy checker: "*", exact "resource/subresource", "*/subresource", "resource/*"
      if (r.equals(p.resource()) || r.equals("*")
          || !subresource.isEmpty() && r.startsWith("*/") && r.substring(2).equals(subresource)
          || r.endsWith("/*") && r.substring(0, r.length() - 2).equals(resource)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> strings(Object o) {
    List<String> out = new ArrayList<>();
    if (o instanceof List<?> l) {
      l.forEach(x -> out.add(String.valueOf(x)));
    }
    return out;
  }
}
