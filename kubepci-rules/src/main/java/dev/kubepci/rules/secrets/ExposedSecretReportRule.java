package dev.kubepci.rules.secrets;

import dev.kubepci.admission.ObjectFields;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.EachObject;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadNamespace;
import dev.kubepci.secrets.SecretScanner;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads trivy-operator {@code ExposedSecretReport}s, the result of scanning image contents for secrets: every secret
 * a report lists fails (shown by rule, category, severity and file, never the matched text), a report without secrets
 * passes. Running images without a report are listed; when nothing failed and some image was not scanned, the rule
 * cannot decide.
 */
@RuleInfo(id = "KPCI-0133", name = "image-exposed-secrets", severity = Severity.HIGH,
    reads = {"aquasecurity.github.io/ExposedSecretReport"}, readsWorkloads = true)
@EachObject(value = "aquasecurity.github.io/ExposedSecretReport", ifAbsent = "no trivy-operator ExposedSecretReport "
    + "is in the input, so image contents were not scanned for secrets (include the reports: kubectl get "
    + "exposedsecretreports -A -o yaml)")
public final class ExposedSecretReportRule implements ResourceRule {
  private static final String GROUP = "aquasecurity.github.io";

  @Override
  public List<Violation> check(Resource report, RuleContext context) {
    Map<String, Object> body = body(report);
    String image = image(body);
    List<Violation> out = new ArrayList<>();
    List<Map<String, Object>> secrets = ObjectFields.maps(body, "secrets");
    SecretScanner scanner = context.secrets();
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
      out.add(severity(ObjectFields.string(s, "severity")).map(v::withSeverity).orElse(v));
    }
    return out;
  }

  /** Running images no report covers: noted, and undecided, so a clean answer without them is NOT_ASSESSED. */
  @Override
  public void finish(RuleContext context) {
    Inventory inventory = context.inventory();
    Set<String> scanned = new HashSet<>();
    for (Resource report : inventory.ofKind(GROUP, "ExposedSecretReport")) {
      Map<String, Object> body = body(report);
      if (ObjectFields.string(body, "artifact", "repository") != null) {
        scanned.add(key(ImageReference.parse(image(body))));
      }
    }
    Set<String> unscanned = new TreeSet<>();
    for (WorkloadNamespace ns : WorkloadNamespace.all(inventory)) {
      for (Workload w : ns.workloads()) {
        for (Workload.ContainerRef c : w.containers()) {
          String image = c.container().getImage();
          if (image != null && !image.isBlank() && !scanned.contains(key(ImageReference.parse(image)))) {
            unscanned.add(image);
          }
        }
      }
    }
    if (!unscanned.isEmpty()) {
      context.note(unscanned.size() + " running image(s) have no ExposedSecretReport: "
          + String.join(", ", unscanned));
      unscanned.forEach(context::undecided);
    }
  }

  @Override
  public String undecidedReason(List<String> unscanned) {
    return unscanned.size() + " running image(s) were not scanned for secrets: " + String.join(", ", unscanned);
  }

  private static Map<String, Object> body(Resource report) {
    return ObjectFields.map(ObjectFields.tree(report), "report");
  }

  private static String image(Map<String, Object> body) {
    String registry = ObjectFields.string(body, "registry", "server");
    String repository = ObjectFields.string(body, "artifact", "repository");
    String tag = ObjectFields.string(body, "artifact", "tag");
    return (registry == null ? "" : registry + "/") + repository + (tag == null ? "" : ":" + tag);
  }

  private static String key(ImageReference ref) {
    return ref.registry() + "/" + ref.repository();
  }

  private static Optional<Severity> severity(String trivy) {
    if (trivy == null) {
      return Optional.empty();
    }
    return switch (trivy.toUpperCase(Locale.ROOT)) {
      case "CRITICAL" -> Optional.of(Severity.CRITICAL);
      case "HIGH" -> Optional.of(Severity.HIGH);
      case "MEDIUM" -> Optional.of(Severity.MEDIUM);
      case "LOW" -> Optional.of(Severity.LOW);
      default -> Optional.empty();
    };
  }
}
