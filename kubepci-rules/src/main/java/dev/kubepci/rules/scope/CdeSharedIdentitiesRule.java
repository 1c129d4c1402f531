package dev.kubepci.rules.scope;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.rule.Outcome;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Violation;
import dev.kubepci.secrets.SecretScanner;
import dev.kubepci.model.ScopeZone;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Finds identities and secrets that cross the CDE boundary: RoleBindings that give service accounts from outside
 * the CDE rights inside it (or CDE service accounts rights outside), Secrets with the same content on both sides,
 * ExternalSecrets outside the CDE that read the CDE's keys, secret stores that serve both sides, and CDE Secrets
 * annotated for replication to other namespaces. Secret values are never shown: only key names and a short
 * keyed fingerprint.
 */
@RuleInfo(id = "KPCI-0384", name = "cde-shared-identities", severity = Severity.HIGH, reads = {"Namespace",
    "RoleBinding", "Secret", "external-secrets.io/ExternalSecret", "external-secrets.io/ClusterSecretStore"})
public final class CdeSharedIdentitiesRule extends CdeRule {
  private static final FieldPath ANNOTATIONS = FieldPath.root().child("metadata").child("annotations");
  private static final Set<String> SKIPPED_SECRET_TYPES = Set.of("kubernetes.io/service-account-token",
      "helm.sh/release.v1", "bootstrap.kubernetes.io/token");
  private static final String ESO = "external-secrets.io";

  @Override
  Outcome check(Inventory inventory, PciScope scope, RuleContext context) {
    Outcome.Builder out = Outcome.builder();
    Map<Resource, List<Violation>> found = new LinkedHashMap<>();
    int checked = 0;
    checked += bindings(inventory, scope, found);
    checked += secrets(inventory, scope, found, context.secrets());
    checked += externalSecrets(inventory, scope, found);
    found.forEach((r, v) -> out.fail(r, v));
    out.pass(Math.max(0, checked - found.size()));
    return out.build("no RoleBinding, Secret or ExternalSecret in the input");
  }

  private static boolean cde(PciScope scope, String ns) {
    return ns != null && ScopeZone.CDE.equals(scope.classifyNamespace(ns));
  }

  private static int bindings(Inventory inventory, PciScope scope, Map<Resource, List<Violation>> found) {
    int n = 0;
    for (Resource r : inventory.ofKind("rbac.authorization.k8s.io", "RoleBinding")) {
      RoleBinding rb = r.as(RoleBinding.class).orElse(null);
      if (rb == null || rb.getSubjects() == null) {
        continue;
      }
      n++;
      boolean inCde = cde(scope, r.namespace());
      for (int i = 0; i < rb.getSubjects().size(); i++) {
        Subject s = rb.getSubjects().get(i);
        FieldPath path = FieldPath.root().child("subjects").index(i);
        if ("ServiceAccount".equals(s.getKind())) {
          String saNs = s.getNamespace() == null || s.getNamespace().isEmpty() ? r.namespace() : s.getNamespace();
          String who = "ServiceAccount " + saNs + "/" + s.getName();
          if (inCde && !cde(scope, saNs)) {
            add(found, r, Violation.at(path, who, r.ref().displayName() + " gives " + who + " from outside the CDE "
                + "rights in CDE namespace " + r.namespace()));
          } else if (!inCde && cde(scope, saNs)) {
            add(found, r, Violation.at(path, who, r.ref().displayName() + " gives the CDE identity " + who
                + " rights in out-of-scope namespace " + r.namespace()).withSeverity(Severity.MEDIUM));
          }
        } else if ("Group".equals(s.getKind()) && inCde && s.getName() != null
            && (s.getName().equals("system:serviceaccounts") || s.getName().equals("system:authenticated")
                || s.getName().startsWith("system:serviceaccounts:")
                && !cde(scope, s.getName().substring("system:serviceaccounts:".length())))) {
          add(found, r, Violation.at(path, "Group " + s.getName(), r.ref().displayName() + " gives group "
              + s.getName() + ", which includes identities outside the CDE, rights in CDE namespace " + r.namespace()));
        }
      }
    }
    return n;
  }

  private static int secrets(Inventory inventory, PciScope scope, Map<Resource, List<Violation>> found,
      SecretScanner scanner) {
    Map<String, List<Resource>> byFingerprint = new TreeMap<>();
    int n = 0;
    for (Resource r : inventory.ofKind("", "Secret")) {
      Secret s = r.as(Secret.class).orElse(null);
      if (s == null || r.namespace() == null || s.getType() != null && SKIPPED_SECRET_TYPES.contains(s.getType())) {
        continue;
      }
      n++;
      Map<String, String> content = new TreeMap<>();
      if (s.getData() != null) {
        content.putAll(s.getData());
      }
      if (s.getStringData() != null) {
        s.getStringData().forEach((k, v) -> content.put(k, "string:" + v));
      }
      if (!content.isEmpty()) {
        byFingerprint.computeIfAbsent(fingerprint(content), k -> new ArrayList<>()).add(r);
      }
      if (cde(scope, r.namespace())) {
        replication(r, scope).ifPresent(v -> add(found, r, v));
      }
    }
    for (Map.Entry<String, List<Resource>> e : byFingerprint.entrySet()) {
      List<Resource> cdeCopies = e.getValue().stream().filter(r -> cde(scope, r.namespace())).toList();
      if (cdeCopies.isEmpty()) {
        continue;
      }
      for (Resource r : e.getValue()) {
        if (cde(scope, r.namespace())) {
          continue;
        }
        Secret s = r.as(Secret.class).orElseThrow();
        List<String> keys = new ArrayList<>(new TreeMap<>(s.getData() == null ? Map.of() : s.getData()).keySet());
        if (s.getStringData() != null) {
          keys.addAll(new TreeMap<>(s.getStringData()).keySet());
        }
        add(found, r, Violation.at(FieldPath.root().child("data"), "keys " + keys + ", hmac:" + scanner.fingerprint(e.getKey()),
            "Secret " + r.namespace() + "/" + r.name() + " holds the same data as CDE Secret "
                + cdeCopies.get(0).namespace() + "/" + cdeCopies.get(0).name()));
      }
    }
    return n;
  }

  /** Reflector and kubernetes-replicator annotations that copy a CDE Secret into other namespaces. */
  private static Optional<Violation> replication(Resource r, PciScope scope) {
    Optional<Violation> reflected = allowedOutside(r, scope, "reflector.v1.k8s.emberstack.com/reflection-allowed",
        "reflected");
    if (reflected.isPresent()) {
      return reflected;
    }
    String replicator = "replicator.v1.mittwald.de/";
    for (String key : List.of("replicate-to", "replicate-to-matching")) {
      String to = r.annotations().get(replicator + key);
      if (to != null && !to.isBlank()) {
        return Optional.of(Violation.at(ANNOTATIONS.child(replicator + key), to, "CDE Secret " + r.namespace() + "/"
            + r.name() + " is replicated to " + to));
      }
    }
    return allowedOutside(r, scope, replicator + "replication-allowed", "replicated");
  }

  /**
   * {@code <allowed>: "true"} with {@code <allowed>-namespaces} (empty: all of them) reaching outside the CDE: both
   * tools let such a Secret be copied on request into any namespace the list matches.
   */
  private static Optional<Violation> allowedOutside(Resource r, PciScope scope, String allowed, String copied) {
    if (!"true".equals(r.annotations().get(allowed))) {
      return Optional.empty();
    }
    String namespaces = r.annotations().getOrDefault(allowed + "-namespaces", "");
    return reachesOutside(namespaces, scope) ? Optional.of(Violation.at(ANNOTATIONS.child(allowed + "-namespaces"),
        namespaces.isEmpty() ? "<all namespaces>" : namespaces, "CDE Secret " + r.namespace() + "/" + r.name()
            + " may be " + copied + " into namespaces outside the CDE")) : Optional.empty();
  }

  /** True unless every entry names a CDE namespace literally (patterns may match anything). */
  private static boolean reachesOutside(String list, PciScope scope) {
    if (list.isBlank()) {
      return true;
    }
    for (String ns : list.split(",")) {
      String t = ns.trim();
      if (!t.matches("[a-z0-9-]+") || !cde(scope, t)) {
        return true;
      }
    }
    return false;
  }

  private static int externalSecrets(Inventory inventory, PciScope scope, Map<Resource, List<Violation>> found) {
    List<Resource> all = inventory.ofKind(ESO, "ExternalSecret");
    Map<String, Resource> cdeKeys = new TreeMap<>();
    Set<String> cdeStores = new java.util.TreeSet<>();
    for (Resource r : all) {
      if (cde(scope, r.namespace())) {
        for (KeyRef k : keys(r)) {
          cdeKeys.putIfAbsent(k.identity(), r);
          cdeStores.add(k.store());
        }
      }
    }
    for (Resource r : all) {
      if (cde(scope, r.namespace())) {
        continue;
      }
      for (KeyRef k : keys(r)) {
        Resource owner = cdeKeys.get(k.identity());
        if (owner != null) {
          add(found, r, Violation.at(k.path(), k.key(), r.ref().displayName() + " reads " + k.key() + " from "
              + k.store() + ", the same secret as CDE " + owner.ref().displayName()));
        }
      }
    }
    int stores = 0;
    for (Resource store : inventory.ofKind(ESO, "ClusterSecretStore")) {
      if (!cdeStores.contains("ClusterSecretStore/" + store.name())) {
        continue;
      }
      stores++;
      List<?> conditions = store.list("spec", "conditions");
      List<String> outside = new ArrayList<>();
      boolean open = conditions.isEmpty();
      for (Object c : conditions) {
        Map<?, ?> cond = c instanceof Map<?, ?> m ? m : Map.of();
        if (cond.get("namespaceSelector") != null || cond.get("namespaceRegexes") != null) {
          open = true; // kubepci cannot tell which namespaces a selector or pattern admits; treat as open
        }
        if (cond.get("namespaces") instanceof List<?> nss) {
          nss.stream().map(String::valueOf).filter(ns -> !cde(scope, ns)).forEach(outside::add);
        }
      }
      if (open || !outside.isEmpty()) {
        add(found, store, Violation.at(FieldPath.root().child("spec").child("conditions"),
            open ? "<any namespace>" : String.join(", ", outside), "ClusterSecretStore " + store.name()
                + " serves CDE ExternalSecrets and also accepts ExternalSecrets from "
                + (open ? "namespaces outside the CDE" : String.join(", ", outside))));
      }
    }
    return all.size() + stores;
  }

  /** A secret an ExternalSecret reads: the store it reads from and the remote key. */
  private record KeyRef(String store, String key, FieldPath path) {
    String identity() {
      return store + "\u0000" + key;
    }
  }

  private static List<KeyRef> keys(Resource r) {
    List<KeyRef> out = new ArrayList<>();
    String kind = r.string("spec", "secretStoreRef", "kind").orElse("SecretStore");
    String name = r.string("spec", "secretStoreRef", "name").orElse("?");
    String store = "ClusterSecretStore".equals(kind) ? kind + "/" + name : kind + "/" + r.namespace() + "/" + name;
    List<?> data = r.list("spec", "data");
    for (int i = 0; i < data.size(); i++) {
      if (data.get(i) instanceof Map<?, ?> d && d.get("remoteRef") instanceof Map<?, ?> ref && ref.get("key") != null) {
        out.add(new KeyRef(store, String.valueOf(ref.get("key")),
            FieldPath.root().child("spec").child("data").index(i).child("remoteRef").child("key")));
      }
    }
    List<?> dataFrom = r.list("spec", "dataFrom");
    for (int i = 0; i < dataFrom.size(); i++) {
      if (dataFrom.get(i) instanceof Map<?, ?> d && d.get("extract") instanceof Map<?, ?> ex && ex.get("key") != null) {
        out.add(new KeyRef(store, String.valueOf(ex.get("key")),
            FieldPath.root().child("spec").child("dataFrom").index(i).child("extract").child("key")));
      }
    }
    return out;
  }

  private static void add(Map<Resource, List<Violation>> found, Resource r, Violation v) {
    found.computeIfAbsent(r, k -> new ArrayList<>()).add(v);
  }

  /**
   * SHA-256 over the sorted key/value pairs, to match copies; never shown (reports show its keyed fingerprint, which
   * cannot be tested against guessed values).
   */
  static String fingerprint(Map<String, String> content) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      content.forEach((k, v) -> {
        sha.update(k.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(v.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      });
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
