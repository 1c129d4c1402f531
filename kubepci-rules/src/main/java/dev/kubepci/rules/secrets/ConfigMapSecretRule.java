package dev.kubepci.rules.secrets;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ResourceRule;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.secrets.SecretScanner;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Flags secrets stored in ConfigMaps: a value under a secret-like key, a credential format anywhere in a value, and
 * secret-like {@code key = value} lines inside embedded configuration files (properties, INI, YAML, .env); also the
 * text of {@code binaryData}. Values are never shown.
 */
@RuleInfo(id = "KPCI-0131", name = "secret-in-configmap", severity = Severity.HIGH, reads = {"ConfigMap"})
public final class ConfigMapSecretRule implements ResourceRule {
  @Override
  public boolean appliesTo(Resource resource) {
    return resource.as(ConfigMap.class).isPresent();
  }

  @Override
  public List<Violation> check(Resource resource, RuleContext context) {
    ConfigMap cm = resource.as(ConfigMap.class).orElseThrow();
    List<Violation> out = new ArrayList<>();
    FieldPath data = FieldPath.root().child("data");
    new TreeMap<>(cm.getData() == null ? Map.<String, String>of() : cm.getData())
        .forEach((key, value) -> scan(context.secrets(), data.child(key), "key " + key, key, value, out));
    FieldPath binary = FieldPath.root().child("binaryData");
    new TreeMap<>(cm.getBinaryData() == null ? Map.<String, String>of() : cm.getBinaryData()).forEach((key, value) -> {
      String text = SecretScanner.decodedText(value);
      if (text != null) {
        scan(context.secrets(), binary.child(key), "binaryData key " + key, key, text, out);
      }
    });
    return out;
  }

  /** Scans one value: as a whole when it is one line, line by line when it is an embedded file. */
  static void scan(SecretScanner scanner, FieldPath path, String where, String key, String value,
      List<Violation> out) {
    List<SecretScanner.TextDetection> found = scanner.scanEntry(key, value);
    if (found.isEmpty()) {
      return;
    }
    if (found.size() == 1 && found.get(0).line() == 0) {
      SecretScanner.Detection d = found.get(0).detection();
      out.add(Violation.at(path, d.redacted(), where + " holds a literal secret (" + d.describe() + ")"));
      return;
    }
    // one finding per value (its path is the identity of the finding), naming every line that holds a secret
    List<String> where1 = new ArrayList<>();
    for (SecretScanner.TextDetection t : found) {
      where1.add("line " + t.line() + (t.key() == null ? "" : " (" + t.key() + ")") + ", "
          + t.detection().describe());
    }
    out.add(Violation.at(path, found.stream().map(t -> t.detection().redacted())
        .collect(java.util.stream.Collectors.joining(" ")), where + " holds " + (found.size() == 1
        ? "a literal secret at " : found.size() + " literal secrets at ") + String.join("; ", where1)
        + " of its content"));
  }
}
