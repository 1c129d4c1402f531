package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Checks the API server's authorization modes: no AlwaysAllow, no ABAC, RBAC and Node present. A Webhook mode is
 * noted: its decisions are made outside the cluster and must be reviewed with the provider's tools.
 */
@RuleInfo(id = "KPCI-0223", name = "apiserver-authorization-mode", severity = Severity.HIGH)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.COLLECT)
public final class ApiServerAuthorizationModeRule implements ComponentRule<ControlPlane.Instance> {
  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    Optional<String> flag = api.flag("authorization-mode");
    if (flag.isEmpty() && FlagValues.decidedInFile(api, "authorization-config", context)) {
      return List.of();
    }
    String seen = flag.orElse(null);
    List<String> modes = flag.map(f -> Arrays.stream(f.split(",")).map(String::trim).toList())
        .orElse(List.of("AlwaysAllow"));
    String shown = seen == null ? "--authorization-mode not set; the default is AlwaysAllow" : "--authorization-mode="
        + seen;
    List<Violation> violations = new ArrayList<>();
    if (modes.contains("AlwaysAllow")) {
      violations.add(Violation.at(api.pathOf("authorization-mode"), seen, "kube-apiserver authorizes every request "
          + "(" + shown + ")").withSeverity(Severity.CRITICAL));
    }
    if (modes.contains("ABAC")) {
      violations.add(Violation.at(api.pathOf("authorization-mode"), seen, "kube-apiserver authorizes with a static "
          + "ABAC policy file (" + shown + ")"));
    }
    if (!modes.contains("RBAC")) {
      violations.add(Violation.at(api.pathOf("authorization-mode"), seen, "kube-apiserver does not use RBAC ("
          + shown + ")"));
    }
    if (!modes.contains("Node")) {
      violations.add(Violation.at(api.pathOf("authorization-mode"), seen, "kube-apiserver does not use the Node "
          + "authorizer, so kubelet credentials are not limited to their own node (" + shown + ")")
          .withSeverity(Severity.MEDIUM));
    }
    if (modes.contains("Webhook")) {
      context.note(api.pod().ref().displayName() + ": a Webhook authorizer also decides requests; review its policy, "
          + "which RBAC analysis does not see");
    }
    return violations;
  }

  @Override
  public String undecidedReason(List<String> undecided) {
    return "the authorization modes are set in an AuthorizationConfiguration file that is not in the input: "
        + String.join(", ", undecided);
  }
}
