package dev.kubepci.admission;

import dev.kubepci.model.FieldPath;
import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Absent;
import dev.kubepci.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The validating and mutating webhooks registered in the input, each with the engine behind it (when known), whether
 * it sees pods or pod controllers, its failure policy and the namespace and object selectors that exempt objects.
 */
public final class AdmissionWebhooks {
  /**
   * One webhook of a configuration.
   *
   * @param failurePolicy as configured, or the API default (Fail for v1, Ignore for v1beta1)
   */
  public record Hook(Resource configuration, int index, String name, String serviceNamespace, String serviceName,
      String failurePolicy, Map<?, ?> namespaceSelector, Map<?, ?> objectSelector,
      boolean seesPods, Optional<AdmissionEngine> engine) {

    public boolean failOpen() {
      return "Ignore".equalsIgnoreCase(failurePolicy);
    }

    public FieldPath path() {
      return FieldPath.root().child("webhooks").index(index);
    }

    /** e.g. {@code ValidatingWebhookConfiguration/gatekeeper-validating-webhook-configuration webhook x}. */
    public String describe() {
      return configuration.kind() + "/" + configuration.name() + " webhook " + name;
    }

    /** True when the webhook is called for objects in a namespace with {@code namespaceLabels}; none is {@code {}}. */
    public boolean covers(Map<String, String> namespaceLabels) {
      return LabelSelectors.matches(namespaceSelector, Absent.SELECTS_ALL, namespaceLabels);
    }
  }

  private final List<Hook> hooks;

  private AdmissionWebhooks(List<Hook> hooks) {
    this.hooks = List.copyOf(hooks);
  }

  /** The webhooks of the inventory, in input order. Computed once. */
  public static AdmissionWebhooks of(Inventory inventory) {
    return inventory.derived(AdmissionWebhooks.class, AdmissionWebhooks::read);
  }

  public List<Hook> all() {
    return hooks;
  }

  /** The webhooks of {@code engine} that see pods or pod controllers. */
  public List<Hook> podHooks(AdmissionEngine engine) {
    return hooks.stream().filter(h -> h.seesPods() && h.engine().filter(engine::equals).isPresent()).toList();
  }

  private static AdmissionWebhooks read(Inventory inventory) {
    List<Hook> out = new ArrayList<>();
    for (String kind : List.of("ValidatingWebhookConfiguration", "MutatingWebhookConfiguration")) {
      for (Resource r : inventory.ofKind(kind)) {
        Map<String, Object> tree = ObjectFields.tree(r);
        String defaultPolicy = r.apiVersion() != null && r.apiVersion().endsWith("/v1beta1") ? "Ignore" : "Fail";
        List<Map<String, Object>> webhooks = ObjectFields.maps(tree, "webhooks");
        for (int i = 0; i < webhooks.size(); i++) {
          Map<String, Object> w = webhooks.get(i);
          String name = String.valueOf(ObjectFields.string(w, "name"));
          String svcNs = ObjectFields.string(w, "clientConfig", "service", "namespace");
          String svcName = ObjectFields.string(w, "clientConfig", "service", "name");
          String failure = ObjectFields.string(w, "failurePolicy");
          boolean pods = PodResources.inRules(ObjectFields.maps(w, "rules"));
          Optional<AdmissionEngine> engine = Optional.empty();
          for (AdmissionEngine e : AdmissionEngine.values()) {
            if (e.isWebhook(r.name(), name, svcNs + "/" + svcName)) {
              engine = Optional.of(e);
              break;
            }
          }
          out.add(new Hook(r, i, name, svcNs, svcName, failure == null ? defaultPolicy : failure,
              ObjectFields.selector(w, "namespaceSelector"), ObjectFields.selector(w, "objectSelector"), pods, engine));
        }
      }
    }
    return new AdmissionWebhooks(out);
  }
}
