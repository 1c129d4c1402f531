package dev.kubepci.cli;

import dev.kubepci.catalog.Framework;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.catalog.RuleDescriptor;
import dev.kubepci.collect.CollectedInput;
import dev.kubepci.collect.FieldLines;
import dev.kubepci.collect.FileCollector;
import dev.kubepci.collect.InputFiles;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.cluster.ClusterCollection;
import dev.kubepci.collect.cluster.ClusterException;
import dev.kubepci.collect.snapshot.SnapshotFormat;
import dev.kubepci.collect.snapshot.SnapshotInventory;
import dev.kubepci.config.ConfigLoader;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.engine.AssessmentRequest;
import dev.kubepci.engine.Assessor;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.rules.BuiltInRules;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.kubepci.report.terminal.TerminalReporter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code kubepci scan}: assess a live cluster, manifests, dumps or a snapshot against the PCI guidance. */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
        "Assess Kubernetes objects against the 42 best practices of the PCI container guidance.",
        "Without PATH, assesses the live cluster of the current kubeconfig context (or the pod's service account). "
            + "A PATH that is a snapshot (from 'kubepci collect' or the kubectl script) is assessed as the cluster "
            + "it was taken from."},
    footer = {
        "",
        "Examples:",
        "  # the current kubeconfig context",
        "  kubepci scan",
        "  kubepci scan --context prod --save-snapshot prod.kpci.jsonl.gz",
        "  # offline, same results as the live scan",
        "  kubepci scan prod.kpci.jsonl.gz",
        "  # a snapshot completed by files",
        "  kubepci scan prod.kpci.jsonl.gz control-plane/",
        "  kubepci scan examples/payment-platform/manifests",
        "  kubectl get deploy,sts,ds,netpol,rolebindings,clusterrolebindings -A -o yaml \\",
        "      | kubepci scan -",
        "  kubepci scan cluster-dump.yaml --format json --output report.json \\",
        "      --fail-on critical",
        "",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 unreadable input, 4 internal error."})
public final class ScanCommand implements Callable<Integer> {
  @ParentCommand
  KubepciCommand parent;

  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Manifest files or directories (.yaml, .yml, .json, searched recursively), - for standard input, "
          + "or one snapshot file. None: the live cluster.")
  List<String> paths = new ArrayList<>();

  @Option(names = "--live",
      description = "Assess the live cluster even though PATHs are given; the files complete it (kubelet "
          + "configuration, static pod manifests).")
  boolean live;

  @Option(names = "--save-snapshot", paramLabel = "FILE",
      description = "With a live scan, also write the snapshot that was assessed, as evidence.")
  Path saveSnapshot;

  @Mixin
  ClusterConnectionOptions cluster;

  @Mixin
  OutputOptions output;

  @Mixin
  RuleSelection selection;

  @Mixin
  GovernanceOptions governance;

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "kubepci configuration: CDE scope, trusted registries, waivers, attestations (see the README).")
  Path config;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "high",
      description = "Exit with code 1 when a finding of this severity or higher fails: info, low, medium, high, "
          + "critical, or none. Default: ${DEFAULT-VALUE}.")
  String failOn;

  @Option(names = "--details",
      description = "Terminal report: also every practice, the rules' fact tables, every finding and the evidence "
          + "to collect (same as --show practices,facts,findings,evidence).")
  boolean details;

  @Option(names = "--show", paramLabel = "SECTION", split = ",",
      description = "Terminal report: add these sections to the short report: practices, facts, findings, evidence.")
  List<String> show = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "No progress on standard error.")
  boolean quiet;

  @Option(names = "--kubeconfig-file", paramLabel = "FILE",
      description = "A kubeconfig to assess as evidence: its users' credentials and its clusters' TLS settings "
          + "(repeatable). It is never used to connect.")
  List<String> kubeconfigFiles = new ArrayList<>();

  @Override
  public Integer call() throws IOException {
    Environment env = parent.environment();
    Severity threshold = "none".equalsIgnoreCase(failOn) ? null : parseSeverity(failOn);
    List<OutputOptions.Target> targets = output.targets("terminal");
    TerminalReporter.Options terminal = terminalOptions(threshold);
    targets.forEach(t -> Reporters.forFormat(t.format(), terminal)); // reject unknown formats before any work
    KubepciConfig cfg = governance.apply(config == null ? KubepciConfig.EMPTY : ConfigLoader.load(config));
    RuleCatalog catalog = BuiltInRules.catalog();
    Framework framework = BuiltInRules.pciFramework();
    var selected = selection.select(catalog);

    Progress progress = new Progress(env, quiet);
    CollectedInput input;
    try {
      input = input(env, selected, progress);
    } finally {
      progress.done();
    }
    KubeconfigFiles.requireKubeconfigs(kubeconfigFiles, input);

    AssessmentRequest request = new AssessmentRequest(framework, catalog, selected, cfg, env.clock(),
        VersionProvider.version(), input.inputs());
    // the engine does no I/O: findings are pointed at their field's line afterwards, one read per file
    AssessmentReport report = FieldLines.locate(new Assessor(request).assess(input.inventory(), input.errors()))
        .withBasis(InputFiles.basis(paths.stream().filter(p -> !kubeconfigFiles.contains(p)).toList(), config, cfg,
            governance.waivers, governance.attestations));

    for (OutputOptions.Target t : targets) {
      boolean toTerminal = t.file() == null;
      TerminalReporter.Options options = new TerminalReporter.Options(toTerminal && !output.noColor
          && env.colorTerminal(), toTerminal ? env.columns() : TerminalReporter.Options.DEFAULT_WIDTH,
          terminal.show(), terminal.topFindings(), threshold);
      write(Reporters.forFormat(t.format(), options), report, t.file(), env);
    }
    if (!report.errors().isEmpty()) {
      env.err().println("kubepci: " + report.errors().size()
          + " input error(s) (unreadable input, invalid or expired waivers or attestations); the rest was assessed"
          + " (see the report)");
      return ExitCode.INPUT_ERROR.code();
    }
    if (threshold != null && report.failingAtOrAbove(threshold) > 0) {
      return ExitCode.FINDINGS.code();
    }
    return ExitCode.OK.code();
  }

  /** The terminal report's sections as asked for; width and colour are decided per output. */
  private TerminalReporter.Options terminalOptions(Severity threshold) {
    Set<TerminalReporter.Section> sections = EnumSet.noneOf(TerminalReporter.Section.class);
    if (details) {
      sections.addAll(EnumSet.allOf(TerminalReporter.Section.class));
    }
    for (String s : show) {
      try {
        sections.add(TerminalReporter.Section.parse(s));
      } catch (IllegalArgumentException e) {
        throw new UserException(ExitCode.USAGE, "--show: " + e.getMessage());
      }
    }
    return TerminalReporter.Options.PLAIN.showing(sections).withFailOn(threshold);
  }

  /** The objects to assess: the live cluster, a snapshot, files, or a cluster completed by files. */
  private CollectedInput input(Environment env, List<RuleDescriptor> selected, Progress progress) {
    List<String> snapshots = paths.stream()
        .filter(p -> !ManifestReader.STDIN.equals(p) && SnapshotFormat.looksLikeSnapshot(Path.of(p)))
        .toList();
    List<String> files = new ArrayList<>(paths.stream().filter(p -> !snapshots.contains(p)).toList());
    files.addAll(kubeconfigFiles);
    // a kubeconfig given as evidence alone is an offline scan of it, never a connection
    boolean liveScan = live || (paths.isEmpty() && kubeconfigFiles.isEmpty());
    if (snapshots.size() > 1) {
      throw new UserException(ExitCode.USAGE, "give one snapshot at a time: " + String.join(", ", snapshots));
    }
    if (liveScan && !snapshots.isEmpty()) {
      throw new UserException(ExitCode.USAGE, "--live and a snapshot cannot be combined: " + snapshots.get(0));
    }
    if (!liveScan && (cluster.given() || saveSnapshot != null)) {
      throw new UserException(ExitCode.USAGE, "--kubeconfig, --context and --save-snapshot apply to live scans: "
          + "drop the paths or add --live");
    }
    CollectedInput base = null;
    if (liveScan) {
      try {
        base = new ClusterCollection(cluster.target(env), cluster.collectionOptions(),
            CollectCommand.reads(selected), CollectCommand.producer(), env.clock().instant(),
            new CollectionProgress(progress)).scan(saveSnapshot);
      } catch (ClusterException e) {
        throw new UserException(ExitCode.INPUT_ERROR, e.getMessage());
      } catch (UncheckedIOException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage()); // --save-snapshot cannot be written
      }
    } else if (!snapshots.isEmpty()) {
      progress.update("reading snapshot " + snapshots.get(0));
      base = SnapshotInventory.read(Path.of(snapshots.get(0)));
    }
    if (files.isEmpty()) {
      return base;
    }
    CollectedInput fromFiles = FileCollector.collect(files, env.stdin(),
        n -> progress.update("read " + n + " file(s)"));
    return base == null ? fromFiles : SnapshotInventory.combine(base, fromFiles);
  }

  static Severity parseSeverity(String s) {
    try {
      return Severity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, "--fail-on: " + e.getMessage() + " or none");
    }
  }

  static void write(dev.kubepci.report.Reporter reporter, AssessmentReport report, String file, Environment env)
      throws IOException {
    if (file == null) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      reporter.write(report, buffer);
      env.out().print(buffer.toString(StandardCharsets.UTF_8));
      env.out().flush();
      return;
    }
    Path path = Path.of(file);
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path))) {
      reporter.write(report, out);
    }
  }
}
