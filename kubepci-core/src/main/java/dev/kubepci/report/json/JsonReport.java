package dev.kubepci.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kubepci.model.ServerUrl;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, the contract other tools build on; {@code schemas/kubepci-report.schema.json} describes it.
 * Records mirror the JSON one to one; absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "tool", "framework", "crossReference", "generatedAt", "inputs", "cluster",
    "objects", "summary", "areas", "requirements", "rules", "findings", "tables", "waivers", "errors", "ruleErrors",
    "skipped"})
public record JsonReport(
    String schemaVersion, Tool tool, FrameworkRef framework, CrossReferenceRef crossReference, String generatedAt,
    List<String> inputs, Cluster cluster, int objects, Summary summary, List<Area> areas,
    List<Requirement> requirements, List<Rule> rules, List<Finding> findings, List<Table> tables,
    List<WaiverState> waivers, List<Error> errors, List<RuleError> ruleErrors, List<Error> skipped) {

  public static final String SCHEMA_VERSION = "1.0";

  /** The tool that wrote the report. */
  public record Tool(String name, String version) {}

  /** The framework assessed against. */
  public record FrameworkRef(String id, String version, String title) {}

  /**
   * The informative cross-reference whose requirement ids the practices and findings carry in {@code dss}.
   *
   * @param statement whose interpretation the mapping is
   * @param requirements the requirements referenced, in the standard's order
   */
  @JsonPropertyOrder({"id", "version", "title", "statement", "requirements"})
  public record CrossReferenceRef(String id, String version, String title, String statement,
      List<DssRequirement> requirements) {}

  /** A PCI DSS requirement. */
  @JsonPropertyOrder({"id", "title"})
  public record DssRequirement(String id, String title) {}

  /** A PCI DSS requirement a practice supports, and why (kubepci's interpretation). */
  @JsonPropertyOrder({"id", "rationale"})
  public record DssSupport(String id, String rationale) {}

  /** What is known of the cluster. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cluster(String name, String server, String version, String provider) {
    public Cluster {
      server = ServerUrl.redact(server); // also for reports of older versions read by diff
    }
  }

  /**
   * Counts: practices per status, failing findings per severity, rules per status, input errors, rule errors;
   * waived findings, practices an attestation decided, MANUAL practices still open, and documents skipped (left out
   * when none).
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"requirements", "findings", "rules", "errors", "ruleErrors", "waived", "attested", "open",
      "scopes", "skipped"})
  public record Summary(Map<String, Integer> requirements, Map<String, Integer> findings,
      Map<String, Integer> rules, int errors, int ruleErrors, int waived, int attested, List<String> open,
      Map<String, Integer> scopes, Integer skipped) {}

  /** One area of the guidance. */
  @JsonPropertyOrder({"id", "title", "status", "requirements"})
  public record Area(String id, String title, String status, List<String> requirements) {}

  /** One best practice with its verdict. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "area", "title", "assessment", "status", "automatedStatus", "reason", "rules",
      "findings", "evidence", "toCollect", "commands", "questions", "attestation", "dss"})
  public record Requirement(String id, String area, String title, String assessment, String status,
      String automatedStatus, String reason, List<String> rules, int findings, List<String> evidence,
      List<String> toCollect, List<String> commands, List<String> questions, AttestationRecord attestation,
      List<DssSupport> dss) {}

  /**
   * An assessor's attestation of a practice.
   *
   * @param applied true when it decided the practice's status (the practice was otherwise MANUAL)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"verdict", "reviewer", "date", "evidence", "note", "applied", "source"})
  public record AttestationRecord(String verdict, String reviewer, String date, List<String> evidence, String note,
      boolean applied, Source source) {}

  /** One rule with its verdict over the input. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "name", "title", "severity", "requirements", "status", "reason", "failed", "passed",
      "notes"})
  public record Rule(String id, String name, String title, String severity, List<String> requirements,
      String status, String reason, int failed, int passed, List<String> notes) {}

  /** One finding with its evidence. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"rule", "name", "ruleVersion", "requirements", "severity", "status", "scope", "resource",
      "dss", "path", "observed", "message", "remediation", "kubectl", "fingerprint", "waiver"})
  public record Finding(String rule, String name, String ruleVersion, List<String> requirements, String severity,
      String status, String scope, Resource resource, List<String> dss, String path, String observed,
      String message, String remediation, String kubectl, String fingerprint, WaiverRecord waiver) {}

  /** A waiver as declared: what it covers, why, who approved it, until when. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "rule", "practice", "scope", "justification", "approver", "expires", "riskAnalysis",
      "source"})
  public record WaiverRecord(String id, String rule, String practice, WaiverScope scope, String justification,
      String approver, String expires, String riskAnalysis, Source source) {}

  /** The objects a waiver covers; absent patterns match everything. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"namespace", "kind", "name"})
  public record WaiverScope(String namespace, String kind, String name) {}

  /**
   * A declared waiver and what became of it.
   *
   * @param state ACTIVE, EXPIRED or INVALID
   * @param matched findings it covered
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"waiver", "state", "matched", "problem"})
  public record WaiverState(WaiverRecord waiver, String state, int matched, String problem) {}

  /** A table of facts a rule gathered. */
  @JsonPropertyOrder({"id", "title", "rule", "columns", "rows"})
  public record Table(String id, String title, String rule, List<String> columns, List<List<String>> rows) {}

  /** The object a finding is about. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"apiVersion", "kind", "namespace", "name", "uid", "resourceVersion", "source"})
  public record Resource(String apiVersion, String kind, String namespace, String name, String uid,
      String resourceVersion, Source source) {}

  /**
   * Where an object or an error was read.
   *
   * @param assumedNamespace the namespace the object was put in because its file names none
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"file", "document", "line", "fieldLine", "template", "assumedNamespace", "cluster",
      "collectedAt", "configuration", "configurationFile", "derivedBy", "derivedFrom"})
  public record Source(String file, Integer document, Integer line, Integer fieldLine, String template,
      String assumedNamespace, String cluster, String collectedAt, String configuration, String configurationFile,
      String derivedBy, String derivedFrom) {
    public Source {
      cluster = ServerUrl.redact(cluster);
    }

    /** A document of a file. */
    public static Source file(String file, Integer document, Integer line, Integer fieldLine, String template,
        String assumedNamespace) {
      return new Source(file, document, line, fieldLine, template, assumedNamespace, null, null, null, null, null,
          null);
    }

    /** An object read from a cluster. */
    public static Source cluster(String cluster, String collectedAt) {
      return new Source(null, null, null, null, null, null, cluster, collectedAt, null, null, null, null);
    }

    /** An element of the configuration ({@code waiver W-1}), with the file it came from when known. */
    public static Source configuration(String element, String file) {
      return new Source(null, null, null, null, null, null, null, null, element, file, null, null);
    }

    /** A fact a rule or an analysis derived. */
    public static Source derived(String by, String from) {
      return new Source(null, null, null, null, null, null, null, null, null, null, by, from);
    }
  }

  /** Input that could not be used, or (in {@code skipped}) a document passed over, with the reason. */
  public record Error(Source source, String message) {}

  /**
   * A rule that failed with an internal error (a bug in kubepci), apart from the input errors.
   *
   * @param resource the object it was checking; absent for a rule over the whole input
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"rule", "name", "resource", "message"})
  public record RuleError(String rule, String name, Resource resource, String message) {}
}
