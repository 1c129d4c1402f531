package dev.kubepci.bench.jmh;

import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVerdict;
import dev.kubepci.pss.PssVersion;
import java.io.IOException;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/** Pod Security Standards evaluation of one pod spec: a compliant one, and one breaking several controls. */
public class PodSecurityBenchmark extends AverageTimeBenchmark {
  private Workload restricted;
  private Workload privileged;

  @Setup
  public void setUp() throws IOException {
    List<Workload> workloads = Samples.read("workload.json",
        Samples.objects(Samples.kind("Deployment").or(Samples.kind("DaemonSet")), 400), null).stream()
        .flatMap(r -> Workloads.of(r).stream()).toList();
    restricted = workloads.stream().filter(w -> evaluate(w).allowed()).findFirst().orElseThrow();
    privileged = workloads.stream().filter(w -> evaluate(w).violations().size() >= 3).findFirst().orElseThrow();
  }

  private static PssVerdict evaluate(Workload w) {
    return PodSecurityStandards.evaluate(PssLevel.RESTRICTED, PssVersion.LATEST, w.podMetadata(),
        w.podMetadataPath().toString(), w.podSpec(), w.podSpecPath().toString());
  }

  @Benchmark
  public PssVerdict restrictedPodPasses() {
    return evaluate(restricted);
  }

  @Benchmark
  public PssVerdict privilegedPodFails() {
    return evaluate(privileged);
  }
}
