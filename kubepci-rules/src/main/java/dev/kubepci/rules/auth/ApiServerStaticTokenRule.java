package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.Map;
import java.util.Optional;

/** Flags API servers that read static tokens ({@code --token-auth-file}) or passwords ({@code --basic-auth-file}). */
@RuleInfo(
    id = "KPCI-0221",
    name = "apiserver-static-token-file",
    title = "The API server does not authenticate with a static token or password file",
    severity = Severity.HIGH,
    rationale = "A static token file holds bearer tokens in clear text on every control-plane node; the tokens never "
        + "expire, cannot be revoked without restarting the API server, and are usually shared. A password file "
        + "has the same weaknesses and was removed from Kubernetes for them.",
    remediation = "Remove --token-auth-file (and --basic-auth-file) from kube-apiserver, move people to the external "
        + "identity provider and automation to service-account tokens or workload identity, then delete the file "
        + "from the nodes.",
    references = {"https://kubernetes.io/docs/reference/access-authn-authz/authentication/#static-token-file"},
    reads = {"Pod", "Node"})
public final class ApiServerStaticTokenRule implements ClusterRule {
  private static final Map<ManagedProvider, String> MANAGED = Map.of(
      ManagedProvider.EKS, "the cluster's access entries and aws-auth mappings (EKS offers no static token file)",
      ManagedProvider.AKS, "the cluster's disableLocalAccounts setting (local accounts use static credentials)",
      ManagedProvider.GKE, "the cluster's masterAuth settings (basic authentication and client certificates)");

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Optional<Outcome> hidden = ControlPlaneAccess.unavailable(inventory, ControlPlane.Component.KUBE_APISERVER, MANAGED);
    if (hidden.isPresent()) {
      return hidden.get();
    }
    Outcome.Builder out = Outcome.builder();
    for (ControlPlane.Instance api : ControlPlane.of(inventory).instances(ControlPlane.Component.KUBE_APISERVER)) {
      boolean failed = false;
      Optional<String> tokens = api.flag("token-auth-file");
      if (tokens.isPresent()) {
        out.fail(api.pod(), Violation.at(api.pathOf("token-auth-file"), tokens.get(),
            "kube-apiserver accepts static bearer tokens from " + tokens.get()));
        failed = true;
      }
      Optional<String> passwords = api.flag("basic-auth-file");
      if (passwords.isPresent()) {
        out.fail(api.pod(), Violation.at(api.pathOf("basic-auth-file"), passwords.get(),
            "kube-apiserver accepts passwords from " + passwords.get()).withSeverity(Severity.CRITICAL));
        failed = true;
      }
      if (!failed) {
        out.pass();
      }
    }
    return out.build("no kube-apiserver in the input");
  }
}
