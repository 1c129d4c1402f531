package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.Components;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that etcd requires client certificates from clients and peers, uses no self-generated (auto) TLS, and
 * serves clients only over HTTPS. etcd run outside the cluster (the API server's {@code --etcd-servers} points
 * elsewhere) is not visible and is reported NOT_ASSESSED.
 */
@RuleInfo(id = "KPCI-0226", name = "etcd-client-certificate-auth", severity = Severity.CRITICAL)
public final class EtcdClientCertificateRule implements ComponentRule<ControlPlane.Instance> {
  /** An API server that names its etcd members shows that etcd runs outside the input, not that it is hidden. */
  private static final NotVisible EXTERNAL_OR_HIDDEN = (inventory, component, managed) ->
      ControlPlane.of(inventory).instances(ControlPlane.Component.KUBE_APISERVER).stream()
          .map(a -> a.flag("etcd-servers")).flatMap(Optional::stream).findFirst()
          .map(servers -> "etcd is not in the input; the API server uses --etcd-servers=" + servers
              + ": collect the flags or configuration file of those etcd members")
          .orElseGet(() -> NotVisible.collect().reason(inventory, component, managed));

  @Override
  public Components<ControlPlane.Instance> components() {
    return Components.of(ControlPlane.Component.ETCD, EXTERNAL_OR_HIDDEN);
  }

  @Override
  public List<Violation> check(ControlPlane.Instance etcd, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    requireTrue(etcd, "client-cert-auth", "etcd accepts clients without a certificate", violations);
    requireTrue(etcd, "peer-client-cert-auth", "etcd accepts peers without a certificate", violations);
    for (String auto : List.of("auto-tls", "peer-auto-tls")) {
      Optional<String> v = etcd.flag(auto);
      if (v.isPresent() && FlagValues.isTrue(v.get())) {
        violations.add(Violation.at(etcd.pathOf(auto), v.get(), "etcd uses self-signed certificates (--" + auto
            + "=" + v.get() + ")"));
      }
    }
    Optional<String> urls = etcd.flag("listen-client-urls");
    if (urls.isPresent()) {
      for (String url : urls.get().split(",")) {
        if (url.trim().startsWith("http://")) {
          violations.add(Violation.at(etcd.pathOf("listen-client-urls"), urls.get(), "etcd serves clients without "
              + "TLS on " + url.trim()));
        }
      }
    }
    return violations;
  }

  private static void requireTrue(ControlPlane.Instance etcd, String flag, String message, List<Violation> out) {
    Optional<String> v = etcd.flag(flag);
    if (v.isEmpty() || !FlagValues.isTrue(v.get())) {
      out.add(Violation.at(etcd.pathOf(flag), v.orElse(null), message + " (--" + flag
          + v.map(x -> "=" + x).orElse(" not set; the default is false") + ")"));
    }
  }
}
