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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
   * @param formats the inputs measured at each size (a kubectl dump as YAML or JSON, a snapshot)
   * @param heap the measured JVMs' {@code -Xmx}
   * @param repeat runs per size and mode, paired with the floor (each repetition runs the floor, then every
   *     measurement once); the median counts, so that a burst of load from other processes moves none of them
   * @param work where inputs and reports go
   * @param javaCommand the java executable for the measured JVMs
   * @param classpath their class path (this program's)
   * @param floor the floor command ({@code jq}) when it is to be measured, else null
   */
  public record Options(List<Integer> sizes, long seed, List<OutputFormat> formats, String heap, int repeat,
      List<MeasuredRun.Mode> modes, Path work, String javaCommand, String classpath, List<String> jvmArgs,
      String floor) {
    public Options {
      sizes = sizes.stream().sorted().toList();
      formats = List.copyOf(formats);
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

  /** The floor: {@code jq '.items|length'} on the JSON dump, the cost of parsing the input and nothing else. */
  static final String FLOOR_MODE = "floor";

  private final Options options;

  public BenchmarkSuite(Options options) {
    this.options = options;
  }

  public Result run(PrintWriter progress) throws IOException, InterruptedException {
    Files.createDirectories(options.work());
    List<Measurement> measurements = new ArrayList<>();
    List<Failure> failures = new ArrayList<>();
    List<Check> comparisons = new ArrayList<>();
    for (int n : options.sizes()) {
      Map<String, Path> inputs = new LinkedHashMap<>();
      if (options.modes().stream().anyMatch(m -> !m.isLive())) {
        for (OutputFormat f : options.formats()) {
          inputs.put(f.name(), input(n, f, progress));
        }
      }
      Path floorInput = options.floor() == null ? null : input(n, OutputFormat.JSON, progress);
      SyntheticApiServer server = null;
      Path kubeconfig = null;
      Map<String, List<Measurement>> runs = new LinkedHashMap<>();
      Set<String> failed = new HashSet<>();
      Check sameReport = null;
      try {
        for (int r = 1; r <= options.repeat(); r++) {
          if (floorInput != null) {
            progress.printf("measuring the floor (%s '.items|length') on %,d objects (run %d/%d)...%n",
                options.floor(), n, r, options.repeat());
            progress.flush();
            try {
              Measurement m = floor(floorInput, n);
              progress.printf("  %.2f s wall, %.2f s cpu%n", m.processMillis() / 1000.0,
                  m.processCpuMillis() / 1000.0);
              runs.computeIfAbsent(FLOOR_MODE, k -> new ArrayList<>()).add(m);
            } catch (MeasurementFailed e) {
              progress.printf("  failed: %s%n", e.getMessage());
            }
          }
          for (MeasuredRun.Mode mode : options.modes()) {
            if (mode.isLive() && server == null) {
              progress.printf("starting a mock API server holding %,d objects...%n", n);
              progress.flush();
              server = SyntheticApiServer.start(new SyntheticCluster(ClusterPlan.of(n, options.seed())));
              kubeconfig = server.writeKubeconfig(options.work().resolve("kubeconfig-" + n));
            }
            List<Path> targets = mode.isLive() ? List.of(kubeconfig) : List.copyOf(inputs.values());
            for (Path input : targets) {
              String key = mode.name() + " " + input.getFileName();
              if (failed.contains(key)) {
                continue;
              }
              progress.printf("measuring %s of %s (run %d/%d, -Xmx%s)...%n", mode.name().toLowerCase(Locale.ROOT),
                  mode.isLive() ? String.format(Locale.ROOT, "%,d objects", n) : input.getFileName(), r,
                  options.repeat(), options.heap());
              progress.flush();
              try {
                Measurement m = fork(mode, input, n);
                progress.printf("  %s%n", summary(m));
                runs.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
                if (mode == MeasuredRun.Mode.LIVE) {
                  sameReport = snapshotOfLive(input, n, r, runs, progress);
                }
              } catch (MeasurementFailed e) {
                progress.printf("  failed: %s%n", e.getMessage());
                failures.add(new Failure(n, mode.name().toLowerCase(Locale.ROOT), e.getMessage()));
                failed.add(key);
              }
            }
          }
        }
      } finally {
        if (server != null) {
          server.close();
        }
      }
      runs.values().forEach(list -> measurements.add(median(list)));
      if (sameReport != null) {
        comparisons.add(sameReport);
      }
    }
    List<Check> all = new ArrayList<>(checks(measurements, failures));
    all.addAll(comparisons);
    return new Result(measurements, failures, all);
  }

  /**
   * The live scan's yardstick: the same cluster collected into a snapshot ({@code kubepci collect}, measured as
   * (d) unless that mode runs anyway) and that snapshot assessed, whose report must be the live scan's but for the
   * line naming the input. The generated snapshot is no yardstick: it holds every object of the cluster, also the
   * kinds no rule reads, which a collection does not list.
   */
  private Check snapshotOfLive(Path kubeconfig, int n, int r, Map<String, List<Measurement>> runs,
      PrintWriter progress) throws IOException, InterruptedException, MeasurementFailed {
    Path collected = report(MeasuredRun.Mode.COLLECT, kubeconfig, n);
    progress.printf("collecting %,d objects into %s (run %d/%d)...%n", n, collected.getFileName(), r,
        options.repeat());
    progress.flush();
    Measurement c = fork(MeasuredRun.Mode.COLLECT, kubeconfig, n);
    progress.printf("  %s%n", summary(c));
    if (!options.modes().contains(MeasuredRun.Mode.COLLECT)) {
      runs.computeIfAbsent("collect " + kubeconfig.getFileName(), k -> new ArrayList<>()).add(c);
    }
    progress.printf("measuring assess of %s (run %d/%d, -Xmx%s)...%n", collected.getFileName(), r, options.repeat(),
        options.heap());
    progress.flush();
    Measurement s = fork(MeasuredRun.Mode.ASSESS, collected, n);
    progress.printf("  %s%n", summary(s));
    runs.computeIfAbsent("assess " + collected.getFileName(), k -> new ArrayList<>()).add(s);
    String difference = ReportDifference.between(report(MeasuredRun.Mode.LIVE, kubeconfig, n),
        report(MeasuredRun.Mode.ASSESS, collected, n));
    return new Check(String.format(Locale.ROOT, "%,d objects: the live scan's report is the report of its snapshot "
        + "(but for the input named)", n), difference == null, difference == null ? "identical" : difference);
  }

  /** Where a run writes: the snapshot of a collection, the JSON report of a scan (one per mode and input form). */
  Path report(MeasuredRun.Mode mode, Path input, int n) {
    if (mode == MeasuredRun.Mode.COLLECT) {
      return options.work().resolve("collected-" + n + SnapshotFormat.EXTENSION);
    }
    String form = new Measurement(mode.name(), input.getFileName().toString(), n, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        "-", 0, 0).format().replace(' ', '-');
    return options.work().resolve("report-" + n + "-" + mode.name().toLowerCase(Locale.ROOT) + "-" + form + ".json");
  }

  /** The run with the median whole-process wall time (the lower middle one of an even count). */
  static Measurement median(List<Measurement> runs) {
    List<Measurement> sorted = runs.stream().sorted(Comparator.comparingLong(Measurement::processMillis)).toList();
    return sorted.get((sorted.size() - 1) / 2);
  }

  private Measurement floor(Path json, int n) throws IOException, InterruptedException, MeasurementFailed {
    long cpu0 = ChildTimes.cpuMillis();
    long start = System.nanoTime();
    Process p;
    try {
      p = new ProcessBuilder(options.floor(), ".items|length", json.toString())
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new MeasurementFailed(options.floor() + " cannot be run (" + e.getMessage() + "); install it, or give "
          + "--floor none");
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int exit = p.waitFor();
    long wall = (System.nanoTime() - start) / 1_000_000;
    long cpu = ChildTimes.cpuMillis() - cpu0;
    if (exit != 0) {
      throw new MeasurementFailed(options.floor() + " exited with " + exit);
    }
    int objects;
    try {
      objects = Integer.parseInt(out);
    } catch (NumberFormatException e) {
      throw new MeasurementFailed(options.floor() + " printed " + out);
    }
    return new Measurement(FLOOR_MODE, json.getFileName().toString(), objects, wall, cpu, 0, 0, 0, 0, 0, 0, 0, 0,
        "-", wall, cpu);
  }

  /** The dump of a cluster of {@code n} objects, generated unless already in the work directory. */
  Path input(int n, OutputFormat format, PrintWriter progress) throws IOException {
    Path file = options.work().resolve(String.format(Locale.ROOT, "cluster-%d-seed%d-%s%s%s", n, options.seed(),
        GENERATOR_VERSION, format == OutputFormat.SNAPSHOT ? "-" + readsFingerprint() : "",
        format.extension()));
    if (Files.exists(file)) {
      return file;
    }
    progress.printf("generating %s...%n", file);
    progress.flush();
    Path partial = file.resolveSibling("partial-" + file.getFileName());
    format.write(new SyntheticCluster(ClusterPlan.of(n, options.seed())), partial);
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
    Path report = report(mode, input, n);
    Path log = options.work().resolve("measure-" + n + "-" + mode.name().toLowerCase(Locale.ROOT) + ".log");
    List<String> command = new ArrayList<>();
    command.add(options.javaCommand());
    command.add("-Xmx" + options.heap());
    command.addAll(options.jvmArgs());
    command.addAll(List.of("-cp", options.classpath(), "dev.kubepci.bench.BenchMain", "measure",
        "--mode", mode.name().toLowerCase(Locale.ROOT), "--input", input.toString(), "--report", report.toString()));
    long cpu0 = ChildTimes.cpuMillis();
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(false).redirectError(log.toFile()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.HOURS)) {
      p.destroyForcibly();
      throw new MeasurementFailed("timed out");
    }
    long wall = (System.nanoTime() - start) / 1_000_000;
    long cpu = ChildTimes.cpuMillis() - cpu0;
    if (p.exitValue() != 0) {
      String err = Files.readString(log, StandardCharsets.UTF_8).strip();
      String last = err.lines().reduce((a, b) -> b).orElse("exit code " + p.exitValue());
      throw new MeasurementFailed(err.contains("OutOfMemoryError") ? "out of memory with -Xmx" + options.heap()
          : last);
    }
    String line = out.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b)
        .orElseThrow(() -> new MeasurementFailed("no measurement printed"));
    return Measurement.fromJson(line).withProcess(wall, cpu);
  }

  static String summary(Measurement m) {
    return String.format(Locale.ROOT, "process %.2f s wall, %.2f s cpu; work %.2f s wall, %.2f s cpu, %,.0f objects/s, "
        + "heap peak %d MB (%d MB after GC), RSS %d MB", m.processMillis() / 1000.0, m.processCpuMillis() / 1000.0,
        m.millis() / 1000.0, m.cpuMillis() / 1000.0, m.objectsPerSecond(), mb(m.peakHeapBytes()),
        mb(m.peakLiveHeapBytes()), mb(m.peakRssBytes()));
  }

  static long mb(long bytes) {
    return Math.round(bytes / (1024.0 * 1024.0));
  }

  /** Peak resident memory allowed for a run of {@link #RSS_TARGET_OBJECTS} objects with a heap of {@link #RSS_HEAP_MB}. */
  static final long RSS_LIMIT = 1200L * 1024 * 1024;
  /** The size the resident-memory target is set for. */
  static final int RSS_TARGET_OBJECTS = 100_000;
  /** The largest heap ({@code -Xmx}, in MB) the resident-memory target is set for: a larger heap cannot hold it. */
  static final long RSS_HEAP_MB = 1024;

  /**
   * The targets of the issue: on the largest size, each input assessed within 3x the floor's wall time and 5x its
   * CPU time; at 100,000 objects with {@code -Xmx1g} (whatever the largest size), under 1.2 GB of resident memory
   * (the 300,000-object run of the growth table has {@code -Xmx2g} and no such target); a live scan within 1.5x the
   * snapshot's time; time growing no worse than linearly from one size to the next; the JSON report growing with
   * findings.
   */
  static List<Check> checks(List<Measurement> measurements, List<Failure> failures) {
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("every run completes within the heap limit", failures.isEmpty(),
        failures.isEmpty() ? measurements.size() + " runs completed"
            : failures.size() + " failed: " + failures.get(0).mode() + " of " + failures.get(0).objects()
                + " objects: " + failures.get(0).reason()));
    int largest = measurements.stream().mapToInt(Measurement::objects).max().orElse(0);
    Optional<Measurement> floor = find(measurements, FLOOR_MODE, "json", largest);
    for (String format : List.of("yaml", "json", "snapshot")) {
      Optional<Measurement> assess = find(measurements, "assess", format, largest);
      if (assess.isEmpty()) {
        continue;
      }
      Measurement a = assess.get();
      if (floor.isPresent() && !format.equals("yaml")) {
        Measurement f = floor.get();
        double wall = (double) a.processMillis() / Math.max(1, f.processMillis());
        double cpu = (double) a.processCpuMillis() / Math.max(1, f.processCpuMillis());
        checks.add(new Check(String.format(Locale.ROOT, "%,d objects (%s) assessed within 3x the wall and 5x the CPU "
            + "time of the floor", largest, format), wall <= 3.0 && cpu <= 5.0,
            String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU against %.2f s, %.2f s: %.2fx wall, %.2fx CPU",
                a.processMillis() / 1000.0, a.processCpuMillis() / 1000.0, f.processMillis() / 1000.0,
                f.processCpuMillis() / 1000.0, wall, cpu)));
      }
      Optional<Measurement> target = find(measurements, "assess", format, RSS_TARGET_OBJECTS)
          .filter(t -> heapMb(t.maxHeap()) <= RSS_HEAP_MB);
      target.ifPresent(t -> checks.add(new Check(String.format(Locale.ROOT,
          "%,d objects (%s) assessed in under 1.2 GB resident", RSS_TARGET_OBJECTS, format),
          t.peakRssBytes() < RSS_LIMIT,
          String.format(Locale.ROOT, "peak RSS %d MB with -Xmx%s", mb(t.peakRssBytes()), t.maxHeap()))));
      Optional<Measurement> read = find(measurements, "read", format, largest);
      if (read.isPresent()) {
        double wall = (double) a.millis() / read.get().millis();
        double cpu = (double) a.cpuMillis() / Math.max(1, read.get().cpuMillis());
        checks.add(new Check(String.format(Locale.ROOT, "%,d objects (%s) assessed end to end in under 2x the time "
            + "of reading alone", largest, format), wall < 2.0,
            String.format(Locale.ROOT, "assess/read = %.2fx wall, %.2fx cpu", wall, cpu)));
      }
      List<Measurement> sizes = measurements.stream().filter(m -> m.mode().equals("assess")
          && m.format().equals(format)).sorted(Comparator.comparingInt(Measurement::objects)).toList();
      for (int i = 1; i < sizes.size(); i++) {
        Measurement small = sizes.get(i - 1);
        Measurement big = sizes.get(i);
        double grows = (double) big.objects() / small.objects();
        double ratio = (double) big.processMillis() / Math.max(1, small.processMillis());
        double cpu = (double) big.processCpuMillis() / Math.max(1, small.processCpuMillis());
        checks.add(new Check(String.format(Locale.ROOT, "%,d objects (%s) take at most %.1fx the time of %,d",
            big.objects(), format, grows, small.objects()), ratio <= grows,
            String.format(Locale.ROOT, "%.2fx wall, %.2fx cpu", ratio, cpu)));
      }
    }
    // a collection lists the kinds the rules read, fewer objects than the generated cluster holds
    Optional<Measurement> live = measurements.stream().filter(m -> m.mode().equals("live"))
        .max(Comparator.comparingInt(Measurement::objects));
    Optional<Measurement> snapshot = live.flatMap(l -> find(measurements, "assess", Measurement.LIVE_SNAPSHOT,
        l.objects()));
    if (live.isPresent() && snapshot.isPresent()) {
      Measurement l = live.get();
      Measurement s = snapshot.get();
      double wall = (double) l.processMillis() / Math.max(1, s.processMillis());
      double cpu = (double) l.processCpuMillis() / Math.max(1, s.processCpuMillis());
      checks.add(new Check(String.format(Locale.ROOT, "%,d objects scanned live within 1.5x the wall and CPU time of "
          + "assessing the snapshot of the same collection", l.objects()), wall <= 1.5 && cpu <= 1.5,
          String.format(Locale.ROOT, "%.2f s wall, %.2f s CPU against %.2f s, %.2f s: %.2fx wall, %.2fx CPU",
              l.processMillis() / 1000.0, l.processCpuMillis() / 1000.0, s.processMillis() / 1000.0,
              s.processCpuMillis() / 1000.0, wall, cpu)));
    }
    List<Measurement> reports = measurements.stream().filter(m -> m.mode().equals("assess") && m.findings() > 0)
        .sorted(Comparator.comparingInt(Measurement::objects)).toList();
    if (reports.size() >= 2 && reports.get(0).objects() < reports.get(reports.size() - 1).objects()) {
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

  /** The heap a measured JVM had, in MB ({@code 1024m}, {@code 2g}), or the largest long when unbounded or unknown. */
  static long heapMb(String maxHeap) {
    if (maxHeap == null || maxHeap.length() < 2) {
      return Long.MAX_VALUE;
    }
    String digits = maxHeap.substring(0, maxHeap.length() - 1);
    if (!digits.chars().allMatch(Character::isDigit) || digits.isEmpty()) {
      return Long.MAX_VALUE;
    }
    long n = Long.parseLong(digits);
    return switch (Character.toLowerCase(maxHeap.charAt(maxHeap.length() - 1))) {
      case 'm' -> n;
      case 'g' -> n * 1024;
      case 'k' -> n / 1024;
      default -> Long.MAX_VALUE;
    };
  }

  private static Optional<Measurement> find(List<Measurement> ms, String mode, String format, int objects) {
    return ms.stream().filter(m -> m.mode().equals(mode) && m.format().equals(format) && m.objects() == objects)
        .findFirst();
  }
}
