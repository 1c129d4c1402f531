package dev.kubepci.collect.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The published snapshot schema ({@code schemas/kubepci-snapshot.schema.json}, packaged with kubepci), applied to the
 * header and trailer lines of every snapshot read. One schema is the contract for kubepci, the kubectl script and
 * anyone else who writes snapshots, so the reader enforces exactly that file and no second copy of its rules.
 */
final class SnapshotSchema {
  private static final String RESOURCE = "kubepci-snapshot.schema.json";
  private static final JsonSchema HEADER = part("header");
  private static final JsonSchema TRAILER = part("trailer");

  private SnapshotSchema() {}

  /** What is wrong with a header line, one message per violation, sorted; empty when it follows the schema. */
  static List<String> header(JsonNode line) {
    return violations(HEADER, line);
  }

  /** What is wrong with a trailer line, one message per violation, sorted; empty when it follows the schema. */
  static List<String> trailer(JsonNode line) {
    return violations(TRAILER, line);
  }

  private static List<String> violations(JsonSchema schema, JsonNode line) {
    return schema.validate(line).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  /** The schema with its root narrowed from "header or trailer" to one of them, for messages about that one. */
  private static JsonSchema part(String definition) {
    try (InputStream in = SnapshotSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from kubepci's classpath");
      }
      ObjectNode root = (ObjectNode) SnapshotFormat.MAPPER.readTree(in);
      root.remove("oneOf");
      root.put("$ref", "#/$defs/" + definition);
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + RESOURCE, e);
    }
  }
}
