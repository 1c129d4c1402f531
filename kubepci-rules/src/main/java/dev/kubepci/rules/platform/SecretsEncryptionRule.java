package dev.kubepci.rules.platform;

import dev.kubepci.model.ControlPlane;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.ComponentRule;
import dev.kubepci.rule.EachInstance;
import dev.kubepci.rule.NotVisible;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks encryption at rest of Secrets: the API server has --encryption-provider-config, and the
 * EncryptionConfiguration it names (given as input) covers secrets with a first provider that encrypts. Local-key
 * providers (aescbc, aesgcm, secretbox) pass the basic test but are reported at low severity: the key sits on the
 * control-plane disk next to the data it protects. Key material is never shown, only key names. Each configuration
 * is judged once however many API servers name it; a named file missing from the input leaves the rule NOT_ASSESSED.
 */
@RuleInfo(id = "KPCI-0320", name = "secrets-encryption-at-rest", severity = Severity.HIGH)
@EachInstance(of = ControlPlane.Component.KUBE_APISERVER, notVisible = NotVisible.Wording.PROVIDER_SETTINGS)
public final class SecretsEncryptionRule implements ComponentRule<ControlPlane.Instance> {
  private static final TableHeader TABLE = new TableHeader("encryption-at-rest", "Encryption at rest",
      List.of("configuration", "resources", "providers in order", "key names")).sorted();
  private static final String FLAG = "encryption-provider-config";

  @Override
  public List<TableHeader> tables() {
    return List.of(TABLE);
  }

  @Override
  public List<Violation> check(ControlPlane.Instance api, RuleContext context) {
    Optional<String> flag = api.flag(FLAG);
    if (flag.isEmpty()) {
      return List.of(Violation.at(api.pathOf(FLAG), null,
          "kube-apiserver has no --encryption-provider-config: Secrets are stored in etcd unencrypted"));
    }
    if (referenced(api, context).isEmpty()) {
      context.notAssessed("kube-apiserver reads its encryption configuration from " + flag.get()
          + ", which is not in the input; add that file to see which provider encrypts Secrets");
    }
    return List.of();
  }

  /** The EncryptionConfiguration the API server's flag names: by file name, or the only one given. */
  @Override
  public Optional<Resource> referenced(ControlPlane.Instance api, RuleContext context) {
    Optional<String> flag = api.flag(FLAG);
    if (flag.isEmpty()) {
      return Optional.empty();
    }
    List<Resource> configs = context.inventory().ofKind("apiserver.config.k8s.io", "EncryptionConfiguration");
    String wanted = Path.of(flag.get()).getFileName().toString();
    for (Resource r : configs) {
      if (r.provenance() instanceof Provenance.FileSource source
          && Path.of(source.file()).getFileName().toString().equals(wanted)) {
        return Optional.of(r);
      }
    }
    return configs.size() == 1 ? Optional.of(configs.get(0)) : Optional.empty();
  }

  @Override
  public List<Violation> checkReferenced(Resource config, RuleContext context) {
    List<?> entries = config.list("resources");
    List<Violation> v = new ArrayList<>();
    boolean covered = false;
    for (int i = 0; i < entries.size(); i++) {
      Map<?, ?> entry = entries.get(i) instanceof Map<?, ?> m ? m : Map.of();
      List<String> resources = entry.get("resources") instanceof List<?> l
          ? l.stream().map(String::valueOf).toList() : List.of();
      List<?> providers = entry.get("providers") instanceof List<?> p ? p : List.of();
      List<String> names = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      for (Object p : providers) {
        if (p instanceof Map<?, ?> pm && !pm.isEmpty()) {
          String type = String.valueOf(pm.keySet().iterator().next());
          Object body = pm.get(type);
          names.add(type.equals("kms") && body instanceof Map<?, ?> b && b.get("apiVersion") != null
              ? "kms " + b.get("apiVersion") : type);
          if (body instanceof Map<?, ?> b && b.get("keys") instanceof List<?> ks) {
            ks.forEach(k -> keys.add(k instanceof Map<?, ?> km ? String.valueOf(km.get("name")) : "?"));
          } else if (body instanceof Map<?, ?> b && b.get("name") != null) {
            keys.add(String.valueOf(b.get("name")));
          }
        }
      }
      context.row(TABLE, List.of(config.ref().displayName(), String.join(", ", resources), String.join(", ", names),
          keys.isEmpty() ? "-" : String.join(", ", keys)));
      if (covered || !(resources.contains("secrets") || resources.contains("*.") || resources.contains("*.*"))) {
        continue;
      }
      covered = true;
      FieldPath first = FieldPath.root().child("resources").index(i).child("providers").index(0);
      String type = names.isEmpty() ? "none" : names.get(0);
      if (type.equals("identity") || type.equals("none")) {
        v.add(Violation.at(first, type, "the first provider for secrets is " + type
            + ": Secrets are written to etcd unencrypted"));
      } else if (type.equals("aescbc") || type.equals("aesgcm") || type.equals("secretbox")) {
        v.add(Violation.at(first, type, "Secrets are encrypted with a local " + type + " key stored on the "
            + "control-plane disk, not with a KMS" + (type.equals("aescbc") ? " (aescbc is also exposed to padding "
                + "oracle attacks)" : "")).withSeverity(Severity.LOW));
      } else if (type.equals("kms v1") || type.equals("kms")) {
        v.add(Violation.at(first, type, "Secrets are encrypted with the deprecated KMS v1 provider; use KMS v2")
            .withSeverity(Severity.LOW));
      }
    }
    if (!covered) {
      v.add(Violation.at(FieldPath.root().child("resources"), null,
          "the EncryptionConfiguration does not list secrets: they are stored unencrypted"));
    }
    return v;
  }
}
