package dev.kubepci.bench.measure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kubepci.cli.Main;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.FileCollector;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.ObjectDecoder;
import dev.kubepci.collect.snapshot.SnapshotFormat;
import dev.kubepci.collect.snapshot.SnapshotHeader;
import dev.kubepci.collect.snapshot.SnapshotReader;
import dev.kubepci.collect.snapshot.SnapshotSink;
import dev.kubepci.collect.snapshot.SnapshotTrailer;
import dev.kubepci.model.Provenance;
import dev.kubepci.collect.ResourceSink;
import dev.kubepci.model.Resource;
import dev.kubepci.result.ProcessingError;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The work a benchmark measures, run in the current JVM. */
public final class MeasuredRun {
  /** What to measure. */
  public enum Mode {
    /** Read and deserialise every object into kubepci's model, holding none: the floor of any assessment. */
    READ,
    /** Read every object into one inventory, as {@code FileCollector} does (diagnostic). */
    INVENTORY,
    /** {@code kubepci scan FILE --format json --output REPORT}: every rule and the JSON report. */
    ASSESS,
    /** {@code kubepci scan --live}: a paginated collection from an API server, every rule and the JSON report. */
    LIVE,
    /** {@code kubepci collect}: a paginated collection from an API server into a snapshot bundle. */
    COLLECT;

    /** True for the modes that read from an API server (the input is a kubeconfig). */
    public boolean isLive() {
      return this == LIVE || this == COLLECT;
    }
  }

  private MeasuredRun() {}

  public static Measurement run(Mode mode, Path input, Path report) throws IOException {
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    int objects = 0;
    int exit = 0;
    long reportBytes = 0;
    int findings = 0;
    try (MemoryProbe probe = MemoryProbe.start()) {
      switch (mode) {
        case READ -> objects = readOnly(input);
        case INVENTORY -> {
          CollectedInput in = FileCollector.collect(List.of(input.toString()), new ByteArrayInputStream(new byte[0]),
              n -> { });
          objects = in.inventory().size();
          if (Boolean.getBoolean("kubepci.bench.histogram")) {
            System.err.println(HeapHistogram.top(40));
          }
          java.lang.ref.Reference.reachabilityFence(in);
        }
        case COLLECT -> {
          cli("collect", "--kubeconfig", input.toString(), "--output", report.toString(), "--quiet");
        }
        default -> {
          if (mode == Mode.LIVE) {
            cli("scan", "--live", "--kubeconfig", input.toString(), "--format", "json", "--output", report.toString(),
                "--fail-on", "none", "--quiet");
          } else {
            cli("scan", input.toString(), "--format", "json", "--output", report.toString(), "--fail-on", "none",
                "--quiet");
          }
        }
      }
      long millis = (System.nanoTime() - start) / 1_000_000;
      long cpuMillis = (processCpuNanos() - cpuStart) / 1_000_000;
      // the memory and collections of the run, before reading its output back adds its own
      MemoryProbe.Reading memory = probe.read();
      if (mode == Mode.COLLECT) {
        // counted after the clock stopped: reading the snapshot back is not part of the collection
        objects = countSnapshot(report);
        reportBytes = Files.size(report);
      } else if (mode == Mode.ASSESS || mode == Mode.LIVE) {
        // counted after the clock stopped and streamed: reading a 320 MB report back into a tree took more heap than
        // the scan kept at its end, and its peak and resident memory were counted against the scan
        int[] counts = countReport(report);
        objects = counts[0];
        findings = counts[1];
        reportBytes = Files.size(report);
      }
      return new Measurement(mode.name().toLowerCase(java.util.Locale.ROOT), input.getFileName().toString(), objects,
          millis, cpuMillis, memory.peakHeapBytes(), memory.peakLiveHeapBytes(), memory.peakRssBytes(),
          memory.collections(), memory.gcMillis(), reportBytes, findings, exit, maxHeap(), 0, 0);
    }
  }

  private static void cli(String... args) {
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(err),
        new ByteArrayInputStream(new byte[0]), Map.of("SOURCE_DATE_EPOCH", "1736150400"));
    if (exit != 0) {
      throw new IllegalStateException("kubepci " + args[0] + " exited with " + exit + ": " + err.toString().strip());
    }
  }

  private static int countSnapshot(Path snapshot) {
    return eachObject(snapshot, object -> {});
  }

  /** Hands every object of a snapshot to {@code action}, in order; how many there were. Header and trailer unread. */
  private static int eachObject(Path snapshot, Consumer<ObjectNode> action) {
    int[] count = {0};
    SnapshotReader.read(snapshot, new SnapshotSink() {
      @Override
      public void header(SnapshotHeader header) {
        // only the objects count
      }

      @Override
      public void object(ObjectNode object) {
        action.accept(object);
        count[0]++;
      }

      @Override
      public void trailer(SnapshotTrailer trailer) {
        // only the objects count
      }
    });
    return count[0];
  }

  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** Every object of a snapshot decoded into the model, as a snapshot scan decodes it, and dropped. */
  private static int readSnapshot(Path input) {
    return eachObject(input, object -> {
      try {
        new Resource(ObjectDecoder.decode(object), Provenance.ofCluster("snapshot", null));
      } catch (ObjectDecoder.InvalidObjectException e) {
        throw new IllegalStateException(e.getMessage());
      }
    });
  }

  /** The JSON report's {@code objects} and the number of its {@code findings}, read as a stream of tokens. */
  static int[] countReport(Path report) throws IOException {
    int objects = 0;
    int findings = 0;
    try (JsonParser p = new JsonFactory().createParser(report.toFile())) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IOException(report + ": not a JSON report");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        if ("objects".equals(field) && value == JsonToken.VALUE_NUMBER_INT) {
          objects = p.getIntValue();
        } else if ("findings".equals(field) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
            findings++;
          }
        } else {
          p.skipChildren();
        }
      }
    }
    return new int[] {objects, findings};
  }

  private static String maxHeap() {
    long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    return max < 0 ? "unbounded" : (max >> 20) + "m";
  }

  private static int readOnly(Path input) {
    if (input.getFileName().toString().endsWith(SnapshotFormat.EXTENSION)) {
      return readSnapshot(input);
    }
    int[] count = {0};
    int[] errors = {0};
    ManifestReader reader = new ManifestReader(new ResourceSink() {
      @Override
      public void accept(Resource resource) {
        count[0]++;
      }

      @Override
      public void error(ProcessingError error) {
        errors[0]++;
      }
    });
    reader.read(input.toString(), new ByteArrayInputStream(new byte[0]));
    if (errors[0] > 0) {
      throw new IllegalStateException(errors[0] + " input error(s) reading " + input);
    }
    return count[0];
  }
}
