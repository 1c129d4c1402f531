package dev.kubepci.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kubepci.collect.ManifestReader;
import dev.kubepci.evidence.BundleFile;
import dev.kubepci.evidence.EvidenceBundle;
import dev.kubepci.evidence.SigningKey;
import dev.kubepci.evidence.Statement;
import dev.kubepci.model.ClusterInfo;
import dev.kubepci.report.html.HtmlReporter;
import dev.kubepci.report.json.JsonReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.rules.BuiltInRules;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an evidence bundle holds for one assessment: the JSON and HTML reports, every input file that was assessed
 * (the snapshot of a live scan), the configuration, waivers and attestations, and the rule catalogue, framework and
 * cross-reference the verdicts were reached with. Kubeconfig files assessed as evidence hold credentials and are
 * left out, which the signed statement records.
 */
final class EvidencePacker {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What was assessed and how: the paths as given, the snapshot of a live scan, and the governance files. */
  record Sources(List<String> paths, Path snapshot, Path config, List<Path> waivers, List<Path> attestations,
      List<String> kubeconfigs) {}

  private EvidencePacker() {}

  static Statement pack(Path out, AssessmentReport report, Sources sources, SigningKey key,
      List<X509Certificate> chain) {
    List<BundleFile> files = new ArrayList<>();
    files.add(BundleFile.ofBytes("reports/report.json", "report", render(new JsonReporter(), report)));
    files.add(BundleFile.ofBytes("reports/report.html", "report", render(new HtmlReporter(), report)));
    // what cannot be read under a directory is an input error in the report already
    Set<String> inputs = new LinkedHashSet<>(ManifestReader.expand(sources.paths().stream()
        .filter(p -> !sources.kubeconfigs().contains(p)).toList(), unreadable -> { }));
    for (String input : inputs) {
      files.add(BundleFile.ofFile("inputs/" + archiveName(input), "input", Path.of(input)));
    }
    if (sources.snapshot() != null) {
      files.add(BundleFile.ofFile("inputs/" + sources.snapshot().getFileName(), "snapshot", sources.snapshot()));
    }
    if (sources.config() != null) {
      files.add(BundleFile.ofFile("config/" + archiveName(sources.config().toString()), "configuration",
          sources.config()));
    }
    sources.waivers().forEach(w -> files.add(BundleFile.ofFile("config/" + archiveName(w.toString()), "waivers", w)));
    sources.attestations().forEach(a ->
        files.add(BundleFile.ofFile("config/" + archiveName(a.toString()), "attestations", a)));
    files.add(BundleFile.ofBytes("catalogue/rules.json", "rule-catalogue", rules(report)));
    files.add(BundleFile.ofBytes("catalogue/" + fileName(BuiltInRules.PCI_FRAMEWORK), "framework",
        resource(BuiltInRules.PCI_FRAMEWORK)));
    files.add(BundleFile.ofBytes("catalogue/" + fileName(BuiltInRules.DSS_CROSS_REFERENCE), "cross-reference",
        resource(BuiltInRules.DSS_CROSS_REFERENCE)));
    List<String> notIncluded = sources.kubeconfigs().stream()
        .map(k -> k + ": a kubeconfig holds credentials; its findings are in the reports").toList();
    return EvidenceBundle.write(out, dedupe(files), predicate(report, notIncluded), key, chain);
  }

  /** What the bundle attests about the assessment. */
  static Statement.Predicate predicate(AssessmentReport report, List<String> notIncluded) {
    Map<String, Integer> practices = new LinkedHashMap<>();
    report.requirementCounts().forEach((s, n) -> practices.put(s.name(), n));
    Map<String, Integer> findings = new LinkedHashMap<>();
    Map<Severity, Integer> bySeverity = report.findingCounts();
    for (Severity s : List.of(Severity.CRITICAL, Severity.HIGH, Severity.MEDIUM, Severity.LOW, Severity.INFO)) {
      findings.put(s.name(), bySeverity.get(s));
    }
    ClusterInfo c = report.cluster();
    Statement.Cluster cluster = c == null || c.equals(ClusterInfo.UNKNOWN) ? null
        : new Statement.Cluster(c.name(), c.server(), c.gitVersion());
    return new Statement.Predicate(report.generatedAt().toString(),
        new Statement.Named(report.toolName(), report.toolVersion()),
        new Statement.Named(report.frameworkId(), report.frameworkVersion()),
        report.crossReference() == null ? null
            : new Statement.Named(report.crossReference().id(), report.crossReference().version()),
        report.rules().size(), cluster, report.inputs(),
        new Statement.Summary(practices, findings,
            (int) report.findings().stream().filter(f -> f.status() == Status.WAIVED).count(), report.errors().size()),
        notIncluded.isEmpty() ? null : notIncluded);
  }

  /**
   * A path as the user gave it, made a safe relative archive name: separators become slashes, the root of an
   * absolute path and {@code .} segments are dropped, and {@code ..} becomes {@code __up__}.
   */
  static String archiveName(String path) {
    Path p = Path.of(path).normalize();
    List<String> segments = new ArrayList<>();
    for (Path part : p) {
      String s = part.toString();
      if (s.isEmpty() || s.equals(".")) {
        continue;
      }
      segments.add(s.equals("..") ? "__up__" : s.replace(":", "_").replace("\\", "_"));
    }
    return String.join("/", segments);
  }

  private static List<BundleFile> dedupe(List<BundleFile> files) {
    Map<String, BundleFile> byPath = new LinkedHashMap<>();
    files.forEach(f -> byPath.putIfAbsent(f.path(), f));
    return List.copyOf(byPath.values());
  }

  private static byte[] rules(AssessmentReport report) {
    List<Map<String, Object>> rules = new ArrayList<>();
    for (RuleResult r : report.rules()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", r.id());
      m.put("name", r.name());
      m.put("title", r.title());
      m.put("severity", r.severity().name());
      m.put("practices", r.requirements());
      m.put("status", r.status().name());
      rules.add(m);
    }
    Map<String, Object> catalogue = new LinkedHashMap<>();
    catalogue.put("tool", report.toolName());
    catalogue.put("version", report.toolVersion());
    catalogue.put("framework", report.frameworkId() + " " + report.frameworkVersion());
    catalogue.put("rules", rules);
    try {
      return JSON.writeValueAsBytes(catalogue);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] render(dev.kubepci.report.Reporter reporter, AssessmentReport report) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      reporter.write(report, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] resource(String name) {
    try (InputStream in = BuiltInRules.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String fileName(String resource) {
    return resource.substring(resource.lastIndexOf('/') + 1);
  }
}
