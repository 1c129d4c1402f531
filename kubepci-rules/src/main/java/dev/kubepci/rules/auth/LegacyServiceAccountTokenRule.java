package dev.kubepci.rules.auth;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import java.util.List;

/**
 * Flags Secrets of type {@code kubernetes.io/service-account-token}: long-lived tokens that never expire. Only the
 * type and annotations are read; token values are never looked at.
 */
@RuleInfo(id = "KPCI-0215", name = "legacy-serviceaccount-token", severity = Severity.HIGH, reads = {"Secret"})
@EachObject("Secret")
public final class LegacyServiceAccountTokenRule implements ResourceRule {
  static final String TYPE = "kubernetes.io/service-account-token";

  @Override
  public List<Violation> check(Resource resource, RuleContext context) {
    String type = resource.as(io.fabric8.kubernetes.api.model.Secret.class).map(s -> s.getType()).orElse(null);
    if (!TYPE.equals(type)) {
      return List.of();
    }
    String account = resource.annotations().getOrDefault("kubernetes.io/service-account.name", "<unknown>");
    String lastUsed = resource.labels().get("kubernetes.io/legacy-token-last-used");
    String invalid = resource.labels().get("kubernetes.io/legacy-token-invalid-since");
    String usage = invalid != null ? "; invalidated since " + invalid
        : lastUsed != null ? "; last used " + lastUsed : "";
    return List.of(Violation.at(FieldPath.root().child("type"), type, "Secret holds a non-expiring token of "
        + "ServiceAccount " + resource.namespace() + "/" + account + usage));
  }
}
