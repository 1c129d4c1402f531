package dev.kubepci.rules.auth;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;
import java.util.Optional;

/**
 * Flags API servers that accept anonymous requests: {@code --anonymous-auth} absent (the default is true) or true.
 * When anonymous authentication is configured in an {@code --authentication-config} file instead, the file is not
 * in the input and the instance is not assessed.
 */
@RuleInfo(id = "KPCI-0220", name = "apiserver-anonymous-auth", severity = Severity.MEDIUM)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.COLLECT)
public final class ApiServerAnonymousAuthRule implements ComponentRule<ControlPlane.Instance> {
  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    Optional<String> flag = api.flag("anonymous-auth");
    if (flag.isPresent() && FlagValues.isFalse(flag.get())) {
      return List.of();
    }
    if (flag.isEmpty() && FlagValues.decidedInFile(api, "authentication-config", context)) {
      return List.of();
    }
    String seen = flag.orElse(null);
    return List.of(Violation.at(api.pathOf("anonymous-auth"), seen, "kube-apiserver accepts anonymous requests ("
        + (seen == null ? "--anonymous-auth not set; the default is true" : "--anonymous-auth=" + seen) + ")"));
  }

  @Override
  public String undecidedReason(List<String> undecided) {
    return "anonymous authentication is set in an AuthenticationConfiguration file that is not in the input: "
        + String.join(", ", undecided);
  }
}
