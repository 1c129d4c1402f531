package dev.kubepci.rules.pki;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachKubelet;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.auth.FlagValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that kubelets rotate their client certificates ({@code rotateCertificates}, default false) and get serving
 * certificates from the cluster CA ({@code serverTLSBootstrap}, default false) instead of signing their own.
 */
@RuleInfo(id = "KPCI-0242", name = "kubelet-certificate-rotation", severity = Severity.MEDIUM)
@EachKubelet(showing = "rotateCertificates and serverTLSBootstrap")
public final class KubeletCertificateRotationRule implements ComponentRule<Resource> {
  @Override
  public List<Violation> check(Resource kubelet, RuleContext context) {
    List<Violation> violations = new ArrayList<>();
    Object rotate = kubelet.field("rotateCertificates").orElse(null);
    if (rotate == null || !FlagValues.isTrue(String.valueOf(rotate))) {
      violations.add(Violation.at(FieldPath.root().child("rotateCertificates"), rotate, "the kubelet does not "
          + "rotate its client certificate (rotateCertificates " + (rotate == null ? "not set; the default is false"
          : "is " + rotate) + ")"));
    }
    Object bootstrap = kubelet.field("serverTLSBootstrap").orElse(null);
    if (bootstrap == null || !FlagValues.isTrue(String.valueOf(bootstrap))) {
      violations.add(Violation.at(FieldPath.root().child("serverTLSBootstrap"), bootstrap, "the kubelet serves "
          + "with a self-signed certificate instead of one from the cluster CA (serverTLSBootstrap "
          + (bootstrap == null ? "not set; the default is false" : "is " + bootstrap) + ")")
          .withSeverity(Severity.LOW));
    }
    return violations;
  }
}
