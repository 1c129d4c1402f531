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
import java.util.List;

/** Flags API servers that read static tokens ({@code --token-auth-file}) or passwords ({@code --basic-auth-file}). */
@RuleInfo(id = "KPCI-0221", name = "apiserver-static-token-file", severity = Severity.HIGH)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.COLLECT)
public final class ApiServerStaticTokenRule implements ComponentRule<ControlPlane.Instance> {
  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    api.flag("token-auth-file").ifPresent(tokens -> out.add(Violation.at(api.pathOf("token-auth-file"), tokens,
        "kube-apiserver accepts static bearer tokens from " + tokens)));
    api.flag("basic-auth-file").ifPresent(passwords -> out.add(Violation.at(api.pathOf("basic-auth-file"), passwords,
        "kube-apiserver accepts passwords from " + passwords).withSeverity(Severity.CRITICAL)));
    return out;
  }
}
