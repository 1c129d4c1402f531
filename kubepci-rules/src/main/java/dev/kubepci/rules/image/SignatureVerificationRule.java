package dev.kubepci.rules.image;

import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.NamespaceRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Flags containers whose image no enforcing signature-verification policy covers in the workload's namespace:
 * Kyverno verifyImages in Enforce, a Sigstore ClusterImagePolicy in enforce mode for an opted-in namespace,
 * Connaisseur, Ratify through a denying Gatekeeper constraint, or Kubewarden's verify-image-signatures in protect
 * mode. The table {@code image-signature-coverage} shows, per namespace, what verifies which images.
 */
@RuleInfo(id = "KPCI-0111", name = "image-signature-verification", severity = Severity.MEDIUM, reads = {"Namespace",
    "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "kyverno.io/ClusterPolicy", "kyverno.io/Policy",
    "policy.sigstore.dev/ClusterImagePolicy", "policies.kubewarden.io/ClusterAdmissionPolicy",
    "policies.kubewarden.io/AdmissionPolicy", "ConfigMap"}, readsWorkloads = true)
public final class SignatureVerificationRule implements ClusterRule {
  static final String TABLE = "image-signature-coverage";

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    Set<String> unconfirmed = new TreeSet<>();
    for (WorkloadNamespace namespace : WorkloadNamespace.all(inventory)) {
      String ns = namespace.name();
      List<ImageSignaturePolicies.Verifier> verifiers = ImageSignaturePolicies.forNamespace(inventory, ns);
      List<ImageSignaturePolicies.Verifier> effective = verifiers.stream()
          .filter(ImageSignaturePolicies.Verifier::effective).toList();
      Set<String> images = new TreeSet<>();
      Set<String> unverified = new TreeSet<>();
      for (Workload w : namespace.workloads()) {
        List<Violation> violations = new ArrayList<>();
        for (Workload.ContainerRef c : w.containers()) {
          String image = c.container().getImage();
          if (image == null || image.isBlank()) {
            continue;
          }
          images.add(image);
          ImageReference ref = ImageReference.parse(image);
          if (effective.stream().anyMatch(v -> v.covers(ref))) {
            continue;
          }
          if (verifiers.stream().anyMatch(v -> v.enforcing() && !v.engineSeen() && v.covers(ref))) {
            unconfirmed.add(ns + ": " + image); // an enforcing policy covers it, but its engine was not seen
            continue;
          }
          unverified.add(image);
          violations.add(Violation.at(c.path().child("image"), image, c.describe() + " image is admitted without "
              + "signature verification in namespace " + ns + why(verifiers, ref)));
        }
        if (violations.isEmpty()) {
          out.pass();
        } else {
          out.fail(w.resource(), violations);
        }
      }
      rows.add(List.of(ns, String.valueOf(images.size()),
          verifiers.isEmpty() ? "-" : verifiers.stream().map(ImageSignaturePolicies.Verifier::describe)
              .collect(Collectors.joining("; ")),
          unverified.isEmpty() ? "none" : unverified.size() + ": " + String.join(", ", unverified)));
    }
    out.table(new Table(TABLE, "Image signature verification per namespace",
        List.of("namespace", "images", "verified by", "unverified images"), rows));
    if (!unconfirmed.isEmpty()) {
      out.note("verification not confirmed (policy engine not in the input) for " + String.join(", ", unconfirmed));
      out.notAssessedIfClean("the engine that would verify " + String.join(", ", unconfirmed) + " is not in the input");
    }
    return out.build(NamespaceRule.NO_NAMESPACES);
  }

  private static String why(List<ImageSignaturePolicies.Verifier> verifiers, ImageReference ref) {
    List<String> reasons = new ArrayList<>();
    for (ImageSignaturePolicies.Verifier v : verifiers) {
      if (!v.covers(ref)) {
        reasons.add(v.describe() + " does not match it");
      } else if (!v.enforcing()) {
        reasons.add(v.describe() + " only reports");
      } else if (!v.engineSeen()) {
        reasons.add(v.describe() + " has no engine in the input");
      }
    }
    return reasons.isEmpty() ? " (no verification policy applies there)" : " (" + String.join("; ", reasons) + ")";
  }
}
