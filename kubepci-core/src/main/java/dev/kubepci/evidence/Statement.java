package dev.kubepci.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * The in-toto Statement v1 an evidence bundle signs: one subject per file of the bundle (its path, SHA-256 and, as
 * annotations, its size and role), which is the bundle's manifest, and a predicate saying what was assessed.
 */
@JsonPropertyOrder({"_type", "subject", "predicateType", "predicate"})
@JsonIgnoreProperties(ignoreUnknown = true)
public record Statement(@JsonProperty("_type") String type, List<Subject> subject, String predicateType,
    Predicate predicate) {
  public static final String TYPE = "https://in-toto.io/Statement/v1";
  public static final String PREDICATE_TYPE = "https://kubepci.dev/evidence-bundle/v1";

  public Statement {
    subject = subject == null ? List.of() : List.copyOf(subject);
  }

  /** An in-toto ResourceDescriptor: a file of the bundle. */
  @JsonPropertyOrder({"name", "digest", "annotations"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Subject(String name, Map<String, String> digest, Annotations annotations) {
    public String sha256() {
      return digest == null ? null : digest.get("sha256");
    }
  }

  /** The size in bytes and the role of a file: report, input, configuration, waivers, attestations, catalogue. */
  @JsonPropertyOrder({"size", "role"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Annotations(long size, String role) {}

  /**
   * What the bundle attests.
   *
   * @param createdAt when the assessment ran
   * @param cluster the cluster assessed, when known
   * @param inputs what was assessed, as given
   * @param summary practices per status, failing findings per severity, waived findings, input errors
   * @param notIncluded inputs deliberately left out of the bundle, with why
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"createdAt", "tool", "framework", "crossReference", "rules", "cluster", "inputs", "summary",
      "notIncluded"})
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Predicate(String createdAt, Named tool, Named framework, Named crossReference, int rules,
      Cluster cluster, List<String> inputs, Summary summary, List<String> notIncluded) {}

  /** A name and version. */
  public record Named(String name, String version) {}

  /** The cluster assessed. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Cluster(String name, String server, String version) {}

  /** The verdicts in numbers. */
  @JsonPropertyOrder({"practices", "failingFindings", "waivedFindings", "inputErrors"})
  public record Summary(Map<String, Integer> practices, Map<String, Integer> failingFindings, int waivedFindings,
      int inputErrors) {}
}
