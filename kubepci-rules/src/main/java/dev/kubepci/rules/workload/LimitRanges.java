package dev.kubepci.rules.workload;

import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.rule.RuleContext;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the LimitRanges of a namespace fill in on containers at admission (the LimitRanger plugin): default limits,
 * and default requests, which a default limit also gives when no defaultRequest is set.
 */
final class LimitRanges {
  /** The resources (cpu, memory ...) given a default limit, and those given a default request. */
  record Defaults(Set<String> limits, Set<String> requests) {
    static final Defaults NONE = new Defaults(Set.of(), Set.of());
  }

  private LimitRanges() {}

  static Defaults of(Workload workload, RuleContext context) {
    if (workload.namespace() == null) {
      return Defaults.NONE;
    }
    Map<String, Defaults> byNamespace = context.inventory().derived(LimitRanges.class, inventory -> {
      Map<String, Set<String>> limits = new HashMap<>();
      Map<String, Set<String>> requests = new HashMap<>();
      for (Resource r : inventory.ofKind("LimitRange")) {
        LimitRange lr = r.as(LimitRange.class).orElse(null);
        if (lr == null || lr.getSpec() == null || lr.getSpec().getLimits() == null || r.namespace() == null) {
          continue;
        }
        for (LimitRangeItem item : lr.getSpec().getLimits()) {
          if (item == null || !"Container".equals(item.getType())) {
            continue;
          }
          if (item.getDefault() != null) {
            limits.computeIfAbsent(r.namespace(), k -> new HashSet<>()).addAll(item.getDefault().keySet());
            requests.computeIfAbsent(r.namespace(), k -> new HashSet<>()).addAll(item.getDefault().keySet());
          }
          if (item.getDefaultRequest() != null) {
            requests.computeIfAbsent(r.namespace(), k -> new HashSet<>()).addAll(item.getDefaultRequest().keySet());
          }
        }
      }
      Map<String, Defaults> index = new HashMap<>();
      Set<String> namespaces = new HashSet<>(limits.keySet());
      namespaces.addAll(requests.keySet());
      for (String ns : namespaces) {
        index.put(ns, new Defaults(limits.getOrDefault(ns, Set.of()), requests.getOrDefault(ns, Set.of())));
      }
      return index;
    });
    return byNamespace.getOrDefault(workload.namespace(), Defaults.NONE);
  }
}
