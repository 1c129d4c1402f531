package dev.kubepci.report.pss;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One element of the JSON array {@code kubepci pss --format json} prints, described by
 * {@code schemas/kubepci-pss.schema.json}. The resource has the shape of a finding's resource in the main report,
 * but is its own type so that this contract does not move with the assessment report's.
 *
 * @param version the policy version as requested ({@code latest} or {@code v1.N})
 */
@JsonPropertyOrder({"resource", "level", "version", "allowed", "violations"})
public record PssJson(Resource resource, String level, String version, boolean allowed,
    List<Violation> violations) {

  /** The object judged. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"apiVersion", "kind", "namespace", "name", "uid", "resourceVersion", "source"})
  public record Resource(String apiVersion, String kind, String namespace, String name, String uid,
      String resourceVersion, Source source) {}

  /** Where it was read: file, document and line, or the cluster and collection time. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"file", "document", "line", "cluster", "collectedAt"})
  public record Source(String file, Integer document, Integer line, String cluster, String collectedAt) {}

  /** One offending field, with the upstream check id. */
  @JsonPropertyOrder({"check", "message", "path"})
  public record Violation(String check, String message, String path) {}
}
