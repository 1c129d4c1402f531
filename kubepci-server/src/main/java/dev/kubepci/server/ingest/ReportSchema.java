package dev.kubepci.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubepci.schema.PublishedSchema;
import java.util.List;

/**
 * The published schemas a push is checked against ({@code schemas/kubepci-report.schema.json} for the report,
 * {@code schemas/kubepci-push.schema.json} for the envelope and its extras; packaged with the server).
 */
final class ReportSchema {
  private static final String DIR = "/dev/kubepci/server/schema/";
  private static final PublishedSchema REPORT = PublishedSchema.load(ReportSchema.class,
      DIR + "kubepci-report.schema.json");
  private static final PublishedSchema ENVELOPE = PublishedSchema.load(ReportSchema.class,
      DIR + "kubepci-push.schema.json");

  private ReportSchema() {}

  /** What is wrong with a report, one message per violation, sorted; empty when it follows the schema. */
  static List<String> violations(JsonNode report) {
    return REPORT.violations(report).stream().distinct().toList();
  }

  /** What is wrong with a push envelope and its extras (not the report inside); empty when it follows the schema. */
  static List<String> envelopeViolations(JsonNode envelope) {
    return ENVELOPE.violations(envelope).stream().distinct().toList();
  }
}
