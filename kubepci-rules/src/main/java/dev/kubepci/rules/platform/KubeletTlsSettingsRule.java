package dev.kubepci.rules.platform;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ManagedProvider;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.Components;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads KubeletConfiguration files: the kubelet API must accept TLS 1.2 or later only and offer no RC4 or 3DES
 * cipher suite. An absent tlsMinVersion takes the Go default (TLS 1.2). The read-only port is KPCI-0225's and
 * certificate rotation KPCI-0242's, not repeated here. Configuration files are not API objects: a live collection
 * records KubeletConfiguration as not served by the API, and the files are read when given as input.
 */
@RuleInfo(id = "KPCI-0312", name = "kubelet-tls-settings", severity = Severity.HIGH)
public final class KubeletTlsSettingsRule implements ComponentRule<Resource> {
  @Override
  public Components<Resource> components() {
    return Components.kubelets((inventory, component, managed) ->
        "no KubeletConfiguration is in the input; add /var/lib/kubelet/config.yaml of the nodes, or the output of "
            + "kubectl get --raw /api/v1/nodes/<node>/proxy/configz." + ManagedProvider.of(inventory)
            .map(p -> " On " + p.title() + ", read the kubelet configuration through the API proxy (configz) of each "
                + "node; the provider sets tlsMinVersion and tlsCipherSuites.").orElse(""));
  }

  @Override
  public List<Violation> check(Resource r, RuleContext context) {
    List<Violation> v = new ArrayList<>();
    String tls = r.string("tlsMinVersion").orElse("");
    if (tls.equals("VersionTLS10") || tls.equals("VersionTLS11")) {
      v.add(Violation.at(FieldPath.root().child("tlsMinVersion"), tls, "the kubelet accepts " + tls
          + ", below TLS 1.2"));
    }
    if (r.field("tlsCipherSuites").orElse(null) instanceof List<?> suites) {
      for (int i = 0; i < suites.size(); i++) {
        String suite = String.valueOf(suites.get(i));
        if (suite.toUpperCase(Locale.ROOT).matches(".*(RC4|3DES).*")) {
          v.add(Violation.at(FieldPath.root().child("tlsCipherSuites").index(i), suite,
              "the kubelet offers the broken cipher suite " + suite));
        }
      }
    }
    return v;
  }
}
