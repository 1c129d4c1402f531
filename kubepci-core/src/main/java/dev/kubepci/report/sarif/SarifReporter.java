package dev.kubepci.report.sarif;

import dev.kubepci.crossref.CrossReference;
import dev.kubepci.model.Provenance;
import dev.kubepci.model.ResourceRef;
import dev.kubepci.report.DocumentReporter;
import dev.kubepci.result.AssessmentReport;
import dev.kubepci.result.Finding;
import dev.kubepci.result.ProcessingError;
import dev.kubepci.result.RequirementResult;
import dev.kubepci.result.RuleResult;
import dev.kubepci.result.Status;
import dev.kubepci.rule.Severity;
import dev.kubepci.rule.Table;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * SARIF 2.1.0 for code scanning: every rule is a reporting descriptor with help text, related to the best
 * practices it decides, which form the PCI guidance taxonomy. Each finding is a result with a file location and
 * line for manifests, a logical location ({@code Deployment/shop/web}) for every object, and a partial
 * fingerprint that survives line moves. Waived findings carry an accepted external suppression; input errors are
 * tool execution notifications. The rules' tables of facts and the practices' verdicts sit in the run's property
 * bag: SARIF viewers do not show them, but they keep the log complete for tools that read it.
 */
public final class SarifReporter extends DocumentReporter<Sarif.Log> {
  /** The name of the PCI guidance taxonomy in the log. */
  public static final String TAXONOMY = "PCI-SSC-Container-Orchestration-Guidance";
  /** The partial fingerprint key: rule, object and field path, hashed. */
  public static final String FINGERPRINT = "kubepciFinding/v1";
  /** The name of the PCI DSS taxonomy of the informative cross-reference, when the report carries one. */
  public static final String DSS_TAXONOMY = "PCI-DSS";

  public SarifReporter() {
    super("sarif", SarifReporter::toSarif, JSON);
  }

  /** The SARIF log of a report. */
  public static Sarif.Log toSarif(AssessmentReport report) {
    CrossReference dss = report.crossReference();
    Map<String, Integer> dssIndex = new HashMap<>();
    Sarif.ToolComponentReference dssRef = new Sarif.ToolComponentReference(DSS_TAXONOMY, 1);
    Sarif.ToolComponent dssTaxonomy = null;
    if (dss != null) {
      List<Sarif.ReportingDescriptor> dssTaxa = new ArrayList<>();
      for (CrossReference.Requirement r : dss.requirements()) {
        dssIndex.put(r.id(), dssTaxa.size());
        dssTaxa.add(new Sarif.ReportingDescriptor(r.id(), null, text(r.id() + " " + r.title()), null, null, null,
            null, null, null));
      }
      dssTaxonomy = new Sarif.ToolComponent(DSS_TAXONOMY, dss.version(), "PCI Security Standards Council", null,
          text(dss.statement()), null, dssTaxa, null, null);
    }
    Map<String, Integer> taxonIndex = new HashMap<>();
    List<Sarif.ReportingDescriptor> taxa = new ArrayList<>();
    for (RequirementResult r : report.requirements()) {
      taxonIndex.put(r.id(), taxa.size());
      Sarif.ReportingDescriptor taxon = new Sarif.ReportingDescriptor(r.id(), null, text(r.id() + " " + r.title()),
          null, null, null, null, null, null);
      taxa.add(dss == null ? taxon : withDss(taxon, dss.requirementIdsOf(r.id()), dssIndex, dssRef));
    }
    Sarif.ToolComponentReference taxonomyRef = new Sarif.ToolComponentReference(TAXONOMY, 0);
    Sarif.ToolComponent taxonomy = new Sarif.ToolComponent(TAXONOMY, report.frameworkVersion(),
        "PCI Security Standards Council", null, text(report.frameworkTitle()), null, taxa, null, null);

    List<Sarif.ToolComponent> taxonomies = new ArrayList<>(List.of(taxonomy));
    List<Sarif.ToolComponentReference> taxonomyRefs = new ArrayList<>(List.of(taxonomyRef));
    if (dssTaxonomy != null) {
      taxonomies.add(dssTaxonomy);
      taxonomyRefs.add(dssRef);
    }

    Map<String, Integer> ruleIndex = new HashMap<>();
    List<Sarif.ReportingDescriptor> rules = new ArrayList<>();
    for (RuleResult r : report.rules()) {
      ruleIndex.put(r.id(), rules.size());
      Sarif.ReportingDescriptor descriptor = rule(r, taxonIndex, taxonomyRef);
      if (dss != null) {
        descriptor = withDss(descriptor, dss.requirementIdsOf(r.requirements()), dssIndex, dssRef);
      }
      rules.add(descriptor);
    }
    Sarif.ToolComponent driver = new Sarif.ToolComponent(report.toolName(), report.toolVersion(), null, null,
        text("Assesses Kubernetes against the " + report.frameworkTitle() + " v" + report.frameworkVersion()),
        rules, null, taxonomyRefs, null);

    List<Sarif.Result> results = new ArrayList<>();
    for (Finding f : report.findings()) {
      Sarif.Result result = result(f, ruleIndex.get(f.rule()));
      if (dss != null) {
        result.properties().put("dss", dss.requirementIdsOf(f.requirements()));
      }
      results.add(result);
    }
    List<Sarif.Notification> notifications = new ArrayList<>();
    for (ProcessingError e : report.errors()) {
      notifications.add(new Sarif.Notification("error", new Sarif.Message(e.message()),
          List.of(location(e.source()))));
    }
    for (dev.kubepci.result.RuleError e : report.ruleErrors()) {
      notifications.add(new Sarif.Notification("error", new Sarif.Message("internal error in rule " + e.describe()),
          e.source() == null ? null : List.of(location(e.source()))));
    }
    Sarif.Invocation invocation = new Sarif.Invocation(report.ruleErrors().isEmpty(), report.generatedAt().toString(),
        notifications.isEmpty() ? null : notifications);

    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("inputs", report.inputs());
    properties.put("practices", report.requirements().stream().map(SarifReporter::practice).toList());
    if (!report.tables().isEmpty()) {
      List<Map<String, Object>> tables = new ArrayList<>();
      for (RuleResult r : report.rules()) {
        for (Table t : r.tables()) {
          Map<String, Object> table = new LinkedHashMap<>();
          table.put("id", t.id());
          table.put("title", t.title());
          table.put("rule", r.id());
          table.put("columns", t.columns());
          table.put("rows", t.rows());
          tables.add(table);
        }
      }
      properties.put("tables", tables);
    }
    Sarif.Run run = new Sarif.Run(new Sarif.Tool(driver), List.of(invocation), taxonomies, null,
        new Sarif.RunAutomationDetails(report.toolName() + "/" + report.frameworkId() + "/"), results, properties);
    return new Sarif.Log(Sarif.SCHEMA, Sarif.VERSION, List.of(run));
  }

  private static Sarif.ReportingDescriptor rule(RuleResult r, Map<String, Integer> taxonIndex,
      Sarif.ToolComponentReference taxonomyRef) {
    List<Sarif.ReportingDescriptorRelationship> relationships = new ArrayList<>();
    for (String practice : r.requirements()) {
      Integer index = taxonIndex.get(practice);
      if (index != null) {
        relationships.add(new Sarif.ReportingDescriptorRelationship(
            new Sarif.ReportingDescriptorReference(practice, index, taxonomyRef), List.of("relevant")));
      }
    }
    StringBuilder helpText = new StringBuilder();
    StringBuilder helpMarkdown = new StringBuilder("**").append(r.title()).append("**\n\n");
    if (r.rationale() != null) {
      helpText.append(r.rationale()).append("\n\n");
      helpMarkdown.append(r.rationale()).append("\n\n");
    }
    if (r.remediation() != null) {
      helpText.append("Remediation: ").append(r.remediation()).append("\n\n");
      helpMarkdown.append("**Remediation:** ").append(r.remediation()).append("\n\n");
    }
    if (!r.requirements().isEmpty()) {
      helpText.append("PCI container guidance practices: ").append(String.join(", ", r.requirements()));
      helpMarkdown.append("PCI container guidance practices: ").append(String.join(", ", r.requirements()));
    }
    for (String ref : r.references()) {
      helpText.append("\n").append(ref);
      helpMarkdown.append("\n- <").append(ref).append('>');
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("security-severity", securitySeverity(r.severity()));
    properties.put("severity", r.severity().name());
    List<String> tags = new ArrayList<>(List.of("security", "kubernetes", "pci-dss"));
    r.requirements().forEach(p -> tags.add("pci-container-guidance/" + p));
    properties.put("tags", tags);
    return new Sarif.ReportingDescriptor(r.id(), pascal(r.name()), text(r.title()),
        r.rationale() == null ? null : text(r.rationale()),
        new Sarif.MultiformatMessageString(helpText.toString().strip(), helpMarkdown.toString().strip()),
        r.references().isEmpty() ? null : r.references().get(0),
        new Sarif.ReportingConfiguration(level(r.severity())), relationships.isEmpty() ? null : relationships,
        properties);
  }

  /** The rule related also to the PCI DSS requirements its practices support, with their ids in its properties. */
  private static Sarif.ReportingDescriptor withDss(Sarif.ReportingDescriptor d, List<String> requirementIds,
      Map<String, Integer> dssIndex, Sarif.ToolComponentReference dssRef) {
    List<Sarif.ReportingDescriptorRelationship> relationships =
        new ArrayList<>(d.relationships() == null ? List.of() : d.relationships());
    for (String id : requirementIds) {
      relationships.add(new Sarif.ReportingDescriptorRelationship(
          new Sarif.ReportingDescriptorReference(id, dssIndex.get(id), dssRef), List.of("relevant")));
    }
    Map<String, Object> properties = new LinkedHashMap<>(d.properties() == null ? Map.of() : d.properties());
    properties.put("dss", requirementIds);
    return new Sarif.ReportingDescriptor(d.id(), d.name(), d.shortDescription(), d.fullDescription(), d.help(),
        d.helpUri(), d.defaultConfiguration(), relationships.isEmpty() ? null : relationships, properties);
  }

  private static Sarif.Result result(Finding f, Integer ruleIndex) {
    List<Sarif.LogicalLocation> logical = f.resource() == null
        ? List.of(new Sarif.LogicalLocation("cluster", "cluster", "resource"))
        : List.of(new Sarif.LogicalLocation(f.resource().name(), f.resource().displayName(), "resource"));
    Sarif.PhysicalLocation physical = physical(f.source());
    String text = (f.resource() == null ? "" : f.resource().displayName() + ": ") + f.message()
        + (f.path().isRoot() ? "" : " (" + f.path() + " = " + f.observed() + ")");
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("severity", f.severity().name());
    properties.put("requirements", f.requirements());
    properties.put("scope", f.scope().label());
    properties.put("path", f.path().toString());
    properties.put("observed", f.observed());
    if (f.resource() != null) {
      properties.put("resource", resource(f.resource()));
    }
    if (f.source() instanceof Provenance.ClusterSource c) {
      properties.put("cluster", c.cluster());
      if (c.collectedAt() != null) {
        properties.put("collectedAt", c.collectedAt().toString());
      }
    } else if (f.source() instanceof Provenance.DerivedSource d) {
      properties.put("derivedBy", d.by());
      properties.put("derivedFrom", d.from());
    } else if (f.source() instanceof Provenance.ConfigurationSource c) {
      properties.put("configuration", c.describe());
    }
    if (f.kubectl() != null) {
      properties.put("kubectl", f.kubectl());
    }
    properties.put("remediation", f.remediation());
    List<Sarif.Suppression> suppressions = null;
    if (f.status() == Status.WAIVED && f.waiver() != null) {
      Map<String, Object> waiver = new LinkedHashMap<>();
      if (f.waiver().id() != null) {
        waiver.put("id", f.waiver().id());
      }
      waiver.put("approver", f.waiver().approver());
      waiver.put("expires", String.valueOf(f.waiver().expires()));
      if (f.waiver().riskAnalysis() != null) {
        waiver.put("riskAnalysis", f.waiver().riskAnalysis());
      }
      suppressions = List.of(new Sarif.Suppression("external", "accepted", f.waiver().justification(), waiver));
    }
    return new Sarif.Result(f.rule(), ruleIndex, "fail", level(f.severity()), new Sarif.Message(text),
        List.of(new Sarif.Location(physical, logical, null)), Map.of(FINGERPRINT, f.fingerprint()), suppressions,
        properties);
  }

  private static Map<String, Object> resource(ResourceRef ref) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("apiVersion", ref.apiVersion());
    m.put("kind", ref.kind());
    if (ref.namespace() != null) {
      m.put("namespace", ref.namespace());
    }
    m.put("name", ref.name());
    if (ref.uid() != null) {
      m.put("uid", ref.uid());
    }
    if (ref.resourceVersion() != null) {
      m.put("resourceVersion", ref.resourceVersion());
    }
    return m;
  }

  private static Map<String, Object> practice(RequirementResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.id());
    m.put("status", r.status().name());
    if (r.attested()) {
      m.put("attestedBy", r.attestation().reviewer());
    }
    return m;
  }

  /**
   * Where a notification points: a file location for a file, a logical location for an element of the
   * configuration or a derived fact (never a made-up artifact), nothing more for a cluster.
   */
  private static Sarif.Location location(Provenance p) {
    if (p instanceof Provenance.ConfigurationSource c) {
      return new Sarif.Location(null, List.of(new Sarif.LogicalLocation(c.element(), c.describe(), "element")), null);
    }
    if (p instanceof Provenance.DerivedSource d) {
      return new Sarif.Location(null, List.of(new Sarif.LogicalLocation(d.from(), d.describe(), "element")), null);
    }
    return new Sarif.Location(physical(p), null, null);
  }

  /** A file location for a file's document; null for every other kind of source, which has no artifact. */
  private static Sarif.PhysicalLocation physical(Provenance source) {
    if (!(source instanceof Provenance.FileSource p)) {
      return null;
    }
    Sarif.ArtifactLocation artifact = "-".equals(p.file())
        ? new Sarif.ArtifactLocation(null, null, new Sarif.Message("standard input"))
        : new Sarif.ArtifactLocation(uri(p.file()), null, null);
    return new Sarif.PhysicalLocation(artifact, p.bestLine() > 0 ? new Sarif.Region(p.bestLine()) : null);
  }

  /** A relative path as a relative URI reference (forward slashes, escaped), an absolute one as a file URI. */
  static String uri(String file) {
    String path = file.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    try {
      if (path.startsWith("/")) {
        return new URI("file", "", path, null).toASCIIString();
      }
      return new URI(null, null, path, null).toASCIIString();
    } catch (URISyntaxException e) {
      return path;
    }
  }

  static String level(Severity s) {
    return switch (s) {
      case CRITICAL, HIGH -> "error";
      case MEDIUM -> "warning";
      case LOW, INFO -> "note";
    };
  }

  /** GitHub code scanning ranks security alerts by this score (0.1 to 10). */
  static String securitySeverity(Severity s) {
    return switch (s) {
      case CRITICAL -> "9.5";
      case HIGH -> "8.0";
      case MEDIUM -> "5.5";
      case LOW -> "3.0";
      case INFO -> "1.0";
    };
  }

  /** {@code privileged-container} becomes {@code PrivilegedContainer}, the name form SARIF viewers expect. */
  static String pascal(String name) {
    StringBuilder sb = new StringBuilder();
    for (String part : name.split("-")) {
      if (!part.isEmpty()) {
        sb.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
      }
    }
    return sb.toString();
  }

  private static Sarif.MultiformatMessageString text(String s) {
    return new Sarif.MultiformatMessageString(s, null);
  }
}
