package dev.kubepci.report.pss;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.kubepci.report.json.JsonReport;
import java.util.List;

/**
 * One element of the JSON array {@code kubepci pss --format json} prints, described by
 * {@code schemas/kubepci-pss.schema.json}. The resource has the shape of a finding's resource in the main report.
 *
 * @param version the policy version as requested ({@code latest} or {@code v1.N})
 */
@JsonPropertyOrder({"resource", "level", "version", "allowed", "violations"})
public record PssJson(JsonReport.Resource resource, String level, String version, boolean allowed,
    List<Violation> violations) {

  /** One offending field, with the upstream check id. */
  @JsonPropertyOrder({"check", "message", "path"})
  public record Violation(String check, String message, String path) {}
}
