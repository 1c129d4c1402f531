package dev.kubepci.bench.measure;

import dev.kubepci.bench.generate.ClusterPlan;
import dev.kubepci.bench.generate.OutputFormat;
import dev.kubepci.bench.live.SyntheticApiServer;
import dev.kubepci.collect.snapshot.SnapshotFormat;
import dev.kubepci.bench.generate.SyntheticCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The end-to-end benchmark: for each size, generates (once) a synthetic cluster dump, then measures each mode in a
 * fresh JVM with a bounded heap, keeps the fastest of the repetitions, and checks the targets.
 */
public final class BenchmarkSuite {
  /** Bumped whenever the generator's output changes, so that cached inputs are made again. */
  static final String GENERATOR_VERSION = "g1";

  /**
   * @param sizes numbers of objects, ascending
   * @param heap the measured JVMs' {@code -Xmx}
   * @param repeat runs per size and mode; the fastest counts (the others absorb noise from other processes)
   * @param work where inputs and reports go
   * @param javaCommand the java executable for the measured JVMs
   * @param classpath their class path (this program's)
   */
  public record Options(List<Integer> sizes, long seed, OutputFormat format, String heap, int repeat,
      List<MeasuredRun.Mode> modes, Path work, String javaCommand, String classpath, List<String> jvmArgs) {
    public Options {
      sizes = sizes.stream().sorted().toList();
      modes = List.copyOf(modes);
      jvmArgs = List.copyOf(jvmArgs);
      if (repeat < 1) {
        throw new IllegalArgumentException("repeat must be at least 1");
      }
    }
  }

  /** A measurement that could not be made (the JVM failed, e.g. out of memory), with why. */
  public record Failure(int objects, String mode, String reason) {}

  /** Whether one of the targets holds on these measurements. */
  public record Check(String target, boolean holds, String detail) {}

  /** Everything one run of the suite measured. */
  public record Result(List<Measurement> measurements, List<Failure> failures, List<Check> checks) {
    public boolean allHold() {
      return failures.isEmpty() && checks.stream().allMatch(Check::holds);
    }
  }

  private final Options options;

  public BenchmarkSuite(Options options) {
    this.options = options;
  }

  public Result run(PrintWriter progress) throws IOException, InterruptedException {
    Files.createDirectories(options.work());
    List<Measurement> measurements = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    for (int n : options.sizes()) {
      Path input = options.modes().stream().anyMatch(m -> !m.isLive()) ? input(n, progress) : null;
      SyntheticApiServer server = null;
      Path kubeconfig = null;
      try {
        for (MeasuredRun.Mode mode : options.modes()) {
          if (mode.isLive() && server == null) {
            progress.printf("starting a mock API server holding %,d objects...%n", n);
            progress.flush();
            server = SyntheticApiServer.start(new SyntheticCluster(ClusterPlan.of(n, options.seed())));
            kubeconfig = server.writeKubeconfig(options.work().resolve("kubeconfig-" + n));
          }
          Measurement best = measure(mode, mode.isLive() ? kubeconfig : input, n, progress, failures);
          if (best != null) {
            measurements.add(best);
          }
        }
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
    return new Result(measurements, failures, checks(measurements, failures));
  }

  private Measurement measure(MeasuredRun.Mode mode, Path input, int n, PrintWriter progress, List<Failure> failures)
      throws IOException, InterruptedException {
    Measurement best = null;
    for (int r = 1; r <= options.repeat(); r++) {
      progress.printf("measuring %s of %,d objects (run %d/%d, -Xmx%s)...%n",
          mode.name().toLowerCase(Locale.ROOT), n, r, options.repeat(), options.heap());
      progress.flush();
      try {
        Measurement m = fork(mode, input, n);
        progress.printf("  %s%n", summary(m));
        if (best == null || m.millis() < best.millis()) {
          best = m;
        }
      } catch (MeasurementFailed e) {
        progress.printf("  failed: %s%n", e.getMessage());
        failures.add(new Failure(n, mode.name().toLowerCase(Locale.ROOT), e.getMessage()));
        break;
      }
    }
    return best;
  }


  /** The dump of a cluster of {@code n} objects, generated unless already in the work directory. */
  Path input(int n, PrintWriter progress) throws IOException {
    Path file = options.work().resolve(String.format(Locale.ROOT, "cluster-%d-seed%d-%s%s%s", n, options.seed(),
        GENERATOR_VERSION, options.format() == OutputFormat.SNAPSHOT ? "-" + readsFingerprint() : "",
        options.format().extension()));
    if (Files.exists(file)) {
      return file;
    }
    progress.printf("generating %s...%n", file);
    progress.flush();
    Path partial = file.resolveSibling("partial-" + file.getFileName());
    options.format().write(new SyntheticCluster(ClusterPlan.of(n, options.seed())), partial);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    return file;
  }

  /**
   * A snapshot names the kinds a collection asked for, which follow the rules' reads: a snapshot made before a
   * rule that reads a new kind would leave that kind a coverage gap, so cached snapshots are told apart by them.
   */
  private static String readsFingerprint() {
    java.util.TreeSet<String> reads = new java.util.TreeSet<>();
    dev.kubepci.rules.BuiltInRules.catalog().rules().forEach(d -> reads.addAll(d.reads()));
    return Integer.toHexString(String.join(",", reads).hashCode());
  }

  private static final class MeasurementFailed extends Exception {
    private static final long serialVersionUID = 1L;

    MeasurementFailed(String message) {
      super(message);
    }
  }

  private Measurement fork(MeasuredRun.Mode mode, Path input, int n) throws IOException, InterruptedException,
      MeasurementFailed {
    Path report = mode == MeasuredRun.Mode.COLLECT
        ? options.work().resolve("collected-" + n + SnapshotFormat.EXTENSION)
        : options.work().resolve("report-" + n + ".json");
    Path log = options.work().resolve("measure-" + n + "-" + mode.name().toLowerCase(Locale.ROOT) + ".log");
    List<String> command = new ArrayList<>();
    command.add(options.javaCommand());
    command.add("-Xmx" + options.heap());
    command.addAll(options.jvmArgs());
    command.addAll(List.of("-cp", options.classpath(), "dev.kubepci.bench.BenchMain", "measure",
        "--mode", mode.name().toLowerCase(Locale.ROOT), "--input", input.toString(), "--report", report.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.HOURS)) {
      p.destroyForcibly();
      throw new MeasurementFailed("timed out");
    }
    if (p.exitValue() != 0) {
      String err = Files.readString(log, StandardCharsets.UTF_8).strip();
      String last = err.lines().reduce((a, b) -> b).orElse("exit code " + p.exitValue());
      throw new MeasurementFailed(err.contains("OutOfMemoryError") ? "out of memory with -Xmx" + options.heap()
          : last);
    }
    String line = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new MeasurementFailed("no measurement printed"));
    return Measurement.fromJson(line);
  }

  static String summary(Measurement m) {
    return String.format(Locale.ROOT, "%.2f s wall, %.2f s cpu, %,.0f objects/s, heap peak %d MB (%d MB after GC), "
        + "RSS %d MB", m.millis() / 1000.0, m.cpuMillis() / 1000.0, m.objectsPerSecond(), mb(m.peakHeapBytes()),
        mb(m.peakLiveHeapBytes()), mb(m.peakRssBytes()));
  }

  static long mb(long bytes) {
    return Math.round(bytes / (1024.0 * 1024.0));
  }

  /** The targets of the issue, checked on the largest size (and the one ten times smaller for linearity). */
  static List<Check> checks(List<Measurement> measurements, List<Failure> failures) {
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("every run completes within the heap limit", failures.isEmpty(),
        failures.isEmpty() ? measurements.size() + " runs completed"
            : failures.size() + " failed: " + failures.get(0).mode() + " of " + failures.get(0).objects()
                + " objects: " + failures.get(0).reason()));
    int largest = measurements.stream().mapToInt(Measurement::objects).max().orElse(0);
    Optional<Measurement> read = find(measurements, "read", largest);
    Optional<Measurement> assess = find(measurements, "assess", largest);
    if (read.isPresent() && assess.isPresent()) {
      double wall = (double) assess.get().millis() / read.get().millis();
      double cpu = (double) assess.get().cpuMillis() / Math.max(1, read.get().cpuMillis());
      checks.add(new Check(String.format(Locale.ROOT, "%,d objects assessed end to end in under 2x the time of "
          + "reading alone", largest), wall < 2.0,
          String.format(Locale.ROOT, "assess/read = %.2fx wall, %.2fx cpu", wall, cpu)));
    }
    Optional<Measurement> tenth = find(measurements, "assess", largest / 10);
    if (assess.isPresent() && tenth.isPresent()) {
      double ratio = (double) assess.get().millis() / tenth.get().millis();
      double cpu = (double) assess.get().cpuMillis() / Math.max(1, tenth.get().cpuMillis());
      checks.add(new Check(String.format(Locale.ROOT, "%,d objects take at most 12x the time of %,d", largest,
          largest / 10), ratio <= 12.0, String.format(Locale.ROOT, "%.2fx wall, %.2fx cpu", ratio, cpu)));
    }
    List<Measurement> reports = measurements.stream().filter(m -> m.mode().equals("assess") && m.findings() > 0)
        .sorted(Comparator.comparingInt(Measurement::objects)).toList();
    if (reports.size() >= 2) {
      Measurement small = reports.get(0);
      Measurement big = reports.get(reports.size() - 1);
      double perFindingSmall = (double) small.reportBytes() / small.findings();
      double perFindingBig = (double) big.reportBytes() / big.findings();
      double perObjectBig = (double) big.reportBytes() / big.objects();
      checks.add(new Check("the JSON report grows with findings, not with input",
          perFindingBig <= perFindingSmall * 1.25,
          String.format(Locale.ROOT, "%,.0f bytes per finding at %,d objects, %,.0f at %,d (%,.0f per object)",
              perFindingSmall, small.objects(), perFindingBig, big.objects(), perObjectBig)));
    }
    return checks;
  }

  private static Optional<Measurement> find(List<Measurement> ms, String mode, int objects) {
    return ms.stream().filter(m -> m.mode().equals(mode) && m.objects() == objects).findFirst();
  }
}
