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

/**
 * Checks that etcd serves clients and peers with certificates of its own ({@code --cert-file}/{@code --key-file},
 * {@code --peer-cert-file}/{@code --peer-key-file}) and that peer traffic, which replicates every write, never
 * travels as plain http off the host. Client-certificate authentication, automatic TLS and http client listeners are
 * KPCI-0226's, not repeated here.
 */
@RuleInfo(id = "KPCI-0313", name = "etcd-server-tls", severity = Severity.HIGH)
@EachInstance(of = ControlPlane.Component.ETCD, notVisible = NotVisible.Wording.PROVIDER_SETTINGS)
public final class EtcdServerTlsRule implements ComponentRule<ControlPlane.Instance> {
  @Override
  public List<Violation> check(ControlPlane.Instance etcd, RuleContext context) {
    List<Violation> v = new ArrayList<>();
    for (String flag : List.of("cert-file", "key-file", "peer-cert-file", "peer-key-file")) {
      if (etcd.flag(flag).isEmpty()) {
        v.add(Violation.at(etcd.pathOf(flag), null, "etcd has no --" + flag));
      }
    }
    for (String flag : List.of("listen-peer-urls", "initial-advertise-peer-urls")) {
      etcd.flag(flag).ifPresent(urls -> {
        for (String url : urls.split(",")) {
          String u = url.trim();
          if (u.startsWith("http://") && !u.matches("http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:\\d+)?/?")) {
            v.add(Violation.at(etcd.pathOf(flag), u, "etcd " + (flag.startsWith("listen") ? "listens for"
                : "advertises") + " peers without TLS on " + u));
          }
        }
      });
    }
    return v;
  }
}
