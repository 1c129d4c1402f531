package dev.kubepci.rules.platform;

import dev.kubepci.config.PciScope;
import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Resource;
import dev.kubepci.model.ScopeZone;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import dev.kubepci.rule.RuleInfo;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.TableHeader;
import dev.kubepci.rule.Violation;
import dev.kubepci.rule.WorkloadRule;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Traces where each in-scope workload's secrets come from: an external secrets manager (External Secrets Operator,
 * Secrets Store CSI driver, Vault Agent injector, Vault Secrets Operator, Sealed Secrets, cert-manager for
 * certificates) or a native Secret that nothing manages. In-scope means the CDE when one is declared, otherwise
 * every namespace but the system ones. Image pull secrets are not counted.
 */
@RuleInfo(id = "KPCI-0321", name = "external-secret-store", severity = Severity.MEDIUM, reads = {"Namespace", "Secret",
    "external-secrets.io/ExternalSecret", "bitnami.com/SealedSecret", "secrets-store.csi.x-k8s.io/SecretProviderClass",
    "secrets.hashicorp.com/VaultStaticSecret", "secrets.hashicorp.com/VaultDynamicSecret",
    "secrets.hashicorp.com/VaultPKISecret", "cert-manager.io/Certificate"})
public final class SecretStoreRule implements WorkloadRule {
  private static final Set<String> SYSTEM = Set.of("kube-system", "kube-public", "kube-node-lease");
  private static final Set<String> MANAGING_OWNERS = Set.of("ExternalSecret", "SealedSecret", "VaultStaticSecret",
      "VaultDynamicSecret", "VaultPKISecret", "Certificate");
  private static final TableHeader SOURCES = new TableHeader("secret-sources",
      "Where in-scope workloads get their secrets", List.of("workload", "secret", "source")).sorted();

  @Override
  public Scope scope() {
    return Scope.RUNNING;
  }

  @Override
  public List<TableHeader> tables() {
    return List.of(SOURCES);
  }

  @Override
  public String nothingToCheck(RuleContext context) {
    return PciScope.of(context.config(), context.inventory()).isDeclared() ? "no CDE workload reads a secret"
        : "no workload reads a secret";
  }

  @Override
  public List<Violation> check(Workload w, RuleContext context) {
    PciScope scope = PciScope.of(context.config(), context.inventory());
    if (scope.isDeclared() ? !ScopeZone.CDE.equals(scope.classify(w)) : SYSTEM.contains(w.namespace())) {
      context.ignore();
      return List.of();
    }
    Map<String, String> managed = managedSecrets(context.inventory());
    Map<String, FieldPath> refs = secretReferences(w);
    boolean vaultInjected = "true".equals(w.podAnnotations().get("vault.hashicorp.com/agent-inject"));
    boolean csi = csiVolumes(w);
    List<Violation> v = new ArrayList<>();
    if (vaultInjected) {
      context.row(SOURCES, List.of(w.ref().displayName(), "(injected files)", "Vault Agent injector"));
    }
    if (csi) {
      context.row(SOURCES, List.of(w.ref().displayName(), "(mounted files)", "Secrets Store CSI driver"));
    }
    for (Map.Entry<String, FieldPath> ref : refs.entrySet()) {
      String source = managed.get(w.namespace() + "/" + ref.getKey());
      context.row(SOURCES, List.of(w.ref().displayName(), ref.getKey(),
          source == null ? "native Secret (unmanaged)" : source));
      if (source == null) {
        v.add(Violation.at(ref.getValue(), ref.getKey(), w.ref().displayName() + " reads Secret " + ref.getKey()
            + ", which no external secrets manager provides"));
      }
    }
    if (refs.isEmpty() && !vaultInjected && !csi) {
      context.ignore();
    }
    return v;
  }

  @Override
  public void finish(RuleContext context) {
    if (managedSecrets(context.inventory()).isEmpty()) {
      context.note("no external secrets manager object (ExternalSecret, SealedSecret, Vault or CSI) is in the input");
    }
  }

  /** namespace/secret name to how it is managed, computed once per inventory. */
  private static Map<String, String> managedSecrets(Inventory inventory) {
    return inventory.derived(SecretStoreRule.class, SecretStoreRule::computeManagedSecrets);
  }

  private static Map<String, String> computeManagedSecrets(Inventory inventory) {
    Map<String, String> out = new TreeMap<>();
    for (Resource r : inventory.ofKind("external-secrets.io", "ExternalSecret")) {
      String target = r.string("spec", "target", "name").orElse(r.name());
      String store = r.string("spec", "secretStoreRef", "kind").orElse("SecretStore") + " "
          + r.string("spec", "secretStoreRef", "name").orElse("?");
      String refresh = r.string("spec", "refreshInterval").map(i -> ", refresh " + i).orElse("");
      out.put(r.namespace() + "/" + target, "External Secrets Operator (" + r.ref().displayName() + " from " + store
          + refresh + ")");
    }
    for (Resource r : inventory.ofKind("bitnami.com", "SealedSecret")) {
      out.put(r.namespace() + "/" + r.name(), "Sealed Secrets (" + r.ref().displayName() + ")");
    }
    for (String kind : List.of("VaultStaticSecret", "VaultDynamicSecret", "VaultPKISecret")) {
      for (Resource r : inventory.ofKind("secrets.hashicorp.com", kind)) {
        String target = r.string("spec", "destination", "name").orElse(r.name());
        out.put(r.namespace() + "/" + target, "Vault Secrets Operator (" + r.ref().displayName() + ")");
      }
    }
    for (Resource r : inventory.ofKind("cert-manager.io", "Certificate")) {
      r.string("spec", "secretName").ifPresent(s -> out.put(r.namespace() + "/" + s,
          "cert-manager (" + r.ref().displayName() + ")"));
    }
    for (Resource r : inventory.ofKind("", "Secret")) {
      List<OwnerReference> owners = r.metadata().getOwnerReferences();
      if (owners != null) {
        for (OwnerReference o : owners) {
          if (o != null && o.getKind() != null && MANAGING_OWNERS.contains(o.getKind())) {
            out.putIfAbsent(r.namespace() + "/" + r.name(), "owned by " + o.getKind() + " " + o.getName());
          }
        }
      }
      if (r.annotations().containsKey("cert-manager.io/certificate-name")) {
        out.putIfAbsent(r.namespace() + "/" + r.name(), "cert-manager");
      }
    }
    for (Resource r : inventory.ofKind("secrets-store.csi.x-k8s.io", "SecretProviderClass")) {
      List<?> objects = r.list("spec", "secretObjects");
      for (Object o : objects) {
        if (o instanceof Map<?, ?> m && m.get("secretName") != null) {
          out.put(r.namespace() + "/" + m.get("secretName"), "Secrets Store CSI driver (" + r.ref().displayName()
              + ")");
        }
      }
    }
    return out;
  }

  /** Secret names the workload reads (env, envFrom, volumes, projected volumes), with where. */
  private static Map<String, FieldPath> secretReferences(Workload w) {
    Map<String, FieldPath> refs = new LinkedHashMap<>();
    for (Workload.ContainerRef c : w.containers()) {
      Container container = c.container();
      if (container.getEnv() != null) {
        for (int i = 0; i < container.getEnv().size(); i++) {
          EnvVar e = container.getEnv().get(i);
          if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null
              && e.getValueFrom().getSecretKeyRef().getName() != null) {
            refs.putIfAbsent(e.getValueFrom().getSecretKeyRef().getName(), c.path().child("env").index(i)
                .child("valueFrom").child("secretKeyRef").child("name"));
          }
        }
      }
      if (container.getEnvFrom() != null) {
        for (int i = 0; i < container.getEnvFrom().size(); i++) {
          EnvFromSource e = container.getEnvFrom().get(i);
          if (e.getSecretRef() != null && e.getSecretRef().getName() != null) {
            refs.putIfAbsent(e.getSecretRef().getName(), c.path().child("envFrom").index(i).child("secretRef")
                .child("name"));
          }
        }
      }
    }
    List<Volume> volumes = w.podSpec().getVolumes() == null ? List.of() : w.podSpec().getVolumes();
    for (int i = 0; i < volumes.size(); i++) {
      Volume v = volumes.get(i);
      FieldPath path = w.podSpecPath().child("volumes").index(i);
      if (v.getSecret() != null && v.getSecret().getSecretName() != null) {
        refs.putIfAbsent(v.getSecret().getSecretName(), path.child("secret").child("secretName"));
      }
      if (v.getProjected() != null && v.getProjected().getSources() != null) {
        List<VolumeProjection> sources = v.getProjected().getSources();
        for (int j = 0; j < sources.size(); j++) {
          if (sources.get(j).getSecret() != null && sources.get(j).getSecret().getName() != null) {
            refs.putIfAbsent(sources.get(j).getSecret().getName(), path.child("projected").child("sources").index(j)
                .child("secret").child("name"));
          }
        }
      }
    }
    return refs;
  }

  private static boolean csiVolumes(Workload w) {
    List<Volume> volumes = w.podSpec().getVolumes() == null ? List.of() : w.podSpec().getVolumes();
    return volumes.stream().anyMatch(v -> v.getCsi() != null
        && "secrets-store.csi.k8s.io".equals(v.getCsi().getDriver()));
  }
}
