package dev.kubepci.rules.secrets;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.secrets.SecretScanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Flags secrets stored in annotations of any object other than a Secret (Secrets hold secrets by design), including
 * the pod template annotations of workloads. {@code kubectl.kubernetes.io/last-applied-configuration} is skipped: it
 * repeats the object's own fields, whose secrets the environment and ConfigMap rules report where they are used.
 */
@RuleInfo(id = "KPCI-0132", name = "secret-in-annotation", severity = Severity.HIGH, reads = {"Namespace", "Service",
    "Ingress", "ConfigMap", "ServiceAccount"}, readsWorkloads = true)
public final class AnnotationSecretRule implements ResourceRule {
  /** Annotations that repeat the object or record tooling state, never credentials of their own. */
  private static final Set<String> SKIPPED = Set.of("kubectl.kubernetes.io/last-applied-configuration",
      "deployment.kubernetes.io/revision", "control-plane.alpha.kubernetes.io/leader");

  @Override
  public boolean appliesTo(Resource resource) {
    return !"Secret".equals(resource.kind());
  }

  @Override
  public List<Violation> check(Resource resource, RuleContext context) {
    List<Violation> out = new ArrayList<>();
    SecretScanner scanner = context.secrets();
    scan(scanner, resource.annotations(), FieldPath.root().child("metadata").child("annotations"), out);
    Workloads.of(resource).filter(w -> !w.podMetadataPath().toString().equals("metadata")).ifPresent((Workload w) ->
        scan(scanner, w.podAnnotations(), w.podMetadataPath().child("annotations"), out));
    return out;
  }

  private static void scan(SecretScanner scanner, Map<String, String> annotations, FieldPath base,
      List<Violation> out) {
    new TreeMap<>(annotations).forEach((key, value) -> {
      if (!SKIPPED.contains(key) && !key.startsWith("meta.helm.sh/")) {
        ConfigMapSecretRule.scan(scanner, base.child(key), "annotation " + key, key, value, out);
      }
    });
  }
}
