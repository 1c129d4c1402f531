package dev.kubepci.admission;

import dev.kubepci.model.LabelSelectors;
import dev.kubepci.model.LabelSelectors.Notation;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What webhooks and policies are matched against: the API resources whose admission requests carry a pod spec (pods,
 * the pod controllers, a wildcard), and the object selectors that let unlabelled pods through.
 */
final class PodResources {
  private static final Set<String> POD_RESOURCES = Set.of("pods", "deployments", "replicasets", "statefulsets",
      "daemonsets", "jobs", "cronjobs", "replicationcontrollers", "*");

  private PodResources() {}

  /** True when {@code resource} (e.g. {@code pods}, {@code deployments/scale}, {@code *}) carries a pod spec. */
  static boolean named(String resource) {
    return POD_RESOURCES.contains(resource.contains("/") ? resource.substring(0, resource.indexOf('/')) : resource);
  }

  /** True when one of {@code rules} (each with a {@code resources} list) names a resource that carries a pod spec. */
  static boolean inRules(List<Map<String, Object>> rules) {
    return rules.stream().anyMatch(rule -> ObjectFields.strings(rule, "resources").stream()
        .anyMatch(PodResources::named));
  }

  /** Adds the exemption an object selector makes ("applies only to objects labelled ..."), unless it is empty. */
  static void addObjectSelector(List<String> exemptions, Map<?, ?> selector) {
    if (!LabelSelectors.isEmpty(selector)) {
      exemptions.add("applies only to objects labelled " + LabelSelectors.describe(selector, Notation.KUBECTL));
    }
  }
}
