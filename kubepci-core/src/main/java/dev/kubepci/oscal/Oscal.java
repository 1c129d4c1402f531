package dev.kubepci.oscal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The subset of the NIST OSCAL 1.1.2 JSON model kubepci writes (catalog and assessment results), one record per
 * OSCAL assembly, named and shaped as in the OSCAL model reference so that the JSON Jackson writes is the OSCAL
 * document. Absent and empty values are left out, as OSCAL forbids empty arrays.
 */
public final class Oscal {
  public static final String VERSION = "1.1.2";
  /** The namespace of kubepci's own properties. */
  public static final String NS = "urn:kubepci:oscal";
  /** Control ids of the container guidance practices: {@code pcg-1.1}. */
  public static final String CONTROL_PREFIX = "pcg-";

  private Oscal() {}

  /** The control id of a practice. */
  public static String controlId(String practice) {
    return CONTROL_PREFIX + practice;
  }

  /** The id of a practice's assessment objective, the target of its finding. */
  public static String objectiveId(String practice) {
    return controlId(practice) + "_obj";
  }

  /**
   * A name-based UUID (version 5, SHA-1) in kubepci's namespace: the same name gives the same UUID on every run,
   * which OSCAL requires of identifiers that stay the same across revisions.
   */
  public static String uuid(String name) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update("kubepci/oscal/".getBytes(StandardCharsets.UTF_8));
      byte[] h = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
      h[6] = (byte) ((h[6] & 0x0f) | 0x50);
      h[8] = (byte) ((h[8] & 0x3f) | 0x80);
      long msb = 0;
      long lsb = 0;
      for (int i = 0; i < 8; i++) {
        msb = (msb << 8) | (h[i] & 0xff);
        lsb = (lsb << 8) | (h[i + 8] & 0xff);
      }
      return new UUID(msb, lsb).toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every Java runtime", e);
    }
  }

  /** A kubepci property; null when the value is blank (OSCAL values are non-empty, without outer whitespace). */
  public static Prop prop(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return new Prop(name, value.replaceAll("\\s+", " ").strip(), NS, null);
  }

  /** Properties without the nulls {@link #prop} returns for blank values; null when none is left. */
  public static List<Prop> props(Prop... props) {
    List<Prop> out = new ArrayList<>();
    for (Prop p : props) {
      if (p != null) {
        out.add(p);
      }
    }
    return out.isEmpty() ? null : out;
  }

  /** Null for an empty list: OSCAL arrays have at least one item. */
  public static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : List.copyOf(list);
  }

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "value", "ns", "class"})
  public record Prop(String name, String value, String ns, @JsonProperty("class") String clazz) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"title", "published", "last-modified", "version", "oscal-version", "props", "parties",
      "remarks"})
  public record Metadata(String title, String published, @JsonProperty("last-modified") String lastModified,
      String version, @JsonProperty("oscal-version") String oscalVersion, List<Prop> props, List<Party> parties,
      String remarks) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "type", "name", "props"})
  public record Party(String uuid, String type, String name, List<Prop> props) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"resources"})
  public record BackMatter(List<Resource> resources) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "title", "description", "props", "remarks"})
  public record Resource(String uuid, String title, String description, List<Prop> props, String remarks) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "name", "title", "props", "prose", "parts"})
  public record Part(String id, String name, String title, List<Prop> props, String prose, List<Part> parts) {}

  // ---- catalog

  /** The document root of a catalog. */
  public record CatalogDocument(Catalog catalog) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "metadata", "groups", "back-matter"})
  public record Catalog(String uuid, Metadata metadata, List<Group> groups,
      @JsonProperty("back-matter") BackMatter backMatter) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "class", "title", "props", "controls"})
  public record Group(String id, @JsonProperty("class") String clazz, String title, List<Prop> props,
      List<Control> controls) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"id", "class", "title", "props", "parts"})
  public record Control(String id, @JsonProperty("class") String clazz, String title, List<Prop> props,
      List<Part> parts) {}

  // ---- assessment results

  /** The document root of assessment results. */
  public record AssessmentResultsDocument(@JsonProperty("assessment-results") AssessmentResults assessmentResults) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "metadata", "import-ap", "local-definitions", "results", "back-matter"})
  public record AssessmentResults(String uuid, Metadata metadata, @JsonProperty("import-ap") ImportAp importAp,
      @JsonProperty("local-definitions") LocalDefinitions localDefinitions, List<Result> results,
      @JsonProperty("back-matter") BackMatter backMatter) {}

  public record ImportAp(String href) {}

  public record LocalDefinitions(@JsonProperty("objectives-and-methods") List<LocalObjective> objectivesAndMethods) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"control-id", "description", "props", "parts"})
  public record LocalObjective(@JsonProperty("control-id") String controlId, String description, List<Prop> props,
      List<Part> parts) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "title", "description", "start", "end", "props", "local-definitions",
      "reviewed-controls", "observations", "risks", "findings"})
  public record Result(String uuid, String title, String description, String start, String end, List<Prop> props,
      @JsonProperty("local-definitions") ResultDefinitions localDefinitions,
      @JsonProperty("reviewed-controls") ReviewedControls reviewedControls, List<Observation> observations,
      List<Risk> risks, List<Finding> findings) {}

  public record ResultDefinitions(List<Component> components) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "type", "title", "description", "props", "status"})
  public record Component(String uuid, String type, String title, String description, List<Prop> props,
      State status) {}

  public record State(String state) {}

  public record ReviewedControls(@JsonProperty("control-selections") List<ControlSelection> controlSelections) {}

  public record ControlSelection(@JsonProperty("include-controls") List<ControlRef> includeControls) {}

  public record ControlRef(@JsonProperty("control-id") String controlId) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "title", "description", "props", "methods", "types", "origins", "relevant-evidence",
      "collected", "remarks"})
  public record Observation(String uuid, String title, String description, List<Prop> props, List<String> methods,
      List<String> types, List<Origin> origins,
      @JsonProperty("relevant-evidence") List<RelevantEvidence> relevantEvidence, String collected,
      String remarks) {}

  public record Origin(List<Actor> actors) {}

  @JsonPropertyOrder({"type", "actor-uuid"})
  public record Actor(String type, @JsonProperty("actor-uuid") String actorUuid) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"href", "description", "props"})
  public record RelevantEvidence(String href, String description, List<Prop> props) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "title", "description", "statement", "props", "status", "origins", "deadline",
      "remarks"})
  public record Risk(String uuid, String title, String description, String statement, List<Prop> props,
      String status, List<Origin> origins, String deadline, String remarks) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"uuid", "title", "description", "props", "target", "related-observations", "related-risks"})
  public record Finding(String uuid, String title, String description, List<Prop> props, Target target,
      @JsonProperty("related-observations") List<RelatedObservation> relatedObservations,
      @JsonProperty("related-risks") List<RelatedRisk> relatedRisks) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"type", "target-id", "title", "props", "status"})
  public record Target(String type, @JsonProperty("target-id") String targetId, String title, List<Prop> props,
      ObjectiveStatus status) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"state", "reason", "remarks"})
  public record ObjectiveStatus(String state, String reason, String remarks) {}

  public record RelatedObservation(@JsonProperty("observation-uuid") String observationUuid) {}

  public record RelatedRisk(@JsonProperty("risk-uuid") String riskUuid) {}
}
