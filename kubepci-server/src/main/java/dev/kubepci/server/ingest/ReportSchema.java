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

/** The published report schema ({@code schemas/kubepci-report.schema.json}, packaged with the server). */
final class ReportSchema {
  private static final String RESOURCE = "/dev/kubepci/server/schema/kubepci-report.schema.json";
  private static final JsonSchema SCHEMA = load();

  private ReportSchema() {}

  /** What is wrong with a report, one message per violation, sorted; empty when it follows the schema. */
  static List<String> violations(JsonNode report) {
    return SCHEMA.validate(report).stream().map(ValidationMessage::getMessage).sorted().distinct().toList();
  }

  private static JsonSchema load() {
    try (InputStream in = ReportSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the server's classpath");
      }
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Json.MAPPER.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + RESOURCE, e);
    }
  }
}
