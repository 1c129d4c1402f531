package dev.kubepci.cli;

import dev.kubepci.result.ExitCode;
import dev.kubepci.catalog.RuleCatalog;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.collect.RenderOptions;
import dev.kubepci.config.ConfigLoader;
import dev.kubepci.config.KubepciConfig;
import dev.kubepci.report.formats.ReportFormats;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.scan.ScanRequest;
import dev.kubepci.scan.Scanner;
import dev.kubepci.rule.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.kubepci.report.terminal.TerminalReporter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Set;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
        "  # a Helm chart with values, and a kustomization (built with kubectl kustomize)",
        "  kubepci scan ./chart --values prod-values.yaml --set image.tag=1.4.2 \\",
        "      --namespace shop",
        "  kubepci scan overlays/prod/",
        "  kubectl get deploy,sts,ds,netpol,rolebindings,clusterrolebindings -A -o yaml \\",
        "      | kubepci scan -",
        "  kubepci scan cluster-dump.yaml --format json --output report.json \\",
        "      --fail-on critical",
        "",
        "Exit codes: 0 clean, 1 findings at or above --fail-on, 2 usage error, 3 unreadable input, 4 internal error "
            + "(a rule failed: it is ERROR in the report; --debug prints the stack trace)."})
public final class ScanCommand extends KubepciSubcommand {
  @Parameters(paramLabel = "PATH", arity = "0..*",
      description = "Manifest files or directories (.yaml, .yml, .json, searched recursively), Helm chart folders "
          + "(rendered in-process), kustomization folders (built with kubectl kustomize), - for standard input, "
          + "or one snapshot file. None: the live cluster.")
  List<String> paths = new ArrayList<>();

  @picocli.CommandLine.Mixin
  PushOptions push = new PushOptions();

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
  NamespaceOption namespace;

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

  @Option(names = "--group-by", paramLabel = "area|dss", defaultValue = "area",
      description = "Organise the terminal, HTML and Markdown reports by the guidance's areas, or by the PCI DSS "
          + "v4.0.1 requirements the practices support (kubepci's informative cross-reference). "
          + "Default: ${DEFAULT-VALUE}.")
  String groupBy;

  @Option(names = "--evidence-bundle", paramLabel = "FILE",
      description = "Also write a signed evidence bundle (zip) of this assessment; needs --signing-key. "
          + "See 'kubepci evidence --help'.")
  Path evidenceBundle;

  @Mixin
  EvidenceCommand.SigningOptions signing;

  /** False for 'evidence pack', whose only output is the bundle. */
  boolean reportToStdout = true;

  @Option(names = "--store", arity = "0..1", paramLabel = "URL", parameterConsumer = HistoryStore.UrlConsumer.class,
      description = "Record the assessment in the history (kubepci history): with no URL the embedded store in "
          + "$XDG_DATA_HOME/kubepci (~/.local/share/kubepci), or jdbc:postgresql://HOST[:PORT]/DATABASE"
          + "?user=NAME (the password in KUBEPCI_STORE_PASSWORD).")
  String store;

  @Option(names = "--kubeconfig-file", paramLabel = "FILE",
      description = "A kubeconfig to assess as evidence: its users' credentials and its clusters' TLS settings "
          + "(repeatable). It is never used to connect.")
  List<String> kubeconfigFiles = new ArrayList<>();

  @Option(names = "--values", paramLabel = "FILE",
      description = "Values file for the Helm charts among the PATHs, as helm template takes it (repeatable; later "
          + "files win).")
  List<Path> valuesFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Value for the Helm charts among the PATHs, as helm template --set takes it (repeatable).")
  List<String> setValues = new ArrayList<>();

  @Option(names = "--release-name", paramLabel = "NAME", defaultValue = "release-name",
      description = "Release name the Helm charts among the PATHs are rendered with. Default: ${DEFAULT-VALUE}.")
  String releaseName;

  @Override
  public Integer call() throws IOException {
    Environment env = env();
    Severity threshold = "none".equalsIgnoreCase(failOn) ? null : parseSeverity(failOn);
    if (!"area".equals(groupBy) && !"dss".equals(groupBy)) {
      throw new UserException(ExitCode.USAGE, "--group-by: expected area or dss, not '" + groupBy + "'");
    }
    boolean byDss = "dss".equals(groupBy);
    push.validate();
    List<OutputOptions.Target> targets = reportToStdout ? output.targets("terminal") : List.of();
    TerminalReporter.Options terminal = terminalOptions(threshold);
    // reject unknown formats before any work
    targets.forEach(t -> ReportRun.reporter(t.format(), new ReportFormats.Options(terminal, byDss)));
    output.mode.permissions();
    ReportRun.requireOutputsApart(targets, paths, saveSnapshot);
    EvidenceCommand.Signer signer = null;
    if (evidenceBundle != null || signing.given()) {
      if (evidenceBundle == null) {
        throw new UserException(ExitCode.USAGE, "--signing-key and --certificate-chain need --evidence-bundle FILE");
      }
      if (paths.contains(ManifestReader.STDIN)) {
        throw new UserException(ExitCode.USAGE, "an evidence bundle cannot hold standard input: save it to a file");
      }
      signer = signing.read(); // a bad key fails before the assessment
    }
    Progress progress = new Progress(env, quiet);
    KubepciConfig cfg = governance.apply(config == null ? KubepciConfig.EMPTY : ConfigLoader.load(config));
    BuiltIns.Loaded builtIns = BuiltIns.take();
    RuleCatalog catalog = builtIns.catalog();
    ScanRequest request = ScanRequest.builder(builtIns.framework(), catalog)
        .paths(paths).stdin(env.stdin()).live(live).cluster(cluster.connection(env)).saveSnapshot(saveSnapshot)
        .kubeconfigFiles(kubeconfigFiles).render(renderOptions()).selected(selection.select(catalog))
        .crossReference(builtIns.crossReference())
        .config(cfg).configFile(config).waiverFiles(governance.waivers).attestationFiles(governance.attestations)
        .clock(env.clock()).toolVersion(VersionProvider.version()).redactionKey(env.resolveRedactionKey())
        .listener(new CollectionProgress(progress))
        .build();
    Path bundleSnapshotDir = null;
    if (evidenceBundle != null && saveSnapshot == null && request.isLive()) {
      // a live scan's evidence is the snapshot that was assessed
      bundleSnapshotDir = Files.createTempDirectory("kubepci-evidence");
      saveSnapshot = bundleSnapshotDir.resolve("snapshot.kpci.jsonl.gz");
      request = request.withSaveSnapshot(saveSnapshot);
    }
    AssessmentReport report;
    try {
      report = Scanner.scan(request);
    } finally {
      progress.done();
    }

    ReportRun run = new ReportRun(env, output.mode, quiet);
    for (OutputOptions.Target t : targets) {
      boolean toTerminal = t.file() == null;
      TerminalReporter.Options options = new TerminalReporter.Options(toTerminal && !output.noColor
          && env.colorTerminal(), toTerminal ? env.columns() : TerminalReporter.Options.DEFAULT_WIDTH,
          terminal.show(), terminal.topFindings(), threshold);
      run.write(ReportRun.reporter(t.format(), new ReportFormats.Options(options, byDss)), report, t.file());
    }
    HistoryStore.record(store, report, env);
    if (evidenceBundle != null) {
      try {
        var statement = EvidencePacker.pack(evidenceBundle, report, new EvidencePacker.Sources(paths,
            liveSnapshot(),
            config, governance.waivers, governance.attestations, kubeconfigFiles), signer.key(), signer.chain());
        Environment.say(reportToStdout ? env.err() : env.out(), "evidence bundle " + evidenceBundle + " written: "
            + statement.subject().size() + " files, signed by key id " + signer.key().keyId());
      } catch (dev.kubepci.evidence.EvidenceException e) {
        throw new UserException(ExitCode.USAGE, e.getMessage());
      } finally {
        if (bundleSnapshotDir != null) {
          Files.deleteIfExists(saveSnapshot);
          Files.deleteIfExists(bundleSnapshotDir);
        }
      }
    }
    push.push(env, report, reportToStdout);
    return run.exit(report, threshold).code();
  }

  /** The exit code of a run that wrote no file, with its reasons on standard error (see {@link ReportRun#exit}). */
  static int exitCode(AssessmentReport report, Severity threshold, Environment env) {
    return new ReportRun(env, new OutputMode(), false).exit(report, threshold).code();
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

  /** The snapshot a live scan saved with --save-snapshot, to pack as its input; null for offline scans. */
  private Path liveSnapshot() {
    return saveSnapshot != null && Files.isRegularFile(saveSnapshot) ? saveSnapshot : null;
  }

  /** How Helm charts among the paths are rendered; the scan refuses what helm template would refuse. */
  private RenderOptions renderOptions() {
    // one namespace for both: charts render into it, and objects that name none are placed in it
    return new RenderOptions(valuesFiles, setValues, releaseName, namespace.orDefault());
  }

  static Severity parseSeverity(String s) {
    try {
      return Severity.parse(s);
    } catch (IllegalArgumentException e) {
      throw new UserException(ExitCode.USAGE, "--fail-on: " + e.getMessage() + " or none");
    }
  }
}
