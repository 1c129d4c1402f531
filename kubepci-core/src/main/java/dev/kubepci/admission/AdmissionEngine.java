package dev.kubepci.admission;

import dev.kubepci.model.ImageReference;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.Workload;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The admission engines kubepci knows, recognised by the image of the controller that serves their webhooks (also
 * when mirrored to a private registry, e.g. {@code registry.example.com/mirror/kyverno/kyverno}) or by the webhook
 * configurations they register.
 */
public enum AdmissionEngine {
  KYVERNO("Kyverno", List.of("kyverno/kyverno"), List.of("kyverno")),
  GATEKEEPER("Gatekeeper", List.of("openpolicyagent/gatekeeper"), List.of("gatekeeper")),
  KUBEWARDEN("Kubewarden", List.of("kubewarden/kubewarden-controller", "kubewarden/policy-server"),
      List.of("kubewarden")),
  JSPOLICY("jsPolicy", List.of("loftsh/jspolicy"), List.of("jspolicy")),
  POLICY_CONTROLLER("Sigstore policy-controller", List.of("sigstore/policy-controller/policy-controller",
      "sigstore/policy-controller"), List.of("policy.sigstore.dev")),
  CONNAISSEUR("Connaisseur", List.of("sse-secure-systems/connaisseur", "securesystemsengineering/connaisseur"),
      List.of("connaisseur")),
  RATIFY("Ratify", List.of("deislabs/ratify", "ratify-project/ratify", "notaryproject/ratify"), List.of("ratify"));

  private final String label;
  private final List<String> repositories;
  private final List<String> webhookMarkers;

  AdmissionEngine(String label, List<String> repositories, List<String> webhookMarkers) {
    this.label = label;
    this.repositories = repositories;
    this.webhookMarkers = webhookMarkers;
  }

  public String label() {
    return label;
  }

  /** True when {@code image} is one of this engine's controller images. */
  public boolean isImage(String image) {
    if (image == null || image.isBlank()) {
      return false;
    }
    String repository = ImageReference.parse(image).repository().toLowerCase(Locale.ROOT);
    return repositories.stream().anyMatch(r -> repository.equals(r) || repository.endsWith("/" + r));
  }

  /** True when a webhook configuration's name or service names this engine. */
  public boolean isWebhook(String configName, String webhookName, String serviceName) {
    String text = (configName + " " + webhookName + " " + serviceName).toLowerCase(Locale.ROOT);
    return webhookMarkers.stream().anyMatch(text::contains);
  }

  /** The engines whose controller runs, or whose webhooks are registered, in the input. Computed once. */
  public static Set<AdmissionEngine> present(Inventory inventory) {
    return inventory.derived(AdmissionEngine.class, inv -> {
      Set<AdmissionEngine> found = EnumSet.noneOf(AdmissionEngine.class);
      found.addAll(running(inv).engines());
      for (AdmissionWebhooks.Hook hook : AdmissionWebhooks.of(inv).all()) {
        hook.engine().ifPresent(found::add);
      }
      return Set.copyOf(found);
    });
  }

  /**
   * The engines some workload's image runs, and the namespace of the first such workload.
   *
   * @param namespaces by engine, the namespace of its first workload that has one
   */
  record Running(Set<AdmissionEngine> engines, Map<AdmissionEngine, String> namespaces) {}

  /** Every container of every workload looked at once, and shared: a large cluster has tens of thousands. */
  static Running running(Inventory inventory) {
    return inventory.derived(Running.class, inv -> {
      Set<AdmissionEngine> engines = EnumSet.noneOf(AdmissionEngine.class);
      Map<AdmissionEngine, String> namespaces = new EnumMap<>(AdmissionEngine.class);
      for (Workload w : inv.workloads()) {
        for (Workload.ContainerRef c : w.containers()) {
          for (AdmissionEngine e : values()) {
            if (e.isImage(c.container().getImage())) {
              engines.add(e);
              if (w.namespace() != null) {
                namespaces.putIfAbsent(e, w.namespace());
              }
            }
          }
        }
      }
      return new Running(Set.copyOf(engines), namespaces);
    });
  }
}
