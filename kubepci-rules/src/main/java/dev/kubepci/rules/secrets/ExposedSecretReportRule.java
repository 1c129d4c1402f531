package dev.kubepci.rules.secrets;

import dev.kubepci.admission.ObjectFields;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.ClusterRule;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rules.workload.NamespaceWorkloads;
import dev.kubepci.secrets.SecretScanner;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads trivy-operator {@code ExposedSecretReport}s, the result of scanning image contents for secrets: every secret
 * a report lists fails (shown by rule, category, severity and file, never the matched text), a report without secrets
 * passes. Running images without a report are listed; when nothing failed and some image was not scanned, the rule
 * cannot decide.
 */
@RuleInfo(
    id = "KPCI-0133",
    name = "image-exposed-secrets",
    title = "Container images contain no embedded secrets",
    severity = Severity.HIGH,
    rationale = "A secret baked into an image layer is readable by everyone who can pull the image, survives in every "
        + "copy and cache of it, and cannot be rotated without rebuilding. Only a scan of the image contents shows "
        + "it; the cluster's manifests never do.",
    remediation = "Remove the secret from the image (use BuildKit secret mounts or multi-stage builds for build-time "
        + "credentials), rotate it, rebuild and redeploy. Scan every image for secrets in the pipeline and keep "
        + "trivy-operator (or an equivalent) reporting on running images.",
    references = {"https://aquasecurity.github.io/trivy-operator/latest/docs/crds/exposedsecret-report/"},
    reads = {"aquasecurity.github.io/ExposedSecretReport"},
    readsWorkloads = true)
public final class ExposedSecretReportRule implements ClusterRule {
  private static final String GROUP = "aquasecurity.github.io";

  @Override
  public Outcome check(Inventory inventory, RuleContext context) {
    List<Resource> reports = inventory.ofKind(GROUP, "ExposedSecretReport");
    if (reports.isEmpty()) {
      return Outcome.notAssessed("no trivy-operator ExposedSecretReport is in the input, so image contents were not "
          + "scanned for secrets (include the reports: kubectl get exposedsecretreports -A -o yaml)");
    }
    Outcome.Builder out = Outcome.builder();
    SecretScanner scanner = context.secrets();
    Set<String> scanned = new HashSet<>();
    for (Resource report : reports) {
      Map<String, Object> body = ObjectFields.map(ObjectFields.tree(report), "report");
      String registry = ObjectFields.string(body, "registry", "server");
      String repository = ObjectFields.string(body, "artifact", "repository");
      String tag = ObjectFields.string(body, "artifact", "tag");
      String image = (registry == null ? "" : registry + "/") + repository + (tag == null ? "" : ":" + tag);
      if (repository != null) {
        scanned.add(key(ImageReference.parse(image)));
      }
      List<Map<String, Object>> secrets = ObjectFields.maps(body, "secrets");
      if (secrets.isEmpty()) {
        out.pass();
        continue;
      }
      for (int i = 0; i < secrets.size(); i++) {
        Map<String, Object> s = secrets.get(i);
        String match = ObjectFields.string(s, "match");
        String rule = String.valueOf(ObjectFields.string(s, "ruleID"));
        // a snapshot keeps the match as its redaction marker
        SecretScanner.Detection d = SecretScanner.Detection.inMarker(match).orElseGet(() -> new SecretScanner
            .Detection(SecretScanner.Detection.detectorName(rule), scanner.fingerprint(match == null ? rule : match)));
        Violation v = Violation.at(FieldPath.root().child("report").child("secrets").index(i), d.redacted(),
            "image " + image + " contains a secret (" + rule + ", " + ObjectFields.string(s, "category") + ", "
                + ObjectFields.string(s, "severity") + ") in " + ObjectFields.string(s, "target"));
        out.fail(report, severity(ObjectFields.string(s, "severity")).map(v::withSeverity).orElse(v));
      }
    }
    Set<String> unscanned = new TreeSet<>();
    for (List<Workload> workloads : NamespaceWorkloads.of(inventory).values()) {
      for (Workload w : workloads) {
        for (Workload.ContainerRef c : w.containers()) {
          String image = c.container().getImage();
          if (image != null && !image.isBlank() && !scanned.contains(key(ImageReference.parse(image)))) {
            unscanned.add(image);
          }
        }
      }
    }
    if (!unscanned.isEmpty()) {
      out.note(unscanned.size() + " running image(s) have no ExposedSecretReport: " + String.join(", ", unscanned));
    }
    Outcome outcome = out.build("no ExposedSecretReport is in the input");
    if (outcome.failures().isEmpty() && !unscanned.isEmpty()) {
      return Outcome.notAssessed(unscanned.size() + " running image(s) were not scanned for secrets: "
          + String.join(", ", unscanned));
    }
    return outcome;
  }

  private static String key(ImageReference ref) {
    return ref.registry() + "/" + ref.repository();
  }

  private static java.util.Optional<Severity> severity(String trivy) {
    if (trivy == null) {
      return java.util.Optional.empty();
    }
    return switch (trivy.toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> java.util.Optional.of(Severity.CRITICAL);
      case "HIGH" -> java.util.Optional.of(Severity.HIGH);
      case "MEDIUM" -> java.util.Optional.of(Severity.MEDIUM);
      case "LOW" -> java.util.Optional.of(Severity.LOW);
      default -> java.util.Optional.empty();
    };
  }
}
