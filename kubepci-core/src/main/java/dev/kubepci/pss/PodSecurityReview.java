package dev.kubepci.pss;

import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Pod Security verdict of every object that carries a pod spec (Pods and the templates of Deployments,
 * ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs, ReplicationControllers and PodTemplates), in input order.
 * A Pod owned by a controller that is also in the input gets its own verdict: admission judges each object.
 *
 * @param entries one verdict per object with a pod spec, in input order
 * @param skipped the objects without a pod spec, in input order
 */
public record PodSecurityReview(PssLevel level, PssVersion version, List<Entry> entries, List<Resource> skipped) {

  /** One object and its verdict. */
  public record Entry(Resource resource, PssVerdict verdict) {
    public Entry {
      Objects.requireNonNull(resource, "resource");
      Objects.requireNonNull(verdict, "verdict");
    }
  }

  public PodSecurityReview {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(version, "version");
    entries = List.copyOf(entries);
    skipped = List.copyOf(skipped);
  }

  /** Evaluates every object of {@code resources} that has a pod spec at {@code level} and {@code version}. */
  public static PodSecurityReview of(List<Resource> resources, PssLevel level, PssVersion version) {
    List<Entry> entries = new ArrayList<>();
    List<Resource> skipped = new ArrayList<>();
    for (Resource r : resources) {
      Optional<Workload> workload = Workloads.of(r);
      if (workload.isPresent()) {
        entries.add(new Entry(r, PodSecurityStandards.evaluate(level, version, workload.get())));
      } else {
        skipped.add(r);
      }
    }
    return new PodSecurityReview(level, version, entries, skipped);
  }

  public long deniedCount() {
    return entries.stream().filter(e -> !e.verdict().allowed()).count();
  }

  public long allowedCount() {
    return entries.size() - deniedCount();
  }
}
