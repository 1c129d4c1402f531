package dev.kubepci.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.kubepci.server.web.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published schemas a push is checked against ({@code schemas/kubepci-report.schema.json} for the report,
 * {@code schemas/kubepci-push.schema.json} for the envelope and its extras; packaged with the server).
 */
final class ReportSchema {
  private static final String DIR = "/dev/kubepci/server/schema/";
  private static final JsonSchema REPORT = load("kubepci-report.schema.json");
  private static final JsonSchema ENVELOPE = load("kubepci-push.schema.json");

  private ReportSchema() {}

  /** What is wrong with a report, one message per violation, sorted; empty when it follows the schema. */
  static List<String> violations(JsonNode report) {
    return messages(REPORT, report);
  }

  /** What is wrong with a push envelope and its extras (not the report inside); empty when it follows the schema. */
  static List<String> envelopeViolations(JsonNode envelope) {
    return messages(ENVELOPE, envelope);
  }

  private static List<String> messages(JsonSchema schema, JsonNode node) {
    return schema.validate(node).stream().map(ValidationMessage::getMessage).sorted().distinct().toList();
  }

  private static JsonSchema load(String name) {
    String resource = DIR + name;
    try (InputStream in = ReportSchema.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the server's classpath");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + resource, e);
    }
  }
}
