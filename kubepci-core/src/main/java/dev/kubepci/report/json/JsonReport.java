package dev.kubepci.report.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, the contract other tools build on; {@code schemas/kubepci-report.schema.json} describes it.
 * Records mirror the JSON one to one; absent values are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "tool", "framework", "generatedAt", "inputs", "cluster", "objects", "summary",
    "areas", "requirements", "rules", "findings", "tables", "errors"})
public record JsonReport(
    String schemaVersion, Tool tool, FrameworkRef framework, String generatedAt, List<String> inputs,
    Cluster cluster, int objects, Summary summary, List<Area> areas, List<Requirement> requirements,
    List<Rule> rules, List<Finding> findings, List<Table> tables, List<Error> errors) {

  public static final String SCHEMA_VERSION = "1.0";

  /** The tool that wrote the report. */
  public record Tool(String name, String version) {}

  /** The framework assessed against. */
  public record FrameworkRef(String id, String version, String title) {}

  /** What is known of the cluster. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cluster(String name, String server, String version, String provider) {}

  /** Counts: practices per status, failing findings per severity, rules per status, input errors. */
  @JsonPropertyOrder({"requirements", "findings", "rules", "errors"})
  public record Summary(Map<String, Integer> requirements, Map<String, Integer> findings,
      Map<String, Integer> rules, int errors) {}

  /** One area of the guidance. */
  @JsonPropertyOrder({"id", "title", "status", "requirements"})
  public record Area(String id, String title, String status, List<String> requirements) {}

  /** One best practice with its verdict. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "area", "title", "assessment", "status", "automatedStatus", "reason", "rules",
      "findings", "evidence", "toCollect", "commands", "questions"})
  public record Requirement(String id, String area, String title, String assessment, String status,
      String automatedStatus, String reason, List<String> rules, int findings, List<String> evidence,
      List<String> toCollect, List<String> commands, List<String> questions) {}

  /** One rule with its verdict over the input. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "name", "title", "severity", "requirements", "status", "reason", "failed", "passed",
      "notes"})
  public record Rule(String id, String name, String title, String severity, List<String> requirements,
      String status, String reason, int failed, int passed, List<String> notes) {}

  /** One finding with its evidence. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"rule", "name", "requirements", "severity", "status", "scope", "resource", "path", "observed",
      "message", "remediation"})
  public record Finding(String rule, String name, List<String> requirements, String severity, String status,
      String scope, Resource resource, String path, String observed, String message, String remediation) {}

  /** A table of facts a rule gathered. */
  @JsonPropertyOrder({"id", "title", "rule", "columns", "rows"})
  public record Table(String id, String title, String rule, List<String> columns, List<List<String>> rows) {}

  /** The object a finding is about. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"apiVersion", "kind", "namespace", "name", "uid", "resourceVersion", "source"})
  public record Resource(String apiVersion, String kind, String namespace, String name, String uid,
      String resourceVersion, Source source) {}

  /** Where an object or an error was read. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"file", "document", "line", "cluster", "collectedAt"})
  public record Source(String file, Integer document, Integer line, String cluster, String collectedAt) {}

  /** Input that could not be used. */
  public record Error(Source source, String message) {}
}
