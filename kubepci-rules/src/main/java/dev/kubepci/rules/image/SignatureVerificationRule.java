package dev.kubepci.rules.image;

import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.workload.NamespaceWorkloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Flags containers whose image no enforcing signature-verification policy covers in the workload's namespace:
 * Kyverno verifyImages in Enforce, a Sigstore ClusterImagePolicy in enforce mode for an opted-in namespace,
 * Connaisseur, Ratify through a denying Gatekeeper constraint, or Kubewarden's verify-image-signatures in protect
 * mode. The table {@code image-signature-coverage} shows, per namespace, what verifies which images.
 */
@RuleInfo(
    id = "KPCI-0111",
    name = "image-signature-verification",
    title = "Admission verifies the signature of every image before its pod runs",
    severity = Severity.MEDIUM,
    rationale = "A tag or even a registry can be made to serve a replaced image; only a signature made by the "
        + "organisation's build pipeline and checked at admission proves that the image is the one that was built "
        + "and approved. The guidance prefers signature verification to digests and asks that only images signed by "
        + "authorised pipelines can be deployed.",
    remediation = "Sign images in the release pipeline (for example with cosign, keyless with the pipeline's "
        + "identity) and enforce verification at admission for every namespace: a Kyverno verifyImages rule in "
        + "Enforce, a Sigstore ClusterImagePolicy with the namespace labelled policy.sigstore.dev/include=true, "
        + "Connaisseur, or Ratify with Gatekeeper. Cover third-party images by re-signing them after vetting.",
    references = {"https://docs.sigstore.dev/policy-controller/overview/",
        "https://kyverno.io/docs/policy-types/cluster-policy/verify-images/"},
    reads = {"Namespace", "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration",
        "kyverno.io/ClusterPolicy", "kyverno.io/Policy", "policy.sigstore.dev/ClusterImagePolicy",
        "policies.kubewarden.io/ClusterAdmissionPolicy", "policies.kubewarden.io/AdmissionPolicy", "ConfigMap"},
    readsWorkloads = true)
public final class SignatureVerificationRule implements ClusterRule {
  static final String TABLE = "image-signature-coverage";

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    Outcome.Builder out = Outcome.builder();
    List<List<String>> rows = new ArrayList<>();
    Set<String> unconfirmed = new TreeSet<>();
    for (Map.Entry<String, List<Workload>> e : NamespaceWorkloads.of(inventory).entrySet()) {
      String ns = e.getKey();
      List<ImageSignaturePolicies.Verifier> verifiers = ImageSignaturePolicies.forNamespace(inventory, ns);
      List<ImageSignaturePolicies.Verifier> effective = verifiers.stream()
          .filter(ImageSignaturePolicies.Verifier::effective).toList();
      Set<String> images = new TreeSet<>();
      Set<String> unverified = new TreeSet<>();
      for (Workload w : e.getValue()) {
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
    Table table = new Table(TABLE, "Image signature verification per namespace",
        List.of("namespace", "images", "verified by", "unverified images"), rows);
    out.table(table);
    if (!unconfirmed.isEmpty()) {
      out.note("verification not confirmed (policy engine not in the input) for " + String.join(", ", unconfirmed));
    }
    Outcome outcome = out.build("no namespace in the input runs workloads");
    if (outcome.failures().isEmpty() && !unconfirmed.isEmpty()) {
      return Outcome.notAssessed("the engine that would verify " + String.join(", ", unconfirmed)
          + " is not in the input").withTable(table);
    }
    return outcome;
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
