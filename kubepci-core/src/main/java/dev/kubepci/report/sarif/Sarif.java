package dev.kubepci.report.sarif;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The subset of the SARIF 2.1.0 object model kubepci writes, one record per SARIF object, named and shaped as in
 * the OASIS specification so that the JSON Jackson writes is the SARIF log. Absent values are left out.
 */
public final class Sarif {
  /** The schema a log declares. */
  public static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  public static final String VERSION = "2.1.0";

  private Sarif() {}

  /** sarifLog: the top-level object. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"$schema", "version", "runs"})
  public record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  /** run: one invocation of one tool. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"tool", "invocations", "taxonomies", "originalUriBaseIds", "automationDetails", "results",
      "properties"})
  public record Run(Tool tool, List<Invocation> invocations, List<ToolComponent> taxonomies,
      Map<String, ArtifactLocation> originalUriBaseIds, RunAutomationDetails automationDetails, List<Result> results,
      Map<String, Object> properties) {}

  /** runAutomationDetails: identifies the run's category for result matching across runs. */
  public record RunAutomationDetails(String id) {}

  /** tool. */
  public record Tool(ToolComponent driver) {}

  /** toolComponent: the driver (kubepci with its rules) or a taxonomy (the PCI guidance with its practices). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "version", "organization", "informationUri", "shortDescription", "rules", "taxa",
      "supportedTaxonomies", "isComprehensive"})
  public record ToolComponent(String name, String version, String organization, String informationUri,
      MultiformatMessageString shortDescription, List<ReportingDescriptor> rules, List<ReportingDescriptor> taxa,
      List<ToolComponentReference> supportedTaxonomies, Boolean isComprehensive) {}

  /** toolComponentReference. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "index"})
  public record ToolComponentReference(String name, Integer index) {}

  /** reportingDescriptor: a rule of the driver, or a taxon (best practice) of a taxonomy. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "name", "shortDescription", "fullDescription", "help", "helpUri",
      "defaultConfiguration", "relationships", "properties"})
  public record ReportingDescriptor(String id, String name, MultiformatMessageString shortDescription,
      MultiformatMessageString fullDescription, MultiformatMessageString help, String helpUri,
      ReportingConfiguration defaultConfiguration, List<ReportingDescriptorRelationship> relationships,
      Map<String, Object> properties) {}

  /** multiformatMessageString. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"text", "markdown"})
  public record MultiformatMessageString(String text, String markdown) {}

  /** reportingConfiguration. */
  public record ReportingConfiguration(String level) {}

  /** reportingDescriptorRelationship: a rule related to the best practice it decides. */
  @JsonPropertyOrder({"target", "kinds"})
  public record ReportingDescriptorRelationship(ReportingDescriptorReference target, List<String> kinds) {}

  /** reportingDescriptorReference. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "index", "toolComponent"})
  public record ReportingDescriptorReference(String id, Integer index, ToolComponentReference toolComponent) {}

  /** result. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"ruleId", "ruleIndex", "kind", "level", "message", "locations", "partialFingerprints",
      "suppressions", "properties"})
  public record Result(String ruleId, Integer ruleIndex, String kind, String level, Message message,
      List<Location> locations, Map<String, String> partialFingerprints, List<Suppression> suppressions,
      Map<String, Object> properties) {}

  /** message. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Message(String text) {}

  /** location: a file and line for manifests, a logical location (the object) always. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"physicalLocation", "logicalLocations", "message"})
  public record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations,
      Message message) {}

  /** physicalLocation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"artifactLocation", "region"})
  public record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  /** artifactLocation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uri", "uriBaseId", "description"})
  public record ArtifactLocation(String uri, String uriBaseId, Message description) {}

  /** region. */
  public record Region(int startLine) {}

  /** logicalLocation: a Kubernetes object, {@code Kind/namespace/name}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "fullyQualifiedName", "kind"})
  public record LogicalLocation(String name, String fullyQualifiedName, String kind) {}

  /** suppression: a waiver, shown as an accepted external suppression. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"kind", "status", "justification", "properties"})
  public record Suppression(String kind, String status, String justification, Map<String, Object> properties) {}

  /** invocation. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"executionSuccessful", "startTimeUtc", "toolExecutionNotifications"})
  public record Invocation(boolean executionSuccessful, String startTimeUtc,
      List<Notification> toolExecutionNotifications) {}

  /** notification: input kubepci could not use. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"level", "message", "locations"})
  public record Notification(String level, Message message, List<Location> locations) {}
}
