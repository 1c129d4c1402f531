package dev.kubepci.bench.jmh;

import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Resource;
import dev.kubepci.model.Workload;
import dev.kubepci.model.Workloads;
import dev.kubepci.pss.PodSecurityStandards;
import dev.kubepci.pss.PssLevel;
import dev.kubepci.pss.PssVerdict;
import dev.kubepci.pss.PssVersion;
import dev.kubepci.result.ProcessingError;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Pod Security Standards evaluation of one pod spec: a compliant one, and one breaking several controls. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
@State(Scope.Thread)
public class PodSecurityBenchmark {
  private Workload restricted;
  private Workload privileged;

  @Setup
  public void setUp() throws IOException {
    List<Workload> workloads = new ArrayList<>();
    ManifestReader reader = new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        Workloads.of(resource).ifPresent(workloads::add);
      }

      @Override
      public void error(ProcessingError error) {
        throw new IllegalStateException(error.message());
      }
    });
    for (var o : Samples.objects(Samples.kind("Deployment").or(Samples.kind("DaemonSet")), 400)) {
      reader.read("workload.json", new StringReader(Samples.json(o)));
    }
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
