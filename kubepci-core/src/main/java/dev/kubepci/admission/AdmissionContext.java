package dev.kubepci.admission;

import dev.kubepci.model.Inventory;
import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Notation;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What every policy reader needs besides its own objects: the engines present and their webhooks. */
record AdmissionContext(Inventory inventory, Set<AdmissionEngine> engines, AdmissionWebhooks webhooks) {

  static AdmissionContext of(Inventory inventory) {
    return new AdmissionContext(inventory, AdmissionEngine.present(inventory), AdmissionWebhooks.of(inventory));
  }

  boolean seen(AdmissionEngine engine) {
    return engines.contains(engine);
  }

  /** The namespace the engine's controller runs in, when its workload is in the input (indexed once). */
  Optional<String> engineNamespace(AdmissionEngine engine) {
    return Optional.ofNullable(AdmissionEngine.running(inventory).namespaces().get(engine));
  }

  /**
   * Why the engine's webhooks are not called for pods of {@code ns}, or empty when they are. When the input holds
   * none of the engine's webhook configurations (engines such as Kyverno register them at run time), nothing can be
   * concluded from them and the answer is empty.
   */
  Optional<String> webhookExclusion(AdmissionEngine engine, NamespaceView ns) {
    List<AdmissionWebhooks.Hook> hooks = webhooks.podHooks(engine);
    if (hooks.isEmpty() || hooks.stream().anyMatch(h -> h.covers(ns.labels()))) {
      return Optional.empty();
    }
    AdmissionWebhooks.Hook first = hooks.get(0);
    return Optional.of(first.describe() + " skips this namespace (namespaceSelector "
        + LabelSelectors.describe(first.namespaceSelector(), Notation.KUBECTL) + ")");
  }

  /** True when every webhook of the engine that covers {@code ns} lets requests through on failure. */
  boolean webhooksFailOpen(AdmissionEngine engine, NamespaceView ns) {
    List<AdmissionWebhooks.Hook> covering = webhooks.podHooks(engine).stream()
        .filter(h -> h.covers(ns.labels())).toList();
    return !covering.isEmpty() && covering.stream().allMatch(AdmissionWebhooks.Hook::failOpen);
  }

  /** Object selectors of the engine's covering webhooks: pods whose labels do not match skip the engine. */
  List<String> webhookObjectExemptions(AdmissionEngine engine, NamespaceView ns) {
    return webhooks.podHooks(engine).stream()
        .filter(h -> h.covers(ns.labels()) && !LabelSelectors.isEmpty(h.objectSelector()))
        .map(h -> h.describe() + " only sees objects labelled "
            + LabelSelectors.describe(h.objectSelector(), Notation.KUBECTL))
        .toList();
  }
}
