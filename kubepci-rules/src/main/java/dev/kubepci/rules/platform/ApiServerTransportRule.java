package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks the TLS of the API server's own listener and of its calls: TLS 1.2 at least, no RC4 or 3DES suites, etcd
 * over https with a client certificate, and kubelet serving certificates verified against a CA. The insecure port is
 * KPCI-0225's, not repeated here.
 */
@RuleInfo(id = "KPCI-0311", name = "apiserver-transport-security", severity = Severity.HIGH)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.PROVIDER_SETTINGS)
public final class ApiServerTransportRule implements ComponentRule<ControlPlane.Instance> {
  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    List<Violation> v = new ArrayList<>();
    api.flag("tls-min-version").filter(t -> t.equals("VersionTLS10") || t.equals("VersionTLS11"))
        .ifPresent(t -> v.add(Violation.at(api.pathOf("tls-min-version"), "--tls-min-version=" + t,
            "kube-apiserver accepts " + t + ", below TLS 1.2")));
    api.flag("tls-cipher-suites").filter(s -> s.toUpperCase(Locale.ROOT).matches(".*(RC4|3DES).*"))
        .ifPresent(s -> v.add(Violation.at(api.pathOf("tls-cipher-suites"), "--tls-cipher-suites=" + s,
            "kube-apiserver offers broken cipher suites (RC4 or 3DES)")));
    Optional<String> etcd = api.flag("etcd-servers");
    if (etcd.isPresent() && etcd.get().contains("http://")) {
      v.add(Violation.at(api.pathOf("etcd-servers"), "--etcd-servers=" + etcd.get(),
          "kube-apiserver talks to etcd over plain http"));
    } else if (etcd.isPresent() && api.flag("etcd-certfile").isEmpty()) {
      v.add(Violation.at(api.pathOf("etcd-certfile"), null,
          "kube-apiserver presents no client certificate to etcd (no --etcd-certfile)"));
    }
    if (api.flag("kubelet-certificate-authority").isEmpty()) {
      v.add(Violation.at(api.pathOf("kubelet-certificate-authority"), null, "kube-apiserver does not verify kubelet "
          + "serving certificates (no --kubelet-certificate-authority)").withSeverity(Severity.MEDIUM));
    }
    return v;
  }
}
